import { z } from 'zod';
import {
  NOTICE_EFFECTS,
  PENALTY_KINDS,
  PENALTY_STATUSES,
  RELEASE_BASES,
} from '../../reference/protection-follow-up-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

/**
 * A person's record of detention and punishment. Ids, codes, countries and times only: the facility, the
 * authority's name, what a charge says and any amount stay on the node, so that the stream never tells
 * where a survivor is held or what they are accused of.
 */
const person = {
  caseId: z.uuid(),
  personId: z.uuid(),
  recordedBy: z.uuid(),
  recordedByOrganisationId: z.uuid(),
};

export const detentionRecordedV1 = defineEvent({
  type: 'case.detention-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A person is (or was) detained in a country since a given time.',
  schema: z.object({
    ...person,
    detentionId: z.uuid(),
    country: countryCodeSchema,
    detainedSince: instantSchema,
  }),
});

export const detentionCorrectedV1 = defineEvent({
  type: 'case.detention-corrected',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'The details of a detention were corrected (where, by whom, since when).',
  schema: z.object({
    ...person,
    detentionId: z.uuid(),
    country: countryCodeSchema,
    detainedSince: instantSchema,
  }),
});

export const releasedFromDetentionV1 = defineEvent({
  type: 'case.released-from-detention',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A person was released from a detention, when, and on what basis.',
  schema: z.object({
    ...person,
    detentionId: z.uuid(),
    country: countryCodeSchema,
    detainedSince: instantSchema,
    releasedAt: instantSchema,
    releaseBasis: z.enum(RELEASE_BASES),
    nonPunishmentNoticeId: z.uuid().nullable(),
  }),
});

export const penaltyRecordedV1 = defineEvent({
  type: 'case.penalty-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A fine, entry ban, blacklisting or charge a person faces was recorded.',
  schema: z.object({
    ...person,
    penaltyId: z.uuid(),
    kind: z.enum(PENALTY_KINDS),
    country: countryCodeSchema,
    status: z.enum(PENALTY_STATUSES),
    imposedAt: instantSchema,
  }),
});

export const penaltyStatusChangedV1 = defineEvent({
  type: 'case.penalty-status-changed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A penalty moved on (a fine waived, a charge dropped, a ban lifted), citing a notice if any.',
  schema: z.object({
    ...person,
    penaltyId: z.uuid(),
    kind: z.enum(PENALTY_KINDS),
    status: z.enum(PENALTY_STATUSES),
    previousStatus: z.enum(PENALTY_STATUSES),
    changedAt: instantSchema,
    nonPunishmentNoticeId: z.uuid().nullable(),
  }),
});

export const nonPunishmentNoticeSentV1 = defineEvent({
  type: 'case.non-punishment-notice-sent',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A notice invoking the non-punishment principle was sent to an authority of a country.',
  schema: z.object({
    ...person,
    noticeId: z.uuid(),
    country: countryCodeSchema,
    sentAt: instantSchema,
  }),
});

export const nonPunishmentNoticeAnsweredV1 = defineEvent({
  type: 'case.non-punishment-notice-answered',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'What the authority did with a non-punishment notice, and when.',
  schema: z.object({
    ...person,
    noticeId: z.uuid(),
    effect: z.enum(NOTICE_EFFECTS),
    previousEffect: z.enum(NOTICE_EFFECTS),
    effectAt: instantSchema,
  }),
});
