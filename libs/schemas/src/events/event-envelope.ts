import { z } from 'zod';

/**
 * The metadata every domain event carries on a node-internal topic. The payload is validated separately
 * against the schema of its (type, version) before any handler sees it.
 */
export interface EventEnvelope<TPayload = unknown> {
  /** Unique per event; consumers use it as the idempotency key. */
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  /** Ties together everything caused by one user request or one inbound exchange message. */
  correlationId: string;
  /** The event or message that directly caused this one, if any. */
  causationId: string | null;
  producer: { service: string; node: string };
  payload: TPayload;
}

const uuid = z.uuid();

/** Runtime schema of the envelope metadata; `payload` is checked by the event's own schema. */
export const eventEnvelopeSchema = z
  .object({
    eventId: uuid,
    type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
    version: z.number().int().positive(),
    occurredAt: z.iso.datetime({ offset: true }),
    aggregateType: z.string().min(1).max(64),
    aggregateId: z.string().min(1).max(128),
    correlationId: uuid,
    causationId: uuid.nullable(),
    producer: z.object({ service: z.string().min(1).max(64), node: z.string().min(1).max(64) }).strict(),
    payload: z.unknown(),
  })
  .strict();
