import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ManualClock, parseInput, type AuthenticatedActor } from '@passage/shared';
import { CaseClosureService } from '../src/case-work/case/case-closure.service.js';
import {
  CloseCaseInput,
  OpenCaseInput,
  RegisterMassIntakeInput,
  ReopenCaseInput,
} from '../src/case-work/case/dtos/case.inputs.js';
import {
  AddPersonToCaseInput,
  UpdatePersonInput,
} from '../src/case-work/person/dtos/person-maintenance.inputs.js';
import {
  PersonDocumentHooks,
  type PersonDocumentRecorded,
} from '../src/case-work/person/person-document-hooks.js';
import { PersonHistoryReader } from '../src/case-work/person/person-history.reader.js';
import { PersonMaintenanceService } from '../src/case-work/person/person-maintenance.service.js';
import { actor, count, openCaseWork, type CaseWorkServices } from './case-work-fixture.js';

/** A self-exit in Lao PDR: no passport, no phone, Luganda and some English. */
const survivor = {
  name: null,
  alias: 'Fictional Alias U',
  nationality: 'UG',
  gender: 'MALE',
  ageBand: '25_34',
  languages: ['lg', 'en'],
  immediateNeeds: ['SHELTER', 'TRAVEL_DOCUMENT'],
  urgentMedicalNeed: false,
  narrative: 'Fictional account of an escape.',
  currentLocation: 'Fictional shelter, Vientiane',
};

describe('case and person maintenance (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-12-02T08:00:00Z'));
  let services: CaseWorkServices;
  let maintenance: PersonMaintenanceService;
  let closure: CaseClosureService;
  let history: PersonHistoryReader;
  const documents: PersonDocumentRecorded[] = [];
  const ngo = actor('NGO', 'LA', ['CASEWORKER']);
  const otherNgo = actor('NGO', 'LA', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'LA', ['FOCAL_POINT']);
  const police = actor('LAW_ENFORCEMENT', 'LA', ['INVESTIGATOR']);
  const immigration = actor('IMMIGRATION', 'LA', ['VERIFIER']);

  beforeAll(async () => {
    let app;
    ({ dataSource, close, services, app } = await openCaseWork(clock));
    maintenance = app.get(PersonMaintenanceService);
    closure = app.get(CaseClosureService);
    history = app.get(PersonHistoryReader);
    // What an attestation bound to the document would do, in the same transaction as the change.
    app.get(PersonDocumentHooks).register(async (manager, recorded) => {
      const [{ committed }] = (await manager.query(
        `SELECT document_number AS committed FROM case_person WHERE id = $1`,
        [recorded.personId],
      )) as { committed: string }[];
      expect(committed).toBe(recorded.documentNumber);
      documents.push(recorded);
    });
  });

  afterAll(async () => {
    await close?.();
  });

  const open = (who: AuthenticatedActor = ngo, people: unknown[] = [survivor]) =>
    services.cases.openCase(who, parseInput(OpenCaseInput.schema, { origin: 'SELF_EXIT_ESCAPE', people }));
  const update = (who: AuthenticatedActor, input: object) =>
    maintenance.updatePerson(who, parseInput(UpdatePersonInput.schema, input));
  const closeCase = (who: AuthenticatedActor, caseId: string, outcome = 'RETURNED_HOME') =>
    closure.closeCase(who, parseInput(CloseCaseInput.schema, { caseId, outcome }));
  const events = (caseId: string, type: string) =>
    count(dataSource, 'outbox_message', `message_type = '${type}' AND message_key = '${caseId}'`);
  const audits = (caseId: string, action: string) =>
    count(dataSource, 'audit_record', `resource_id = '${caseId}' AND action = '${action}'`);

  it('records an emergency travel document, a date of birth and a location as version 2, with its revision, event and audit entry', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    expect(opened.people[0]).toMatchObject({ version: 1, documentNumber: null, doNotContact: false });
    clock.advance(60_000);

    const updated = await update(ngo, {
      caseId: opened.id,
      personId,
      expectedVersion: 1,
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-0042',
      dateOfBirth: '1998-05-14',
      currentLocation: 'Fictional second shelter',
      doNotContact: true,
    });
    expect(updated.people[0]).toMatchObject({
      version: 2,
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-0042',
      dateOfBirth: '1998-05-14',
      ageBand: '25_34',
      currentLocation: 'Fictional second shelter',
      doNotContact: true,
      languages: ['lg', 'en'],
    });
    expect(documents).toContainEqual({
      caseId: opened.id,
      personId,
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-0042',
      recordedBy: ngo.userId,
      at: clock.now(),
    });

    const revisions = await history.read(ngo, opened.id, personId);
    expect(revisions).toEqual([
      {
        version: 2,
        changedByUserId: ngo.userId,
        changedByOrganisationId: ngo.organisationId,
        changedAt: clock.now(),
        withheldCategories: [],
        changes: [
          { field: 'dateOfBirth', category: 'IDENTITY', from: null, to: '"1998-05-14"' },
          { field: 'documentType', category: 'LEGAL', from: null, to: '"EMERGENCY_TRAVEL_DOCUMENT"' },
          { field: 'documentNumber', category: 'LEGAL', from: null, to: '"ETD-UG-0042"' },
          { field: 'doNotContact', category: 'OPERATIONAL', from: 'false', to: 'true' },
          {
            field: 'currentLocation',
            category: 'LOCATION',
            from: '"Fictional shelter, Vientiane"',
            to: '"Fictional second shelter"',
          },
        ],
      },
    ]);

    expect(await events(opened.id, 'case.person-updated@v1')).toBe(1);
    const [event] = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message
        WHERE message_type = 'case.person-updated@v1' AND message_key = $1`,
      [opened.id],
    )) as { body: string }[];
    expect(JSON.parse(event.body)).toMatchObject({
      payload: {
        personId,
        version: 2,
        changedFields: ['dateOfBirth', 'documentType', 'documentNumber', 'doNotContact', 'currentLocation'],
        restrictedFieldsChanged: false,
      },
    });
    expect(event.body).not.toContain('ETD-UG-0042');
    expect(event.body).not.toContain('1998-05-14');
    expect(event.body).not.toContain('shelter');

    const [audit] = (await dataSource.query(
      `SELECT data_categories, fields, decision_reason FROM audit_record
        WHERE resource_id = $1 AND action = 'person.update'`,
      [opened.id],
    )) as { data_categories: string[]; fields: string[]; decision_reason: string }[];
    expect(audit.decision_reason).toBe('ALLOWED_OWNER');
    expect([...audit.fields].sort()).toEqual(
      [
        'people.currentLocation',
        'people.dateOfBirth',
        'people.doNotContact',
        'people.documentNumber',
        'people.documentType',
      ].sort(),
    );
    expect(JSON.stringify(audit)).not.toContain('ETD-UG-0042');
  });

  it('refuses a stale version, a future date of birth and an unknown language, writing nothing', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    await update(ngo, { caseId: opened.id, personId, contact: 'via shelter staff' });

    await expect(
      update(ngo, { caseId: opened.id, personId, expectedVersion: 1, currentLocation: 'elsewhere' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'expectedVersion', reason: 'PERSON_VERSION_CONFLICT' },
    });
    await expect(
      update(ngo, { caseId: opened.id, personId, dateOfBirth: '2026-12-05' }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'dateOfBirth', reason: 'DATE_IN_FUTURE' },
    });
    expect(() =>
      parseInput(UpdatePersonInput.schema, { caseId: opened.id, personId, languages: ['xx'] }),
    ).toThrow(expect.objectContaining({ details: { field: 'input.languages.0' } }));
    await expect(update(ngo, { caseId: opened.id, personId, documentNumber: 'X1' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'documentType' },
    });

    const [person] = (await services.cases.getCase(ngo, opened.id)).people;
    expect(person).toMatchObject({
      version: 2,
      currentLocation: survivor.currentLocation,
      documentNumber: null,
    });
    expect(await count(dataSource, 'case_person_revision', `person_id = '${personId}'`)).toBe(1);
    expect(await events(opened.id, 'case.person-updated@v1')).toBe(1);
    expect(await audits(opened.id, 'person.update')).toBe(1);
  });

  it('keeps the version when nothing changes', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    const same = await update(ngo, { caseId: opened.id, personId, languages: ['lg', 'en'] });
    expect(same.people[0].version).toBe(1);
    expect(await events(opened.id, 'case.person-updated@v1')).toBe(0);
    expect(await count(dataSource, 'case_person_revision', `person_id = '${personId}'`)).toBe(0);
  });

  it("lets the jurisdiction's coordinator record a document but nothing it may not see, and strangers nothing", async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    const seen = await update(focal, {
      caseId: opened.id,
      personId,
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-0099',
    });
    expect(seen.people[0]).toMatchObject({
      documentNumber: 'ETD-UG-0099',
      version: 2,
      currentLocation: null,
    });

    await expect(
      update(focal, { caseId: opened.id, personId, currentLocation: 'Fictional place' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'currentLocation', reason: 'CATEGORY_NOT_VISIBLE' },
    });
    await expect(
      update(focal, { caseId: opened.id, personId, dateOfBirth: '1998-05-14' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'dateOfBirth' } });
    for (const stranger of [otherNgo, immigration, actor('NRM_COORDINATOR', 'TH', ['FOCAL_POINT'])]) {
      await expect(
        update(stranger, { caseId: opened.id, personId, documentType: 'PASSPORT' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      update(immigration, { caseId: randomUUID(), personId, documentType: 'PASSPORT' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await services.cases.getCase(ngo, opened.id)).people[0].version).toBe(2);
  });

  it('keeps police from writing what they may not read without the survivor’s consent', async () => {
    const opened = await open(police, [{ ...survivor, narrative: null }]);
    const personId = opened.people[0].id;
    await expect(
      update(police, { caseId: opened.id, personId, narrative: 'Fictional statement' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'narrative' } });
    const updated = await update(police, { caseId: opened.id, personId, alias: 'Fictional Alias V' });
    expect(updated.people[0].alias).toBe('Fictional Alias V');
  });

  it('shows a coordinator the history of what it may see, and names the rest by category only', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    await update(ngo, {
      caseId: opened.id,
      personId,
      documentType: 'PASSPORT',
      documentNumber: 'P7654321',
      currentLocation: 'Fictional detention centre',
      narrative: 'Fictional longer account.',
    });
    const [revision] = await history.read(focal, opened.id, personId);
    expect(revision.changes.map((change) => change.field)).toEqual(['documentType', 'documentNumber']);
    expect(revision.withheldCategories.sort()).toEqual(['LOCATION', 'NARRATIVE']);
    const [event] = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message
        WHERE message_type = 'case.person-updated@v1' AND message_key = $1`,
      [opened.id],
    )) as { body: string }[];
    expect(JSON.parse(event.body).payload).toMatchObject({
      changedFields: ['documentType', 'documentNumber', 'currentLocation'],
      restrictedFieldsChanged: true,
    });
    const [read] = (await dataSource.query(
      `SELECT fields FROM audit_record WHERE resource_id = $1 AND action = 'case.read' AND actor_user_id = $2`,
      [opened.id, focal.userId],
    )) as { fields: string[] }[];
    expect([...read.fields].sort()).toEqual([
      'personRevisions.documentNumber',
      'personRevisions.documentType',
    ]);
    await expect(history.read(immigration, opened.id, personId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(history.read(otherNgo, opened.id, personId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('gives a person of a mass intake a document, to which the attestation issued without one is re-bound', async () => {
    const intake = await services.cases.registerMassIntake(
      ngo,
      parseInput(RegisterMassIntakeInput.schema, {
        people: [{ alias: 'Fictional M1', gender: 'FEMALE', ageBand: 'UNKNOWN', languages: ['lg'] }],
      }),
    );
    const [{ caseId, personId }] = intake.cases;
    await services.identification.recordDecision(focal, {
      caseId,
      personId,
      jurisdictionCountry: null,
      authorityOrganisationId: null,
      legalBasis: 'Fictional anti-trafficking law, article 1',
      status: 'REASONABLE_GROUNDS',
      decidedAt: new Date('2026-12-01T10:00:00Z'),
      recognisedBy: [],
    });
    // Without a document the attestation is bound to a holder PIN; the document recorded later re-binds it.
    const issued = await services.attestations.issue(focal, { caseId, personId, validForDays: null });
    expect(issued.boundTo).toEqual(['HOLDER_PIN']);
    await update(ngo, {
      caseId,
      personId,
      dateOfBirth: '2009-01-20',
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-1234',
    });
    expect(
      (await services.attestations.verify(immigration, { code: issued.code, documentNumber: 'ETD-UG-1234' }))
        .status,
    ).toBe('VALID');
    // The date of birth made the unknown age a child's.
    const [person] = (await services.cases.getCase(ngo, caseId)).people;
    expect(person).toMatchObject({ ageBand: '14_17', minor: true });
  });

  it('adds a child born in captivity to the case, linked to the mother', async () => {
    const mother = { ...survivor, alias: 'Fictional Mother', gender: 'FEMALE' };
    const opened = await open(ngo, [mother]);
    const motherId = opened.people[0].id;
    const add = (who: AuthenticatedActor, input: object) =>
      maintenance.addPerson(
        who,
        parseInput(AddPersonToCaseInput.schema, {
          caseId: opened.id,
          relatedPersonId: motherId,
          relationship: 'CHILD',
          person: { alias: 'Fictional Baby', gender: 'FEMALE', ageBand: 'UNDER_14', nationality: null },
          ...input,
        }),
      );

    await expect(add(ngo, { relatedPersonId: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'relatedPersonId' },
    });
    await expect(add(ngo, { dateOfBirth: '2026-12-09' })).rejects.toMatchObject({
      details: { field: 'dateOfBirth', reason: 'DATE_IN_FUTURE' },
    });
    await expect(add(ngo, { dateOfBirth: '2000-01-01' })).rejects.toMatchObject({
      details: { field: 'person.ageBand', reason: 'AGE_BAND_CONTRADICTS_DATE_OF_BIRTH' },
    });
    await expect(add(focal, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(add(otherNgo, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(dataSource, 'case_person', `case_id = '${opened.id}'`)).toBe(1);

    const added = await add(ngo, { dateOfBirth: '2026-02-10' });
    const child = added.people.find((person) => person.id !== motherId)!;
    expect(child).toMatchObject({
      alias: 'Fictional Baby',
      dateOfBirth: '2026-02-10',
      minor: true,
      version: 1,
    });
    expect(added.personLinks).toEqual([
      {
        personId: child.id,
        relatedPersonId: motherId,
        relationship: 'CHILD',
        recordedByOrganisationId: ngo.organisationId,
        recordedAt: clock.now(),
      },
    ]);
    expect(await events(opened.id, 'case.person-added@v1')).toBe(1);
    expect(await audits(opened.id, 'person.add')).toBe(1);
    // The coordinator sees the link, which holds no more than ids and the relation.
    expect((await services.cases.getCase(focal, opened.id)).personLinks).toHaveLength(1);
  });

  it('closes a case with an outcome, refuses to close it again or change it, and reopens it with a reason', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    clock.advance(60_000);
    const closed = await closeCase(ngo, opened.id);
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'RETURNED_HOME', closedAt: clock.now() });
    expect(closed.statusHistory).toEqual([
      {
        status: 'CLOSED',
        outcome: 'RETURNED_HOME',
        reopenReason: null,
        changedByUserId: ngo.userId,
        changedByOrganisationId: ngo.organisationId,
        changedAt: clock.now(),
      },
    ]);

    await expect(closeCase(ngo, opened.id, 'LOST_CONTACT')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'caseId', reason: 'CASE_ALREADY_CLOSED' },
    });
    await expect(update(ngo, { caseId: opened.id, personId, currentLocation: 'home' })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        details: { field: 'caseId', reason: 'CASE_CLOSED' },
      },
    );
    await expect(closeCase(otherNgo, opened.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(closeCase(immigration, opened.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => parseInput(CloseCaseInput.schema, { caseId: opened.id, outcome: 'FINISHED' })).toThrow(
      expect.objectContaining({ details: { field: 'input.outcome' } }),
    );
    expect(await events(opened.id, 'case.closed@v1')).toBe(1);
    expect(await audits(opened.id, 'case.close')).toBe(1);
    expect(
      (await services.cases.listCases(ngo, { status: 'CLOSED' }, { first: 100 })).edges.map(
        (edge) => edge.node.id,
      ),
    ).toContain(opened.id);

    clock.advance(60_000);
    const reopened = await closure.reopenCase(
      focal,
      parseInput(ReopenCaseInput.schema, { caseId: opened.id, reason: 'RETURN_FAILED' }),
    );
    expect(reopened).toMatchObject({ status: 'OPEN', outcome: null, closedAt: null });
    expect(
      reopened.statusHistory.map((change) => [change.status, change.outcome, change.reopenReason]),
    ).toEqual([
      ['CLOSED', 'RETURNED_HOME', null],
      ['OPEN', null, 'RETURN_FAILED'],
    ]);
    await expect(
      closure.reopenCase(
        ngo,
        parseInput(ReopenCaseInput.schema, { caseId: opened.id, reason: 'NEW_INFORMATION' }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'caseId', reason: 'CASE_NOT_CLOSED' } });
    const [event] = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message
        WHERE message_type = 'case.reopened@v1' AND message_key = $1`,
      [opened.id],
    )) as { body: string }[];
    expect(JSON.parse(event.body).payload).toMatchObject({
      reason: 'RETURN_FAILED',
      previousOutcome: 'RETURNED_HOME',
      reopenedByOrganisationId: focal.organisationId,
    });
    // Open again, the person can be changed.
    expect(
      (await update(ngo, { caseId: opened.id, personId, currentLocation: 'Fictional shelter' })).people[0]
        .version,
    ).toBe(2);
  });

  it('does not close a case while protection follow-up is open', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    await services.identification.recordDecision(focal, {
      caseId: opened.id,
      personId,
      jurisdictionCountry: null,
      authorityOrganisationId: null,
      legalBasis: 'Fictional anti-trafficking law, article 1',
      status: 'REASONABLE_GROUNDS',
      decidedAt: new Date('2026-12-01T10:00:00Z'),
      recognisedBy: [],
    });
    await expect(closeCase(ngo, opened.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'caseId', reason: 'FOLLOW_UP_TASKS_OPEN' },
    });
    await dataSource.query(
      `UPDATE case_follow_up_task
          SET status = 'DONE', closed_at = now(), outcome = 'done (test)', outcome_at = now(), closed_by = $2
        WHERE case_id = $1`,
      [opened.id, focal.userId],
    );
    expect((await closeCase(ngo, opened.id, 'STAYED_IN_COUNTRY')).outcome).toBe('STAYED_IN_COUNTRY');

    // Closed, the case takes no new work, yet the person can still withdraw a consent.
    const refusedClosed = { code: 'CONFLICT', details: { field: 'caseId', reason: 'CASE_CLOSED' } };
    await expect(
      services.consents.recordConsent(ngo, {
        caseId: opened.id,
        personId,
        purposes: ['RETURN'],
        language: 'lo',
        interpreterUsed: false,
        interpreterLanguage: null,
      }),
    ).rejects.toMatchObject(refusedClosed);
    await expect(
      services.identification.recordDecision(focal, {
        caseId: opened.id,
        personId,
        jurisdictionCountry: null,
        authorityOrganisationId: null,
        legalBasis: 'Fictional anti-trafficking law, article 2',
        status: 'IDENTIFIED',
        decidedAt: new Date('2026-12-01T11:00:00Z'),
        recognisedBy: [],
      }),
    ).rejects.toMatchObject(refusedClosed);
    expect(await count(dataSource, 'identification_decision', `person_id = '${personId}'`)).toBe(1);
    // Someone without access learns nothing, not even that the case is closed.
    await expect(
      services.consents.recordConsent(otherNgo, {
        caseId: opened.id,
        personId,
        purposes: ['RETURN'],
        language: 'lo',
        interpreterUsed: false,
        interpreterLanguage: null,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
