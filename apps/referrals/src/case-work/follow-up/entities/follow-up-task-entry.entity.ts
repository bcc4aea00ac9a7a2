import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpTaskAction } from '@passage/schemas';

/** One thing done to a follow-up task: completed, declined, or handed to someone else, with its note. */
@Entity({ name: 'case_follow_up_task_entry' })
export class FollowUpTaskEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Insertion order, assigned by the database: the order of the task's history. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  sequence?: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column('text')
  action: FollowUpTaskAction;

  /** The outcome, the reason for declining, or why the task was handed on. */
  @Column('text')
  note: string;

  /** When it happened, as the worker says. */
  @Column({ name: 'happened_at', type: 'timestamptz' })
  happenedAt: Date;

  @Column({ name: 'from_organisation_id', type: 'uuid' })
  fromOrganisationId: string;

  /** For a reassignment: who has the task now. */
  @Column({ name: 'to_organisation_id', type: 'uuid', nullable: true })
  toOrganisationId: string | null;

  @Column({ name: 'to_user_id', type: 'uuid', nullable: true })
  toUserId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_by_organisation_id', type: 'uuid' })
  recordedByOrganisationId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
