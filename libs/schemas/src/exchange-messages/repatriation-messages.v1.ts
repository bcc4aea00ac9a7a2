import { z } from 'zod';
import { isKnownCountry } from '../reference/countries.js';
import {
  FOLLOW_UP_OUTCOMES,
  REPATRIATION_PLAN_STATUSES,
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
} from '../reference/repatriation-vocabulary.js';

/**
 * A repatriation plan lives on the node of the country the person leaves. Some of its steps belong to
 * organisations of other countries (the embassy's travel document, reception at home and the follow-ups
 * after it), whose people work on their own node. These messages carry the plan's operational facts to
 * those organisations and their work back; none of them holds a name, a narrative or any other personal
 * field: what the origin side needs to know of the person reaches it through a consented handoff.
 */
const country = z.string().refine(isKnownCountry, 'must be a country of the catalogue');
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

/** The plan as its node holds it, sent to every other country that owns one of its steps. */
export const repatriationPlanSharedMessageV1 = {
  type: 'repatriation.plan-shared',
  version: 1,
  schema: z.object({
    planId: z.uuid(),
    /** Grows with every share; a receiver keeps only the newest. */
    revision: z.number().int().positive(),
    caseReference: z.string().min(1).max(40),
    jurisdictionCountry: country,
    returnCountry: country,
    ownerOrganisationId: z.uuid(),
    status: z.enum(REPATRIATION_PLAN_STATUSES),
    approvedAt: instant.nullable(),
    arrivedAt: instant.nullable(),
    createdAt: instant,
    steps: z
      .array(
        z.object({
          kind: z.enum(REPATRIATION_STEP_KINDS),
          ownerOrganisationId: z.uuid(),
          ownerCountry: country,
          dueOn: day,
          status: z.enum(REPATRIATION_STEP_STATUSES),
          enteredAt: instant.nullable(),
          leftAt: instant.nullable(),
        }),
      )
      .length(REPATRIATION_STEP_KINDS.length),
    followUps: z
      .array(
        z.object({
          followUpId: z.uuid(),
          monthsAfter: z.number().int().positive(),
          dueOn: day,
          outcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(),
          recordedAt: instant.nullable(),
        }),
      )
      .max(24),
    /** Set when this share answers a change the receiving side asked for and the plan's node refused it. */
    refusal: z.object({ code: z.string().min(1).max(60), message: z.string().min(1).max(500) }).nullable(),
    sharedAt: instant,
  }),
} as const;

/** A step's owner on another node moves its step (or its due day). */
export const repatriationStepChangeRequestedMessageV1 = {
  type: 'repatriation.step-change-requested',
  version: 1,
  schema: z.object({
    planId: z.uuid(),
    step: z.enum(REPATRIATION_STEP_KINDS),
    status: z.enum(REPATRIATION_STEP_STATUSES),
    dueOn: day.nullable(),
    requestedByOrganisationId: z.uuid(),
    requestedBy: z.uuid(),
    requestedAt: instant,
  }),
} as const;

/** The RECEPTION step's owner on another node confirms the person arrived. */
export const repatriationArrivalReportedMessageV1 = {
  type: 'repatriation.arrival-reported',
  version: 1,
  schema: z.object({
    planId: z.uuid(),
    arrivedAt: instant,
    confirmedByOrganisationId: z.uuid(),
    confirmedBy: z.uuid(),
    confirmedAt: instant,
  }),
} as const;

/**
 * The RECEPTION step's owner on another node records a follow-up's outcome. Its notes stay on its own
 * node: the plan's node learns how the person is doing, not what was said.
 */
export const repatriationFollowUpReportedMessageV1 = {
  type: 'repatriation.follow-up-reported',
  version: 1,
  schema: z.object({
    planId: z.uuid(),
    followUpId: z.uuid(),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    recordedByOrganisationId: z.uuid(),
    recordedBy: z.uuid(),
    recordedAt: instant,
  }),
} as const;

export type RepatriationPlanSharedMessage = z.infer<typeof repatriationPlanSharedMessageV1.schema>;
export type RepatriationStepChangeRequestedMessage = z.infer<
  typeof repatriationStepChangeRequestedMessageV1.schema
>;
export type RepatriationArrivalReportedMessage = z.infer<typeof repatriationArrivalReportedMessageV1.schema>;
export type RepatriationFollowUpReportedMessage = z.infer<
  typeof repatriationFollowUpReportedMessageV1.schema
>;
