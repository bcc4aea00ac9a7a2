import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { workingCalendarFor } from '@passage/schemas';
import { ManualClock, parseInput } from '@passage/shared';
import { OpenCaseInput } from '../src/case-work/case/dtos/case.inputs.js';
import type { CaseModel } from '../src/case-work/case/graphql/case.model.js';
import {
  ChangePenaltyStatusInput,
  RecordDetentionInput,
  RecordNonPunishmentNoticeEffectInput,
  RecordNonPunishmentNoticeInput,
  RecordPenaltyInput,
  ReleaseFromDetentionInput,
} from '../src/case-work/detention/dtos/detention.inputs.js';
import { DetentionService } from '../src/case-work/detention/detention.service.js';
import {
  CompleteFollowUpTaskInput,
  DeclineFollowUpTaskInput,
  ReassignFollowUpTaskInput,
} from '../src/case-work/follow-up/dtos/follow-up-task.inputs.js';
import { FollowUpTaskService } from '../src/case-work/follow-up/follow-up-task.service.js';
import { followUpTaskDueAt } from '../src/case-work/follow-up/follow-up-task-lifecycle.js';
import { actor, count, listInDirectory, openCaseWork, type CaseWorkServices } from './case-work-fixture.js';

const survivor = {
  name: 'Test Person Two',
  nationality: 'UG',
  gender: 'MALE',
  ageBand: '25_34',
  languages: ['lg', 'en'],
  immediateNeeds: ['LEGAL_AID'],
  documentType: null,
  documentNumber: null,
  narrative: 'Fictional account of confinement and forced scam work.',
};

const FACILITY = 'Fictional Immigration Detention Centre';
const OUTCOME = 'Released after the fictional notice was upheld';
const HOUR = 3600;

describe('protection follow-up and detention records (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let services: CaseWorkServices;
  let tasks: FollowUpTaskService;
  let detention: DetentionService;
  // Monday 2 March 2026.
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const otherNgo = actor('NGO', 'KH', ['CASEWORKER']);
  const oversight = actor('OVERSIGHT', 'KH', ['CASEWORKER']);
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);

  beforeAll(async () => {
    const opened = await openCaseWork(clock);
    ({ dataSource, close, services } = opened);
    tasks = opened.app.get(FollowUpTaskService);
    detention = opened.app.get(DetentionService);
    for (const member of [ngo, focal, otherNgo]) await listInDirectory(dataSource, member);
  });

  afterAll(async () => {
    await close?.();
  });

  const openCase = () =>
    services.cases.openCase(ngo, parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [survivor] }));
  const decideReasonableGrounds = (caseId: string, personId: string) =>
    services.identification.recordDecision(focal, {
      caseId,
      personId,
      jurisdictionCountry: null,
      status: 'REASONABLE_GROUNDS',
      authorityOrganisationId: null,
      legalBasis: 'Fictional anti-trafficking law, article 1',
      decidedAt: new Date('2026-03-01T08:00:00Z'),
      recognisedBy: [],
    });
  const taskOf = (seen: CaseModel, kind: string) => {
    const task = seen.followUpTasks.find((candidate) => candidate.kind === kind);
    if (!task) throw new Error(`no ${kind} task`);
    return task;
  };
  const events = (type: string, caseId: string) =>
    count(dataSource, 'outbox_message', `message_type = '${type}@v1' AND message_key = '${caseId}'`);
  const workAudits = (caseId: string) =>
    count(dataSource, 'audit_record', `action = 'follow-up.work' AND resource_id = '${caseId}'`);

  it('opens tasks assigned to the deciding coordinator and due in working time; shows them only with LEGAL', async () => {
    const opened = await openCase();
    const personId = opened.people[0].id;
    const decided = await decideReasonableGrounds(opened.id, personId);
    expect(decided.followUpTasks).toHaveLength(3);
    for (const task of decided.followUpTasks) {
      expect(task).toMatchObject({
        status: 'OPEN',
        assigneeOrganisationId: focal.organisationId,
        assigneeUserId: null,
        overdue: false,
        outcome: null,
        history: [],
      });
      expect(task.dueAt).toEqual(followUpTaskDueAt(task.kind, task.createdAt, workingCalendarFor('KH')));
    }

    // The owner sees them with everything else it sees.
    expect((await services.cases.getCase(ngo, opened.id)).followUpTasks).toHaveLength(3);
    // Issue 12, finding 4: the oversight body reads the case (operational facts only) and must not learn
    // from the tasks that the person was identified and may be detained.
    const seenByOversight = await services.cases.getCase(oversight, opened.id);
    expect(seenByOversight.identificationDecisions).toEqual([]);
    expect(seenByOversight.followUpTasks).toEqual([]);
    expect(seenByOversight.detentionRecords).toEqual([]);
    const [oversightRead] = (await dataSource.query(
      `SELECT data_categories AS categories, fields FROM audit_record WHERE action = 'case.read' AND actor_user_id = $1`,
      [oversight.userId],
    )) as { categories: string[]; fields: string[] }[];
    expect(oversightRead.categories).toEqual(['OPERATIONAL']);
    expect(oversightRead.fields).not.toContain('followUpTasks.status');

    // Overdue once the release task's due time has passed, still open.
    const release = taskOf(decided, 'RELEASE_FROM_DETENTION');
    clock.set(new Date(release.dueAt!.getTime() + 1000));
    try {
      const later = await services.cases.getCase(focal, opened.id);
      expect(taskOf(later, 'RELEASE_FROM_DETENTION').overdue).toBe(true);
      expect(taskOf(later, 'LEGAL_AID').overdue).toBe(false);
    } finally {
      clock.set(new Date('2026-03-02T08:00:00Z'));
    }
  });

  it('refuses someone else’s task with a coded error naming the field, and writes nothing', async () => {
    const opened = await openCase();
    const decided = await decideReasonableGrounds(opened.id, opened.people[0].id);
    const task = taskOf(decided, 'LEGAL_AID');
    const complete = CompleteFollowUpTaskInput.schema.parse({
      taskId: task.id,
      outcome: 'A lawyer was found',
      completedAt: new Date('2026-03-02T07:00:00Z'),
    });
    const auditsBefore = await workAudits(opened.id);

    // The owner sees the task, but it is the coordinator's.
    await expect(tasks.complete(ngo, complete)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'taskId', reason: 'FOLLOW_UP_TASK_NOT_ASSIGNED_TO_CALLER' },
    });
    await expect(
      tasks.decline(
        ngo,
        DeclineFollowUpTaskInput.schema.parse({
          taskId: task.id,
          reason: 'Not needed',
          declinedAt: new Date('2026-03-02T07:00:00Z'),
        }),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'taskId' } });
    // An organisation that may not even read the case learns nothing: the same refusal as for no task.
    for (const stranger of [otherNgo, oversight, immigration]) {
      const refusal = await tasks.complete(stranger, complete).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
      const missing = await tasks
        .complete(stranger, { ...complete, taskId: randomUUID() })
        .catch((error: unknown) => error);
      expect(missing).toEqual(refusal);
    }

    const [row] = (await dataSource.query(`SELECT status, outcome FROM case_follow_up_task WHERE id = $1`, [
      task.id,
    ])) as { status: string; outcome: string | null }[];
    expect(row).toEqual({ status: 'OPEN', outcome: null });
    expect(await count(dataSource, 'case_follow_up_task_entry', `task_id = '${task.id}'`)).toBe(0);
    expect(await events('case.follow-up-task-completed', opened.id)).toBe(0);
    expect(await events('case.follow-up-task-declined', opened.id)).toBe(0);
    expect(await workAudits(opened.id)).toBe(auditsBefore);
  });

  it('records detention, releases the person on a notice, completes, reassigns and declines the tasks', async () => {
    const opened = await openCase();
    const personId = opened.people[0].id;
    const recordDetention = (who = ngo, detainedSince = '2026-02-20T10:00:00Z') =>
      detention.recordDetention(
        who,
        parseInput(RecordDetentionInput.schema, {
          caseId: opened.id,
          personId,
          facility: FACILITY,
          place: 'Fictional district',
          authority: 'Fictional immigration police',
          detainedSince: new Date(detainedSince),
        }),
      );

    await expect(recordDetention(ngo, '2026-03-03T00:00:00Z')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'detainedSince', reason: 'DATE_IN_FUTURE' },
    });
    await expect(recordDetention(immigration)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(recordDetention(otherNgo)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const detained = await recordDetention();
    const [record] = detained.detentionRecords;
    expect(record).toMatchObject({
      personId,
      detainedNow: true,
      secondsDetainedAfterReasonableGrounds: null,
      detentions: [
        { facility: FACILITY, country: 'KH', releasedAt: null, secondsAfterReasonableGrounds: null },
      ],
    });
    const detentionId = record.detentions[0].id;
    await expect(recordDetention()).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'personId', reason: 'DETENTION_ALREADY_OPEN' },
    });
    expect(await count(dataSource, 'person_detention', `person_id = '${personId}'`)).toBe(1);

    // Reasonable grounds a day ago: the time held since then is counted, and keeps running.
    const decided = await decideReasonableGrounds(opened.id, personId);
    expect(decided.detentionRecords[0]).toMatchObject({
      secondsDetainedAfterReasonableGrounds: 24 * HOUR,
      daysDetainedAfterReasonableGrounds: 1,
    });
    const release = taskOf(decided, 'RELEASE_FROM_DETENTION');
    const notice = taskOf(decided, 'NON_PUNISHMENT_NOTICE');
    const legalAid = taskOf(decided, 'LEGAL_AID');

    // Not done while the person is held.
    const completeRelease = (extra: Record<string, unknown> = {}) =>
      tasks.complete(
        focal,
        parseInput(CompleteFollowUpTaskInput.schema, {
          taskId: release.id,
          outcome: OUTCOME,
          completedAt: new Date('2026-03-02T07:50:00Z'),
          detentionId,
          ...extra,
        }),
      );
    await expect(completeRelease()).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'taskId', reason: 'PERSON_STILL_DETAINED' },
    });

    // The coordinator sends the notice; the authority upholds it; the person is released on it.
    const sent = await detention.recordNonPunishmentNotice(
      focal,
      parseInput(RecordNonPunishmentNoticeInput.schema, {
        caseId: opened.id,
        personId,
        toAuthority: 'Fictional immigration department',
        sentAt: new Date('2026-03-02T07:00:00Z'),
      }),
    );
    const noticeId = sent.detentionRecords[0].nonPunishmentNotices[0].id;
    await expect(
      detention.recordNonPunishmentNoticeEffect(
        focal,
        parseInput(RecordNonPunishmentNoticeEffectInput.schema, {
          nonPunishmentNoticeId: noticeId,
          effect: 'UPHELD',
          effectAt: new Date('2026-03-01T00:00:00Z'),
        }),
      ),
    ).rejects.toMatchObject({ details: { field: 'effectAt', reason: 'DATE_OUT_OF_ORDER' } });
    await detention.recordNonPunishmentNoticeEffect(
      focal,
      parseInput(RecordNonPunishmentNoticeEffectInput.schema, {
        nonPunishmentNoticeId: noticeId,
        effect: 'UPHELD',
        effectAt: new Date('2026-03-02T07:30:00Z'),
        note: 'Release ordered',
      }),
    );
    const releaseFrom = (releasedAt: string) =>
      detention.releaseFromDetention(
        ngo,
        parseInput(ReleaseFromDetentionInput.schema, {
          detentionId,
          releasedAt: new Date(releasedAt),
          releaseBasis: 'NON_PUNISHMENT_NOTICE',
          nonPunishmentNoticeId: noticeId,
        }),
      );
    await expect(releaseFrom('2026-02-19T00:00:00Z')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'releasedAt', reason: 'DATE_OUT_OF_ORDER' },
    });
    const released = await releaseFrom('2026-03-02T07:45:00Z');
    expect(released.detentionRecords[0]).toMatchObject({
      detainedNow: false,
      secondsDetainedAfterReasonableGrounds: 23.75 * HOUR,
      daysDetainedAfterReasonableGrounds: 1,
      detentions: [
        {
          releasedAt: new Date('2026-03-02T07:45:00Z'),
          releaseBasis: 'NON_PUNISHMENT_NOTICE',
          releaseNoticeId: noticeId,
          secondsAfterReasonableGrounds: 23.75 * HOUR,
        },
      ],
      nonPunishmentNotices: [{ id: noticeId, effect: 'UPHELD', effectNote: 'Release ordered' }],
    });
    await expect(releaseFrom('2026-03-02T07:46:00Z')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'detentionId', reason: 'DETENTION_ALREADY_ENDED' },
    });
    // The released time stays fixed as the clock moves on.
    clock.advance(48 * HOUR * 1000);
    try {
      const later = await services.cases.getCase(ngo, opened.id);
      expect(later.detentionRecords[0].secondsDetainedAfterReasonableGrounds).toBe(23.75 * HOUR);
    } finally {
      clock.set(new Date('2026-03-02T08:00:00Z'));
    }

    // The release task, done, pointing at the release; a notice belongs to the notice task only.
    await expect(completeRelease({ nonPunishmentNoticeId: noticeId })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'nonPunishmentNoticeId', reason: 'LINK_NOT_FOR_THIS_TASK' },
    });
    const completed = await completeRelease();
    expect(taskOf(completed, 'RELEASE_FROM_DETENTION')).toMatchObject({
      status: 'DONE',
      outcome: OUTCOME,
      outcomeAt: new Date('2026-03-02T07:50:00Z'),
      detentionId,
      history: [
        {
          action: 'COMPLETED',
          note: OUTCOME,
          fromOrganisationId: focal.organisationId,
          recordedByOrganisationId: focal.organisationId,
        },
      ],
    });
    await expect(completeRelease()).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'taskId', reason: 'FOLLOW_UP_TASK_CLOSED' },
    });
    expect(await events('case.follow-up-task-completed', opened.id)).toBe(1);
    expect(await events('case.released-from-detention', opened.id)).toBe(1);

    // The notice task, done with the notice it sent.
    const noticeDone = await tasks.complete(
      focal,
      parseInput(CompleteFollowUpTaskInput.schema, {
        taskId: notice.id,
        outcome: 'Notice sent and upheld',
        completedAt: new Date('2026-03-02T07:30:00Z'),
        nonPunishmentNoticeId: noticeId,
      }),
    );
    expect(taskOf(noticeDone, 'NON_PUNISHMENT_NOTICE')).toMatchObject({
      status: 'DONE',
      nonPunishmentNoticeId: noticeId,
    });

    // Legal aid: handed to the owner NGO (which sees the person's legal data), not to a stranger.
    const reassign = (assigneeOrganisationId: string, assigneeUserId: string | null = null) =>
      tasks.reassign(
        focal,
        parseInput(ReassignFollowUpTaskInput.schema, {
          taskId: legalAid.id,
          assigneeOrganisationId,
          assigneeUserId,
          note: 'The NGO has a legal aid programme',
          reassignedAt: new Date('2026-03-02T07:55:00Z'),
        }),
      );
    for (const stranger of [otherNgo.organisationId, randomUUID()]) {
      await expect(reassign(stranger)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'assigneeOrganisationId', reason: 'ASSIGNEE_NOT_ELIGIBLE' },
      });
    }
    await expect(reassign(focal.organisationId)).rejects.toMatchObject({
      details: { field: 'assigneeOrganisationId', reason: 'ASSIGNEE_UNCHANGED' },
    });
    const reassigned = await reassign(ngo.organisationId, ngo.userId);
    expect(taskOf(reassigned, 'LEGAL_AID')).toMatchObject({
      status: 'OPEN',
      assigneeOrganisationId: ngo.organisationId,
      assigneeUserId: ngo.userId,
      history: [
        {
          action: 'REASSIGNED',
          fromOrganisationId: focal.organisationId,
          toOrganisationId: ngo.organisationId,
          toUserId: ngo.userId,
        },
      ],
    });
    expect(await events('case.follow-up-task-reassigned', opened.id)).toBe(1);
    // The new assignee works it: the person already has a lawyer.
    const declined = await tasks.decline(
      ngo,
      parseInput(DeclineFollowUpTaskInput.schema, {
        taskId: legalAid.id,
        reason: 'The person already has a lawyer from a fictional bar association',
        declinedAt: new Date('2026-03-02T07:58:00Z'),
      }),
    );
    expect(taskOf(declined, 'LEGAL_AID')).toMatchObject({
      status: 'DECLINED',
      outcome: 'The person already has a lawyer from a fictional bar association',
    });
    expect(taskOf(declined, 'LEGAL_AID').history.map((entry) => entry.action)).toEqual([
      'REASSIGNED',
      'DECLINED',
    ]);
    expect(declined.followUpTasks.every((task) => task.status !== 'OPEN')).toBe(true);

    // Audit: one entry per change, LEGAL, naming fields and never values.
    const audits = (await dataSource.query(
      `SELECT data_categories AS categories, fields FROM audit_record WHERE action = 'follow-up.work' AND resource_id = $1`,
      [opened.id],
    )) as { categories: string[]; fields: string[] }[];
    expect(audits).toHaveLength(4);
    for (const audit of audits) expect(audit.categories).toEqual(['LEGAL']);
    expect(JSON.stringify(audits)).not.toContain(OUTCOME);

    // Events carry ids, codes and times: no facility, no outcome, no authority.
    const bodies = JSON.stringify(
      await dataSource.query(
        `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message WHERE message_key = $1`,
        [opened.id],
      ),
    );
    for (const secret of [FACILITY, OUTCOME, 'Fictional immigration', 'fictional bar association']) {
      expect(bodies).not.toContain(secret);
    }

    // Immigration sees none of it.
    await expect(services.cases.getCase(immigration, opened.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records fines, charges and bans, and moves them on only as their kind allows', async () => {
    const opened = await openCase();
    const personId = opened.people[0].id;
    const penalty = (fields: Record<string, unknown>) =>
      parseInput(RecordPenaltyInput.schema, {
        caseId: opened.id,
        personId,
        authority: 'Fictional immigration department',
        description: 'Overstay',
        imposedAt: new Date('2026-02-25T00:00:00Z'),
        ...fields,
      });
    expect(() => penalty({ kind: 'CHARGE', amount: '10', currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.amount' } }),
    );
    expect(() => penalty({ kind: 'FINE', amount: '10', currency: 'XYZ' })).toThrow(
      expect.objectContaining({ details: { field: 'input.currency' } }),
    );
    expect(() => penalty({ kind: 'FINE', status: 'LIFTED' })).toThrow(
      expect.objectContaining({ details: { field: 'input.status' } }),
    );

    await detention.recordPenalty(ngo, penalty({ kind: 'FINE', amount: '1500.50', currency: 'USD' }));
    await detention.recordPenalty(
      ngo,
      penalty({ kind: 'CHARGE', description: 'Illegal entry', imposedAt: new Date('2026-02-26T00:00:00Z') }),
    );
    const banned = await detention.recordPenalty(
      focal,
      penalty({
        kind: 'ENTRY_BAN',
        description: 'Five-year ban',
        imposedAt: new Date('2026-02-27T00:00:00Z'),
        until: new Date('2031-02-25T00:00:00Z'),
      }),
    );
    const [fine, charge, ban] = banned.detentionRecords[0].penalties;
    expect(fine).toMatchObject({ kind: 'FINE', status: 'PENDING', amount: '1500.50', currency: 'USD' });
    expect(charge).toMatchObject({ kind: 'CHARGE', status: 'PENDING', amount: null });
    expect(ban).toMatchObject({
      kind: 'ENTRY_BAN',
      status: 'IN_FORCE',
      until: new Date('2031-02-25T00:00:00Z'),
    });
    expect(banned.detentionRecords[0].detentions).toEqual([]);

    const change = (penaltyId: string, status: string, who = ngo) =>
      detention.changePenaltyStatus(
        who,
        parseInput(ChangePenaltyStatusInput.schema, {
          penaltyId,
          status,
          changedAt: new Date('2026-03-01T00:00:00Z'),
        }),
      );
    const waived = await change(fine.id, 'WAIVED');
    expect(waived.detentionRecords[0].penalties[0]).toMatchObject({
      status: 'WAIVED',
      statusChangedAt: new Date('2026-03-01T00:00:00Z'),
    });
    await expect(change(fine.id, 'PAID')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'status', reason: 'NOT_ALLOWED' },
    });
    await expect(change(charge.id, 'LIFTED')).rejects.toMatchObject({
      details: { field: 'status', reason: 'OUTCOME_NOT_ALLOWED' },
    });
    await change(charge.id, 'DROPPED');
    const lifted = await change(ban.id, 'LIFTED', focal);
    expect(lifted.detentionRecords[0].penalties.map((row) => row.status)).toEqual([
      'WAIVED',
      'DROPPED',
      'LIFTED',
    ]);
    // A stranger cannot tell the penalty exists.
    const refusal = await change(ban.id, 'LIFTED', otherNgo).catch((error: unknown) => error);
    expect(refusal).toEqual(await change(randomUUID(), 'LIFTED', otherNgo).catch((error: unknown) => error));
    expect(await events('case.penalty-recorded', opened.id)).toBe(3);
    expect(await events('case.penalty-status-changed', opened.id)).toBe(3);

    // Oversight reads the case without any of it.
    expect((await services.cases.getCase(oversight, opened.id)).detentionRecords).toEqual([]);
  });
});
