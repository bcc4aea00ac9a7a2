import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@passage/shared';
import { readDetentionRecords } from '../detention/detention-view.js';
import type { DetentionRecordModel } from '../detention/graphql/detention.model.js';
import { readFollowUpTasks } from './follow-up-task-view.js';
import type { FollowUpTaskModel } from './graphql/follow-up-task.model.js';

/** What protection follow-up adds to the view of a case. */
export interface ProtectionFollowUpSection {
  followUpTasks: FollowUpTaskModel[];
  detentionRecords: DetentionRecordModel[];
}

/**
 * The protection follow-up of a case as the caller may see it: follow-up tasks and detention records,
 * LEGAL data both, shown only for the people whose LEGAL category the caller sees. Read at the clock's
 * now, so overdue tasks and time in detention are current.
 */
@Injectable()
export class ProtectionFollowUpView {
  constructor(private readonly clock: Clock) {}

  async read(
    manager: EntityManager,
    caseId: string,
    seesLegal: (personId: string) => boolean,
    /** Called with each field path returned, for the read's audit record (all LEGAL). */
    returned: (field: string) => void,
  ): Promise<ProtectionFollowUpSection> {
    const now = this.clock.now();
    const followUpTasks = await readFollowUpTasks(manager, caseId, seesLegal, now);
    const detentionRecords = await readDetentionRecords(manager, caseId, seesLegal, now);
    if (followUpTasks.length > 0) {
      returned('followUpTasks.status');
      if (followUpTasks.some((task) => task.history.length > 0)) returned('followUpTasks.history');
    }
    if (detentionRecords.some((record) => record.detentions.length > 0))
      returned('detentionRecords.detentions');
    if (detentionRecords.some((record) => record.penalties.length > 0))
      returned('detentionRecords.penalties');
    if (detentionRecords.some((record) => record.nonPunishmentNotices.length > 0)) {
      returned('detentionRecords.nonPunishmentNotices');
    }
    return { followUpTasks, detentionRecords };
  }
}
