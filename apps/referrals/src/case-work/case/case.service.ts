import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { caseOpenedV1, massIntakeRegisteredV1, type DataCategory } from '@passage/schemas';
import {
  ACCESS_DENIED_MESSAGE,
  decodeCursor,
  toConnection,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import { CaseAudit, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { CaseDueTimes } from '../due-times/case-due-times.js';
import { PersonEntity } from '../person/entities/person.entity.js';
import type { MassIntakePersonValue, PersonInputValue } from '../person/dtos/person.input.js';
import { PERSON_FIELD_CATEGORIES, personalFields, type PersonField } from '../person/person-fields.js';
import { allocateCaseReferences } from './case-reference.js';
import { CASE_OPENING_RESCUE_OUTCOMES, type CaseOrigin } from './case-vocabulary.js';
import { CaseViewReader } from './case-view.reader.js';
import { Cases } from './cases.repository.js';
import type { CaseFilterValue, OpenCaseValue, RegisterMassIntakeValue } from './dtos/case.inputs.js';
import { CaseEntity } from './entities/case.entity.js';
import type { CaseModel, CaseSummaryModel, RegisterMassIntakePayload } from './graphql/case.model.js';

/** Rows per INSERT when registering many people (20 columns each, far below the bind-parameter limit). */
const PEOPLE_PER_STATEMENT = 1_000;

/** Cases and the people in them: opening one, registering a mass intake, reading and listing. */
@Injectable()
export class CaseService {
  constructor(
    private readonly work: UnitOfWork,
    // Reads run their own transaction: getCase audits through the view, listCases only when it shows rows.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReferralsAccess,
    private readonly audit: CaseAudit,
    private readonly views: CaseViewReader,
    private readonly cases: Cases,
    private readonly dueTimes: CaseDueTimes,
  ) {}

  openCase(actor: AuthenticatedActor, input: OpenCaseValue): Promise<CaseModel> {
    return this.work.run(actor, {
      action: 'case.open',
      authorise: () => ({
        decision: this.access.authorise(actor, 'case.open', null),
        jurisdictionCountry: jurisdictionOf(actor),
      }),
      execute: async ({ manager, now, emit }, { jurisdictionCountry }) => {
        if (input.rescueRequestId) {
          await this.assertCaseCanOpenFromRescue(manager, input.rescueRequestId, jurisdictionCountry);
        }
        const year = now.getUTCFullYear();
        const [reference] = await allocateCaseReferences(manager, jurisdictionCountry, year, 1);
        const record = this.newCase(actor, jurisdictionCountry, reference, input.origin, now, {
          rescueRequestId: input.rescueRequestId,
          massIntakeId: null,
        });
        await manager.insert(CaseEntity, record);
        const persons = input.people.map((person) => newPerson(record.id, person, now));
        await insertPeople(manager, persons);
        await this.dueTimes.start(manager, [record]);
        await emit(caseOpenedV1, {
          aggregateId: record.id,
          payload: openedPayload(
            record,
            persons.map((person) => person.id),
          ),
        });
        return record.id;
      },
      audit: (_, caseId) => ({ resourceType: 'case', resourceId: caseId, ...writtenFields(input.people) }),
      // A created record is read back through its read action, like any other read.
      view: ({ manager }, _, caseId) => this.views.read(manager, actor, caseId),
    });
  }

  /**
   * Registers a raid's worth of people in one transaction: one case each, inserted a thousand rows at a
   * time, a `case.opened` per case written as a batch, one summary event and one audit record.
   */
  registerMassIntake(
    actor: AuthenticatedActor,
    input: RegisterMassIntakeValue,
  ): Promise<RegisterMassIntakePayload> {
    const massIntakeId = randomUUID();
    return this.work.run(actor, {
      action: 'mass-intake.register',
      authorise: () => ({
        decision: this.access.authorise(actor, 'mass-intake.register', null),
        jurisdictionCountry: jurisdictionOf(actor),
      }),
      execute: async ({ manager, now, emit, emitAll }, { jurisdictionCountry }) => {
        const references = await allocateCaseReferences(
          manager,
          jurisdictionCountry,
          now.getUTCFullYear(),
          input.people.length,
        );
        const cases = references.map((reference) =>
          this.newCase(actor, jurisdictionCountry, reference, 'MASS_INTAKE', now, {
            rescueRequestId: null,
            massIntakeId,
          }),
        );
        const persons = input.people.map((person, index) => newPerson(cases[index].id, person, now));
        for (let start = 0; start < cases.length; start += PEOPLE_PER_STATEMENT) {
          await manager.insert(CaseEntity, cases.slice(start, start + PEOPLE_PER_STATEMENT));
        }
        await insertPeople(manager, persons);
        await this.dueTimes.start(manager, cases);
        await emitAll(
          caseOpenedV1,
          cases.map((record, index) => ({
            aggregateId: record.id,
            payload: openedPayload(record, [persons[index].id]),
          })),
        );
        await emit(massIntakeRegisteredV1, {
          aggregateId: massIntakeId,
          payload: {
            massIntakeId,
            ownerOrganisationId: actor.organisationId,
            jurisdictionCountry,
            caseCount: cases.length,
            registeredBy: actor.userId,
            registeredAt: now.toISOString(),
          },
        });
        return {
          massIntakeId,
          caseCount: cases.length,
          cases: cases.map((record, index) => ({
            caseId: record.id,
            personId: persons[index].id,
            reference: record.reference,
          })),
        };
      },
      audit: () => ({
        resourceType: 'mass-intake',
        resourceId: massIntakeId,
        ...writtenFields(input.people),
      }),
    });
  }

  async getCase(actor: AuthenticatedActor, caseId: string): Promise<CaseModel> {
    return this.dataSource.transaction((manager) => this.views.read(manager, actor, caseId));
  }

  /**
   * The cases the caller may read, newest first, as operational summaries only. The query selects by
   * the same relations the policy accepts for `case.read` (owner, coordinator or oversight body of the
   * jurisdiction), and every row is still put to the policy before it is returned.
   */
  async listCases(
    actor: AuthenticatedActor,
    filter: CaseFilterValue,
    page: { first: number; after?: string | null },
  ) {
    // Refuses, before any query, whoever may not read even a case of their own (immigration, a platform
    // operator, a person without a case role).
    const ownRecord: ResourceContext = {
      ownerOrganisationId: actor.organisationId,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry: actor.country ?? '',
      team: [],
      consents: [],
    };
    const gate = this.access.authorise(actor, 'case.read', ownRecord);
    return this.dataSource.transaction(async (manager) => {
      const query = manager.getRepository(CaseEntity).createQueryBuilder('c');
      const jurisdictionWide =
        actor.organisationKind === 'NRM_COORDINATOR' || actor.organisationKind === 'OVERSIGHT';
      if (jurisdictionWide && actor.country) {
        query.where('(c.owner_organisation_id = :organisationId OR c.jurisdiction_country = :country)', {
          organisationId: actor.organisationId,
          country: actor.country,
        });
      } else {
        query.where('c.owner_organisation_id = :organisationId', { organisationId: actor.organisationId });
      }
      if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
      if (filter.origin) query.andWhere('c.origin = :origin', { origin: filter.origin });
      if (typeof filter.overdue === 'boolean') {
        const { where, parameters } = this.dueTimes.overdueFilter('c', filter.overdue);
        query.andWhere(where, parameters);
      }
      const totalCount = await query.getCount();
      if (page.after) {
        const { createdAt, id } = decodeCursor(page.after);
        query.andWhere('(c.created_at, c.id) < (:createdAt, :id)', { createdAt, id });
      }
      const rows = await query
        .orderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .take(page.first + 1)
        .getMany();
      const summaries = await this.summaries(manager, rows);
      const visible = rows.filter((row) => {
        const allowed = this.access.visibleCategories(
          actor,
          'case.read',
          {
            ownerOrganisationId: row.ownerOrganisationId,
            ownerCountry: row.ownerCountry,
            jurisdictionCountry: row.jurisdictionCountry,
            team: [],
            consents: [],
          },
          ['OPERATIONAL'],
        );
        return allowed.OPERATIONAL === 'ALLOW';
      });
      const connection = toConnection(visible, page.first, totalCount, (row) => summaries.get(row.id)!);
      if (connection.edges.length > 0) {
        await this.audit.recordAudit(manager, actor, {
          action: 'case.read',
          decision: gate,
          resourceType: 'case',
          resourceId: null,
          categories: ['OPERATIONAL'],
          fields: ['people.ageBand', 'people.urgentMedicalNeed'],
        });
      }
      return connection;
    });
  }

  private async summaries(
    manager: EntityManager,
    rows: CaseEntity[],
  ): Promise<Map<string, CaseSummaryModel>> {
    const counts = await this.cases.peopleSummaries(
      manager,
      rows.map((row) => row.id),
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          reference: row.reference,
          origin: row.origin,
          status: row.status,
          ownerOrganisationId: row.ownerOrganisationId,
          jurisdictionCountry: row.jurisdictionCountry,
          openedAt: row.openedAt,
          personCount: counts.get(row.id)?.people ?? 0,
          possibleMinorCount: counts.get(row.id)?.minors ?? 0,
          urgentMedicalNeed: counts.get(row.id)?.urgent ?? false,
        },
      ]),
    );
  }

  /**
   * A case may be opened from a rescue request only on the jurisdiction's copy of a request resolved
   * with the people out (released, escaped, ransomed), in the caller's own jurisdiction. Every other
   * case, including a request that does not exist, gets the same answer.
   */
  private async assertCaseCanOpenFromRescue(
    manager: EntityManager,
    rescueRequestId: string,
    jurisdictionCountry: string,
  ): Promise<void> {
    if (
      !(await this.cases.rescueResolvedAs(
        manager,
        rescueRequestId,
        CASE_OPENING_RESCUE_OUTCOMES,
        jurisdictionCountry,
      ))
    ) {
      throw caseWorkErrors.error(
        'RESCUE_REQUEST_NOT_ELIGIBLE',
        'must be a rescue request of your jurisdiction resolved as released, escaped or ransomed',
        { field: 'rescueRequestId' },
      );
    }
  }

  private newCase(
    actor: AuthenticatedActor,
    jurisdictionCountry: string,
    reference: string,
    origin: CaseOrigin,
    now: Date,
    links: { rescueRequestId: string | null; massIntakeId: string | null },
  ): CaseEntity {
    return {
      id: randomUUID(),
      reference,
      ownerOrganisationId: actor.organisationId,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry,
      origin,
      rescueRequestId: links.rescueRequestId,
      massIntakeId: links.massIntakeId,
      status: 'OPEN',
      openedBy: actor.userId,
      openedAt: now,
      closedAt: null,
      outcome: null,
      createdAt: now,
    };
  }
}

/**
 * Where the actor's cases are handled: the actor's own country, except for an embassy, whose cases are
 * handled where it is stationed (its `country` is the state it represents).
 */
export function jurisdictionOf(actor: AuthenticatedActor): string {
  const country = actor.organisationKind === 'EMBASSY' ? actor.stationedIn : actor.country;
  if (!country) {
    // The policy already refused organisations without a country; this guards the invariant.
    throw caseWorkErrors.error('NO_JURISDICTION', ACCESS_DENIED_MESSAGE);
  }
  return country;
}

/** A person as registered (version 1): by intake, or added to a case later. */
export function newPerson(
  caseId: string,
  person: PersonInputValue | MassIntakePersonValue,
  now: Date,
): PersonEntity {
  const full: Partial<PersonInputValue> = person;
  return {
    id: randomUUID(),
    caseId,
    name: person.name,
    alias: person.alias,
    nationality: person.nationality,
    gender: person.gender,
    // Recorded through person maintenance; intake takes the age band.
    dateOfBirth: null,
    ageBand: person.ageBand,
    languages: person.languages,
    immediateNeeds: person.immediateNeeds,
    pregnant: full.pregnant ?? null,
    urgentMedicalNeed: person.urgentMedicalNeed,
    medicalNotes: full.medicalNotes ?? null,
    documentType: full.documentType ?? null,
    documentNumber: full.documentNumber ?? null,
    contact: full.contact ?? null,
    narrative: full.narrative ?? null,
    sexualViolenceDisclosed: full.sexualViolenceDisclosed ?? null,
    currentLocation: full.currentLocation ?? null,
    doNotContact: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

async function insertPeople(manager: EntityManager, persons: PersonEntity[]): Promise<void> {
  for (let start = 0; start < persons.length; start += PEOPLE_PER_STATEMENT) {
    await manager.insert(PersonEntity, persons.slice(start, start + PEOPLE_PER_STATEMENT));
  }
}

function openedPayload(record: CaseEntity, personIds: string[]) {
  return {
    caseId: record.id,
    reference: record.reference,
    origin: record.origin,
    ownerOrganisationId: record.ownerOrganisationId,
    ownerCountry: record.ownerCountry,
    jurisdictionCountry: record.jurisdictionCountry,
    rescueRequestId: record.rescueRequestId,
    massIntakeId: record.massIntakeId,
    personIds,
    openedBy: record.openedBy,
    openedAt: record.openedAt.toISOString(),
  };
}

/** The personal fields the people were registered with (given a value), and their categories. */
function writtenFields(people: readonly (PersonInputValue | MassIntakePersonValue)[]): {
  fields: string[];
  categories: DataCategory[];
} {
  const given = new Set<PersonField>();
  for (const person of people) {
    for (const [field, value] of Object.entries(person)) {
      const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
      if (!empty && Object.hasOwn(PERSON_FIELD_CATEGORIES, field)) given.add(field as PersonField);
    }
  }
  const fields = personalFields(given);
  return {
    fields: fields.map((field) => `people.${field}`),
    categories: [...new Set(fields.map((field) => PERSON_FIELD_CATEGORIES[field]))],
  };
}
