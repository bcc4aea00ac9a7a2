import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { RESCUE_OUTCOMES, RESCUE_REQUEST_STATUSES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';

const id = { type: () => ID, schema: z.uuid('must be a rescue request id') };
const note = z
  .string()
  .trim()
  .max(2000, 'must have at most 2000 characters')
  .nullish()
  .transform((value) => value || null);

export const AcknowledgeRescueRequestInput = declareInput('AcknowledgeRescueRequestInput', {
  id,
  note: { type: () => String, nullable: true, schema: note },
});
export type AcknowledgeRescueRequest = z.output<typeof AcknowledgeRescueRequestInput.schema>;

export const UpdateRescueRequestStatusInput = declareInput('UpdateRescueRequestStatusInput', {
  id,
  status: {
    type: () => String,
    schema: z.enum(RESCUE_REQUEST_STATUSES),
    description: `One of ${RESCUE_REQUEST_STATUSES.join(', ')}; steps cannot be skipped.`,
  },
  outcome: {
    type: () => String,
    nullable: true,
    schema: orNull(z.enum(RESCUE_OUTCOMES)),
    description: `Required when resolving: ${RESCUE_OUTCOMES.join(', ')}.`,
  },
  reason: { type: () => String, nullable: true, schema: note },
});
export type UpdateRescueRequestStatus = z.output<typeof UpdateRescueRequestStatusInput.schema>;
