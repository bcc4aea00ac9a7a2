import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import {
  EXIT_CLEARANCE_DECISIONS,
  EXIT_CLEARANCE_STATUSES,
  type ExitClearanceDecision,
} from '@passage/schemas';
import { ExitClearanceDecisionEnum } from '../../graphql/repatriation.enums.js';

@InputType('RespondToExitClearanceInput')
export class RespondToExitClearanceInput {
  @Field(() => ID)
  requestId: string;

  @Field(() => ExitClearanceDecisionEnum)
  decision: ExitClearanceDecision;

  @Field({ description: 'Whether overstay fines were waived.' })
  fineWaived: boolean;

  @Field({ description: "The immigration authority's own reference for its answer." })
  reference: string;
}

export const respondToExitClearanceSchema = z.object({
  requestId: z.uuid('must be a request id'),
  decision: z.enum(EXIT_CLEARANCE_DECISIONS),
  fineWaived: z.boolean(),
  reference: z.string().trim().min(1, 'must be given').max(200),
});

export const exitClearanceListSchema = z.object({
  status: z.enum(EXIT_CLEARANCE_STATUSES),
  first: z.number().int().min(1).max(100),
  after: z
    .string()
    .max(200)
    .nullish()
    .transform((value) => value ?? null),
});
