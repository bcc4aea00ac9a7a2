import { z } from 'zod';
import { REPATRIATION_PACES, REPATRIATION_STEP_KINDS } from '../reference/repatriation-vocabulary.js';
import { repatriationPlanSharedMessageV1 } from './repatriation-messages.v1.js';

const sharedStep = repatriationPlanSharedMessageV1.schema.shape.steps.element;

/**
 * The plan as its node holds it, for a plan with fewer than the six steps (a fast voluntary return).
 * Sent side by side with version 1, which every standard plan still travels as: a node that does not know
 * this version parks the message rather than misreading a plan whose steps it would expect six of.
 */
export const repatriationPlanSharedMessageV2 = {
  type: 'repatriation.plan-shared',
  version: 2,
  schema: repatriationPlanSharedMessageV1.schema.extend({
    pace: z.enum(REPATRIATION_PACES),
    steps: z
      .array(sharedStep)
      .min(1)
      .max(REPATRIATION_STEP_KINDS.length)
      .refine(
        (steps) => new Set(steps.map((step) => step.kind)).size === steps.length,
        'each step kind at most once',
      ),
  }),
} as const;

/** A share as a step owner's node keeps it, whichever version it came as (version 1 has no pace: STANDARD). */
export type RepatriationPlanShare = z.infer<typeof repatriationPlanSharedMessageV1.schema> & {
  pace?: z.infer<typeof repatriationPlanSharedMessageV2.schema>['pace'];
};
