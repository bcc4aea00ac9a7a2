import { z } from 'zod';
import { DATA_CATEGORIES } from '../../access/data-categories.js';
import { defineEvent } from '../event-definition.js';

/**
 * Referrals inside one country, from a case to a service of the services directory. Events carry ids,
 * codes, categories and times: never a name, a note, a decline explanation or an outcome text, since a
 * caseworker's free text can hold anything a survivor said.
 */
const REFERRALS_STREAM = 'referrals';
const REFERRAL_AGGREGATE = 'referral';
const country = z.string().regex(/^[A-Z]{2}$/);
const instant = z.iso.datetime({ offset: true });

/**
 * The kinds of service the directory lists and a referral asks for. VULNERABLE_MIGRANT_SUPPORT serves
 * migrants in need whatever a screening found, so that a person screened NOT_INDICATED is referred on
 * rather than dropped.
 */
export const SERVICE_TYPES = [
  'SHELTER',
  'MEDICAL',
  'PSYCHOSOCIAL',
  'LEGAL_AID',
  'INTERPRETATION',
  'CONSULAR',
  'CHILD_PROTECTION',
  'FAMILY_TRACING',
  'LIVELIHOOD',
  'REPATRIATION_SUPPORT',
  'VULNERABLE_MIGRANT_SUPPORT',
] as const;
/** A kind of service. */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * The states of a referral: PENDING → ACCEPTED | DECLINED; ACCEPTED → IN_PROGRESS; IN_PROGRESS →
 * COMPLETED; the sender may withdraw it until it is completed or declined.
 */
export const REFERRAL_STATUSES = [
  'PENDING',
  'ACCEPTED',
  'DECLINED',
  'IN_PROGRESS',
  'COMPLETED',
  'WITHDRAWN',
] as const;
/** A state of a referral. */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Why a service declined a referral; the free-text explanation stays on the node. */
export const REFERRAL_DECLINE_REASONS = [
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'CANNOT_CONTACT',
  'SURVIVOR_REFUSED',
  'OTHER',
] as const;
/** A structured reason for declining. */
export type ReferralDeclineReason = (typeof REFERRAL_DECLINE_REASONS)[number];

/** How a completed referral ended. */
export const REFERRAL_OUTCOMES = [
  'SERVICE_PROVIDED',
  'PARTIALLY_PROVIDED',
  'SURVIVOR_LEFT',
  'REFERRED_ONWARD',
  'NOT_PROVIDED',
] as const;
/** The outcome of a completed referral. */
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const referralCreatedV1 = defineEvent({
  type: 'referral.created',
  version: 1,
  aggregateType: REFERRAL_AGGREGATE,
  stream: REFERRALS_STREAM,
  description: 'A case worker referred one person of a case to a service; it waits for the provider.',
  schema: z.object({
    referralId: z.uuid(),
    caseId: z.uuid(),
    personId: z.uuid(),
    serviceId: z.uuid(),
    serviceType: z.enum(SERVICE_TYPES),
    fromOrganisationId: z.uuid(),
    toOrganisationId: z.uuid(),
    jurisdictionCountry: country,
    sharedCategories: z.array(z.enum(DATA_CATEGORIES)),
    createdBy: z.uuid(),
    createdAt: instant,
    dueAt: instant,
  }),
});

export const referralAcceptedV1 = defineEvent({
  type: 'referral.accepted',
  version: 1,
  aggregateType: REFERRAL_AGGREGATE,
  stream: REFERRALS_STREAM,
  description: 'The provider accepted a referral and now sees the categories it carries.',
  schema: z.object({
    referralId: z.uuid(),
    caseId: z.uuid(),
    toOrganisationId: z.uuid(),
    respondedBy: z.uuid(),
    respondedAt: instant,
    dueAt: instant,
  }),
});

export const referralDeclinedV1 = defineEvent({
  type: 'referral.declined',
  version: 1,
  aggregateType: REFERRAL_AGGREGATE,
  stream: REFERRALS_STREAM,
  description: 'The provider declined a referral, with a structured reason; it never saw the case.',
  schema: z.object({
    referralId: z.uuid(),
    caseId: z.uuid(),
    toOrganisationId: z.uuid(),
    reason: z.enum(REFERRAL_DECLINE_REASONS),
    respondedBy: z.uuid(),
    respondedAt: instant,
  }),
});

export const referralStatusChangedV1 = defineEvent({
  type: 'referral.status-changed',
  version: 1,
  aggregateType: REFERRAL_AGGREGATE,
  stream: REFERRALS_STREAM,
  description: 'A referral moved on after the response: work started, completed, or withdrawn by the sender.',
  schema: z.object({
    referralId: z.uuid(),
    caseId: z.uuid(),
    from: z.enum(REFERRAL_STATUSES),
    to: z.enum(['IN_PROGRESS', 'COMPLETED', 'WITHDRAWN']),
    outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
    changedBy: z.uuid(),
    changedByOrganisationId: z.uuid(),
    changedAt: instant,
    dueAt: instant.nullable(),
  }),
});

export const referralEscalatedV1 = defineEvent({
  type: 'referral.escalated',
  version: 1,
  aggregateType: REFERRAL_AGGREGATE,
  stream: REFERRALS_STREAM,
  description: "A referral passed its due time; the sender and the country's focal point are told.",
  schema: z.object({
    referralId: z.uuid(),
    caseId: z.uuid(),
    jurisdictionCountry: country,
    status: z.enum(['PENDING', 'ACCEPTED', 'IN_PROGRESS']),
    dueAt: instant,
  }),
});

export const serviceUpsertedV1 = defineEvent({
  type: 'service-directory.service-upserted',
  version: 1,
  aggregateType: 'service',
  stream: 'service-directory',
  description: 'A provider listed a service or changed its listing (capacity, languages, who it takes).',
  schema: z.object({
    serviceId: z.uuid(),
    organisationId: z.uuid(),
    serviceType: z.enum(SERVICE_TYPES),
    country,
    active: z.boolean(),
    capacityAvailable: z.number().int().nonnegative().nullable(),
    updatedBy: z.uuid(),
    updatedAt: instant,
  }),
});
