import { Injectable } from '@nestjs/common';
import { Clock, assertAllowed, type AuthenticatedActor, type IdentityAction } from '@passage/shared';

/**
 * The identity service's door to the shared access policy: every resolver path asks here before it
 * reads or changes an organisation or a person. Refusals surface as FORBIDDEN with one fixed message.
 */
@Injectable()
export class IdentityAccess {
  constructor(private readonly clock: Clock) {}

  /** `organisation` is the one acted on (or the one a person belongs to); its id only matters. */
  authorise(actor: AuthenticatedActor, action: IdentityAction, organisation: { id: string } | null): void {
    assertAllowed(
      {
        userId: actor.userId,
        organisationId: actor.organisationId,
        organisationKind: actor.organisationKind,
        // A platform operator belongs to no country; no rule may match it by country.
        country: actor.country ?? '',
        stationedIn: actor.stationedIn,
        nodeId: actor.nodeId,
        roles: actor.roles,
      },
      action,
      organisation ? { organisationId: organisation.id } : null,
      this.clock.now(),
    );
  }
}
