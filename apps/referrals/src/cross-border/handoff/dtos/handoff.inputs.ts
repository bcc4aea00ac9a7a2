import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { DATA_CATEGORIES, isKnownCountry } from '@passage/schemas';
import { DataCategoryEnum, declareInput } from '@passage/shared';

const country = z
  .string()
  .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue');
const text = z
  .string()
  .trim()
  .max(2000, 'must have at most 2000 characters')
  .nullish()
  .transform((value) => value || null);

export const OfferHandoffInput = declareInput('OfferHandoffInput', {
  caseId: { type: () => ID, schema: z.uuid('must be a case id') },
  personId: { type: () => ID, schema: z.uuid('must be a person id') },
  recipientCountry: {
    type: () => String,
    schema: country,
    description: 'The country of the receiving organisation (not your own).',
  },
  recipientOrganisationId: {
    type: () => ID,
    schema: z.uuid('must be an organisation id'),
    description: "The receiving organisation's id on its country's node.",
  },
  categories: {
    type: () => [DataCategoryEnum],
    schema: z
      .array(z.enum(DATA_CATEGORIES))
      .min(1, 'share at least one category')
      .transform((value) => [...new Set(value)]),
    description: 'What to share, within the survivor’s consent and what you may see.',
  },
  note: { type: () => String, nullable: true, schema: text },
});

export type OfferHandoff = z.output<typeof OfferHandoffInput.schema>;

export const RespondToHandoffInput = declareInput('RespondToHandoffInput', {
  handoffId: { type: () => ID, schema: z.uuid('must be a handoff id') },
  decision: {
    type: () => String,
    schema: z.enum(['ACCEPTED', 'DECLINED']),
    description: 'ACCEPTED or DECLINED. Declining erases the offer on this node.',
  },
  reason: { type: () => String, nullable: true, schema: text },
});

export type RespondToHandoff = z.output<typeof RespondToHandoffInput.schema>;

export const RecogniseIdentificationDecisionInput = declareInput('RecogniseIdentificationDecisionInput', {
  handoffId: {
    type: () => ID,
    schema: z.uuid('must be a handoff id'),
    description: 'The accepted handoff that carried the decision.',
  },
  decisionJurisdiction: {
    type: () => String,
    schema: country,
    description: 'The country whose decision is recognised.',
  },
  legalBasis: {
    type: () => String,
    schema: z.string().trim().min(1, 'is required').max(2000, 'must have at most 2000 characters'),
    description: 'The legal basis on which your country recognises it.',
  },
});

export type RecogniseIdentificationDecision = z.output<typeof RecogniseIdentificationDecisionInput.schema>;
