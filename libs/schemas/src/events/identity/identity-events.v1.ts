import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from '../../access/organisation-kinds.js';
import { defineEvent } from '../event-definition.js';

/**
 * Events of the identity service, all on the `identity-access` stream. They carry ids, kinds and
 * times, never names or e-mail addresses: every service that verifies tokens reads this stream.
 */
const IDENTITY_ACCESS = 'identity-access';
const country = z.string().regex(/^[A-Z]{2}$/);

export const organisationCreatedV1 = defineEvent({
  type: 'identity.organisation-created',
  version: 1,
  aggregateType: 'organisation',
  stream: IDENTITY_ACCESS,
  description: 'An organisation joined the mechanism on this node.',
  schema: z.object({
    organisationId: z.uuid(),
    kind: z.enum(ORGANISATION_KINDS),
    country: country.nullable(),
    stationedIn: country.nullable(),
    createdBy: z.uuid().nullable(),
  }),
});

export const userCreatedV1 = defineEvent({
  type: 'identity.user-created',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'A person got an account in an organisation.',
  schema: z.object({
    userId: z.uuid(),
    organisationId: z.uuid(),
    roles: z.array(z.enum(ROLES)),
    createdBy: z.uuid().nullable(),
  }),
});

export const userRolesAssignedV1 = defineEvent({
  type: 'identity.user-roles-assigned',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: "A person's roles changed; tokens issued before carry the old roles until they expire.",
  schema: z.object({
    userId: z.uuid(),
    organisationId: z.uuid(),
    roles: z.array(z.enum(ROLES)),
    assignedBy: z.uuid(),
  }),
});

/**
 * Separation of duties (ADR 024): an administrator asked for roles for a person; they take effect only
 * when a second party approves.
 */
export const roleGrantRequestedV1 = defineEvent({
  type: 'identity.role-grant-requested',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'An administrator asked for roles for a person; a second administrator must approve them.',
  schema: z.object({
    grantId: z.uuid(),
    userId: z.uuid(),
    organisationId: z.uuid(),
    roles: z.array(z.enum(ROLES)).min(1),
    requestedBy: z.uuid(),
  }),
});

export const roleGrantDecidedV1 = defineEvent({
  type: 'identity.role-grant-decided',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'A second party approved or declined a role grant, or a newer request withdrew it.',
  schema: z.object({
    grantId: z.uuid(),
    userId: z.uuid(),
    organisationId: z.uuid(),
    roles: z.array(z.enum(ROLES)).min(1),
    outcome: z.enum(['APPROVED', 'DECLINED', 'WITHDRAWN']),
    requestedBy: z.uuid(),
    decidedBy: z.uuid(),
  }),
});

export const enrolmentLinkIssuedV1 = defineEvent({
  type: 'identity.enrolment-link-issued',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'A one-time enrolment link was issued to a person (a new account, or a reset).',
  schema: z.object({
    userId: z.uuid(),
    organisationId: z.uuid(),
    issuedBy: z.uuid(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
});

export const sessionRevokedV1 = defineEvent({
  type: 'identity.session-revoked',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'A session ended before its time: logout, refresh-token reuse, or an administrator.',
  schema: z.object({
    sessionId: z.uuid(),
    userId: z.uuid(),
    reason: z.enum([
      'LOGOUT',
      'REFRESH_TOKEN_REUSE',
      'USER_DEACTIVATED',
      'ORGANISATION_DEACTIVATED',
      /** The person changed their password; their other sessions end. */
      'PASSWORD_CHANGED',
      /** An administrator issued a new enrolment link; the person's sessions end. */
      'CREDENTIALS_RESET',
    ]),
    revokedAt: z.iso.datetime({ offset: true }),
    /** When the session's last access token expires; verifiers can forget the session after that. */
    accessTokensValidUntil: z.iso.datetime({ offset: true }),
  }),
});

export const userDeactivatedV1 = defineEvent({
  type: 'identity.user-deactivated',
  version: 1,
  aggregateType: 'user',
  stream: IDENTITY_ACCESS,
  description: 'A person lost access; every token issued to them before this moment is refused.',
  schema: z.object({
    userId: z.uuid(),
    organisationId: z.uuid(),
    deactivatedAt: z.iso.datetime({ offset: true }),
    deactivatedBy: z.uuid(),
  }),
});

export const organisationDeactivatedV1 = defineEvent({
  type: 'identity.organisation-deactivated',
  version: 1,
  aggregateType: 'organisation',
  stream: IDENTITY_ACCESS,
  description:
    'An organisation left the mechanism; every token issued to its people before this moment is refused.',
  schema: z.object({
    organisationId: z.uuid(),
    deactivatedAt: z.iso.datetime({ offset: true }),
    deactivatedBy: z.uuid(),
  }),
});

/**
 * The organisation directory: what others need to address an organisation (its name, kind and country),
 * on a stream of its own so that the token verifiers' stream keeps carrying no names. Published when an
 * organisation joins and when it leaves (`active: false`).
 */
export const organisationListedV1 = defineEvent({
  type: 'identity.organisation-listed',
  version: 1,
  aggregateType: 'organisation',
  stream: 'organisation-directory',
  description: "An organisation's directory entry: name, kind, country, whether it is active.",
  schema: z.object({
    organisationId: z.uuid(),
    name: z.string().min(1).max(200),
    kind: z.enum(ORGANISATION_KINDS),
    country: country.nullable(),
    stationedIn: country.nullable(),
    active: z.boolean(),
    listedAt: z.iso.datetime({ offset: true }),
  }),
});
