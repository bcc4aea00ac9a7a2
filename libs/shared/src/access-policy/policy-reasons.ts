/**
 * Why an action was allowed. Audit records store the code, so each names the rule that let the actor in.
 */
export const ALLOW_REASONS = [
  /** The actor's own account. */
  'ALLOWED_SELF',
  /** A platform administrator administering identities. */
  'ALLOWED_PLATFORM_ADMIN',
  /** An organisation administrator administering users of their own organisation. */
  'ALLOWED_ORGANISATION_ADMIN',
  /** Reading the actor's own organisation. */
  'ALLOWED_OWN_ORGANISATION',
  /** The directory of participating organisations (who is who), never personal data. */
  'ALLOWED_DIRECTORY',
  /** An action that touches no existing record, open to the actor's organisation kind and role. */
  'ALLOWED_KIND',
  /** The actor's organisation owns the record. */
  'ALLOWED_OWNER',
  /** The actor's organisation holds an accepted referral or handoff for the record. */
  'ALLOWED_TEAM',
  /** The national referral coordinator of the record's jurisdiction. */
  'ALLOWED_JURISDICTION',
  /** Police of the record's jurisdiction to whom the record was assigned. */
  'ALLOWED_JURISDICTION_POLICE',
  /** A named, unexpired grant to live rescue data. */
  'ALLOWED_RESCUE_ACCESS',
  /** The organisation a pending referral, handoff or exit-clearance request is addressed to. */
  'ALLOWED_ADDRESSEE',
  /** The oversight body of the record's country, for audit. */
  'ALLOWED_OVERSIGHT',
] as const;

/**
 * Why an action was refused. None says whether a record exists: a missing record and a record the
 * actor has no need to know about both give `NO_NEED_TO_KNOW`, and the checks that come before it look
 * only at the actor and the action.
 */
export const DENY_REASONS = [
  /** Immigration organisations may only verify attestations and answer exit clearances addressed to them. */
  'FIREWALL_IMMIGRATION',
  /** The platform operator administers identities and never touches case work. */
  'NOT_PLATFORM_DATA',
  /** The actor's organisation kind never performs this action. */
  'KIND_NOT_PERMITTED',
  /** The actor lacks a role this action needs. */
  'ROLE_REQUIRED',
  /** The identity being administered belongs to another organisation. */
  'OUT_OF_ORGANISATION',
  /** The actor has no relation to the record (or there is no such record). */
  'NO_NEED_TO_KNOW',
  /** The survivor has not granted (or has withdrawn) the consent this purpose needs. */
  'CONSENT_REQUIRED',
] as const;

/** Why an action was allowed. */
export type AllowReason = (typeof ALLOW_REASONS)[number];

/** Why an action was refused. */
export type DenyReason = (typeof DENY_REASONS)[number];

/** Every reason the policy can give. */
export type PolicyReason = AllowReason | DenyReason;

/** The policy's answer, with the rule that produced it. */
export type Decision =
  | { readonly allowed: true; readonly reason: AllowReason }
  | { readonly allowed: false; readonly reason: DenyReason };

/** What the policy says about one data category of a record: show it, or replace it with `null`. */
export type FieldAccess = 'ALLOW' | 'REDACT';
