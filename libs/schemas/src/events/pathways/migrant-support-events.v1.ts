import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

/** How a prompt to refer a person to services for vulnerable migrants was settled. */
export const MIGRANT_SUPPORT_PROMPT_SETTLEMENTS = ['REFERRED', 'SUPERSEDED', 'DECLINED'] as const;
export type MigrantSupportPromptSettlement = (typeof MIGRANT_SUPPORT_PROMPT_SETTLEMENTS)[number];

export const migrantSupportPromptedV1 = defineEvent({
  type: 'case.migrant-support-prompted',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    "A screening found no trafficking indicated: the case's owner is prompted to refer the person to services for vulnerable migrants.",
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    promptId: z.uuid(),
    screeningId: z.uuid(),
    ownerOrganisationId: z.uuid(),
    promptedAt: instantSchema,
  }),
});

export const migrantSupportPromptSettledV1 = defineEvent({
  type: 'case.migrant-support-prompt-settled',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A prompt to refer a person to services for vulnerable migrants was settled: referred, superseded by a later screening, or declined by the person.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    promptId: z.uuid(),
    settlement: z.enum(MIGRANT_SUPPORT_PROMPT_SETTLEMENTS),
    referralId: z.uuid().nullable(),
    settledByOrganisationId: z.uuid(),
    settledAt: instantSchema,
  }),
});
