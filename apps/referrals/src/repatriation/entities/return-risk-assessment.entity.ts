import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnRiskConclusion, ReturnRiskFactor, ReturnRiskLevel } from '@passage/schemas';

/** One assessed factor as stored: its level and the assessor's notes (narrative). */
export interface StoredRiskFactor {
  factor: ReturnRiskFactor;
  level: ReturnRiskLevel;
  notes: string | null;
}

/** A pre-return risk assessment of one person; the latest row is the one an approval relies on. */
@Entity({ name: 'return_risk_assessment' })
export class ReturnRiskAssessmentEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Insertion order, assigned by the database; the latest assessment is the highest. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  sequence?: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'jsonb' })
  factors: StoredRiskFactor[];

  @Column('text')
  conclusion: ReturnRiskConclusion;

  @Column({ name: 'conclusion_notes', type: 'text', nullable: true })
  conclusionNotes: string | null;

  @Column({ name: 'child_track', type: 'boolean' })
  childTrack: boolean;

  @Column({ name: 'best_interest_summary', type: 'text', nullable: true })
  bestInterestSummary: string | null;

  @Column({ name: 'best_interest_assessed_at', type: 'timestamptz', nullable: true })
  bestInterestAssessedAt: Date | null;

  @Column({ name: 'return_in_childs_best_interest', type: 'boolean', nullable: true })
  returnInChildsBestInterest: boolean | null;

  @Column({ name: 'guardian_name', type: 'text', nullable: true })
  guardianName: string | null;

  @Column({ name: 'guardian_organisation_id', type: 'uuid', nullable: true })
  guardianOrganisationId: string | null;

  @Column({ name: 'assessed_by', type: 'uuid' })
  assessedBy: string;

  @Column({ name: 'assessed_by_organisation_id', type: 'uuid' })
  assessedByOrganisationId: string;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
