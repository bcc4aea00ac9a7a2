import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ManualClock, parseInput, type AuthenticatedActor } from '@passage/shared';
import { CaseService } from '../src/case-work/case/case.service.js';
import { OpenCaseInput } from '../src/case-work/case/dtos/case.inputs.js';
import {
  CreateReferralInput,
  RespondToReferralInput,
  UpdateReferralInput,
  referralListSchema,
} from '../src/services/referral/dtos/referral.inputs.js';
import { DEFAULT_REFERRAL_DUE_DURATIONS } from '../src/services/referral/referral-lifecycle.js';
import { ReferralService } from '../src/services/referral/referral.service.js';
import {
  ServiceFilter,
  UpsertServiceInput,
} from '../src/services/service-directory/dtos/service-directory.inputs.js';
import { ServiceDirectoryService } from '../src/services/service-directory/service-directory.service.js';
import { ServicesModule } from '../src/services/index.js';
import { actor, count } from './case-work-fixture.js';
import { openReferralsContexts } from './referrals-testing-module.js';

const survivor = {
  name: 'Referral Test Person',
  alias: null,
  nationality: 'ID',
  gender: 'FEMALE',
  ageBand: '25_34',
  languages: ['id', 'en'],
  immediateNeeds: ['SHELTER', 'MEDICAL_CARE'],
  pregnant: true,
  urgentMedicalNeed: true,
  medicalNotes: 'Fictional medical note',
  documentType: 'PASSPORT',
  documentNumber: 'R7654321',
  contact: 'via caseworker only',
  narrative: 'Fictional account of the journey.',
  sexualViolenceDisclosed: true,
  currentLocation: 'Fictional safe house',
};

const womensShelter = {
  name: "Women's shelter (test)",
  serviceType: 'SHELTER',
  country: 'KH',
  stateProvince: 'Phnom Penh',
  capacityMaximum: 10,
  capacityAvailable: 3,
  genders: ['FEMALE'],
  ageBands: ['18_24', '25_34', '35_49'],
  languages: ['km', 'en', 'id'],
  eligibility: 'ANY',
  scheduleDescription: 'Around the clock',
};

describe('services directory and referrals (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-03-04T08:00:00Z'));
  let cases: CaseService;
  let directory: ServiceDirectoryService;
  let referrals: ReferralService;

  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const shelter = actor('SHELTER', 'KH', ['CASEWORKER']);
  const otherShelter = actor('SHELTER', 'KH', ['CASEWORKER']);
  const thaiShelter = actor('SHELTER', 'TH', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER', 'ORGANISATION_ADMIN']);
  let shelterServiceId: string;
  let thaiServiceId: string;

  beforeAll(async () => {
    // The services context as the service wires it, with the default due times; only the clock (and a
    // sender that refuses, since referrals stay inside one country) are the test's.
    const opened = await openReferralsContexts({
      contexts: [ServicesModule],
      clock,
      config: {
        REFERRAL_ANSWER_WITHIN_MS: DEFAULT_REFERRAL_DUE_DURATIONS.PENDING!,
        REFERRAL_START_WITHIN_MS: DEFAULT_REFERRAL_DUE_DURATIONS.ACCEPTED!,
      },
    });
    ({ dataSource, close } = opened);
    cases = opened.app.get(CaseService);
    directory = opened.app.get(ServiceDirectoryService);
    referrals = opened.app.get(ReferralService);
    shelterServiceId = (
      await directory.upsertService(shelter, parseInput(UpsertServiceInput.schema, womensShelter))
    ).id;
    thaiServiceId = (
      await directory.upsertService(
        thaiShelter,
        parseInput(UpsertServiceInput.schema, { ...womensShelter, country: 'TH' }),
      )
    ).id;
  });

  afterAll(async () => {
    await close?.();
  });

  async function openCase(owner: AuthenticatedActor = ngo) {
    const opened = await cases.openCase(
      owner,
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [survivor] }),
    );
    return { caseId: opened.id, personId: opened.people[0].id };
  }

  /** What recording a consent does to the database; the policy reads it fresh on every request. */
  async function grantConsent(caseId: string, personId: string, by: AuthenticatedActor = ngo) {
    await dataSource.query(
      `INSERT INTO case_consent (id, case_id, person_id, purpose, language, interpreter_used, granted_by,
         granted_by_organisation_id, granted_at) VALUES ($1, $2, $3, 'SERVICES_REFERRAL', 'id', false, $4, $5, $6)`,
      [randomUUID(), caseId, personId, by.userId, by.organisationId, clock.now()],
    );
  }

  async function withdrawConsent(personId: string, by: AuthenticatedActor = ngo) {
    await dataSource.query(
      `UPDATE case_consent SET withdrawn_at = $2, withdrawn_by = $3, withdrawn_by_organisation_id = $4
        WHERE person_id = $1 AND purpose = 'SERVICES_REFERRAL' AND withdrawn_at IS NULL`,
      [personId, clock.now(), by.userId, by.organisationId],
    );
  }

  const refer = async (who: AuthenticatedActor, input: Record<string, unknown>) =>
    referrals.createReferral(who, parseInput(CreateReferralInput.schema, input));
  const respond = async (who: AuthenticatedActor, input: Record<string, unknown>) =>
    referrals.respondToReferral(who, parseInput(RespondToReferralInput.schema, input));
  const update = async (who: AuthenticatedActor, input: Record<string, unknown>) =>
    referrals.updateReferral(who, parseInput(UpdateReferralInput.schema, input));
  const list = async (who: AuthenticatedActor, role: string, status: string | null = null) =>
    referrals.listReferrals(who, parseInput(referralListSchema, { role, status, first: 50 }));

  async function consentedCase() {
    const opened = await openCase();
    await grantConsent(opened.caseId, opened.personId);
    return opened;
  }

  it('finds a shelter by the needs of a case, and says honestly when there is none', async () => {
    const found = await directory.search(
      ngo,
      parseInput(ServiceFilter.schema, {
        serviceType: 'SHELTER',
        gender: 'FEMALE',
        ageBand: '25_34',
        languages: ['id'],
      }),
    );
    expect(found.matches.map((service) => service.id)).toEqual([shelterServiceId]);
    const man = await directory.search(
      ngo,
      parseInput(ServiceFilter.schema, {
        serviceType: 'SHELTER',
        country: 'KH',
        gender: 'MALE',
        ageBand: '25_34',
        languages: ['vi'],
        needsFreeCapacity: true,
      }),
    );
    expect(man.matches).toEqual([]);
    // The women's shelter fails two needs (gender, language): not even a near miss.
    expect(man.nearMisses).toEqual([]);
    const nearly = await directory.search(
      ngo,
      parseInput(ServiceFilter.schema, { serviceType: 'SHELTER', gender: 'MALE', languages: ['id'] }),
    );
    expect(nearly.matches).toEqual([]);
    expect(nearly.nearMisses.map((miss) => [miss.service.id, miss.unmet])).toEqual([
      [shelterServiceId, ['GENDER']],
    ]);
  });

  it('lets the shelter see only operational facts until it accepts, then exactly the shared categories', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY', 'CONTACT'],
    });
    expect(referral).toMatchObject({
      status: 'PENDING',
      sharedCategories: ['OPERATIONAL', 'IDENTITY', 'CONTACT'],
      gender: 'FEMALE',
      ageBand: '25_34',
      needs: ['SHELTER', 'MEDICAL_CARE'],
      urgentMedicalNeed: true,
      toOrganisationId: shelter.organisationId,
      dueAt: new Date('2026-03-06T08:00:00Z'),
    });

    // Pending: the referral's operational facts only, never the case.
    await expect(cases.getCase(shelter, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const received = await list(shelter, 'RECEIVED', 'PENDING');
    expect(received.edges.map((edge) => edge.node.id)).toContain(referral.id);
    expect(JSON.stringify(received)).not.toContain('Referral Test Person');

    const accepted = await respond(shelter, { referralId: referral.id, decision: 'ACCEPT' });
    expect(accepted.status).toBe('ACCEPTED');
    const person = (await cases.getCase(shelter, caseId)).people[0];
    expect(person).toMatchObject({ name: 'Referral Test Person', contact: 'via caseworker only' });
    expect(person).toMatchObject({
      narrative: null,
      medicalNotes: null,
      pregnant: null,
      sexualViolenceDisclosed: null,
      documentNumber: null,
      currentLocation: null,
    });

    // The referring side always sees the status.
    const sent = await list(ngo, 'SENT');
    expect(sent.edges.find((edge) => edge.node.id === referral.id)?.node.status).toBe('ACCEPTED');
    expect(
      sent.edges.find((edge) => edge.node.id === referral.id)?.node.history.map((change) => change.to),
    ).toEqual(['PENDING', 'ACCEPTED']);

    const events = (await dataSource.query(
      `SELECT message_type, convert_from(value, 'UTF8') AS body FROM outbox_message WHERE message_key = $1`,
      [referral.id],
    )) as { message_type: string; body: string }[];
    expect(events.map((event) => event.message_type).sort()).toEqual([
      'referral.accepted@v1',
      'referral.created@v1',
    ]);
    for (const { body } of events) expect(body).not.toContain('Referral Test Person');
    const audits = (await dataSource.query(
      `SELECT action, data_categories FROM audit_record WHERE resource_id = $1 ORDER BY sequence`,
      [caseId],
    )) as { action: string; data_categories: string[] }[];
    expect(audits.map((audit) => audit.action)).toEqual(
      expect.arrayContaining(['referral.create', 'referral.respond']),
    );
  });

  it('carries the work through to an outcome; a completed referral ends the shelter’s access', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY'],
    });
    await respond(shelter, { referralId: referral.id, decision: 'ACCEPT' });
    await expect(update(ngo, { referralId: referral.id, status: 'IN_PROGRESS' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      update(shelter, { referralId: referral.id, status: 'COMPLETED', outcome: 'SERVICE_PROVIDED' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await update(shelter, { referralId: referral.id, status: 'IN_PROGRESS' })).dueAt).toBeNull();
    await expect(update(shelter, { referralId: referral.id, status: 'COMPLETED' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'outcome' },
    });
    const done = await update(shelter, {
      referralId: referral.id,
      status: 'COMPLETED',
      outcome: 'SERVICE_PROVIDED',
      note: 'Stayed three weeks.',
    });
    expect(done).toMatchObject({
      status: 'COMPLETED',
      outcome: 'SERVICE_PROVIDED',
      outcomeNote: 'Stayed three weeks.',
    });
    await expect(cases.getCase(shelter, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The focal point of the country follows every referral, without the notes.
    const country = await list(focal, 'JURISDICTION', 'COMPLETED');
    const seen = country.edges.find((edge) => edge.node.id === referral.id)?.node;
    expect(seen).toMatchObject({ status: 'COMPLETED', outcomeNote: null });
  });

  it('gives nothing to a shelter that declines, and tells the sender why', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY', 'HEALTH'],
    });
    await expect(
      respond(otherShelter, { referralId: referral.id, decision: 'ACCEPT' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Refused by the input's own schema, which speaks of the argument.
    await expect(respond(shelter, { referralId: referral.id, decision: 'DECLINE' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.declineReason' },
    });
    const declined = await respond(shelter, {
      referralId: referral.id,
      decision: 'DECLINE',
      declineReason: 'NO_CAPACITY',
      note: 'Full until next month.',
    });
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: 'NO_CAPACITY', dueAt: null });
    await expect(cases.getCase(shelter, caseId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(respond(shelter, { referralId: referral.id, decision: 'ACCEPT' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const sent = (await list(ngo, 'SENT', 'DECLINED')).edges.find(
      (edge) => edge.node.id === referral.id,
    )?.node;
    expect(sent).toMatchObject({ declineReason: 'NO_CAPACITY', declineNote: 'Full until next month.' });
    const declinedEvent = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message WHERE message_key = $1 AND message_type = 'referral.declined@v1'`,
      [referral.id],
    )) as { body: string }[];
    expect(declinedEvent).toHaveLength(1);
    expect(declinedEvent[0].body).not.toContain('Full until next month');
  });

  it("removes the shelter's view of the shared categories the moment services-referral consent is withdrawn", async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY'],
    });
    await respond(shelter, { referralId: referral.id, decision: 'ACCEPT' });
    expect((await cases.getCase(shelter, caseId)).people[0].name).toBe('Referral Test Person');

    await withdrawConsent(personId);
    const after = (await cases.getCase(shelter, caseId)).people[0];
    expect(after.name).toBeNull();
    expect(after.withheldCategories).toContain('IDENTITY');
    // The sender can still withdraw the referral itself, although the consent is gone.
    expect((await update(ngo, { referralId: referral.id, status: 'WITHDRAWN' })).status).toBe('WITHDRAWN');
  });

  it('refuses a pending referral whose consent was withdrawn before the answer', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: [],
    });
    await withdrawConsent(personId);
    await expect(respond(shelter, { referralId: referral.id, decision: 'ACCEPT' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('writes nothing for bad input, a missing consent or a category the sender cannot see', async () => {
    const { caseId, personId } = await openCase();
    const before = {
      referrals: await count(dataSource, 'referral'),
      outbox: await count(dataSource, 'outbox_message'),
    };
    // No services-referral consent yet.
    await expect(
      refer(ngo, { caseId, personId, serviceId: shelterServiceId, sharedCategories: [] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await grantConsent(caseId, personId);
    expect(() =>
      parseInput(CreateReferralInput.schema, { caseId, personId, serviceId: 'nope', sharedCategories: [] }),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    await expect(
      refer(ngo, { caseId, personId, serviceId: thaiServiceId, sharedCategories: [] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'serviceId' } });
    await expect(
      refer(ngo, { caseId, personId, serviceId: randomUUID(), sharedCategories: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      refer(ngo, { caseId, personId: randomUUID(), serviceId: shelterServiceId, sharedCategories: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await count(dataSource, 'referral')).toBe(before.referrals);
    expect(await count(dataSource, 'outbox_message')).toBe(before.outbox);

    // A team member refers onward only within what it was given itself.
    const first = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY'],
    });
    await respond(shelter, { referralId: first.id, decision: 'ACCEPT' });
    const clinic = await directory.upsertService(
      otherShelter,
      parseInput(UpsertServiceInput.schema, {
        ...womensShelter,
        name: 'Clinic (test)',
        serviceType: 'MEDICAL',
      }),
    );
    await expect(
      refer(shelter, { caseId, personId, serviceId: clinic.id, sharedCategories: ['NARRATIVE'] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'sharedCategories' } });
    const onward = await refer(shelter, {
      caseId,
      personId,
      serviceId: clinic.id,
      sharedCategories: ['IDENTITY'],
    });
    expect(onward.fromOrganisationId).toBe(shelter.organisationId);
    await expect(
      refer(ngo, { caseId, personId, serviceId: shelterServiceId, sharedCategories: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('escalates a referral nobody answered in time, once', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: [],
    });
    clock.set(new Date('2026-03-07T08:00:00Z'));
    try {
      expect(await referrals.escalateOverdue()).toBeGreaterThanOrEqual(1);
      expect(await referrals.escalateOverdue()).toBe(0);
      const sent = (await list(ngo, 'SENT', 'PENDING')).edges.find(
        (edge) => edge.node.id === referral.id,
      )?.node;
      expect(sent?.escalated).toBe(true);
      expect(
        await count(
          dataSource,
          'outbox_message',
          `message_type = 'referral.escalated@v1' AND message_key = '${referral.id}'`,
        ),
      ).toBe(1);
      // Answering clears the flag and sets the next due time.
      const accepted = await respond(shelter, { referralId: referral.id, decision: 'ACCEPT' });
      expect(accepted.escalated).toBe(false);
    } finally {
      clock.set(new Date('2026-03-04T08:00:00Z'));
    }
  });

  it('refuses immigration on every path', async () => {
    const { caseId, personId } = await consentedCase();
    const referral = await refer(ngo, {
      caseId,
      personId,
      serviceId: shelterServiceId,
      sharedCategories: ['IDENTITY'],
    });
    const forbidden = { code: 'FORBIDDEN' };
    await expect(directory.search(immigration, parseInput(ServiceFilter.schema, null))).rejects.toMatchObject(
      forbidden,
    );
    await expect(
      directory.upsertService(immigration, parseInput(UpsertServiceInput.schema, womensShelter)),
    ).rejects.toMatchObject(forbidden);
    await expect(
      refer(immigration, { caseId, personId, serviceId: shelterServiceId, sharedCategories: [] }),
    ).rejects.toMatchObject(forbidden);
    await expect(respond(immigration, { referralId: referral.id, decision: 'ACCEPT' })).rejects.toMatchObject(
      forbidden,
    );
    await expect(
      respond(immigration, { referralId: randomUUID(), decision: 'ACCEPT' }),
    ).rejects.toMatchObject(forbidden);
    await expect(update(immigration, { referralId: referral.id, status: 'WITHDRAWN' })).rejects.toMatchObject(
      forbidden,
    );
    for (const role of ['SENT', 'RECEIVED', 'JURISDICTION']) {
      await expect(list(immigration, role)).rejects.toMatchObject(forbidden);
    }
    // Nor may anyone else list a country's referrals but its focal point or oversight body.
    await expect(list(ngo, 'JURISDICTION')).rejects.toMatchObject(forbidden);
  });
});
