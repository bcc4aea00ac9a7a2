import type { InjectionToken } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { MessageBus } from '../messaging/message-bus.js';
import { MESSAGE_BUS } from '../messaging/messaging.tokens.js';

/**
 * Resolves when a dependency can serve, rejects otherwise. The signal aborts when the check's time
 * limit passes; probes that can cancel their work should honour it.
 */
export type ReadinessProbe = (signal: AbortSignal) => Promise<void>;

/** A named readiness check, as the health controller runs it. */
export interface ReadinessCheck {
  /** Shown in the readiness response, e.g. `database`; unique within an app. */
  readonly name: string;
  readonly probe: ReadinessProbe;
}

/**
 * How an app declares a readiness check: a name, and a factory that builds the probe from injected
 * providers (like a Nest factory provider). Build them with {@link HealthChecks} or write one inline.
 */
export interface ReadinessCheckDefinition {
  readonly name: string;
  readonly inject?: readonly InjectionToken[];
  // Nest factories receive whatever the tokens resolve to; the definition's author knows the types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly useFactory: (...dependencies: any[]) => ReadinessProbe;
}

/** Ready-made readiness checks; each app picks those that apply to it (the gateway has no database). */
export const HealthChecks = {
  /** The service's Postgres answers `SELECT 1` through its TypeORM `DataSource`. */
  database(dataSource: InjectionToken = DataSource, name = 'database'): ReadinessCheckDefinition {
    return {
      name,
      inject: [dataSource],
      useFactory: (source: DataSource) => async () => {
        await source.query('SELECT 1');
      },
    };
  },

  /** The Kafka cluster answers a metadata request, through the service's {@link MessageBus}. */
  kafka(bus: InjectionToken = MESSAGE_BUS, name = 'kafka'): ReadinessCheckDefinition {
    return { name, inject: [bus], useFactory: (messageBus: MessageBus) => () => messageBus.ping() };
  },

  /**
   * Any other condition the app knows about, e.g. `HealthChecks.custom('subgraphs', async () => {
   * if (!gateway.composed) throw new Error('not composed'); })`. Throw to report "down".
   */
  custom(name: string, probe: ReadinessProbe): ReadinessCheckDefinition {
    return { name, useFactory: () => probe };
  },
};
