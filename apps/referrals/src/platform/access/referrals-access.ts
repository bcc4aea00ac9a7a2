import { Injectable } from '@nestjs/common';
import { CONSENT_PURPOSES, type DataCategory } from '@passage/schemas';
import {
  Clock,
  assertAllowed,
  decideFields,
  type Actor,
  type AllowedDecision,
  type AuthenticatedActor,
  type CaseWorkAction,
  type FieldAccess,
  type ResourceContext,
} from '@passage/shared';

/** The policy's view of the caller (a platform operator has no country; no rule may match it by one). */
export function policyActor(actor: AuthenticatedActor): Actor {
  return {
    userId: actor.userId,
    organisationId: actor.organisationId,
    organisationKind: actor.organisationKind,
    country: actor.country ?? '',
    stationedIn: actor.stationedIn,
    nodeId: actor.nodeId,
    roles: actor.roles,
  };
}

/**
 * The referrals service's door to the shared access policy. Every resolver path asks `authorise` before
 * touching a record (with `null` for a record that does not exist, so a refusal never tells whether it
 * does), and `visibleCategories` before shaping what it returns.
 */
@Injectable()
export class ReferralsAccess {
  constructor(private readonly clock: Clock) {}

  authorise(
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    resource: ResourceContext | null,
  ): AllowedDecision {
    return assertAllowed(policyActor(actor), action, resource, this.clock.now());
  }

  /**
   * For lists: refuses outright when the actor could not read even a record of its own organisation and
   * country (an immigration authority, the platform operator); every row is then still checked one by one.
   * The imagined record has every consent: consent is decided per row, not for the list.
   */
  authoriseAny(actor: AuthenticatedActor, action: CaseWorkAction): void {
    const ownRecord: ResourceContext = {
      ownerOrganisationId: actor.organisationId,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry: actor.country ?? '',
      team: [],
      consents: CONSENT_PURPOSES,
    };
    assertAllowed(policyActor(actor), action, ownRecord, this.clock.now());
  }

  visibleCategories<C extends DataCategory>(
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    resource: ResourceContext,
    categories: readonly C[],
  ): Record<C, FieldAccess> {
    return decideFields(policyActor(actor), action, resource, categories, this.clock.now());
  }
}
