/**
 * Topic naming. Node-internal domain events live on `passage.<node>.<stream>` so that several nodes can
 * share one Kafka cluster (as they do on a single development machine) without reading each other's
 * events; the cross-border exchange uses one mailbox per country, `trm.exchange.<CC>`, which is the only
 * thing nodes share. Every topic has a dead-letter topic beside it.
 */

const NODE_ID = /^[a-z][a-z0-9-]{0,30}$/;
const STREAM = /^[a-z][a-z0-9-]{0,62}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** Topic carrying one aggregate stream's domain events inside one node. */
export function nodeEventTopic(nodeId: string, stream: string): string {
  if (!NODE_ID.test(nodeId)) throw new RangeError(`invalid node id "${nodeId}"`);
  if (!STREAM.test(stream)) throw new RangeError(`invalid stream name "${stream}"`);
  return `passage.${nodeId}.${stream}`;
}

/**
 * The exchange namespace of the regional mechanism in production. Another namespace lets a second
 * mechanism (a staging region, a training exercise, a test run) share the same Kafka cluster without
 * ever reading the first one's mailboxes.
 */
export const DEFAULT_EXCHANGE_NAMESPACE = 'trm';
const NAMESPACE = /^[a-z][a-z0-9-]{0,30}$/;

/** The cross-border mailbox of one country: what other nodes send it, sealed for it. */
export function exchangeMailboxTopic(
  country: string,
  namespace: string = DEFAULT_EXCHANGE_NAMESPACE,
): string {
  if (!COUNTRY.test(country)) throw new RangeError(`invalid country code "${country}"`);
  if (!NAMESPACE.test(namespace)) throw new RangeError(`invalid exchange namespace "${namespace}"`);
  return `${namespace}.exchange.${country}`;
}

/** Where records that cannot be processed from `topic` are parked, with the reason in headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Consumer group of one named handler of one service on one node. */
export function consumerGroupId(nodeId: string, service: string, handler: string): string {
  return `passage.${nodeId}.${service}.${handler}`;
}

/** The country whose mailbox `topic` is, or undefined when it is not a mailbox topic. */
export function mailboxCountryOf(topic: string): string | undefined {
  const match = /^[a-z][a-z0-9-]{0,30}\.exchange\.([A-Z]{2})$/.exec(topic);
  return match?.[1];
}
