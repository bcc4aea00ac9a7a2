import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { exchangeMailboxTopic } from '@passage/schemas';
import {
  CountryKeyRing,
  ExchangeSender,
  ManualClock,
  Outbox,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  type ExchangeHeader,
} from '@passage/shared';
import { CrossBorderModule, OrganisationDirectory } from '../src/cross-border/index.js';
import { openReferralsContexts } from './referrals-testing-module.js';
import { actor } from './case-work-fixture.js';

const NAMESPACE = 'directory-int';
const keys = Object.fromEntries(
  ['KH', 'TH', 'ID', 'PH'].map((country) => [
    country,
    generateCountryKeys(country, { validFrom: new Date(Date.now() - 86_400_000) }),
  ]),
);
const trustDirectory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument(
    Object.fromEntries(Object.entries(keys).map(([country, pair]) => [country, pair.published])),
    new Date(),
  ),
);

/** A node hosting Cambodia and Thailand; Indonesia and the Philippines are hosted elsewhere. */
describe('organisation directory (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let directory: OrganisationDirectory;
  const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));

  const entry = (overrides: Record<string, unknown> = {}) => ({
    organisationId: randomUUID(),
    name: `Focal point ${randomUUID().slice(0, 6)} (test)`,
    kind: 'NRM_COORDINATOR' as const,
    country: 'KH',
    stationedIn: null,
    active: true,
    listedAt: '2026-11-22T08:00:00.000Z',
    ...overrides,
  });
  const headerFrom = (country: string): ExchangeHeader => ({
    v: 1,
    messageId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    type: 'directory.organisation-listed',
    typeVersion: 1,
    sentAt: clock.now().toISOString(),
    sender: { country, node: 'b' },
    recipient: { country: 'KH' },
  });
  const announcements = async (organisationId: string) =>
    (await dataSource.query(
      `SELECT topic, value FROM outbox_message WHERE message_key = $1 AND message_type LIKE 'exchange:directory.%' ORDER BY topic`,
      [organisationId],
    )) as { topic: string; value: Buffer }[];

  beforeAll(async () => {
    // The sender is the test's (a real one, for two countries of this node); everything else is wired
    // as the service wires it.
    const exchange = new ExchangeSender({
      nodeId: 'a',
      namespace: NAMESPACE,
      hostedCountries: ['KH', 'TH'],
      keyRing: CountryKeyRing.fromKeyFiles([keys.KH.keyFile, keys.TH.keyFile]),
      trustDirectory,
      outbox: new Outbox({ service: 'referrals', node: 'a' }),
    });
    const opened = await openReferralsContexts({
      contexts: [CrossBorderModule],
      clock,
      exchange,
      trustDirectory,
      config: { HOSTED_COUNTRIES: ['KH', 'TH'] },
    });
    ({ dataSource, close } = opened);
    directory = opened.app.get(OrganisationDirectory);
  });

  afterAll(async () => {
    await close?.();
  });

  it("announces this node's frontline organisations, sealed, to every country hosted elsewhere, and keeps immigration home", async () => {
    const focal = entry();
    const immigration = entry({ kind: 'IMMIGRATION', name: 'Immigration KH (test)' });
    await dataSource.transaction(async (manager) => {
      await directory.recordLocal(focal, manager);
      await directory.recordLocal(immigration, manager);
    });
    const sent = await announcements(focal.organisationId);
    expect(sent.map((row) => row.topic)).toEqual([
      exchangeMailboxTopic('ID', NAMESPACE),
      exchangeMailboxTopic('PH', NAMESPACE),
    ]);
    for (const row of sent) expect(row.value.toString('latin1')).not.toContain(focal.name);
    expect(await announcements(immigration.organisationId)).toEqual([]);
  });

  it("keeps other nodes' announcements from their own country only, newest first, never over its own", async () => {
    const remote = entry({ country: 'ID', name: 'Indonesia focal point (test)' });
    const record = (message: ReturnType<typeof entry>, from: string) =>
      dataSource.transaction((manager) =>
        directory.recordRemote(message as never, headerFrom(from), manager),
      );
    await record(remote, 'ID');
    await record({ ...remote, name: 'Stale name (test)', listedAt: '2026-01-01T00:00:00.000Z' }, 'ID');
    await expect(record(entry({ country: 'ID' }), 'PH')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(record(entry({ country: 'KH' }), 'KH')).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const coordinator = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
    const listed = await directory.list(coordinator, { country: 'ID', kind: null, search: null });
    expect(listed.find((candidate) => candidate.organisationId === remote.organisationId)).toMatchObject({
      name: 'Indonesia focal point (test)',
      hostedHere: false,
    });

    await record({ ...remote, active: false, listedAt: '2026-11-22T09:00:00.000Z' }, 'ID');
    const after = await directory.list(coordinator, { country: 'ID', kind: null, search: null });
    expect(after.map((candidate) => candidate.organisationId)).not.toContain(remote.organisationId);
    await expect(
      dataSource.transaction((manager) =>
        directory.addressee(manager, remote.organisationId, {
          field: 'input.to',
          kinds: ['NRM_COORDINATOR'],
        }),
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.to' } });
  });

  it('is not for immigration or the platform operator', async () => {
    for (const outsider of [
      actor('IMMIGRATION', 'KH', ['VERIFIER']),
      actor('PLATFORM_OPERATOR', 'KH', ['PLATFORM_ADMIN']),
    ]) {
      await expect(
        directory.list(outsider, { country: null, kind: null, search: null }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});
