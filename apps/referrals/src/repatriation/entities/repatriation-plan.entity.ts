import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RepatriationPace, RepatriationPlanStatus } from '@passage/schemas';
import type { ReceptionGap } from '../rules/reception-coverage.js';

/** A person's repatriation plan, from preparation through approval to confirmed arrival. */
@Entity({ name: 'repatriation_plan' })
export class RepatriationPlanEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column({ name: 'return_country', type: 'char', length: 2 })
  returnCountry: string;

  @Column({ name: 'owner_organisation_id', type: 'uuid' })
  ownerOrganisationId: string;

  @Column('text')
  status: RepatriationPlanStatus;

  @Column('text')
  pace: RepatriationPace;

  @Column({ name: 'risk_assessment_id', type: 'uuid', nullable: true })
  riskAssessmentId: string | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ name: 'approved_by_organisation_id', type: 'uuid', nullable: true })
  approvedByOrganisationId: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true })
  arrivedAt: Date | null;

  @Column({ name: 'reception_gap', type: 'text', nullable: true })
  receptionGap: ReceptionGap | null;

  @Column({ name: 'reception_arrangement', type: 'text', nullable: true })
  receptionArrangement: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
