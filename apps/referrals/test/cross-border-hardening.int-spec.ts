import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { HandoffOfferedMessage } from '@passage/schemas';
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
import { HandoffReceiving } from '../src/cross-border/handoff/handoff-receiving.service.js';
import { openReferralsContexts } from './referrals-testing-module.js';
import { actor } from './case-work-fixture.js';

const NAMESPACE = 'cross-border-hardening-int';
const keys = Object.fromEntries(
  ['KH', 'ID', 'PH'].map((country) => [
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

/** A node hosting Indonesia; Cambodia and the Philippines are hosted elsewhere. Issue 12, findings 5 and 10. */
describe('cross-border hardening (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let receiving: HandoffReceiving;
  let directory: OrganisationDirectory;
  const clock = new ManualClock(new Date('2026-11-22T08:00:00Z'));

  const headerFrom = (country: string, type: string): ExchangeHeader => ({
    v: 1,
    messageId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    type,
    typeVersion: 1,
    sentAt: clock.now().toISOString(),
    sender: { country, node: 'elsewhere' },
    recipient: { country: 'ID' },
  });

  beforeAll(async () => {
    const exchange = new ExchangeSender({
      nodeId: 'id-node',
      namespace: NAMESPACE,
      hostedCountries: ['ID'],
      keyRing: CountryKeyRing.fromKeyFiles([keys.ID.keyFile]),
      trustDirectory,
      outbox: new Outbox({ service: 'referrals', node: 'id-node' }),
    });
    const opened = await openReferralsContexts({
      contexts: [CrossBorderModule],
      clock,
      exchange,
      trustDirectory,
      config: { HOSTED_COUNTRIES: ['ID'] },
    });
    ({ dataSource, close } = opened);
    receiving = opened.app.get(HandoffReceiving);
    directory = opened.app.get(OrganisationDirectory);
  });

  afterAll(async () => {
    await close?.();
  });

  it('respondToHandoff returns the packet projected as the list shows it, and audits what it returned', async () => {
    const recipientOrg = randomUUID();
    const caseworker = actor('NGO', 'ID', ['CASEWORKER'], { organisationId: recipientOrg });
    // The sending node consented IDENTITY only but put health notes in the packet too (a bug, or a node
    // that oversteps): what the survivor did not consent to must not reach the caseworker.
    const offer: HandoffOfferedMessage = {
      handoffId: randomUUID(),
      caseReference: 'KH-2026-0042',
      sender: { organisationId: randomUUID(), organisationName: 'NGO KH (test)', country: 'KH' },
      recipient: { country: 'ID', organisationId: recipientOrg },
      sharedCategories: ['OPERATIONAL', 'IDENTITY'],
      note: null,
      packet: {
        identity: { name: 'Sari Handoff-Test', alias: null, nationality: 'ID', gender: 'FEMALE' },
        health: { pregnant: true, medicalNotes: 'Unconsented medical note' },
        operational: {
          ageBand: 'ADULT',
          minor: false,
          languages: ['id'],
          immediateNeeds: [],
          urgentMedicalNeed: false,
        },
        identificationDecisions: [],
      },
      offeredAt: clock.now().toISOString(),
    };
    await dataSource.transaction((manager) =>
      receiving.receiveOffer(offer, headerFrom('KH', 'handoff.offered'), manager),
    );

    const accepted = await receiving.respond(caseworker, {
      handoffId: offer.handoffId,
      decision: 'ACCEPTED',
      reason: null,
    });
    expect(accepted?.packet?.identity?.name).toBe('Sari Handoff-Test');
    expect(accepted?.packet).not.toHaveProperty('health');

    const [listed] = (await receiving.listReceived(caseworker)).filter((row) => row.id === offer.handoffId);
    expect(accepted?.packet).toEqual(listed!.packet);

    const [entry] = (await dataSource.query(
      `SELECT data_categories, fields FROM audit_record WHERE action = 'handoff.respond' AND resource_id = $1`,
      [offer.handoffId],
    )) as { data_categories: string[]; fields: string[] }[];
    expect([...entry!.data_categories].sort()).toEqual(['IDENTITY', 'OPERATIONAL']);
    expect(entry!.fields).toEqual(expect.arrayContaining(['status', 'packet']));
  });

  it("refuses a directory entry that would take over another country's organisation", async () => {
    const organisationId = randomUUID();
    const listing = (country: string, name: string, listedAt: string) => ({
      organisationId,
      name,
      kind: 'NGO' as const,
      country,
      stationedIn: null,
      active: true,
      listedAt,
    });
    const record = (message: ReturnType<typeof listing>, from: string) =>
      dataSource.transaction((manager) =>
        directory.recordRemote(message, headerFrom(from, 'directory.organisation-listed'), manager),
      );
    await record(listing('PH', 'Philippine NGO (test)', '2026-11-22T08:00:00.000Z'), 'PH');
    // Cambodia announces the same organisation id as its own, later: it must not replace the entry.
    await expect(
      record(listing('KH', 'Impostor NGO (test)', '2026-11-22T09:00:00.000Z'), 'KH'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = (await dataSource.query(
      `SELECT name, country FROM organisation_directory WHERE organisation_id = $1`,
      [organisationId],
    )) as { name: string; country: string }[];
    expect(row).toEqual({ name: 'Philippine NGO (test)', country: 'PH' });
  });
});
