import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ExchangeHeader } from './exchange-envelope.js';

/** What a handler of an inbound exchange message receives besides the payload. */
export interface ExchangeMessageContext {
  /** The authenticated header: sender country and node, ids, type. */
  header: ExchangeHeader;
  /** The inbox transaction: the handler's writes commit with the record of having received the message. */
  manager: EntityManager;
}

/** How this node handles one version of one exchange message type. */
export interface ExchangeMessageHandler<TSchema extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  /** Validates the decrypted payload before the handler runs. */
  schema: TSchema;
  handle(payload: z.infer<TSchema>, context: ExchangeMessageContext): Promise<void>;
}

/**
 * The exchange message types this node understands. A message of a type that is not registered is
 * refused to the dead-letter topic (an older node receiving a newer type keeps it for later replay).
 */
export class ExchangeMessageRegistry {
  private readonly handlers = new Map<string, ExchangeMessageHandler>();

  register<TSchema extends z.ZodType>(handler: ExchangeMessageHandler<TSchema>): void {
    const key = `${handler.type}@v${handler.version}`;
    if (this.handlers.has(key)) throw new Error(`exchange handler for ${key} is registered twice`);
    this.handlers.set(key, handler as unknown as ExchangeMessageHandler);
  }

  find(type: string, version: number): ExchangeMessageHandler | undefined {
    return this.handlers.get(`${type}@v${version}`);
  }
}
