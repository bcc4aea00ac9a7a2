import { z } from 'zod';
import { DATA_CATEGORIES } from '../access/data-categories.js';
import { isKnownCountry } from '../reference/countries.js';

/**
 * A case handed from one country's node to an organisation in another (typically the origin country's
 * focal point or an NGO for reintegration). The packet carries only the categories the survivor consented
 * to share across the border, plus the identification decisions so they can be recognised, not redone.
 */
const country = z.string().refine(isKnownCountry, 'must be a country of the catalogue');
const instant = z.iso.datetime({ offset: true });

/**
 * The one strict shape among messages (docs/adr/013-contracts-in-the-repository.md): every field of the
 * packet is personal data shared under the survivor's consent, category by category. A field this build
 * does not know is personal data it cannot match to a consented category, so the whole handoff is
 * refused to the dead-letter topic, where the disagreement is seen, rather than kept or silently dropped.
 * A new category in the packet is a new message version.
 */
export const handoffPacketSchema = z
  .object({
    /** Only the categories listed in `sharedCategories` are present; everything else is absent, not null. */
    identity: z
      .object({
        name: z.string().nullable(),
        alias: z.string().nullable(),
        nationality: z.string().nullable(),
        gender: z.string(),
      })
      .strict()
      .optional(),
    contact: z.object({ contact: z.string().nullable() }).strict().optional(),
    location: z.object({ currentLocation: z.string().nullable() }).strict().optional(),
    health: z
      .object({ pregnant: z.boolean().nullable(), medicalNotes: z.string().nullable() })
      .strict()
      .optional(),
    sexualViolence: z.object({ sexualViolenceDisclosed: z.boolean().nullable() }).strict().optional(),
    legal: z
      .object({ documentType: z.string().nullable(), documentNumber: z.string().nullable() })
      .strict()
      .optional(),
    narrative: z.object({ narrative: z.string().nullable() }).strict().optional(),
    operational: z
      .object({
        ageBand: z.string(),
        minor: z.boolean().nullable(),
        languages: z.array(z.string()),
        immediateNeeds: z.array(z.string()),
        urgentMedicalNeed: z.boolean(),
      })
      .strict(),
    identificationDecisions: z
      .array(
        z
          .object({
            jurisdictionCountry: country,
            status: z.string(),
            legalBasis: z.string().nullable(),
            decidedAt: instant,
          })
          .strict(),
      )
      .max(20),
  })
  .strict();

export const handoffOfferedMessageV1 = {
  type: 'handoff.offered',
  version: 1,
  schema: z.object({
    handoffId: z.uuid(),
    caseReference: z.string().max(40),
    sender: z.object({ organisationId: z.uuid(), organisationName: z.string().min(1).max(200), country }),
    recipient: z.object({ country, organisationId: z.uuid() }),
    sharedCategories: z.array(z.enum(DATA_CATEGORIES)).min(1),
    note: z.string().max(2000).nullable(),
    packet: handoffPacketSchema,
    offeredAt: instant,
  }),
} as const;

export const handoffRespondedMessageV1 = {
  type: 'handoff.responded',
  version: 1,
  schema: z.object({
    handoffId: z.uuid(),
    decision: z.enum(['ACCEPTED', 'DECLINED']),
    reason: z.string().max(2000).nullable(),
    respondedByOrganisationName: z.string().min(1).max(200),
    respondedAt: instant,
  }),
} as const;

/** The survivor withdrew consent to cross-border sharing: the receiving node must erase its copy. */
export const handoffConsentWithdrawnMessageV1 = {
  type: 'handoff.consent-withdrawn',
  version: 1,
  schema: z.object({ handoffId: z.uuid(), withdrawnAt: instant }),
} as const;

export type HandoffPacket = z.infer<typeof handoffPacketSchema>;
export type HandoffOfferedMessage = z.infer<typeof handoffOfferedMessageV1.schema>;

/**
 * The receiving country recognises an identification decision that came with a handoff, instead of
 * identifying the person again; the deciding country records the recognition on its decision.
 */
export const identificationRecognisedMessageV1 = {
  type: 'identification.recognised',
  version: 1,
  schema: z.object({
    handoffId: z.uuid(),
    decisionJurisdiction: country,
    recognisedByCountry: country,
    recognisedByOrganisationName: z.string().min(1).max(200),
    legalBasis: z.string().min(1).max(2000),
    recognisedAt: instant,
  }),
} as const;
