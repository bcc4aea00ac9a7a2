import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ACCESS_DENIED_MESSAGE,
  type AuthenticatedActor,
  type CaseWorkAction,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { caseWorkErrors } from '../case-work.errors.js';
import type { PersonEntity } from '../person/entities/person.entity.js';
import { CaseRecords, type AuthorisedCase, type LoadedCase } from './case-records.js';

type CaseWorkErrorCode = Parameters<typeof caseWorkErrors.error>[0];

/** A person of a case, located for a change to one of their legal records. */
export interface LocatedPerson {
  loaded: LoadedCase;
  person: PersonEntity;
  personContext: ResourceContext;
}

/**
 * Access to the legal records that hang off a person (follow-up tasks, detention, penalties,
 * non-punishment notices). Each says that the person was identified, detained, fined or charged, so
 * besides the action's own rule, whoever changes one must see the person's LEGAL data on the case; an
 * actor who may not is answered as if the record did not exist.
 */
@Injectable()
export class LegalRecordAccess {
  constructor(
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
  ) {}

  /**
   * For a record about to be created for a person the caller names: the action's rule first (on the
   * person's own consents and age), then LEGAL visibility. The case row is locked, so changes to one
   * case's legal records follow one another.
   */
  async authorisePerson(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    caseId: string,
    personId: string,
  ): Promise<AuthorisedCase & { person: PersonEntity; personContext: ResourceContext }> {
    const authorised = await this.records.authorisePerson(
      manager,
      actor,
      action,
      caseId,
      personId,
      'personId',
      { lock: true },
    );
    // The caller already knows the case and the person: refusing says nothing it did not know.
    if (!this.seesLegal(actor, authorised.personContext)) {
      throw caseWorkErrors.error('LEGAL_NOT_VISIBLE', ACCESS_DENIED_MESSAGE);
    }
    return authorised;
  }

  /**
   * For an existing record the caller names by its id (`record`, null when there is no such record):
   * the case and person it belongs to. A missing record, and one whose person's LEGAL data the caller
   * may not see, get the same refusal: the policy's answer for no record, else `notFound` naming
   * `field`. The action's own rule is then the caller's to ask, on `personContext`.
   */
  async locate<TRecord extends { caseId: string; personId: string }>(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    record: TRecord | null,
    refusal: { field: string; notFound: CaseWorkErrorCode },
  ): Promise<LocatedPerson & { record: TRecord }> {
    const loaded = record ? await this.records.load(manager, record.caseId) : null;
    const person = loaded?.persons.find((candidate) => candidate.id === record?.personId);
    const personContext = loaded && person ? this.records.personContext(loaded, person) : null;
    if (!record || !loaded || !person || !personContext || !this.seesLegal(actor, personContext)) {
      this.access.authorise(actor, action, null);
      throw caseWorkErrors.error(refusal.notFound, 'no such record', { field: refusal.field });
    }
    return { loaded, person, personContext, record };
  }

  /** Whether the caller sees the person's LEGAL data when reading the case. */
  seesLegal(actor: AuthenticatedActor, personContext: ResourceContext): boolean {
    return this.access.visibleCategories(actor, 'case.read', personContext, ['LEGAL']).LEGAL === 'ALLOW';
  }
}
