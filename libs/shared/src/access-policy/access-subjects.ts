import type { ConsentPurpose, DataCategory, OrganisationKind, Role } from '@passage/schemas';
import type { AccessAction, IdentityAction, NodeAction } from './access-actions.js';

/**
 * The authenticated person asking, as the access token describes them. Authentication has already
 * refused deactivated users and organisations, so the policy never sees them.
 */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  /** The kind of the actor's organisation: it bounds what the actor may ever do, whatever the roles. */
  readonly organisationKind: OrganisationKind;
  /**
   * ISO 3166-1 alpha-2 code of the organisation's country. For an `EMBASSY` this is the state it
   * represents, never the one it sits in, so no jurisdiction rule can match an embassy by its location.
   */
  readonly country: string;
  /** For an `EMBASSY`, the country where it is stationed; carried for callers, no rule depends on it. */
  readonly stationedIn?: string | null;
  /** The node the actor authenticated at; carried for audit records, no rule depends on it. */
  readonly nodeId: string;
  readonly roles: readonly Role[];
}

/** How a team member came to hold a record. */
export type TeamAccessRoute = 'REFERRAL' | 'HANDOFF';

/** An organisation with an accepted referral or handoff for a record, and what was shared with it. */
export interface TeamMembership {
  readonly organisationId: string;
  readonly via: TeamAccessRoute;
  /** The categories the referral or handoff packet carried; the member never sees more. */
  readonly sharedCategories: readonly DataCategory[];
}

/** A named person allowed to see live rescue data until a deadline. */
export interface RescueAccessGrant {
  readonly userId: string;
  /** Exclusive: the grant no longer holds at this instant. */
  readonly until: Date;
}

/**
 * What the policy needs to know about a record of case work (rescue request, compound, case, referral,
 * handoff, repatriation plan, exit-clearance request). Services build it from the record; the policy
 * never loads anything itself.
 */
export interface ResourceContext {
  /** The organisation that owns the record (opened the case, submitted the request). */
  readonly ownerOrganisationId: string;
  readonly ownerCountry: string;
  /** The country the record is about: where the compound is, where the case is handled. */
  readonly jurisdictionCountry: string;
  /** Organisations with an ACCEPTED referral or handoff for this record. Pending ones are not members. */
  readonly team: readonly TeamMembership[];
  /** Consent purposes the survivor currently grants; a withdrawn purpose is absent. */
  readonly consents: readonly ConsentPurpose[];
  /** Named people allowed to see live rescue data (rescue requests and compounds only). */
  readonly rescueAccess?: readonly RescueAccessGrant[];
  /**
   * The organisation a pending referral, a handoff offer or an exit-clearance request is addressed to
   * (the only one that may respond to it), or the one a follow-up task is assigned to.
   */
  readonly addressedToOrganisationId?: string | null;
  /**
   * Whether the survivor is under 18. Leave it unset while the age is unknown: the policy then reads
   * the record as a child's wherever that is the safer reading.
   */
  readonly subjectIsMinor?: boolean;
}

/**
 * The organisation an identity-administration action is about: the organisation itself, or the one a
 * user belongs to (or will belong to, for `user.create`).
 */
export interface OrganisationTarget {
  readonly organisationId: string;
}

/** The node an action on the node concerns: the countries it hosts. */
export interface NodeTarget {
  readonly hostedCountries: readonly string[];
}

/**
 * The resource shape an action takes: identity administration targets an organisation, case work a
 * record. Pass `null` when there is no record (creating one, listing, statistics) or when the record was
 * not found: the policy then answers exactly as it would for a record the actor may not see.
 */
export type ResourceFor<A extends AccessAction> = A extends IdentityAction
  ? OrganisationTarget
  : A extends NodeAction
    ? NodeTarget
    : ResourceContext;
