import { z } from 'zod';
import { isKnownCountry } from '../reference/countries.js';

/**
 * What travels between country nodes about a rescue request. These payloads are sealed for the
 * recipient country (they hold names and places of people still inside a compound); the shapes here are
 * checked on both ends before any handler runs.
 */
const country = z.string().refine(isKnownCountry, 'must be a country of the catalogue');
const text = (max: number) => z.string().trim().min(1).max(max);

export const RESCUE_REQUEST_STATUSES = [
  'SUBMITTED',
  'ACKNOWLEDGED',
  'VERIFYING',
  'OPERATION_PLANNED',
  'RESOLVED',
  'CLOSED',
] as const;
export const RESCUE_OUTCOMES = ['RELEASED', 'ESCAPED', 'RANSOMED', 'MOVED', 'NOT_FOUND', 'DECLINED'] as const;
export const REPORTER_KINDS = [
  'EMBASSY',
  'NGO',
  'FOCAL_POINT',
  'INTERNATIONAL_ORGANISATION',
  'RELATIVE',
  'PEER',
  'SELF',
] as const;
export const AGE_BANDS = ['UNDER_14', '14_17', '18_24', '25_34', '35_49', '50_PLUS', 'UNKNOWN'] as const;
export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY', 'UNKNOWN'] as const;
export const CONTACT_CHANNELS = [
  'PHONE_CALL',
  'SMS',
  'WHATSAPP',
  'TELEGRAM',
  'SIGNAL',
  'LINE',
  'WECHAT',
  'FACEBOOK',
  'EMAIL',
  'INTERMEDIARY',
] as const;
export const RISKS = [
  'VIOLENCE',
  'SEXUAL_VIOLENCE',
  'MINORS_PRESENT',
  'MEDICAL_EMERGENCY',
  'THREAT_OF_RESALE',
  'THREAT_OF_REPRISAL',
] as const;

export const rescuePersonSchema = z.object({
  nameOrAlias: text(200),
  nationality: country,
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS),
  minor: z.boolean(),
  pregnant: z.boolean().nullable(),
  languages: z.array(z.string().min(2).max(3)).max(10),
  urgentMedicalNeed: z.boolean(),
});

export const rescueLocationSchema = z.object({
  compoundName: text(200),
  landmarks: z.string().trim().max(1000).nullable(),
  district: z.string().trim().max(200).nullable(),
  province: text(200),
  country,
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  insideSpecialEconomicZone: z.boolean().nullable(),
  reportedAt: z.iso.datetime({ offset: true }),
});

export const safeContactSchema = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  handle: z.string().trim().max(200).nullable(),
  windows: z.string().trim().max(500).nullable(),
  doNotContact: z.boolean(),
  intermediary: z.string().trim().max(500).nullable(),
});

/** requester node → jurisdiction node: a new request, everything the focal point needs to act. */
export const rescueRequestSubmittedMessageV1 = {
  type: 'rescue-request.submitted',
  version: 1,
  schema: z.object({
    requestId: z.uuid(),
    reference: z.string().max(40),
    requester: z.object({
      organisationId: z.uuid(),
      organisationName: text(200),
      country,
      kind: z.enum(REPORTER_KINDS),
    }),
    onBehalfOf: z.enum(['PERSON', 'RELATIVE', 'PEER', 'ORGANISATION']),
    reportedVia: z.string().trim().max(200).nullable(),
    people: z.array(rescuePersonSchema).max(200),
    othersCount: z.number().int().min(0).max(100_000),
    othersNames: z.array(text(200)).max(500),
    location: rescueLocationSchema,
    risks: z.array(z.enum(RISKS)).max(RISKS.length),
    safeContact: safeContactSchema.nullable(),
    submittedAt: z.iso.datetime({ offset: true }),
    acknowledgementDueAt: z.iso.datetime({ offset: true }),
  }),
} as const;

/** jurisdiction node → requester node: where the request stands now, so the requester always knows. */
export const rescueRequestStatusChangedMessageV1 = {
  type: 'rescue-request.status-changed',
  version: 1,
  schema: z.object({
    requestId: z.uuid(),
    status: z.enum(RESCUE_REQUEST_STATUSES),
    outcome: z.enum(RESCUE_OUTCOMES).nullable(),
    reason: z.string().trim().max(2000).nullable(),
    changedAt: z.iso.datetime({ offset: true }),
    changedByOrganisationName: text(200),
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    escalated: z.boolean(),
  }),
} as const;

export type RescueRequestSubmittedMessage = z.infer<typeof rescueRequestSubmittedMessageV1.schema>;
export type RescueRequestStatusChangedMessage = z.infer<typeof rescueRequestStatusChangedMessageV1.schema>;
export type RescueRequestStatus = (typeof RESCUE_REQUEST_STATUSES)[number];
export type RescueOutcome = (typeof RESCUE_OUTCOMES)[number];
