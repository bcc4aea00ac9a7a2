#!/usr/bin/env node
/**
 * `npm run bench`: measures the foundation's hot paths against the real Postgres and Kafka and prints
 * figures (nothing asserts on them: speed is measured, not assumed). Run after `npm run build`;
 * it starts the local infrastructure itself when needed.
 *
 *   envelope seal/open      CPU cost of sealing and opening one cross-border envelope
 *   outbox relay            rows per second from committed outbox rows to acknowledged Kafka records
 *   exchange round trip     latency from a committed send on one node to the handler's commit on another
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  ensureKafka,
  ensurePostgresServer,
  kafkaBrokers,
  postgresAdminUrl,
  resolveInfraSettings,
} from '../../scripts/infra/index.mjs';
import * as shared from '../../libs/shared/dist/index.js';
import { exchangeMailboxTopic } from '../../libs/schemas/dist/index.js';

const {
  CountryKeyRing,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  sealEnvelope,
  serializeEnvelope,
  openEnvelope,
  KafkajsMessageBus,
  MessagingTables1763769600000,
  Outbox,
  OutboxRelay,
  ExchangeSender,
  ExchangeMailboxReceiver,
  ExchangeMessageRegistry,
} = shared;

const quiet = () => undefined;
const settings = resolveInfraSettings();
await ensurePostgresServer({ adminUrl: settings.postgres.adminUrl, log: quiet });
await ensureKafka({ settings, log: quiet });
const adminUrl = postgresAdminUrl();
const bus = new KafkajsMessageBus({ brokers: kafkaBrokers(), clientId: 'passage-bench' });

const keys = Object.fromEntries(
  ['KH', 'ID'].map((c) => [c, generateCountryKeys(c, { validFrom: new Date(Date.now() - 60_000) })]),
);
const directory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument({ KH: keys.KH.published, ID: keys.ID.published }, new Date()),
);
const ringKH = CountryKeyRing.fromKeyFiles([keys.KH.keyFile]);
const ringID = CountryKeyRing.fromKeyFiles([keys.ID.keyFile]);

/** A handoff-sized payload: a few kilobytes of structured case data. */
const payload = {
  caseRef: 'KH-2026-000123',
  people: Array.from({ length: 3 }, (_, i) => ({
    alias: `Person ${i}`,
    nationality: 'ID',
    languages: ['id', 'en'],
    notes: 'x'.repeat(600),
  })),
};

const rows = [];
const report = (name, value, unit, detail = '') => rows.push({ name, value, unit, detail });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// 1. Envelope seal and open.
{
  const n = 2000;
  const sealTimes = [];
  const openTimes = [];
  for (let i = 0; i < n; i++) {
    let started = performance.now();
    const bytes = serializeEnvelope(
      sealEnvelope(
        {
          correlationId: randomUUID(),
          type: 'bench.handoff',
          typeVersion: 1,
          sender: { country: 'KH', node: 'a' },
          recipient: { country: 'ID' },
          payload,
        },
        { keyRing: ringKH, trustDirectory: directory, now: () => new Date() },
      ),
    );
    sealTimes.push(performance.now() - started);
    started = performance.now();
    openEnvelope(bytes, {
      keyRing: ringID,
      trustDirectory: directory,
      hostedCountries: ['ID'],
      now: () => new Date(),
    });
    openTimes.push(performance.now() - started);
  }
  for (const [name, times] of [
    ['envelope seal', sealTimes],
    ['envelope open', openTimes],
  ]) {
    times.sort((a, b) => a - b);
    const total = times.reduce((sum, t) => sum + t, 0);
    report(
      name,
      Math.round((n / total) * 1000),
      'ops/s',
      `p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (${n} x ~2 KB)`,
    );
  }
}

async function withDatabase(run) {
  const name = `passage_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: [MessagingTables1763769600000],
  }).initialize();
  await dataSource.runMigrations();
  try {
    return await run(dataSource);
  } finally {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// 2. Outbox relay throughput.
await withDatabase(async (dataSource) => {
  const topic = `bench.outbox.${randomUUID().slice(0, 8)}`;
  await bus.ensureTopics([{ name: topic, partitions: 3 }]);
  const outbox = new Outbox({ service: 'bench', node: 'bench' });
  const total = 10_000;
  const perTransaction = 100;
  const value = Buffer.from(JSON.stringify(payload));
  const writeStarted = performance.now();
  for (let t = 0; t < total / perTransaction; t++) {
    await dataSource.transaction(async (manager) => {
      for (let i = 0; i < perTransaction; i++) {
        await outbox.appendRecord(manager, {
          messageId: randomUUID(),
          topic,
          key: `aggregate-${i % 50}`,
          type: 'bench@v1',
          value,
          headers: {},
        });
      }
    });
  }
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  report(
    'outbox append',
    Math.round(total / writeSeconds),
    'rows/s',
    `${perTransaction} rows per transaction, ~2 KB each`,
  );
  const relay = new OutboxRelay(dataSource, bus, { batchSize: 500, pollIntervalMs: 20 });
  const started = performance.now();
  relay.start();
  while ((await relay.lag()).pending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  report(
    'outbox relay',
    Math.round(total / seconds),
    'msgs/s',
    `${total} rows drained to Kafka (acks=all) in ${seconds.toFixed(2)} s`,
  );
});

// 3. Exchange round trip between two nodes.
await withDatabase((sending) =>
  withDatabase(async (receiving) => {
    const namespace = `bench${randomUUID().slice(0, 6)}`;
    const arrivals = new Map();
    const registry = new ExchangeMessageRegistry();
    registry.register({
      type: 'bench.handoff',
      version: 1,
      schema: { safeParse: (value) => ({ success: true, data: value }) },
      handle: async (_payload, { header }) => {
        arrivals.set(header.messageId, performance.now());
      },
    });
    const receiver = new ExchangeMailboxReceiver(receiving, bus, {
      nodeId: 'b',
      service: 'bench',
      namespace,
      hostedCountries: ['ID'],
      keyRing: ringID,
      trustDirectory: directory,
      registry,
    });
    await bus.ensureTopics(receiver.requiredTopics());
    await receiver.start();
    const outbox = new Outbox({ service: 'bench', node: 'a' });
    const sender = new ExchangeSender({
      nodeId: 'a',
      namespace,
      hostedCountries: ['KH'],
      keyRing: ringKH,
      trustDirectory: directory,
      outbox,
    });
    const relay = new OutboxRelay(sending, bus, { pollIntervalMs: 5 });
    relay.start();
    const latencies = [];
    const n = 200;
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const header = await sending.transaction((manager) =>
        sender.send(manager, {
          senderCountry: 'KH',
          recipientCountry: 'ID',
          type: 'bench.handoff',
          typeVersion: 1,
          payload,
        }),
      );
      while (!arrivals.has(header.messageId)) await new Promise((resolve) => setTimeout(resolve, 1));
      latencies.push(arrivals.get(header.messageId) - started);
    }
    await relay.stop();
    await receiver.stop();
    latencies.sort((a, b) => a - b);
    report(
      'exchange round trip',
      percentile(latencies, 50).toFixed(1),
      'ms p50',
      `p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies[n - 1].toFixed(1)} ms over ${n} sealed messages, mailbox ${exchangeMailboxTopic('ID', namespace)}`,
    );
  }),
);

await bus.disconnect();
console.log(`Passage foundation benchmark — ${new Date().toISOString()} — Node ${process.version}`);
console.table(
  rows.map(({ name, value, unit, detail }) => ({ measure: name, value: `${value} ${unit}`, detail })),
);
