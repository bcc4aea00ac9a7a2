import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpTaskKind, FollowUpTaskStatus } from '@passage/schemas';

/**
 * Something that must happen because a person is protected (one of each kind per jurisdiction), where it
 * stands now and who answers for it. How it got there is in its entries.
 */
@Entity({ name: 'case_follow_up_task' })
export class FollowUpTaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'jurisdiction_country', type: 'char', length: 2 })
  jurisdictionCountry: string;

  @Column('text')
  kind: FollowUpTaskKind;

  @Column('text')
  status: FollowUpTaskStatus;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The organisation that works the task: the deciding one at first, then whoever it is handed to. */
  @Column({ name: 'assignee_organisation_id', type: 'uuid' })
  assigneeOrganisationId: string;

  /** A named person of the assignee organisation, when someone was named. */
  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  /** When the task falls overdue (working time of the jurisdiction); null for tasks opened before due times. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** What was done, or why it will not be done, once DONE or DECLINED. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** When it was done (or declined), as the worker says; not when that was recorded. */
  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;

  /** The release that completed a RELEASE_FROM_DETENTION task. */
  @Column({ name: 'detention_id', type: 'uuid', nullable: true })
  detentionId: string | null;

  /** The notice that completed a NON_PUNISHMENT_NOTICE task. */
  @Column({ name: 'non_punishment_notice_id', type: 'uuid', nullable: true })
  nonPunishmentNoticeId: string | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
