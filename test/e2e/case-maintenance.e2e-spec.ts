import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const PERSON_FIELDS = `id alias languages ageBand minor dateOfBirth documentType documentNumber currentLocation doNotContact version`;
const CASE_FIELDS = `id status outcome closedAt statusHistory { status outcome reopenReason }
  people { ${PERSON_FIELDS} } personLinks { personId relatedPersonId relationship }`;

const OPEN_CASE = `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { ${CASE_FIELDS} } } }`;
const UPDATE = `mutation U($input: UpdatePersonInput!) { updatePerson(input: $input) { case { ${CASE_FIELDS} } } }`;
const ADD = `mutation A($input: AddPersonToCaseInput!) { addPersonToCase(input: $input) { case { ${CASE_FIELDS} } } }`;
const CLOSE = `mutation C($input: CloseCaseInput!) { closeCase(input: $input) { case { ${CASE_FIELDS} } } }`;
const REOPEN = `mutation R($input: ReopenCaseInput!) { reopenCase(input: $input) { case { ${CASE_FIELDS} } } }`;
const HISTORY = `query H($caseId: ID!, $personId: ID!) { personHistory(caseId: $caseId, personId: $personId) {
  version changedByOrganisationId changes { field category from to } withheldCategories } }`;

interface PersonView {
  id: string;
  languages: string[];
  ageBand: string;
  minor: boolean | null;
  dateOfBirth: string | null;
  documentType: string | null;
  documentNumber: string | null;
  currentLocation: string | null;
  doNotContact: boolean;
  version: number;
}

interface CaseView {
  id: string;
  status: string;
  outcome: string | null;
  closedAt: string | null;
  statusHistory: { status: string; outcome: string | null; reopenReason: string | null }[];
  people: PersonView[];
  personLinks: { personId: string; relatedPersonId: string; relationship: string }[];
}

type CasePayload<K extends string> = Record<K, { case: CaseView }>;

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/** The refusal's code, reason and the argument path of the field it names. */
function refusal(response: GraphqlResponse<unknown>) {
  const extensions = response.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, reason: extensions.reason, field: extensions.field };
}

describe('case and person maintenance through the gateway (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let ngo: Session;
  let focal: Session;
  let immigration: Session;

  beforeAll(async () => {
    node = await startTestNode();
    [ngo, focal, immigration] = await Promise.all(
      ['ngo.kh', 'focal.kh', 'immigration.kh'].map((name) => signIn(node.gatewayUrl, `${name}@passage.demo`)),
    );
  });

  afterAll(async () => {
    await node?.stop();
  });

  const send = <T>(session: Session, query: string, variables: Record<string, unknown>) =>
    graphql<T>(node.gatewayUrl, query, { ...as(session), variables });

  it('records a travel document issued later, adds a child, closes and reopens the case, and refuses bad input by field', async () => {
    const opened = ok(
      await send<CasePayload<'openCase'>>(ngo, OPEN_CASE, {
        input: {
          origin: 'SELF_EXIT_ESCAPE',
          people: [
            {
              alias: 'Fictional Alias U',
              nationality: 'UG',
              gender: 'FEMALE',
              ageBand: 'AGE_25_34',
              languages: ['lg', 'en'],
            },
          ],
        },
      }),
    ).openCase.case;
    const caseId = opened.id;
    const personId = opened.people[0].id;
    expect(opened.people[0]).toMatchObject({ languages: ['lg', 'en'], documentNumber: null, version: 1 });

    const future = await send(ngo, UPDATE, { input: { caseId, personId, dateOfBirth: '2999-01-01' } });
    expect(refusal(future)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DATE_IN_FUTURE',
      field: 'input.dateOfBirth',
    });

    const updated = ok(
      await send<CasePayload<'updatePerson'>>(ngo, UPDATE, {
        input: {
          caseId,
          personId,
          expectedVersion: 1,
          documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
          documentNumber: 'ETD-UG-E2E-1',
          dateOfBirth: '1996-03-01',
          doNotContact: true,
        },
      }),
    ).updatePerson.case;
    expect(updated.people[0]).toMatchObject({
      documentType: 'EMERGENCY_TRAVEL_DOCUMENT',
      documentNumber: 'ETD-UG-E2E-1',
      dateOfBirth: '1996-03-01',
      ageBand: 'AGE_25_34',
      doNotContact: true,
      version: 2,
    });

    const stale = await send(ngo, UPDATE, {
      input: { caseId, personId, expectedVersion: 1, currentLocation: 'Fictional place' },
    });
    expect(refusal(stale)).toEqual({
      code: 'CONFLICT',
      reason: 'PERSON_VERSION_CONFLICT',
      field: 'input.expectedVersion',
    });
    const hidden = await send(focal, UPDATE, {
      input: { caseId, personId, currentLocation: 'Fictional place' },
    });
    expect(refusal(hidden)).toMatchObject({ code: 'FORBIDDEN', field: 'input.currentLocation' });
    const firewall = await send(immigration, UPDATE, {
      input: { caseId, personId, documentType: 'PASSPORT' },
    });
    expect(refusal(firewall).code).toBe('FORBIDDEN');

    const history = ok(
      await send<{ personHistory: { version: number; changes: { field: string }[] }[] }>(ngo, HISTORY, {
        caseId,
        personId,
      }),
    ).personHistory;
    expect(history.map((revision) => revision.version)).toEqual([2]);
    expect(history[0].changes.map((change) => change.field)).toEqual([
      'dateOfBirth',
      'documentType',
      'documentNumber',
      'doNotContact',
    ]);

    const withChild = ok(
      await send<CasePayload<'addPersonToCase'>>(ngo, ADD, {
        input: {
          caseId,
          relatedPersonId: personId,
          relationship: 'CHILD',
          person: { alias: 'Fictional Baby', gender: 'MALE', ageBand: 'UNDER_14' },
        },
      }),
    ).addPersonToCase.case;
    expect(withChild.people).toHaveLength(2);
    expect(withChild.personLinks).toEqual([
      { personId: expect.any(String), relatedPersonId: personId, relationship: 'CHILD' },
    ]);

    const closed = ok(
      await send<CasePayload<'closeCase'>>(ngo, CLOSE, { input: { caseId, outcome: 'RETURNED_HOME' } }),
    ).closeCase.case;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'RETURNED_HOME' });
    const again = await send(ngo, CLOSE, { input: { caseId, outcome: 'LOST_CONTACT' } });
    expect(refusal(again)).toEqual({
      code: 'CONFLICT',
      reason: 'CASE_ALREADY_CLOSED',
      field: 'input.caseId',
    });
    const changeClosed = await send(ngo, UPDATE, { input: { caseId, personId, currentLocation: 'home' } });
    expect(refusal(changeClosed)).toMatchObject({ code: 'CONFLICT', reason: 'CASE_CLOSED' });

    const reopened = ok(
      await send<CasePayload<'reopenCase'>>(ngo, REOPEN, { input: { caseId, reason: 'RETURN_FAILED' } }),
    ).reopenCase.case;
    expect(reopened).toMatchObject({ status: 'OPEN', outcome: null, closedAt: null });
    expect(reopened.statusHistory).toEqual([
      { status: 'CLOSED', outcome: 'RETURNED_HOME', reopenReason: null },
      { status: 'OPEN', outcome: null, reopenReason: 'RETURN_FAILED' },
    ]);
  });
});
