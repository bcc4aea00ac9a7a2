import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  handoffConsentWithdrawnMessageV1,
  handoffOfferedMessageV1,
  type ExchangeMessageDefinition,
} from '@passage/schemas';
import type { BusRecord, MessageBus } from '../messaging/message-bus.js';
import type { JsonValue } from './canonical-json.js';
import { CountryKeyRing } from './country-key-ring.js';
import { sealEnvelope } from './envelope-sealer.js';
import { serializeEnvelope } from './exchange-envelope.js';
import { buildTrustDirectoryDocument, generateCountryKeys } from './exchange-key-generator.js';
import { ExchangeMailboxReceiver } from './exchange-mailbox-receiver.js';
import { ExchangeMessageRegistry } from './exchange-message-registry.js';
import { TrustDirectory } from './trust-directory.js';

const validFrom = new Date(Date.now() - 86_400_000);
const kh = generateCountryKeys('KH', { validFrom });
const id = generateCountryKeys('ID', { validFrom });
const directory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument({ KH: kh.published, ID: id.published }, validFrom),
);

/**
 * Indonesia's mailbox receiver over a database that accepts every inbox row and a bus that keeps what is
 * dead-lettered, with a handler per definition that keeps the payloads it is given.
 */
function indonesianMailbox(definitions: readonly ExchangeMessageDefinition[]) {
  const handled: unknown[] = [];
  const deadLettered: { topic: string; records: readonly BusRecord[] }[] = [];
  const registry = new ExchangeMessageRegistry();
  for (const definition of definitions) {
    registry.register({
      ...definition,
      handle: async (payload) => {
        handled.push(payload);
      },
    });
  }
  const manager = { query: async () => [{ message_id: 'inserted' }] };
  const dataSource = {
    transaction: (work: (transaction: typeof manager) => Promise<unknown>) => work(manager),
    query: async () => [],
  } as unknown as DataSource;
  const bus = {
    publish: async (topic: string, records: readonly BusRecord[]) => {
      deadLettered.push({ topic, records });
    },
  } as unknown as MessageBus;
  const receiver = new ExchangeMailboxReceiver(dataSource, bus, {
    nodeId: 'node-id',
    service: 'referrals',
    namespace: 'trm',
    hostedCountries: ['ID'],
    keyRing: CountryKeyRing.fromKeyFiles([id.keyFile]),
    trustDirectory: directory,
    registry,
  });
  return { receiver, handled, deadLettered };
}

/** What a Cambodian node on a newer build puts in Indonesia's mailbox. */
function delivered(definition: ExchangeMessageDefinition, payload: JsonValue) {
  const envelope = sealEnvelope(
    {
      correlationId: randomUUID(),
      type: definition.type,
      typeVersion: definition.version,
      sender: { country: 'KH', node: 'node-kh' },
      recipient: { country: 'ID' },
      payload,
    },
    { keyRing: CountryKeyRing.fromKeyFiles([kh.keyFile]), trustDirectory: directory, now: () => new Date() },
  );
  return {
    topic: 'trm.exchange.ID',
    partition: 0,
    offset: '0',
    key: 'k',
    value: serializeEnvelope(envelope),
    headers: {},
  };
}

const withdrawal = { handoffId: randomUUID(), withdrawnAt: '2026-03-04T08:00:00.000Z' };

describe('exchange mailbox receiver, reading tolerantly (ADR 013)', () => {
  it('accepts a message that gained an optional field and hands the handler only the fields it knows', async () => {
    const mailbox = indonesianMailbox([handoffConsentWithdrawnMessageV1]);
    await mailbox.receiver.process(
      delivered(handoffConsentWithdrawnMessageV1, { ...withdrawal, withdrawnByOrganisationName: 'NGO KH' }),
    );
    expect(mailbox.deadLettered).toEqual([]);
    expect(mailbox.handled).toEqual([withdrawal]);
  });

  it('still refuses a message that lacks a field its version requires', async () => {
    const mailbox = indonesianMailbox([handoffConsentWithdrawnMessageV1]);
    await mailbox.receiver.process(
      delivered(handoffConsentWithdrawnMessageV1, { handoffId: withdrawal.handoffId }),
    );
    expect(mailbox.handled).toEqual([]);
    expect(mailbox.deadLettered.map(({ records }) => records[0]!.headers!['dlq-reason-code'])).toEqual([
      'INVALID_PAYLOAD',
    ]);
  });

  it('refuses a handoff whose packet carries personal data of a category this build does not know', async () => {
    const mailbox = indonesianMailbox([handoffOfferedMessageV1]);
    const offer = {
      handoffId: randomUUID(),
      caseReference: 'KH-2026-0001',
      sender: { organisationId: randomUUID(), organisationName: 'Focal point KH', country: 'KH' },
      recipient: { country: 'ID', organisationId: randomUUID() },
      sharedCategories: ['OPERATIONAL'],
      note: null,
      packet: {
        operational: {
          ageBand: '25_34',
          minor: false,
          languages: ['id'],
          immediateNeeds: [],
          urgentMedicalNeed: false,
        },
        identificationDecisions: [],
        biometrics: { fingerprint: 'not a category anyone consented to' },
      },
      offeredAt: '2026-03-04T08:00:00.000Z',
    };
    await mailbox.receiver.process(delivered(handoffOfferedMessageV1, offer));
    expect(mailbox.handled).toEqual([]);
    const [parked] = mailbox.deadLettered;
    expect(parked!.records[0]!.headers!['dlq-reason-code']).toBe('INVALID_PAYLOAD');
    expect(parked!.records[0]!.headers!['dlq-reason']).toMatch(/packet/);
  });
});
