import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DATA_CATEGORIES, personAddedV1, personUpdatedV1, type DataCategory } from '@passage/schemas';
import { Clock, type AuthenticatedActor, type CaseWorkAction, type ResourceContext } from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { personResourceContext } from '../case/case-resource-context.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import { newPerson } from '../case/case.service.js';
import { MAX_PEOPLE_PER_CASE } from '../case/dtos/case.inputs.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import { caseWorkErrors, refuseFutureBirthDate } from '../case-work.errors.js';
import type { AddPersonToCaseValue, UpdatePersonValue } from './dtos/person-maintenance.inputs.js';
import { PersonLinkEntity } from './entities/person-link.entity.js';
import { PersonRevisionEntity } from './entities/person-revision.entity.js';
import { PersonEntity } from './entities/person.entity.js';
import {
  EDITABLE_PERSON_FIELDS,
  documentChanged,
  planPersonChange,
  settledAgeBand,
  type PersonFieldChange,
  type PersonPatch,
} from './person-changes.js';
import { PersonDocumentHooks } from './person-document-hooks.js';
import { PERSON_FIELD_CATEGORIES, writtenPersonFields, type PersonField } from './person-fields.js';
import { CaseDueTimes } from '../due-times/case-due-times.js';

/** The categories that record what a person disclosed: an event flags their change without naming it. */
const DISCLOSURE_CATEGORIES: ReadonlySet<DataCategory> = new Set(['NARRATIVE', 'HEALTH', 'SEXUAL_VIOLENCE']);

/**
 * Keeping a person's record true after intake (a travel document issued later, a date of birth, where
 * the person is now) and adding someone to a case. Each change makes a new version with a revision that
 * says who changed which field from what to what, an audit entry and an event.
 */
@Injectable()
export class PersonMaintenanceService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly views: CaseViewReader,
    // A date of birth in the future is refused before the case is even looked up.
    private readonly clock: Clock,
    private readonly documentHooks: PersonDocumentHooks,
    private readonly dueTimes: CaseDueTimes,
  ) {}

  async updatePerson(actor: AuthenticatedActor, input: UpdatePersonValue): Promise<CaseModel> {
    if (input.dateOfBirth) refuseFutureBirthDate(input.dateOfBirth, this.clock.now(), 'dateOfBirth');
    const patch = patchOf(input);
    const given = Object.keys(patch) as (keyof PersonPatch)[];
    return this.work.run(actor, {
      action: 'person.update',
      authorise: async (manager) => {
        const authorised = await this.records.authorisePerson(
          manager,
          actor,
          'person.update',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        );
        this.refuseUnseenFields(actor, 'person.update', authorised.personContext, given, '');
        return authorised;
      },
      execute: async ({ manager, now, emit }, { record, person }) => {
        if (input.expectedVersion !== null && input.expectedVersion !== person.version) {
          throw caseWorkErrors.error(
            'PERSON_VERSION_CONFLICT',
            `the person is at version ${person.version} now; read it again and redo the change`,
            { field: 'expectedVersion' },
          );
        }
        const { next, changes } = planPersonChange(person, patch, isoDate(now));
        // Values equal to the recorded ones change nothing: no new version, no event.
        if (changes.length === 0) return;
        const version = person.version + 1;
        await manager.update(PersonEntity, { id: person.id }, { ...next, version, updatedAt: now });
        await manager.insert(PersonRevisionEntity, {
          personId: person.id,
          version,
          caseId: record.id,
          changes,
          changedBy: actor.userId,
          changedByOrganisationId: actor.organisationId,
          changedAt: now,
        });
        if (documentChanged(changes) && next.documentType !== null && next.documentNumber !== null) {
          await this.documentHooks.run(manager, {
            caseId: record.id,
            personId: person.id,
            documentType: next.documentType,
            documentNumber: next.documentNumber,
            recordedBy: actor.userId,
            at: now,
          });
        }
        await emit(personUpdatedV1, {
          aggregateId: record.id,
          payload: {
            caseId: record.id,
            personId: person.id,
            version,
            ...announcedFields(changes),
            changedBy: actor.userId,
            changedByOrganisationId: actor.organisationId,
            changedAt: now.toISOString(),
          },
        });
      },
      audit: () => ({ resourceType: 'case', resourceId: input.caseId, ...writtenPersonFields(given) }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  async addPerson(actor: AuthenticatedActor, input: AddPersonToCaseValue): Promise<CaseModel> {
    if (input.dateOfBirth) refuseFutureBirthDate(input.dateOfBirth, this.clock.now(), 'dateOfBirth');
    const given = registeredFields(input);
    const personId = randomUUID();
    return this.work.run(actor, {
      action: 'person.add',
      authorise: async (manager) => {
        const authorised = await this.records.authorise(manager, actor, 'person.add', input.caseId, {
          lock: true,
        });
        if (!authorised.persons.some((person) => person.id === input.relatedPersonId)) {
          throw caseWorkErrors.error('PERSON_NOT_IN_CASE', 'no such person in this case', {
            field: 'relatedPersonId',
          });
        }
        // Decided for the person being added: no consents yet, their own age, no referral of their own.
        const context = personResourceContext(
          authorised.record,
          { id: personId, ageBand: input.person.ageBand },
          [],
          authorised.team,
        );
        this.refuseUnseenFields(actor, 'person.add', context, given, 'person.');
        return authorised;
      },
      execute: async ({ manager, now, emit }, { record, persons }) => {
        if (persons.length >= MAX_PEOPLE_PER_CASE) {
          throw caseWorkErrors.error('CASE_FULL', `a case holds at most ${MAX_PEOPLE_PER_CASE} people`, {
            field: 'person',
          });
        }
        const person = { ...newPerson(record.id, input.person, now), id: personId };
        if (input.dateOfBirth) {
          person.dateOfBirth = input.dateOfBirth;
          person.ageBand = settledAgeBand(input.dateOfBirth, person.ageBand, isoDate(now), 'person.ageBand');
        }
        await manager.insert(PersonEntity, person);
        const link: PersonLinkEntity = {
          id: randomUUID(),
          caseId: record.id,
          personId: person.id,
          relatedPersonId: input.relatedPersonId,
          relationship: input.relationship,
          recordedBy: actor.userId,
          recordedByOrganisationId: actor.organisationId,
          recordedAt: now,
        };
        await manager.insert(PersonLinkEntity, link);
        // A newcomer has not been screened or decided on: a step the case had met is due again.
        await this.dueTimes.refresh(manager, input.caseId, now);
        await emit(personAddedV1, {
          aggregateId: record.id,
          payload: {
            caseId: record.id,
            personId: person.id,
            relatedPersonId: link.relatedPersonId,
            relationship: link.relationship,
            addedBy: actor.userId,
            addedByOrganisationId: actor.organisationId,
            addedAt: now.toISOString(),
          },
        });
      },
      audit: () => {
        const written = writtenPersonFields(given);
        return {
          resourceType: 'case',
          resourceId: input.caseId,
          fields: [...written.fields, 'personLinks.relationship'],
          categories: [...new Set<DataCategory>([...written.categories, 'OPERATIONAL'])],
        };
      },
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  /**
   * Need to know holds for writing as for reading: a field of a category the caller may not see through
   * this action is refused, so no one overwrites (or learns by trying) what is hidden from them.
   */
  private refuseUnseenFields(
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    context: ResourceContext,
    fields: readonly PersonField[],
    prefix: string,
  ): void {
    const decision = this.access.visibleCategories(actor, action, context, DATA_CATEGORIES);
    const unseen = fields.find((field) => decision[PERSON_FIELD_CATEGORIES[field]] !== 'ALLOW');
    if (unseen !== undefined) {
      throw caseWorkErrors.error(
        'CATEGORY_NOT_VISIBLE',
        `holds ${PERSON_FIELD_CATEGORIES[unseen]} data, which your organisation may not see here`,
        { field: `${prefix}${unseen}` },
      );
    }
  }
}

/** The fields an update sets or clears (left-out fields are absent or undefined). */
function patchOf(input: UpdatePersonValue): PersonPatch {
  const patch: Record<string, unknown> = {};
  for (const field of EDITABLE_PERSON_FIELDS) {
    if (input[field] !== undefined) patch[field] = input[field];
  }
  return patch as PersonPatch;
}

/** The fields a person is added with: those given a value, and the date of birth when known. */
function registeredFields(input: AddPersonToCaseValue): PersonField[] {
  const fields = (Object.entries(input.person) as [PersonField, unknown][])
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .map(([field]) => field);
  return input.dateOfBirth ? [...fields, 'dateOfBirth'] : fields;
}

/** What the event says of the changes: field names outside the disclosure categories, and a flag. */
function announcedFields(changes: readonly PersonFieldChange[]) {
  const restricted = (change: PersonFieldChange) =>
    DISCLOSURE_CATEGORIES.has(PERSON_FIELD_CATEGORIES[change.field]);
  return {
    changedFields: changes.filter((change) => !restricted(change)).map((change) => change.field),
    restrictedFieldsChanged: changes.some(restricted),
  };
}

/** The calendar date of `at` in UTC, as ISO. */
function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
