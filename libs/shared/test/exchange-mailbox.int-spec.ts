import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { deadLetterTopic, exchangeMailboxTopic, handoffConsentWithdrawnMessageV1 } from '@passage/schemas';
import {
  CountryKeyRing,
  ExchangeMailboxReceiver,
  ExchangeMessageRegistry,
  ExchangeSender,
  KafkajsMessageBus,
  MessagingTables1763769600000,
  Outbox,
  OutboxRelay,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  sealEnvelope,
  serializeEnvelope,
  type ExchangeHeader,
  type ExchangeRejection,
} from '@passage/shared';
import { createTestBus, openTestDataSource, eventually, readTopic } from '@passage/shared/testing';

/** A distinctive name that must never appear in clear on Kafka. */
const SURVIVOR_NAME = 'Nirmala Kusumawardhani-Test';

const keys = Object.fromEntries(
  ['KH', 'ID', 'TH', 'PH'].map((country) => [
    country,
    generateCountryKeys(country, { validFrom: new Date(Date.now() - 86_400_000) }),
  ]),
);
// PH is deliberately left out of the directory: a sender nobody trusts.
const directory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument(
    { KH: keys.KH.published, ID: keys.ID.published, TH: keys.TH.published },
    new Date(),
  ),
);

interface TestNode {
  close(): Promise<void>;
  dataSource: DataSource;
  sender: ExchangeSender;
  relay: OutboxRelay;
  receiver: ExchangeMailboxReceiver;
  rejections: ExchangeRejection[];
}

describe('cross-border exchange between two nodes (real Postgres, real Kafka)', () => {
  const namespace = `t${randomUUID().slice(0, 8)}`;
  let bus: KafkajsMessageBus;
  let nodeA: TestNode; // hosts Cambodia
  let nodeB: TestNode; // hosts Indonesia

  async function startNode(
    nodeId: string,
    country: string,
    registry: ExchangeMessageRegistry,
  ): Promise<TestNode> {
    const { dataSource, close } = await openTestDataSource('shared', [MessagingTables1763769600000]);
    await dataSource.query(
      `CREATE TABLE received_message (message_id uuid PRIMARY KEY, type text, sender text, body jsonb, correlation_id uuid)`,
    );
    const keyRing = CountryKeyRing.fromKeyFiles([keys[country].keyFile]);
    const outbox = new Outbox({ service: 'referrals', node: nodeId });
    const sender = new ExchangeSender({
      nodeId,
      namespace,
      hostedCountries: [country],
      keyRing,
      trustDirectory: directory,
      outbox,
    });
    const rejections: ExchangeRejection[] = [];
    const receiver = new ExchangeMailboxReceiver(dataSource, bus, {
      nodeId,
      service: 'referrals',
      namespace,
      hostedCountries: [country],
      keyRing,
      trustDirectory: directory,
      registry,
      onRejected: (rejection) => rejections.push(rejection),
    });
    await bus.ensureTopics(receiver.requiredTopics());
    const relay = new OutboxRelay(dataSource, bus, { pollIntervalMs: 50 });
    relay.start();
    await receiver.start();
    return { close, dataSource, sender, relay, receiver, rejections };
  }

  /** What a receiving handler does first: keep what arrived, in the inbox transaction. */
  async function recordReceived(manager: EntityManager, header: ExchangeHeader, payload: unknown) {
    await manager.query(`INSERT INTO received_message VALUES ($1, $2, $3, $4, $5)`, [
      header.messageId,
      header.type,
      header.sender.country,
      JSON.stringify(payload),
      header.correlationId,
    ]);
  }

  const caseOffer = z.object({ caseRef: z.string(), personName: z.string() }).strict();
  const receipt = z.object({ acknowledges: z.uuid() }).strict();

  beforeAll(async () => {
    bus = createTestBus();
    const registryA = new ExchangeMessageRegistry();
    const registryB = new ExchangeMessageRegistry();
    registryB.register({
      type: 'test.case-offered',
      version: 1,
      schema: caseOffer,
      handle: async (payload, { header, manager }) => {
        await recordReceived(manager, header, payload);
        // Answer through the sender's mailbox, in the same transaction as recording the offer. No
        // correlation id is passed: the handler runs in the offer's context and the answer inherits it.
        await nodeB.sender.send(manager, {
          senderCountry: 'ID',
          recipientCountry: header.sender.country,
          type: 'test.receipt',
          typeVersion: 1,
          payload: { acknowledges: header.messageId },
          causationId: header.messageId,
        });
      },
    });
    // A catalogued message, to show the current consumer reading a newer sender's version tolerantly.
    registryB.register({
      ...handoffConsentWithdrawnMessageV1,
      handle: async (payload, { header, manager }) => {
        await recordReceived(manager, header, payload);
      },
    });
    registryA.register({
      type: 'test.receipt',
      version: 1,
      schema: receipt,
      handle: async (payload, { header, manager }) => {
        await recordReceived(manager, header, payload);
      },
    });
    nodeA = await startNode('node-a', 'KH', registryA);
    nodeB = await startNode('node-b', 'ID', registryB);
  });

  afterAll(async () => {
    for (const node of [nodeA, nodeB]) {
      if (!node) continue;
      await node.receiver.stop();
      await node.relay.stop();
      await node.close();
    }
    await bus?.disconnect();
  });

  async function received(node: TestNode, messageId: string) {
    const rows = await node.dataSource.query(`SELECT * FROM received_message WHERE message_id = $1`, [
      messageId,
    ]);
    if (rows.length !== 1) throw new Error(`message ${messageId} not received`);
    return rows[0];
  }

  it('delivers a sealed message to the other country and carries the answer back', async () => {
    const correlationId = randomUUID();
    const offer = await nodeA.dataSource.transaction((manager) =>
      nodeA.sender.send(manager, {
        senderCountry: 'KH',
        recipientCountry: 'ID',
        type: 'test.case-offered',
        typeVersion: 1,
        payload: { caseRef: 'KH-2026-0001', personName: SURVIVOR_NAME },
        correlationId,
      }),
    );

    const atB = await eventually(() => received(nodeB, offer.messageId));
    expect(atB.sender).toBe('KH');
    expect(atB.body).toEqual({ caseRef: 'KH-2026-0001', personName: SURVIVOR_NAME });

    const answers = await eventually(async () => {
      const rows = await nodeA.dataSource.query(
        `SELECT * FROM received_message WHERE body->>'acknowledges' = $1`,
        [offer.messageId],
      );
      if (rows.length !== 1) throw new Error('no receipt yet');
      return rows;
    });
    expect(answers[0].sender).toBe('ID');
    expect(answers[0].correlation_id).toBe(correlationId);

    const raw = await readTopic(bus, exchangeMailboxTopic('ID', namespace), { count: 1 });
    expect(raw[0].value.includes(SURVIVOR_NAME)).toBe(false);
    expect(raw[0].value.includes('KH-2026-0001')).toBe(false);
    expect(raw[0].value.toString('latin1')).not.toMatch(/Nirmala|Kusumawardhani/i);
    expect(JSON.parse(raw[0].value.toString()).sender.country).toBe('KH');
  });

  it('parks tampered, misaddressed, replayed, unsigned, untrusted and unparsable envelopes without running business code', async () => {
    const mailbox = exchangeMailboxTopic('ID', namespace);
    const seal = (from: string, to: string, personName: string) =>
      sealEnvelope(
        {
          correlationId: randomUUID(),
          type: 'test.case-offered',
          typeVersion: 1,
          sender: { country: from, node: 'node-x' },
          recipient: { country: to },
          payload: { caseRef: 'KH-2026-0002', personName },
        },
        {
          keyRing: CountryKeyRing.fromKeyFiles([keys[from].keyFile]),
          // The untrusted sender knows Indonesia's public key; it is not in anyone's directory itself.
          trustDirectory: TrustDirectory.fromObject(
            buildTrustDirectoryDocument(
              { [from]: keys[from].published, ID: keys.ID.published, TH: keys.TH.published },
              new Date(),
            ),
          ),
          now: () => new Date(),
        },
      );

    const genuine = seal('KH', 'ID', 'Genuine Person');
    const genuineBytes = serializeEnvelope(genuine);
    const tampered = JSON.parse(genuineBytes.toString());
    tampered.messageId = randomUUID();
    tampered.ciphertext =
      tampered.ciphertext.slice(0, -4) + (tampered.ciphertext.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const unsigned = JSON.parse(serializeEnvelope(seal('KH', 'ID', 'Unsigned Person')).toString());
    delete unsigned.signature;
    const misaddressed = serializeEnvelope(seal('KH', 'TH', 'Misaddressed Person'));
    const untrusted = serializeEnvelope(seal('PH', 'ID', 'Untrusted Person'));

    const send = (value: Buffer) => bus.publish(mailbox, [{ key: 'k', value }]);
    await send(genuineBytes);
    await eventually(() => received(nodeB, genuine.messageId));
    await send(Buffer.from(JSON.stringify(tampered)));
    await send(misaddressed);
    await send(genuineBytes); // replay of a message already applied
    await send(Buffer.from(JSON.stringify(unsigned)));
    await send(untrusted);
    await send(Buffer.from('\u0000garbage that is not an envelope'));

    const parked = await readTopic(bus, deadLetterTopic(mailbox), { count: 6, timeoutMs: 60_000 });
    expect(parked.map((record) => record.headers['dlq-reason-code'])).toEqual([
      'BAD_SIGNATURE',
      'WRONG_RECIPIENT',
      'REPLAYED',
      'UNSIGNED',
      'UNKNOWN_SENDER',
      'MALFORMED',
    ]);
    for (const record of parked) {
      expect(record.headers['dlq-reason']).toBeTruthy();
      expect(record.headers['dlq-reason']).not.toMatch(/Person/);
    }
    expect(nodeB.rejections.map((rejection) => rejection.code)).toEqual(
      parked.map((record) => record.headers['dlq-reason-code']),
    );

    const applied = await nodeB.dataSource.query(
      `SELECT body->>'personName' AS name FROM received_message WHERE body ? 'personName'`,
    );
    expect(applied.map((row: { name: string }) => row.name).sort()).toEqual([
      'Genuine Person',
      SURVIVOR_NAME,
    ]);
  });

  it('does not let a forged envelope reusing a genuine message id suppress the genuine one (issue 12, finding 6)', async () => {
    const mailbox = exchangeMailboxTopic('ID', namespace);
    const genuine = sealEnvelope(
      {
        correlationId: randomUUID(),
        type: 'test.case-offered',
        typeVersion: 1,
        sender: { country: 'KH', node: 'node-a' },
        recipient: { country: 'ID' },
        payload: { caseRef: 'KH-2026-0003', personName: 'Suppressed Person' },
      },
      {
        keyRing: CountryKeyRing.fromKeyFiles([keys.KH.keyFile]),
        trustDirectory: directory,
        now: () => new Date(),
      },
    );
    const genuineBytes = serializeEnvelope(genuine);
    // Whoever sees the genuine envelope on the wire (or guesses its id) races it with a forgery that
    // carries the same id in its unauthenticated header but fails the signature check.
    const forged = JSON.parse(genuineBytes.toString());
    forged.ciphertext =
      forged.ciphertext.slice(0, -4) + (forged.ciphertext.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const rejectedBefore = nodeB.rejections.length;

    await bus.publish(mailbox, [{ key: 'forged', value: Buffer.from(JSON.stringify(forged)) }]);
    await eventually(async () => {
      if (nodeB.rejections.length === rejectedBefore) throw new Error('forgery not refused yet');
    });
    expect(nodeB.rejections[rejectedBefore]).toMatchObject({
      code: 'BAD_SIGNATURE',
      messageId: genuine.messageId,
    });

    await bus.publish(mailbox, [{ key: 'genuine', value: genuineBytes }]);
    const atB = await eventually(() => received(nodeB, genuine.messageId));
    expect(atB.body).toEqual({ caseRef: 'KH-2026-0003', personName: 'Suppressed Person' });
    expect(nodeB.rejections.slice(rejectedBefore).map((rejection) => rejection.code)).toEqual([
      'BAD_SIGNATURE',
    ]);
  });

  it('accepts a message that gained an optional field, without handing the field to the handler (ADR 013)', async () => {
    const withdrawal = { handoffId: randomUUID(), withdrawnAt: new Date().toISOString() };
    // What a Cambodian node on a newer build sends: the same version with one more optional field.
    const newer = sealEnvelope(
      {
        correlationId: withdrawal.handoffId,
        type: handoffConsentWithdrawnMessageV1.type,
        typeVersion: handoffConsentWithdrawnMessageV1.version,
        sender: { country: 'KH', node: 'node-a' },
        recipient: { country: 'ID' },
        payload: { ...withdrawal, withdrawnByOrganisationName: 'NGO KH (test)' },
      },
      {
        keyRing: CountryKeyRing.fromKeyFiles([keys.KH.keyFile]),
        trustDirectory: directory,
        now: () => new Date(),
      },
    );
    await bus.publish(exchangeMailboxTopic('ID', namespace), [
      { key: withdrawal.handoffId, value: serializeEnvelope(newer) },
    ]);

    const atB = await eventually(() => received(nodeB, newer.messageId));
    expect(atB.type).toBe('handoff.consent-withdrawn');
    expect(atB.body).toEqual(withdrawal);
    expect(nodeB.rejections.map((rejection) => rejection.messageId)).not.toContain(newer.messageId);
  });
});
