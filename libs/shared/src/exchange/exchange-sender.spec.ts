import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { handoffConsentWithdrawnMessageV1, organisationListedMessageV1 } from '@passage/schemas';
import { Outbox } from '../outbox/outbox.js';
import { openEnvelope } from './envelope-opener.js';
import type { EntityManager } from 'typeorm';
import { CountryKeyRing } from './country-key-ring.js';
import { buildTrustDirectoryDocument, generateCountryKeys } from './exchange-key-generator.js';
import { TrustDirectory } from './trust-directory.js';
import { ExchangeSender } from './exchange-sender.js';

/** Keys of two countries, Cambodia sending and Indonesia receiving, for the exchange's unit tests. */
function twoCountryKeys() {
  const validFrom = new Date(Date.now() - 86_400_000);
  const kh = generateCountryKeys('KH', { validFrom });
  const id = generateCountryKeys('ID', { validFrom });
  return {
    directory: TrustDirectory.fromObject(
      buildTrustDirectoryDocument({ KH: kh.published, ID: id.published }, validFrom),
    ),
    cambodia: CountryKeyRing.fromKeyFiles([kh.keyFile]),
    indonesia: CountryKeyRing.fromKeyFiles([id.keyFile]),
  };
}

/**
 * An entity manager inside a transaction that keeps the parameters of every query instead of running it:
 * enough for the outbox to write to.
 */
function recordingManager(): { manager: EntityManager; queries: unknown[][] } {
  const queries: unknown[][] = [];
  const manager = {
    queryRunner: { isTransactionActive: true },
    query: async (_sql: string, parameters: unknown[] = []) => {
      queries.push(parameters);
      return [];
    },
  } as unknown as EntityManager;
  return { manager, queries };
}

const keys = twoCountryKeys();

function cambodianSender() {
  return new ExchangeSender({
    nodeId: 'node-kh',
    namespace: 'trm',
    hostedCountries: ['KH'],
    keyRing: keys.cambodia,
    trustDirectory: keys.directory,
    outbox: new Outbox({ service: 'referrals', node: 'node-kh' }),
  });
}

/** Opens the envelope the sender queued, as Indonesia's node would. */
function openQueued(queries: unknown[][]) {
  expect(queries).toHaveLength(1);
  const [messageId, topic, , type, , value] = queries[0]!;
  const opened = openEnvelope(value as Buffer, {
    keyRing: keys.indonesia,
    trustDirectory: keys.directory,
    hostedCountries: ['ID'],
    now: () => new Date(),
  });
  return { messageId, topic, type, opened };
}

const withdrawal = { handoffId: randomUUID(), withdrawnAt: '2026-03-04T08:00:00.000Z' };

describe('typed exchange sender', () => {
  it('seals a catalogued message for the recipient under its type and version', async () => {
    const { manager, queries } = recordingManager();
    const header = await cambodianSender().sendMessage(manager, handoffConsentWithdrawnMessageV1, {
      senderCountry: 'KH',
      recipientCountry: 'ID',
      payload: withdrawal,
      correlationId: withdrawal.handoffId,
    });
    const queued = openQueued(queries);
    expect(queued.messageId).toBe(header.messageId);
    expect(queued.topic).toBe('trm.exchange.ID');
    expect(queued.type).toBe('exchange:handoff.consent-withdrawn@v1');
    expect(queued.opened.header).toMatchObject({
      type: 'handoff.consent-withdrawn',
      typeVersion: 1,
      correlationId: withdrawal.handoffId,
      sender: { country: 'KH', node: 'node-kh' },
    });
    expect(queued.opened.payload).toEqual(withdrawal);
  });

  it('refuses a payload that breaks the schema before sealing, naming the field and not its value', async () => {
    const { manager, queries } = recordingManager();
    const attempt = cambodianSender().sendMessage(manager, organisationListedMessageV1, {
      senderCountry: 'KH',
      recipientCountry: 'ID',
      // A caller that escapes the compiler (an `any`) is still stopped at run time.
      payload: {
        organisationId: randomUUID(),
        name: 'Shelter of Hope',
        kind: 'SHELTER',
        country: 'KH',
        stationedIn: null,
        active: 'yes',
        listedAt: '2026-03-04T08:00:00.000Z',
      } as never,
    });
    await expect(attempt).rejects.toMatchObject({ name: 'ExchangeSealError', code: 'INVALID_PAYLOAD' });
    await expect(attempt).rejects.toThrow(/directory\.organisation-listed@v1 .*active/);
    await expect(attempt).rejects.not.toThrow(/Shelter of Hope/);
    expect(queries).toEqual([]);
  });

  it('seals only the contract: fields the definition does not name stay home', async () => {
    const { manager, queries } = recordingManager();
    await cambodianSender().sendMessage(manager, handoffConsentWithdrawnMessageV1, {
      senderCountry: 'KH',
      recipientCountry: 'ID',
      payload: { ...withdrawal, survivorName: 'Not for the wire' } as typeof withdrawal,
    });
    expect(openQueued(queries).opened.payload).toEqual(withdrawal);
  });

  it('types the payload from the definition, so a wrong payload does not compile', async () => {
    const { manager } = recordingManager();
    const sender = cambodianSender();
    const send = () =>
      sender.sendMessage(manager, handoffConsentWithdrawnMessageV1, {
        senderCountry: 'KH',
        recipientCountry: 'ID',
        // @ts-expect-error withdrawnAt is an ISO date-time string, not a Date
        payload: { handoffId: withdrawal.handoffId, withdrawnAt: new Date() },
      });
    await expect(send()).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('keeps refusing to send on behalf of a country the node does not host', async () => {
    const { manager } = recordingManager();
    await expect(
      cambodianSender().sendMessage(manager, handoffConsentWithdrawnMessageV1, {
        senderCountry: 'TH',
        recipientCountry: 'ID',
        payload: withdrawal,
      }),
    ).rejects.toMatchObject({ code: 'NO_SIGNING_KEY' });
  });
});
