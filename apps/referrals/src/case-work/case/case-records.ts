import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentPurpose } from '@passage/schemas';
import {
  type AllowedDecision,
  type AuthenticatedActor,
  type CaseWorkAction,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { caseWorkErrors, refuseClosedCase } from '../case-work.errors.js';
import { ConsentEntity } from '../consent/entities/consent.entity.js';
import { PersonEntity } from '../person/entities/person.entity.js';
import {
  caseResourceContext,
  loadCaseTeam,
  personResourceContext,
  type CaseTeamMember,
} from './case-resource-context.js';
import { CaseEntity } from './entities/case.entity.js';

/** A case with its people and their standing consents, as the policy needs it. */
export interface LoadedCase {
  record: CaseEntity;
  persons: PersonEntity[];
  /** Standing (not withdrawn) consent purposes per person id. */
  standingConsents: ReadonlyMap<string, readonly ConsentPurpose[]>;
  /** Organisations with an accepted referral or handoff, and what each was given. */
  team: readonly CaseTeamMember[];
  /** The policy's view of the case as a whole. */
  context: ResourceContext;
}

/** A case the actor was allowed to act on, with the decision that let them in. */
export interface AuthorisedCase extends LoadedCase {
  decision: AllowedDecision;
}

/**
 * Loads cases for the use cases of every case-work context and asks the policy about them. Consents are
 * read fresh from the database on every load, so a withdrawal takes effect on the very next request.
 */
/**
 * What a closed case no longer takes until it is reopened: new work on it. Withdrawing a consent,
 * revoking an attestation and answering what others asked stay possible, because they protect the person
 * or close someone else's loop.
 */
const CLOSED_CASE_REFUSES: ReadonlySet<CaseWorkAction> = new Set<CaseWorkAction>([
  'consent.record',
  'interview.record',
  'screening.record',
  'identification.decide',
  'follow-up.work',
  'detention.record',
  'attestation.issue',
  'referral.create',
  'handoff.offer',
  'repatriation.plan',
  'stay-pathway.plan',
  'person.update',
  'person.add',
]);

@Injectable()
export class CaseRecords {
  constructor(private readonly access: ReferralsAccess) {}

  async load(
    manager: EntityManager,
    caseId: string,
    options: { lock?: boolean } = {},
  ): Promise<LoadedCase | null> {
    const record = await manager.getRepository(CaseEntity).findOne({
      where: { id: caseId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record) return null;
    const persons = await manager
      .getRepository(PersonEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const consents = await manager
      .getRepository(ConsentEntity)
      .createQueryBuilder('c')
      .select(['c.personId', 'c.purpose'])
      .where('c.case_id = :caseId AND c.withdrawn_at IS NULL', { caseId })
      .getMany();
    const standingConsents = new Map<string, ConsentPurpose[]>();
    for (const consent of consents) {
      standingConsents.set(consent.personId, [
        ...(standingConsents.get(consent.personId) ?? []),
        consent.purpose,
      ]);
    }
    const team = await loadCaseTeam(manager, caseId);
    return {
      record,
      persons,
      standingConsents,
      team,
      context: caseResourceContext(record, persons, standingConsents, team),
    };
  }

  /**
   * Loads the case and asks the policy whether `actor` may perform `action` on it. A case that does not
   * exist is refused exactly like one the actor may not see, so a refusal never tells which it was.
   */
  async authorise(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    caseId: string,
    options: { lock?: boolean } = {},
  ): Promise<AuthorisedCase> {
    const loaded = await this.load(manager, caseId, options);
    if (!loaded) {
      this.access.authorise(actor, action, null);
      // Only reachable if a rule ever allowed an action without a record; still say nothing more.
      throw caseWorkErrors.error('CASE_NOT_FOUND', 'No such case.', { field: 'caseId' });
    }
    const decision = this.access.authorise(actor, action, loaded.context);
    // Only after the policy let the actor in: a refusal must not tell outsiders that a case is closed.
    if (CLOSED_CASE_REFUSES.has(action)) refuseClosedCase(loaded.record);
    return { ...loaded, decision };
  }

  /**
   * Like {@link authorise}, for an action on one person of the case: decided against that person's own
   * consents and age. A person who is not in the case is NOT_FOUND (the caller may see the case already).
   */
  async authorisePerson(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    caseId: string,
    personId: string,
    personField: string,
    options: { lock?: boolean } = {},
  ): Promise<AuthorisedCase & { person: PersonEntity; personContext: ResourceContext }> {
    const authorised = await this.authorise(manager, actor, action, caseId, options);
    const person = authorised.persons.find((candidate) => candidate.id === personId);
    if (!person) {
      throw caseWorkErrors.error('PERSON_NOT_IN_CASE', 'no such person in this case', { field: personField });
    }
    const personContext = this.personContext(authorised, person);
    return {
      ...authorised,
      person,
      personContext,
      decision: this.access.authorise(actor, action, personContext),
    };
  }

  personContext(loaded: LoadedCase, person: PersonEntity): ResourceContext {
    return personResourceContext(
      loaded.record,
      person,
      loaded.standingConsents.get(person.id) ?? [],
      loaded.team,
    );
  }
}
