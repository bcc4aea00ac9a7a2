import type { z } from 'zod';

/**
 * One version of one message between country nodes: its type, its version and the runtime schema both
 * ends check the payload with (the sender before sealing, the receiver after opening). Additive optional
 * fields keep the version; any other change is a new definition sent side by side until every node has
 * moved.
 */
export interface ExchangeMessageDefinition<
  TType extends string = string,
  TSchema extends z.ZodType = z.ZodType,
> {
  readonly type: TType;
  readonly version: number;
  readonly schema: TSchema;
}

/** The payload type an exchange message definition accepts. */
export type ExchangeMessagePayload<TDefinition> =
  TDefinition extends ExchangeMessageDefinition<string, infer S> ? z.infer<S> : never;
