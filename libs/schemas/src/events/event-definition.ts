import type { z } from 'zod';

/**
 * One version of one event: its name, the aggregate stream it belongs to, and the runtime schema that
 * consumers parse with. Additive optional fields keep the version; any other change is a new definition
 * published side by side until every consumer has moved.
 */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  version: number;
  aggregateType: string;
  /** Aggregate stream the event is published on (see topics/topic-names.ts). */
  stream: string;
  schema: TSchema;
  description: string;
}

/** Declares an event definition while keeping its literal types, so payloads are checked at compile time. */
export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return definition;
}

/** The payload type an event definition accepts. */
export type EventPayload<TDefinition> =
  TDefinition extends EventDefinition<string, infer S> ? z.infer<S> : never;
