import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IdentificationStatus } from '@passage/schemas';

/** One identification decision for one person in one jurisdiction; the latest row is the current one. */
@Entity({ name: 'identification_decision' })
export class IdentificationDecisionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column('text')
  status: IdentificationStatus;

  @Column({ name: 'previous_status', type: 'text', nullable: true })
  previousStatus: IdentificationStatus | null;

  @Column({ name: 'authority_organisation_id', type: 'uuid' })
  authorityOrganisationId: string;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'recognised_by', type: 'char', length: 2, array: true })
  recognisedBy: string[];

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
