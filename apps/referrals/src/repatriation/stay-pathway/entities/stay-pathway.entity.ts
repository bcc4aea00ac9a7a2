import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StayPathwayBasis, StayPathwayKind, StayPathwayStatus } from '@passage/schemas';

/** A person's stay pathway, from opening to the decision that settles it. */
@Entity({ name: 'stay_pathway' })
export class StayPathwayEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** The country the person is in, whose node holds the pathway; every step owner works there. */
  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column('text')
  kind: StayPathwayKind;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  @Column('text')
  status: StayPathwayStatus;

  @Column('text')
  basis: StayPathwayBasis;

  @Column({ name: 'risk_assessment_id', type: 'uuid', nullable: true })
  riskAssessmentId: string | null;

  /** Why the pathway was opened, in the words of whoever opened it (narrative). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @Column({ name: 'opened_by_organisation_id', type: 'uuid' })
  openedByOrganisationId: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
