import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseOutcome } from '@passage/schemas';
import type { CaseOrigin, CaseStatus } from '../case-vocabulary.js';

/** A case: one person's path through the mechanism in one jurisdiction (`case` is a reserved word). */
@Entity({ name: 'case_file' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  reference: string;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  @Column({ name: 'owner_country', type: 'char', length: 2 })
  ownerCountry: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column('text')
  origin: CaseOrigin;

  @Column({ name: 'rescue_request_id', type: 'uuid', nullable: true })
  rescueRequestId: string | null;

  @Column({ name: 'mass_intake_id', type: 'uuid', nullable: true })
  massIntakeId: string | null;

  @Column('text')
  status: CaseStatus;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** How the case ended; set exactly while it is closed. */
  @Column({ type: 'text', nullable: true })
  outcome: CaseOutcome | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
