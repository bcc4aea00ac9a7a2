import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpOutcome } from '@passage/schemas';

/** A reintegration follow-up due some months after arrival; outcome and notes once carried out. */
@Entity({ name: 'reintegration_follow_up' })
export class ReintegrationFollowUpEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'months_after', type: 'integer' })
  monthsAfter: number;

  /** Calendar day, `YYYY-MM-DD`. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'text', nullable: true })
  outcome: FollowUpOutcome | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid', nullable: true })
  recordedByOrganisationId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;
}
