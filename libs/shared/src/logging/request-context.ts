import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the unit of work (an HTTP request, a consumed event) the code runs for. */
export interface RequestContextState {
  /** Follows one journey across services and Kafka; logged on every line and copied into events. */
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextState>();

/**
 * The ambient context of the current request or event, carried across `await`, timers and callbacks
 * by `AsyncLocalStorage`, so the logger and the outbox can read the correlation id without every
 * function passing it along.
 */
export const RequestContext = {
  /** Runs `fn` (and everything it starts, synchronously or not) inside `context`. */
  run<T>(context: RequestContextState, fn: () => T): T {
    return storage.run(context, fn);
  },

  /** The context of the running code, or `undefined` outside any request or event (e.g. at boot). */
  current(): RequestContextState | undefined {
    return storage.getStore();
  },

  /** Shorthand for `RequestContext.current()?.correlationId`. */
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
