import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  ManualClock,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateAttestationCode,
  generateCountryKeys,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { AttestationStandingService } from '../src/case-work/attestation/attestation-standing.service.js';
import { AttestationService } from '../src/case-work/attestation/attestation.service.js';
import { OpenCaseInput } from '../src/case-work/case/dtos/case.inputs.js';
import { CaseService } from '../src/case-work/case/case.service.js';
import { RecordConsentInput } from '../src/case-work/consent/dtos/consent.inputs.js';
import { ConsentService } from '../src/case-work/consent/consent.service.js';
import { RecordIdentificationDecisionInput } from '../src/case-work/identification/dtos/identification.inputs.js';
import { IdentificationService } from '../src/case-work/identification/identification.service.js';
import { CaseWorkModule } from '../src/case-work/index.js';
import { PersonDocumentHooks } from '../src/case-work/person/person-document-hooks.js';
import { CrossBorderModule } from '../src/cross-border/index.js';
import {
  CreateRepatriationPlanInput,
  UpdateRepatriationStepInput,
} from '../src/repatriation/dtos/repatriation.inputs.js';
import { RepatriationModule } from '../src/repatriation/index.js';
import { RepatriationPlanService } from '../src/repatriation/repatriation-plan.service.js';
import { actor, count, listInDirectory } from './case-work-fixture.js';
import { openReferralsContexts } from './referrals-testing-module.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A survivor as most arrive from a compound: no passport (confiscated), no phone. */
const withoutDocument = {
  name: 'Test Person Undocumented',
  nationality: 'UG',
  gender: 'MALE',
  ageBand: '25_34',
  languages: ['lg', 'en'],
  narrative: 'Fictional account used only in tests.',
};

const trustDirectory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument(
    Object.fromEntries(
      ['KH', 'ID'].map((country) => [
        country,
        generateCountryKeys(country, { validFrom: new Date(Date.now() - DAY) }).published,
      ]),
    ),
    new Date(),
  ),
);

describe('attestations for people without documents (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let s: {
    cases: CaseService;
    consents: ConsentService;
    identification: IdentificationService;
    attestations: AttestationService;
    standing: AttestationStandingService;
    documentHooks: PersonDocumentHooks;
    plans: RepatriationPlanService;
  };
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const otherFocal = actor('NRM_COORDINATOR', 'TH', ['FOCAL_POINT']);
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);
  const embassy = actor('EMBASSY', 'UG', ['CONSULAR_OFFICER'], { stationedIn: 'KH' });
  const originNgo = actor('NGO', 'UG', ['CASEWORKER']);

  beforeAll(async () => {
    const opened = await openReferralsContexts({
      contexts: [CaseWorkModule, CrossBorderModule, RepatriationModule],
      clock,
      trustDirectory,
      // The Ugandan embassy's and NGO's steps are worked on this node: no plan crosses the exchange.
      config: { HOSTED_COUNTRIES: ['KH', 'TH', 'ID', 'UG'] },
    });
    ({ dataSource, close } = opened);
    const { app } = opened;
    s = {
      cases: app.get(CaseService),
      consents: app.get(ConsentService),
      identification: app.get(IdentificationService),
      attestations: app.get(AttestationService),
      standing: app.get(AttestationStandingService),
      documentHooks: app.get(PersonDocumentHooks),
      plans: app.get(RepatriationPlanService),
    };
    for (const organisation of [ngo, focal, immigration, embassy, originNgo]) {
      await listInDirectory(dataSource, organisation);
    }
  });

  afterAll(async () => {
    await close?.();
  });

  // Each code admits 10 verifications an hour: every test starts in an hour of its own.
  beforeEach(() => clock.advance(2 * HOUR));

  /** A fresh officer for each check, so the per-actor limit never decides an answer here. */
  const verify = (input: {
    code: string;
    documentNumber?: string | null;
    dateOfBirth?: string | null;
    holderPin?: string | null;
  }) => s.attestations.verify(actor('IMMIGRATION', 'KH', ['VERIFIER']), input);

  async function openCase(dateOfBirth: string | null, purposes: string[] = []) {
    const opened = await s.cases.openCase(
      ngo,
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [withoutDocument] }),
    );
    const ids = { caseId: opened.id, personId: opened.people[0].id };
    // Recording a date of birth is person maintenance's (another context's) mutation; here it is set.
    await dataSource.query(`UPDATE case_person SET date_of_birth = $2 WHERE id = $1`, [
      ids.personId,
      dateOfBirth,
    ]);
    if (purposes.length > 0) {
      await s.consents.recordConsent(
        ngo,
        parseInput(RecordConsentInput.schema, {
          ...ids,
          purposes,
          language: 'lg',
          interpreterUsed: true,
          interpreterLanguage: 'en',
        }),
      );
    }
    return ids;
  }

  /** Each decision a minute after the one before, so that the latest is the current one. */
  const decide = (ids: { caseId: string; personId: string }, status: string) => {
    clock.advance(60_000);
    return s.identification.recordDecision(
      focal,
      parseInput(RecordIdentificationDecisionInput.schema, {
        ...ids,
        status,
        legalBasis: 'Fictional anti-trafficking law, article 1',
        decidedAt: clock.now(),
      }),
    );
  };

  async function protectedPerson(dateOfBirth: string | null, purposes: string[] = []) {
    const ids = await openCase(dateOfBirth, purposes);
    await decide(ids, 'REASONABLE_GROUNDS');
    return ids;
  }

  const issue = (ids: { caseId: string; personId: string }) =>
    s.attestations.issue(focal, { ...ids, validForDays: null });

  /** Records a document as person maintenance does: the column, then the hooks, in one transaction. */
  const recordDocument = (ids: { caseId: string; personId: string }, documentNumber: string) =>
    dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE case_person SET document_type = 'EMERGENCY_TRAVEL_DOCUMENT', document_number = $2 WHERE id = $1`,
        [ids.personId, documentNumber],
      );
      await s.documentHooks.run(manager, {
        ...ids,
        documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
        documentNumber,
        recordedBy: ngo.userId,
        at: clock.now(),
      });
    });

  const events = async (type: string, attestationId: string) =>
    (
      (await dataSource.query(
        `SELECT convert_from(value, 'UTF8')::jsonb AS body FROM outbox_message
          WHERE message_type = $1 AND convert_from(value, 'UTF8')::jsonb -> 'payload' ->> 'attestationId' = $2
          ORDER BY created_at, id`,
        [type, attestationId],
      )) as { body: { payload: Record<string, unknown> } }[]
    ).map((row) => row.body.payload);

  it('issues to a person with a date of birth but no document: the date or the PIN verifies, each shown once and stored as a hash', async () => {
    const ids = await protectedPerson('1994-07-02');
    const issued = await issue(ids);
    expect(issued.boundTo).toEqual(['DATE_OF_BIRTH', 'HOLDER_PIN']);
    expect(issued.holderPin).toMatch(/^[0-9]{6}$/);
    const pin = issued.holderPin!;

    const [row] = (await dataSource.query(`SELECT * FROM protection_attestation WHERE id = $1`, [
      issued.attestationId,
    ])) as Record<string, unknown>[];
    expect(row).toMatchObject({ document_binding: null, binding_subject: 'CODE' });
    expect(row.date_of_birth_binding).toMatch(/^[0-9a-f]{64}$/);
    expect(row.holder_pin_binding).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row);
    for (const secret of [issued.code, pin, '1994-07-02']) expect(stored).not.toContain(secret);
    const [issuedEvent] = await events('case.attestation-issued@v1', issued.attestationId);
    expect(issuedEvent).toMatchObject({ boundTo: ['DATE_OF_BIRTH', 'HOLDER_PIN'] });
    for (const secret of [issued.code, pin, '1994-07-02']) {
      expect(JSON.stringify(issuedEvent)).not.toContain(secret);
    }
    const [issueAudit] = (await dataSource.query(
      `SELECT fields FROM audit_record WHERE action = 'attestation.issue' AND resource_id = $1`,
      [ids.caseId],
    )) as { fields: string[] }[];
    expect(issueAudit.fields).toContain('people.dateOfBirth');
    expect(issueAudit.fields).not.toContain('people.documentNumber');

    const valid = { status: 'VALID', validUntil: issued.validUntil, issuedBy: focal.organisationName };
    expect(await verify({ code: issued.code, dateOfBirth: '1994-07-02' })).toEqual(valid);
    expect(
      await verify({ code: issued.code.toLowerCase(), holderPin: `${pin.slice(0, 3)} ${pin.slice(3)}` }),
    ).toEqual(valid);

    // A wrong date, a wrong PIN, or a document the attestation is not bound to: exactly an unknown code.
    const notFound = { status: 'NOT_FOUND', validUntil: null, issuedBy: null };
    expect(await verify({ code: issued.code, dateOfBirth: '1994-07-03' })).toEqual(notFound);
    expect(await verify({ code: issued.code, holderPin: pin === '000000' ? '000001' : '000000' })).toEqual(
      notFound,
    );
    expect(await verify({ code: issued.code, documentNumber: pin })).toEqual(notFound);
    expect(await verify({ code: generateAttestationCode(), dateOfBirth: '1994-07-02' })).toEqual(notFound);
    const audits = (await dataSource.query(
      `SELECT resource_id, fields FROM audit_record WHERE action = 'attestation.verify'
        AND fields @> ARRAY['holder.dateOfBirth'] ORDER BY sequence`,
    )) as { resource_id: string | null; fields: string[] }[];
    expect(audits.map((audit) => audit.resource_id).slice(-3)).toEqual([issued.attestationId, null, null]);

    // Exactly one proof, well formed, or nothing is looked up.
    await expect(verify({ code: issued.code })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'documentNumber', reason: 'HOLDER_PROOF_MISSING' },
    });
    await expect(
      verify({ code: issued.code, dateOfBirth: '1994-07-02', holderPin: pin }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'holderPin', reason: 'HOLDER_PROOF_SEVERAL' },
    });
    await expect(verify({ code: issued.code, dateOfBirth: '02/07/1994' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'dateOfBirth', reason: 'DATE_OF_BIRTH_FORMAT' },
    });
  });

  it('issues to a person with neither a document nor a date of birth against the PIN alone, and to a documented one against the document alone', async () => {
    const ids = await protectedPerson(null);
    const issued = await issue(ids);
    expect(issued.boundTo).toEqual(['HOLDER_PIN']);
    expect((await verify({ code: issued.code, holderPin: issued.holderPin })).status).toBe('VALID');
    expect((await verify({ code: issued.code, dateOfBirth: '1994-07-02' })).status).toBe('NOT_FOUND');
    const [audit] = (await dataSource.query(
      `SELECT fields, data_categories FROM audit_record WHERE action = 'attestation.issue' AND resource_id = $1`,
      [ids.caseId],
    )) as { fields: string[]; data_categories: string[] }[];
    expect(audit.fields).not.toContain('people.dateOfBirth');
    expect(audit.data_categories).toEqual(['LEGAL']);

    const documented = await protectedPerson('1990-01-01');
    await dataSource.query(
      `UPDATE case_person SET document_type = 'PASSPORT', document_number = 'P7001' WHERE id = $1`,
      [documented.personId],
    );
    const bound = await issue(documented);
    expect(bound).toMatchObject({ boundTo: ['DOCUMENT'], holderPin: null });
    expect((await verify({ code: bound.code, documentNumber: 'p 7001' })).status).toBe('VALID');
    expect((await verify({ code: bound.code, dateOfBirth: '1990-01-01' })).status).toBe('NOT_FOUND');
  });

  it('re-binds the attestation to a document recorded later, under the same code: the document verifies, the date and PIN no longer do', async () => {
    const ids = await protectedPerson('1994-07-02');
    const replaced = await issue(ids);
    const issued = await issue(ids);
    await recordDocument(ids, 'ETD-0042');

    expect(await verify({ code: issued.code, documentNumber: 'etd 0042' })).toEqual({
      status: 'VALID',
      validUntil: issued.validUntil,
      issuedBy: focal.organisationName,
    });
    expect((await verify({ code: issued.code, dateOfBirth: '1994-07-02' })).status).toBe('NOT_FOUND');
    expect((await verify({ code: issued.code, holderPin: issued.holderPin })).status).toBe('NOT_FOUND');
    const [row] = (await dataSource.query(
      `SELECT binding_subject, document_binding, date_of_birth_binding, holder_pin_binding
         FROM protection_attestation WHERE id = $1`,
      [issued.attestationId],
    )) as Record<string, string | null>[];
    expect(row).toMatchObject({
      binding_subject: 'ATTESTATION',
      date_of_birth_binding: null,
      holder_pin_binding: null,
    });
    expect(JSON.stringify(row)).not.toContain('0042');

    const [rebound] = await events('case.attestation-rebound@v1', issued.attestationId);
    expect(rebound).toEqual({
      ...ids,
      attestationId: issued.attestationId,
      jurisdictionCountry: 'KH',
      boundTo: ['DOCUMENT'],
      replacedBindings: ['DATE_OF_BIRTH', 'HOLDER_PIN'],
      reboundBy: ngo.userId,
      reboundAt: clock.now().toISOString(),
    });
    // The replaced attestation stays revoked, and is not re-bound.
    expect(await events('case.attestation-rebound@v1', replaced.attestationId)).toEqual([]);
    expect((await verify({ code: replaced.code, documentNumber: 'ETD-0042' })).status).toBe('NOT_FOUND');
    expect(await events('case.attestation-revoked@v1', replaced.attestationId)).toEqual([
      expect.objectContaining({ reason: 'REPLACED', decisionId: null, changedBy: focal.userId }),
    ]);

    // A second document (a passport found again) replaces the first under the same code.
    await recordDocument(ids, 'UG1234567');
    expect((await verify({ code: issued.code, documentNumber: 'UG1234567' })).status).toBe('VALID');
    expect((await verify({ code: issued.code, documentNumber: 'ETD-0042' })).status).toBe('NOT_FOUND');
    expect(await events('case.attestation-rebound@v1', issued.attestationId)).toHaveLength(2);
  });

  it('suspends on a standing negative decision, reinstates on appeal, and revokes on a failed appeal; verification says so and nothing more', async () => {
    const ids = await protectedPerson(null);
    const issued = await issue(ids);
    const proof = { code: issued.code, holderPin: issued.holderPin };

    const negative = await decide(ids, 'NOT_IDENTIFIED');
    const negativeId = negative.identificationDecisions.find((decision) => decision.current)!.id;
    expect(await verify(proof)).toEqual({
      status: 'SUSPENDED',
      validUntil: null,
      issuedBy: focal.organisationName,
    });
    // The coordinator sees the same on the case: the standing and what the holder verifies with.
    expect(
      negative.attestations.find((attestation) => attestation.id === issued.attestationId),
    ).toMatchObject({
      standing: 'SUSPENDED',
      suspendedAt: expect.any(Date),
      boundTo: ['HOLDER_PIN'],
    });
    // Still no oracle: a wrong PIN on a suspended attestation is an unknown code.
    expect(
      (await verify({ code: issued.code, holderPin: issued.holderPin === '111111' ? '222222' : '111111' }))
        .status,
    ).toBe('NOT_FOUND');
    expect(await events('case.attestation-suspended@v1', issued.attestationId)).toEqual([
      {
        ...ids,
        attestationId: issued.attestationId,
        jurisdictionCountry: 'KH',
        reason: 'NEGATIVE_DECISION',
        decisionId: negativeId,
        changedBy: focal.userId,
        changedAt: clock.now().toISOString(),
      },
    ]);

    clock.advance(HOUR);
    await decide(ids, 'APPEALED');
    expect((await verify(proof)).status).toBe('VALID');
    expect(await events('case.attestation-reinstated@v1', issued.attestationId)).toEqual([
      expect.objectContaining({ reason: 'APPEAL_LODGED' }),
    ]);

    clock.advance(HOUR);
    await decide(ids, 'NOT_IDENTIFIED');
    expect(await verify(proof)).toEqual({
      status: 'REVOKED',
      validUntil: null,
      issuedBy: focal.organisationName,
    });
    expect(await events('case.attestation-revoked@v1', issued.attestationId)).toEqual([
      expect.objectContaining({ reason: 'NEGATIVE_APPEAL_OUTCOME' }),
    ]);
    // Revoked for good: a further appeal protects with a new attestation, not the old code.
    clock.advance(HOUR);
    await decide(ids, 'APPEALED');
    expect((await verify(proof)).status).toBe('REVOKED');
    const renewed = await issue(ids);
    expect((await verify({ code: renewed.code, holderPin: renewed.holderPin })).status).toBe('VALID');
  });

  it('lets only the coordinator of the jurisdiction suspend, reinstate and revoke; an appeal does not lift the coordinator’s suspension', async () => {
    const ids = await protectedPerson('1988-12-31');
    const issued = await issue(ids);
    const proof = { code: issued.code, dateOfBirth: '1988-12-31' };
    const byId = { attestationId: issued.attestationId };

    for (const who of [ngo, otherFocal, immigration, actor('NRM_COORDINATOR', 'KH', ['CASEWORKER'])]) {
      await expect(s.standing.suspend(who, { ...byId, reason: 'FRAUD_SUSPECTED' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    // Immigration gets the same refusal whether or not the attestation exists.
    await expect(
      s.standing.revoke(immigration, { attestationId: randomUUID(), reason: 'OTHER' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'FIREWALL_IMMIGRATION' });
    // So does the coordinator: a refusal never tells whether an attestation exists.
    await expect(
      s.standing.revoke(focal, { attestationId: randomUUID(), reason: 'OTHER' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'NO_NEED_TO_KNOW' });
    // Nothing refused was written.
    expect(await events('case.attestation-suspended@v1', issued.attestationId)).toEqual([]);

    const suspended = await s.standing.suspend(focal, { ...byId, reason: 'FRAUD_SUSPECTED' });
    expect(suspended).toEqual({
      attestationId: issued.attestationId,
      standing: 'SUSPENDED',
      validUntil: issued.validUntil,
      suspendedAt: clock.now(),
      revokedAt: null,
    });
    expect((await verify(proof)).status).toBe('SUSPENDED');
    await expect(s.standing.suspend(focal, { ...byId, reason: 'OTHER' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ATTESTATION_ALREADY_SUSPENDED' },
    });

    // The decision line goes negative and is appealed; the coordinator's own suspension stands.
    await decide(ids, 'NOT_IDENTIFIED');
    await expect(s.standing.reinstate(focal, byId)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'attestationId', reason: 'PROTECTION_NOT_DECIDED' },
    });
    await decide(ids, 'APPEALED');
    expect((await verify(proof)).status).toBe('SUSPENDED');
    expect(await events('case.attestation-suspended@v1', issued.attestationId)).toEqual([
      expect.objectContaining({ reason: 'FRAUD_SUSPECTED', decisionId: null, changedBy: focal.userId }),
    ]);

    expect((await s.standing.reinstate(focal, byId)).standing).toBe('VALID');
    expect((await verify(proof)).status).toBe('VALID');
    await expect(s.standing.reinstate(focal, byId)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ATTESTATION_NOT_SUSPENDED' },
    });

    clock.advance(HOUR);
    const revoked = await s.standing.revoke(focal, { ...byId, reason: 'CODE_COMPROMISED' });
    expect(revoked).toMatchObject({ standing: 'REVOKED', revokedAt: clock.now() });
    expect(await verify(proof)).toEqual({
      status: 'REVOKED',
      validUntil: null,
      issuedBy: focal.organisationName,
    });
    await expect(s.standing.revoke(focal, { ...byId, reason: 'OTHER' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'ATTESTATION_REVOKED' },
    });
    await expect(s.standing.suspend(focal, { ...byId, reason: 'OTHER' })).rejects.toMatchObject({
      details: { reason: 'ATTESTATION_REVOKED' },
    });
    expect(await events('case.attestation-revoked@v1', issued.attestationId)).toEqual([
      expect.objectContaining({ reason: 'CODE_COMPROMISED', decisionId: null }),
    ]);
    // One audit entry per change the coordinator made, naming fields and never values.
    const audits = (await dataSource.query(
      `SELECT fields FROM audit_record WHERE action = 'attestation.revoke' AND resource_id = $1 ORDER BY sequence`,
      [ids.caseId],
    )) as { fields: string[] }[];
    const suspension = ['attestations.suspendedAt', 'attestations.suspensionReason'];
    expect(audits.map((audit) => [...audit.fields].sort())).toEqual([
      suspension,
      suspension,
      ['attestations.revocationReason', 'attestations.revokedAt'],
    ]);
  });

  it('lets immigration verify, and do nothing else with the attestation or the case behind it', async () => {
    const ids = await protectedPerson('1994-07-02');
    const issued = await issue(ids);
    const answer = await s.attestations.verify(immigration, { code: issued.code, dateOfBirth: '1994-07-02' });
    expect(Object.keys(answer).sort()).toEqual(['issuedBy', 'status', 'validUntil']);
    expect(JSON.stringify(answer)).not.toContain(ids.caseId);
    expect(JSON.stringify(answer)).not.toContain(ids.personId);
    const refused = { code: 'FORBIDDEN', reason: 'FIREWALL_IMMIGRATION' };
    await expect(s.cases.getCase(immigration, ids.caseId)).rejects.toMatchObject(refused);
    await expect(s.attestations.issue(immigration, { ...ids, validForDays: null })).rejects.toMatchObject(
      refused,
    );
    await expect(
      s.standing.suspend(immigration, { attestationId: issued.attestationId, reason: 'OTHER' }),
    ).rejects.toMatchObject(refused);
    await expect(
      s.standing.reinstate(immigration, { attestationId: issued.attestationId }),
    ).rejects.toMatchObject(refused);
    await expect(
      s.identification.recordDecision(
        immigration,
        parseInput(RecordIdentificationDecisionInput.schema, {
          ...ids,
          status: 'NOT_IDENTIFIED',
          legalBasis: 'Fictional law',
          decidedAt: clock.now(),
        }),
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await verify({ code: issued.code, dateOfBirth: '1994-07-02' })).status).toBe('VALID');
  });

  it('names the missing travel document when exit clearance is asked on an attestation without one, and rests on the document once recorded', async () => {
    const ids = await protectedPerson('1994-07-02', ['RETURN']);
    const issued = await issue(ids);
    const plan = await s.plans.create(
      ngo,
      parseInput(CreateRepatriationPlanInput.schema, {
        ...ids,
        steps: (
          [
            ['TRAVEL_DOCUMENT', embassy],
            ['EXIT_CLEARANCE', immigration],
            ['FUNDING', ngo],
            ['TRAVEL_BOOKED', ngo],
            ['ESCORT', ngo],
            ['RECEPTION', originNgo],
          ] as [string, AuthenticatedActor][]
        ).map(([kind, owner]) => ({ kind, ownerOrganisationId: owner.organisationId, dueOn: '2026-06-30' })),
      }),
    );
    const startExitClearance = (travelDocumentNumber: string) =>
      s.plans.updateStep(
        ngo,
        parseInput(UpdateRepatriationStepInput.schema, {
          planId: plan.id,
          step: 'EXIT_CLEARANCE',
          status: 'IN_PROGRESS',
          exitClearance: {
            travelDocumentNumber,
            nameOnTravelDocument: 'TEST PERSON UNDOCUMENTED',
            attestationCode: issued.code,
            requestedDepartureDate: '2026-06-01',
          },
        }),
      );

    await expect(startExitClearance('ETD-5150')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'exitClearance.travelDocumentNumber', reason: 'TRAVEL_DOCUMENT_NOT_RECORDED' },
    });
    expect(await count(dataSource, 'exit_clearance_request', `plan_id = '${plan.id}'`)).toBe(0);

    await recordDocument(ids, 'ETD-5150');
    await expect(startExitClearance('ETD-9999')).rejects.toMatchObject({
      details: { reason: 'ATTESTATION_NOT_VALID' },
    });
    const started = await startExitClearance('ETD-5150');
    expect(started.exitClearance).toMatchObject({
      status: 'PENDING',
      addressedToOrganisationId: immigration.organisationId,
    });
  });
});
