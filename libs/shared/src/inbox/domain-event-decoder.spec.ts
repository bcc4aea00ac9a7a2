import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { decodeDomainEvent } from './domain-event-decoder.js';
import { PoisonMessageError } from './poison-message.error.js';

const revocation = {
  sessionId: randomUUID(),
  userId: randomUUID(),
  reason: 'LOGOUT',
  revokedAt: '2026-03-04T08:00:00.000Z',
  accessTokensValidUntil: '2026-03-04T08:10:00.000Z',
};

function envelope(payload: unknown, extra: Record<string, unknown> = {}) {
  return {
    eventId: randomUUID(),
    type: 'identity.session-revoked',
    version: 1,
    occurredAt: '2026-03-04T08:00:00.000Z',
    aggregateType: 'user',
    aggregateId: revocation.userId,
    correlationId: randomUUID(),
    causationId: null,
    producer: { service: 'identity', node: 'local' },
    payload,
    ...extra,
  };
}

function record(value: unknown) {
  return {
    topic: 'passage.local.identity-access',
    partition: 0,
    offset: '0',
    key: 'k',
    value: Buffer.from(JSON.stringify(value)),
    headers: {},
  };
}

function poisonCode(value: unknown): string | undefined {
  try {
    decodeDomainEvent(record(value));
    return undefined;
  } catch (error) {
    return (error as PoisonMessageError).code;
  }
}

describe('domain event decoding, reading tolerantly (ADR 013)', () => {
  it('accepts an event whose payload gained an optional field, and drops the field before any handler', () => {
    const decoded = decodeDomainEvent(record(envelope({ ...revocation, revokedByUserId: randomUUID() })));
    expect(decoded.message.payload).toEqual(revocation);
  });

  it('still refuses a payload that breaks its version’s schema', () => {
    expect(poisonCode(envelope({ ...revocation, reason: 'BORED' }))).toBe('INVALID_PAYLOAD');
  });

  it('keeps the envelope strict: an unknown envelope field is refused', () => {
    expect(poisonCode(envelope(revocation, { replyTo: 'elsewhere' }))).toBe('INVALID_ENVELOPE');
  });
});
