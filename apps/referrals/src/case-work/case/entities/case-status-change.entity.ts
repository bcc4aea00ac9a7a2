import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseOutcome, CaseReopenReason } from '@passage/schemas';
import type { CaseStatus } from '../case-vocabulary.js';

/** One close or reopen of a case: the status it moved to, why, by whom and when. */
@Entity({ name: 'case_status_change' })
export class CaseStatusChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column('text')
  status: CaseStatus;

  /** Set when the case was closed. */
  @Column({ type: 'text', nullable: true })
  outcome: CaseOutcome | null;

  /** Set when the case was reopened. */
  @Column({ name: 'reopen_reason', type: 'text', nullable: true })
  reopenReason: CaseReopenReason | null;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_by_organisation_id', type: 'uuid' })
  changedByOrganisationId: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
