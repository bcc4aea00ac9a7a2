import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ObservationAnswer, ScreeningOutcome, ScreeningReasonCode } from '@passage/schemas';

/** One indicator as a screener recorded it; the notes are the person's account (narrative). */
export interface RecordedIndicator {
  code: string;
  observed: ObservationAnswer;
  notes: string | null;
}

/** A fact recorded as pointing away from trafficking (never one of the facts that cannot count). */
export interface RecordedEvidenceAgainst {
  code: string;
  notes: string | null;
}

/** What is kept in the `indicators` column. */
export interface ScreeningIndicators {
  observations: RecordedIndicator[];
  evidenceAgainst: RecordedEvidenceAgainst[];
  suggestionReasons: ScreeningReasonCode[];
}

@Entity({ name: 'case_screening' })
export class ScreeningEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'screened_by', type: 'uuid' })
  screenedBy: string;

  @Column({ name: 'screened_by_organisation_id', type: 'uuid' })
  screenedByOrganisationId: string;

  @Column('jsonb')
  indicators: ScreeningIndicators;

  @Column({ name: 'suggested_outcome', type: 'text' })
  suggestedOutcome: ScreeningOutcome;

  @Column({ name: 'confirmed_outcome', type: 'text' })
  confirmedOutcome: ScreeningOutcome;

  @Column('text')
  reasons: string;

  @Column({ name: 'screened_at', type: 'timestamptz' })
  screenedAt: Date;
}
