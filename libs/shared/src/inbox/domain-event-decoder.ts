import { eventEnvelopeSchema, findEventDefinition, type EventEnvelope } from '@passage/schemas';
import type { DeliveredRecord } from '../messaging/message-bus.js';
import type { DecodedMessage } from './inbox-consumer.js';
import { PoisonMessageError } from './poison-message.error.js';

/**
 * Turns a record from a node-internal event topic into a validated envelope: JSON, then the envelope
 * schema, then the payload schema of its (type, version) from the catalogue. Anything that fails is
 * poison: no business code ever sees an event that does not match its contract.
 */
export function decodeDomainEvent(record: DeliveredRecord): DecodedMessage<EventEnvelope> {
  let json: unknown;
  try {
    json = JSON.parse(record.value.toString('utf8'));
  } catch {
    throw new PoisonMessageError('UNPARSABLE', 'record value is not JSON');
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new PoisonMessageError(
      'INVALID_ENVELOPE',
      `envelope fields invalid: ${issuePaths(envelope.error.issues)}`,
    );
  }
  const { eventId, type, version } = envelope.data;
  const definition = findEventDefinition(type, version);
  if (!definition) {
    throw new PoisonMessageError('UNKNOWN_EVENT', `no schema for ${type}@v${version} in this build`, eventId);
  }
  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    throw new PoisonMessageError(
      'INVALID_PAYLOAD',
      `${type}@v${version} payload fields invalid: ${issuePaths(payload.error.issues)}`,
      eventId,
    );
  }
  return {
    messageId: eventId,
    correlationId: envelope.data.correlationId,
    message: { ...envelope.data, payload: payload.data },
  };
}

/** Names the failing fields only: the values may be personal data. */
function issuePaths(issues: readonly { path: readonly PropertyKey[]; code: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'} (${issue.code})`).join(', ');
}
