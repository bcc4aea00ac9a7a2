import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { EXIT_CLEARANCE_DECISIONS, EXIT_CLEARANCE_STATUSES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { ExitClearanceDecisionEnum } from '../../graphql/repatriation.enums.js';

export const RespondToExitClearanceInput = declareInput('RespondToExitClearanceInput', {
  requestId: { type: () => ID, schema: z.uuid('must be a request id') },
  decision: { type: () => ExitClearanceDecisionEnum, schema: z.enum(EXIT_CLEARANCE_DECISIONS) },
  fineWaived: {
    type: () => Boolean,
    schema: z.boolean(),
    description: 'Whether overstay fines were waived.',
  },
  reference: {
    type: () => String,
    schema: z.string().trim().min(1, 'must be given').max(200),
    description: "The immigration authority's own reference for its answer.",
  },
});

export type RespondToExitClearanceValue = z.output<typeof RespondToExitClearanceInput.schema>;

/** Arguments of `exitClearanceRequests`. */
export const exitClearanceListSchema = z.object({
  status: z.enum(EXIT_CLEARANCE_STATUSES),
  first: z.number().int().min(1).max(100),
  after: orNull(z.string().max(200)),
});

export type ExitClearanceListValue = z.output<typeof exitClearanceListSchema>;
