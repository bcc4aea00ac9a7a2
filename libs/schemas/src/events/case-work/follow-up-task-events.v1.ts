import { z } from 'zod';
import { FOLLOW_UP_TASK_KINDS } from '../../reference/protection-follow-up-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

/**
 * What happens to the follow-up tasks a reasonable-grounds decision opened. Ids, codes and times only:
 * an outcome, a reason for declining or a note on a reassignment is a caseworker's free text and stays on
 * the node.
 */
const task = {
  caseId: z.uuid(),
  personId: z.uuid(),
  taskId: z.uuid(),
  kind: z.enum(FOLLOW_UP_TASK_KINDS),
  jurisdictionCountry: countryCodeSchema,
  recordedBy: z.uuid(),
  recordedByOrganisationId: z.uuid(),
};

export const followUpTaskCompletedV1 = defineEvent({
  type: 'case.follow-up-task-completed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A follow-up task was done, when it was done, and the detention or notice record it points to, if any.',
  schema: z.object({
    ...task,
    completedAt: instantSchema,
    detentionId: z.uuid().nullable(),
    nonPunishmentNoticeId: z.uuid().nullable(),
  }),
});

export const followUpTaskDeclinedV1 = defineEvent({
  type: 'case.follow-up-task-declined',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A follow-up task will not be done; the reason stays on the node.',
  schema: z.object({ ...task, declinedAt: instantSchema }),
});

export const followUpTaskReassignedV1 = defineEvent({
  type: 'case.follow-up-task-reassigned',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A follow-up task passed to another organisation, or to a named person of one.',
  schema: z.object({
    ...task,
    fromOrganisationId: z.uuid(),
    toOrganisationId: z.uuid(),
    toUserId: z.uuid().nullable(),
    reassignedAt: instantSchema,
  }),
});
