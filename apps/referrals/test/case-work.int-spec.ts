import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { DEFAULT_VERIFICATION_RATE_LIMITS, ManualClock, parseInput } from '@passage/shared';
import { OpenCaseInput, RegisterMassIntakeInput } from '../src/case-work/case/dtos/case.inputs.js';
import { RecordScreeningInput } from '../src/case-work/screening/dtos/screening.inputs.js';
import {
  actor,
  count,
  insertRescueRequestCopy,
  listInDirectory,
  openCaseWork,
  type CaseWorkServices,
} from './case-work-fixture.js';

const survivor = {
  name: 'Test Person One',
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
  documentNumber: 'X1234567',
  contact: 'via shelter staff',
  narrative: 'Fictional account of recruitment and confinement.',
  sexualViolenceDisclosed: true,
  currentLocation: 'Fictional shelter',
};

describe('case work (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let services: CaseWorkServices;
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const police = actor('LAW_ENFORCEMENT', 'KH', ['INVESTIGATOR', 'SUPERVISOR']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const embassy = actor('EMBASSY', 'ID', ['CONSULAR_OFFICER'], { stationedIn: 'KH' });
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);

  beforeAll(async () => {
    ({ dataSource, close, services } = await openCaseWork(clock));
  });

  afterAll(async () => {
    await close?.();
  });

  const open = (who = ngo, people: unknown[] = [survivor], origin = 'WALK_IN', rescueRequestId?: string) =>
    services.cases.openCase(who, parseInput(OpenCaseInput.schema, { origin, rescueRequestId, people }));

  it('opens a walk-in case with a human reference, an event and audit records; the owner sees everything', async () => {
    const opened = await open();
    expect(opened.reference).toMatch(/^KH-2026-\d{6}$/);
    expect(opened.jurisdictionCountry).toBe('KH');
    const [person] = opened.people;
    expect(person).toMatchObject({ name: 'Test Person One', narrative: survivor.narrative, pregnant: true });
    expect(person.withheldCategories).toEqual([]);
    // Sexual violence disclosed, no interview with a female or specialist interviewer yet.
    expect(opened.warnings).toEqual([
      { code: 'SEXUAL_VIOLENCE_WITHOUT_FEMALE_OR_SPECIALIST_INTERVIEWER', personId: person.id },
    ]);
    expect(
      await count(
        dataSource,
        'outbox_message',
        `message_type = 'case.opened@v1' AND message_key = '${opened.id}'`,
      ),
    ).toBe(1);
    const events = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message`,
    )) as {
      body: string;
    }[];
    for (const { body } of events) {
      expect(body).not.toContain('Test Person One');
      expect(body).not.toContain('X1234567');
    }
    const audits = (await dataSource.query(
      `SELECT action, fields FROM audit_record WHERE resource_id = $1 ORDER BY sequence`,
      [opened.id],
    )) as { action: string; fields: string[] }[];
    expect(audits.map((audit) => audit.action)).toEqual(['case.open', 'case.read']);
    expect(audits[1].fields).toContain('people.narrative');
    expect(JSON.stringify(audits)).not.toContain('Test Person One');
  });

  it('numbers references per jurisdiction and year', async () => {
    const first = await open();
    const second = await open();
    expect(Number(second.reference.slice(-6))).toBe(Number(first.reference.slice(-6)) + 1);
    clock.set(new Date('2027-01-01T00:00:00Z'));
    try {
      expect((await open()).reference).toBe('KH-2027-000001');
    } finally {
      clock.set(new Date('2026-03-02T08:00:00Z'));
    }
  });

  it('lets the coordinator of the jurisdiction see operational and legal facts only', async () => {
    const opened = await open();
    const seen = await services.cases.getCase(focal, opened.id);
    const [person] = seen.people;
    expect(person.documentNumber).toBe('X1234567');
    expect(person.name).toBeNull();
    expect(person.narrative).toBeNull();
    expect(person.medicalNotes).toBeNull();
    expect(person.withheldCategories.sort()).toEqual(
      ['CONTACT', 'HEALTH', 'IDENTITY', 'LOCATION', 'NARRATIVE', 'SEXUAL_VIOLENCE'].sort(),
    );
    expect(seen.warnings).toEqual([]);
  });

  it('hides narrative, health and sexual violence from police until law-enforcement consent, and again on withdrawal', async () => {
    const opened = await open(police);
    const personId = opened.people[0].id;
    const before = (await services.cases.getCase(police, opened.id)).people[0];
    expect(before).toMatchObject({
      narrative: null,
      medicalNotes: null,
      pregnant: null,
      sexualViolenceDisclosed: null,
    });
    expect(before.name).toBe('Test Person One');

    await services.consents.recordConsent(police, {
      caseId: opened.id,
      personId,
      purposes: ['LAW_ENFORCEMENT_SHARING'],
      language: 'id',
      interpreterUsed: true,
      interpreterLanguage: 'id',
    });
    const withConsent = (await services.cases.getCase(police, opened.id)).people[0];
    expect(withConsent).toMatchObject({ narrative: survivor.narrative, medicalNotes: survivor.medicalNotes });
    expect(withConsent.sexualViolenceDisclosed).toBe(true);

    const withdrawn = await services.consents.withdrawConsent(police, {
      caseId: opened.id,
      personId,
      purpose: 'LAW_ENFORCEMENT_SHARING',
    });
    expect(withdrawn.standing).toBe(false);
    const after = (await services.cases.getCase(police, opened.id)).people[0];
    expect(after).toMatchObject({ narrative: null, medicalNotes: null, sexualViolenceDisclosed: null });
    expect(
      await count(
        dataSource,
        'outbox_message',
        `message_type = 'case.consent-withdrawn@v1' AND message_key = '${opened.id}'`,
      ),
    ).toBe(1);
  });

  it('never gives police a child’s sexual-violence data, even with consent', async () => {
    const opened = await open(police, [{ ...survivor, ageBand: 'UNKNOWN' }]);
    await services.consents.recordConsent(police, {
      caseId: opened.id,
      personId: opened.people[0].id,
      purposes: ['LAW_ENFORCEMENT_SHARING'],
      language: 'id',
      interpreterUsed: false,
    } as never);
    const person = (await services.cases.getCase(police, opened.id)).people[0];
    expect(person.narrative).toBe(survivor.narrative);
    expect(person.sexualViolenceDisclosed).toBeNull();
    expect(person.possibleMinor).toBe(true);
  });

  it('opens embassy cases where the embassy is stationed and shows it identity only without consular consent', async () => {
    const opened = await open(embassy);
    expect(opened.jurisdictionCountry).toBe('KH');
    expect(opened.ownerCountry).toBe('ID');
    const [person] = opened.people;
    expect(person.name).toBe('Test Person One');
    expect(person.documentNumber).toBeNull();
    expect(person.narrative).toBeNull();
  });

  it('refuses immigration on every path', async () => {
    const opened = await open();
    const forbidden = { code: 'FORBIDDEN' };
    await expect(services.cases.getCase(immigration, opened.id)).rejects.toMatchObject(forbidden);
    await expect(services.cases.getCase(immigration, randomUUID())).rejects.toMatchObject(forbidden);
    await expect(services.cases.listCases(immigration, {}, { first: 10 })).rejects.toMatchObject(forbidden);
    await expect(open(immigration)).rejects.toMatchObject(forbidden);
    await expect(
      services.cases.registerMassIntake(
        immigration,
        parseInput(RegisterMassIntakeInput.schema, { people: [{ gender: 'MALE', ageBand: 'UNKNOWN' }] }),
      ),
    ).rejects.toMatchObject(forbidden);
    await expect(
      services.consents.withdrawConsent(immigration, {
        caseId: opened.id,
        personId: opened.people[0].id,
        purpose: 'RETURN',
      }),
    ).rejects.toMatchObject(forbidden);
  });

  it('refuses a case another organisation owns, and one that does not exist, the same way', async () => {
    const opened = await open();
    const otherNgo = actor('NGO', 'KH', ['CASEWORKER']);
    const refusal = await services.cases.getCase(otherNgo, opened.id).catch((error: unknown) => error);
    const missing = await services.cases.getCase(otherNgo, randomUUID()).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', message: (missing as Error).message });
  });

  it('lists only the cases the caller may read, as operational summaries', async () => {
    const lister = actor('NGO', 'TH', ['CASEWORKER']);
    await open(lister);
    clock.advance(60_000);
    await open(lister, [survivor, { ...survivor, ageBand: '14_17' }]);
    clock.set(new Date('2026-03-02T08:00:00Z'));
    const page = await services.cases.listCases(lister, {}, { first: 10 });
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((edge) => edge.node.personCount)).toEqual([2, 1]);
    expect(page.edges[0].node.possibleMinorCount).toBe(1);
    expect(JSON.stringify(page)).not.toContain('Test Person One');
    const coordinator = await services.cases.listCases(
      actor('NRM_COORDINATOR', 'TH', ['FOCAL_POINT']),
      {},
      { first: 10 },
    );
    expect(coordinator.totalCount).toBe(2);
  });

  it('writes nothing when input is refused', async () => {
    const cases = await count(dataSource, 'case_file');
    const outbox = await count(dataSource, 'outbox_message');
    expect(() =>
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [{ ...survivor, nationality: 'XX' }] }),
    ).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'input.people.0.nationality' } }),
    );
    expect(() =>
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [{ ...survivor, languages: ['xx'] }] }),
    ).toThrow(expect.objectContaining({ details: { field: 'input.people.0.languages.0' } }));
    expect(() =>
      parseInput(OpenCaseInput.schema, {
        origin: 'WALK_IN',
        people: [{ ...survivor, narrative: 'x'.repeat(20_001) }],
      }),
    ).toThrow(expect.objectContaining({ details: { field: 'input.people.0.narrative' } }));
    await expect(open(ngo, [survivor], 'RESCUE', randomUUID())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'rescueRequestId' },
    });
    expect(await count(dataSource, 'case_file')).toBe(cases);
    expect(await count(dataSource, 'outbox_message')).toBe(outbox);
  });

  it('opens a case from a resolved rescue request only on the jurisdiction copy with the people out', async () => {
    const resolved = randomUUID();
    const moved = randomUUID();
    const requesterCopy = randomUUID();
    await insertRescueRequestCopy(dataSource, {
      requestId: resolved,
      jurisdiction: 'KH',
      status: 'RESOLVED',
      side: 'JURISDICTION',
      outcome: 'ESCAPED',
    });
    await insertRescueRequestCopy(dataSource, {
      requestId: moved,
      jurisdiction: 'KH',
      status: 'RESOLVED',
      side: 'JURISDICTION',
      outcome: 'MOVED',
    });
    await insertRescueRequestCopy(dataSource, {
      requestId: requesterCopy,
      jurisdiction: 'KH',
      status: 'RESOLVED',
      side: 'REQUESTER',
      outcome: 'RELEASED',
    });
    expect((await open(focal, [survivor], 'RESCUE', resolved)).rescueRequestId).toBe(resolved);
    for (const id of [moved, requesterCopy]) {
      await expect(open(focal, [survivor], 'RESCUE', id)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    // Another jurisdiction's coordinator cannot open from it either.
    await expect(
      open(actor('NRM_COORDINATOR', 'TH', ['FOCAL_POINT']), [survivor], 'RESCUE', resolved),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('registers a mass intake of 500 in one call, quickly', async () => {
    const nationalities = ['ID', 'VN', 'PH', 'IN', 'KE', 'CN'];
    const people = Array.from({ length: 500 }, (_, index) => ({
      nationality: nationalities[index % nationalities.length],
      languages: ['en'],
      gender: index % 3 === 0 ? 'FEMALE' : 'MALE',
      ageBand: index % 50 === 0 ? '14_17' : '25_34',
      immediateNeeds: ['SHELTER', 'FOOD_AND_WATER'],
    }));
    const input = parseInput(RegisterMassIntakeInput.schema, { people });
    const started = performance.now();
    const result = await services.cases.registerMassIntake(focal, input);
    const elapsed = performance.now() - started;
    process.stderr.write(`[mass intake] 500 people registered in ${elapsed.toFixed(0)} ms\n`);
    expect(elapsed).toBeLessThan(3_000);
    expect(result.caseCount).toBe(500);
    expect(new Set(result.cases.map((item) => item.reference)).size).toBe(500);
    expect(await count(dataSource, 'case_file', `mass_intake_id = '${result.massIntakeId}'`)).toBe(500);
    expect(
      await count(
        dataSource,
        'outbox_message',
        `message_type = 'case.opened@v1' AND message_key IN (SELECT id::text FROM case_file WHERE mass_intake_id = '${result.massIntakeId}')`,
      ),
    ).toBe(500);
    expect(await count(dataSource, 'outbox_message', `message_key = '${result.massIntakeId}'`)).toBe(1);
    expect(await count(dataSource, 'audit_record', `resource_id = '${result.massIntakeId}'`)).toBe(1);
    const one = await services.cases.getCase(focal, result.cases[0].caseId);
    expect(one.origin).toBe('MASS_INTAKE');
    expect(one.people[0].immediateNeeds).toEqual(['SHELTER', 'FOOD_AND_WATER']);
  });

  it('accepts the largest mass intake, 5,000 people, in one call', async () => {
    const people = Array.from({ length: 5_000 }, (_, index) => ({
      alias: `Fictional ${index}`,
      nationality: index % 2 === 0 ? 'MM' : 'LA',
      languages: ['my'],
      gender: 'MALE',
      ageBand: 'UNKNOWN',
      immediateNeeds: ['SHELTER'],
      urgentMedicalNeed: index % 100 === 0,
    }));
    const started = performance.now();
    const result = await services.cases.registerMassIntake(
      focal,
      parseInput(RegisterMassIntakeInput.schema, { people }),
    );
    process.stderr.write(
      `[mass intake] 5000 people registered in ${(performance.now() - started).toFixed(0)} ms\n`,
    );
    expect(result.caseCount).toBe(5_000);
    expect(
      await count(
        dataSource,
        'case_person',
        `case_id IN (SELECT id FROM case_file WHERE mass_intake_id = '${result.massIntakeId}')`,
      ),
    ).toBe(5_000);
    expect(() => parseInput(RegisterMassIntakeInput.schema, { people: [...people, people[0]] })).toThrow(
      expect.objectContaining({ details: { field: 'input.people' } }),
    );
  });

  it('clears the interviewer warning once a female interviewer is logged, and hides sensitive topics', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    const afterMale = await services.interviews.recordInterview(ngo, {
      caseId: opened.id,
      personId,
      interviewerGender: 'MALE',
      specialistInterviewer: false,
      language: 'id',
      interpreterUsed: true,
      interpreterLanguage: 'id',
      topics: ['ACT', 'MEANS', 'SEXUAL_VIOLENCE'],
      conductedAt: new Date('2026-03-01T10:00:00Z'),
      sexualViolenceDisclosed: null,
    });
    expect(afterMale.warnings).toHaveLength(1);
    expect(afterMale.topicsCovered).toEqual(['ACT', 'MEANS', 'SEXUAL_VIOLENCE']);
    const afterFemale = await services.interviews.recordInterview(ngo, {
      caseId: opened.id,
      personId,
      interviewerGender: 'FEMALE',
      specialistInterviewer: true,
      language: 'id',
      interpreterUsed: false,
      interpreterLanguage: null,
      topics: ['HEALTH'],
      conductedAt: new Date('2026-03-01T12:00:00Z'),
      sexualViolenceDisclosed: null,
    });
    expect(afterFemale.warnings).toEqual([]);
    const coordinatorView = await services.cases.getCase(focal, opened.id);
    expect(coordinatorView.topicsCovered).toEqual(['ACT', 'MEANS']);
  });

  it('screens against the catalogue, refusing unknown codes and facts that never count against a person', async () => {
    const opened = await open();
    const base = {
      caseId: opened.id,
      personId: opened.people[0].id,
      confirmedOutcome: 'PRESUMED_VICTIM',
      reasons: 'Fictional reasons',
    };
    expect(() =>
      parseInput(RecordScreeningInput.schema, {
        ...base,
        observations: [{ code: 'NOPE-01', observed: 'YES' }],
      }),
    ).toThrow(expect.objectContaining({ details: { field: 'input.observations.0.code' } }));
    expect(() =>
      parseInput(RecordScreeningInput.schema, {
        ...base,
        observations: [],
        evidenceAgainst: [{ code: 'SIGNED_CONTRACT', notes: 'had a contract' }],
      }),
    ).toThrow(expect.objectContaining({ details: { field: 'input.evidenceAgainst.0.code' } }));
    const screened = await services.screenings.recordScreening(
      ngo,
      parseInput(RecordScreeningInput.schema, {
        ...base,
        observations: [
          { code: 'UNODC-FC-ACT-01', observed: 'YES', notes: 'fake job offer' },
          { code: 'UNODC-FC-MEANS-01', observed: 'YES' },
          { code: 'UNODC-FC-PURPOSE-01', observed: 'YES' },
        ],
      }),
    );
    expect(screened.screenings[0]).toMatchObject({
      suggestedOutcome: 'PRESUMED_VICTIM',
      confirmedOutcome: 'PRESUMED_VICTIM',
    });
    const coordinatorView = await services.cases.getCase(focal, opened.id);
    expect(coordinatorView.screenings[0]).toMatchObject({
      confirmedOutcome: 'PRESUMED_VICTIM',
      observations: null,
      reasons: null,
    });
    await expect(
      services.screenings.recordScreening(
        embassy,
        parseInput(RecordScreeningInput.schema, { ...base, observations: [] }),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records a decision only on the authority of an organisation of the deciding country that decides (issue 12)', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    const authorities = {
      thaiCoordinator: actor('NRM_COORDINATOR', 'TH', ['FOCAL_POINT']),
      cambodianNgo: actor('NGO', 'KH', ['CASEWORKER']),
      cambodianPolice: actor('LAW_ENFORCEMENT', 'KH', ['INVESTIGATOR']),
    };
    for (const member of Object.values(authorities)) await listInDirectory(dataSource, member);
    const decide = (authorityOrganisationId: string) =>
      services.identification.recordDecision(focal, {
        caseId: opened.id,
        personId,
        jurisdictionCountry: null,
        authorityOrganisationId,
        status: 'REASONABLE_GROUNDS',
        legalBasis: 'Fictional anti-trafficking law, article 1',
        decidedAt: new Date('2026-03-02T07:00:00Z'),
        recognisedBy: [],
      });
    for (const refused of [
      authorities.thaiCoordinator.organisationId, // another country's authority
      authorities.cambodianNgo.organisationId, // an organisation that does not decide
      randomUUID(), // no organisation at all
    ]) {
      await expect(decide(refused)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'authorityOrganisationId' },
      });
    }
    expect(await count(dataSource, 'identification_decision', `person_id = '${personId}'`)).toBe(0);
    const decided = await decide(authorities.cambodianPolice.organisationId);
    expect(decided.identificationDecisions[0]).toMatchObject({ status: 'REASONABLE_GROUNDS' });
  });

  it('decides identification, opens follow-up tasks, issues an attestation and lets immigration verify it', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    const decisionInput = {
      caseId: opened.id,
      personId,
      jurisdictionCountry: null,
      authorityOrganisationId: null,
      legalBasis: 'Fictional anti-trafficking law, article 1',
      decidedAt: new Date('2026-03-02T07:00:00Z'),
      recognisedBy: ['ID'],
    };
    await expect(
      services.identification.recordDecision(ngo, { ...decisionInput, status: 'REASONABLE_GROUNDS' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      services.identification.recordDecision(focal, { ...decisionInput, status: 'APPEALED' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'status' } });
    await expect(
      services.attestations.issue(focal, { caseId: opened.id, personId, validForDays: null }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const decided = await services.identification.recordDecision(focal, {
      ...decisionInput,
      status: 'REASONABLE_GROUNDS',
    });
    expect(decided.identificationDecisions[0]).toMatchObject({
      status: 'REASONABLE_GROUNDS',
      recognisedBy: ['ID'],
      current: true,
    });
    expect(decided.followUpTasks.map((task) => task.kind).sort()).toEqual([
      'LEGAL_AID',
      'NON_PUNISHMENT_NOTICE',
      'RELEASE_FROM_DETENTION',
    ]);

    await expect(
      services.attestations.issue(ngo, { caseId: opened.id, personId, validForDays: null }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const issued = await services.attestations.issue(focal, {
      caseId: opened.id,
      personId,
      validForDays: 30,
    });
    expect(issued.code).toMatch(/^PSG-[2-9A-Z]{5}-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(issued.validUntil.toISOString()).toBe('2026-04-01T08:00:00.000Z');
    const stored = JSON.stringify(await dataSource.query(`SELECT * FROM protection_attestation`));
    expect(stored).not.toContain(issued.code);
    expect(stored).not.toContain('X1234567');

    const verifier = actor('IMMIGRATION', 'KH', ['VERIFIER']);
    expect(
      await services.attestations.verify(verifier, {
        code: issued.code.toLowerCase(),
        documentNumber: 'x 1234-567',
      }),
    ).toEqual({
      status: 'VALID',
      validUntil: issued.validUntil,
      issuedBy: focal.organisationName,
    });
    expect(
      await services.attestations.verify(verifier, { code: issued.code, documentNumber: 'Y9999999' }),
    ).toEqual({
      status: 'NOT_FOUND',
      validUntil: null,
      issuedBy: null,
    });
    await expect(
      services.attestations.verify(verifier, { code: 'PSG-22222-22222-22223', documentNumber: 'X1' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // Two verifications above count already; the service's own limits (per actor, per code) apply.
    const { perActor, perCode } = DEFAULT_VERIFICATION_RATE_LIMITS;
    const admitted = Math.min(perActor.limit, perCode.limit);
    for (let attempt = 2; attempt < admitted; attempt++) {
      await services.attestations.verify(verifier, { code: issued.code, documentNumber: 'X1234567' });
    }
    await expect(
      services.attestations.verify(verifier, { code: issued.code, documentNumber: 'X1234567' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(
      await count(
        dataSource,
        'audit_record',
        `action = 'attestation.verify' AND actor_user_id = '${verifier.userId}'`,
      ),
    ).toBe(admitted);

    clock.advance(31 * 24 * 3600 * 1000);
    // The limits are kept in Postgres on the wall clock, not the test's: forget them as a month would.
    await dataSource.query(`DELETE FROM rate_limit`);
    try {
      const later = actor('IMMIGRATION', 'KH', ['VERIFIER']);
      expect(
        (await services.attestations.verify(later, { code: issued.code, documentNumber: 'X1234567' })).status,
      ).toBe('EXPIRED');
    } finally {
      clock.set(new Date('2026-03-02T08:00:00Z'));
    }
  });
});
