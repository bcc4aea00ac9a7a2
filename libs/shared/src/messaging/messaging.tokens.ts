import type { OutboxRelayOptions } from '../outbox/outbox-relay.js';

/** Injection token of the service's {@link MessageBus}. */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
/** Injection token of the {@link MessagingModuleOptions}. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/** How a service's messaging is set up: who it is, where Kafka is, and how its outbox relay runs. */
export interface MessagingModuleOptions {
  service: string;
  nodeId: string;
  brokers: readonly string[];
  clientId: string;
  relay?: OutboxRelayOptions;
}
