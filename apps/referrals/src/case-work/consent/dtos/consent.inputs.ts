import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { CONSENT_PURPOSES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { languageCode } from '../../person/dtos/language-code.js';
import { ConsentPurposeEnum } from '../graphql/consent.model.js';

const caseId = { type: () => ID, schema: z.uuid('must be a case id') };
const personId = { type: () => ID, schema: z.uuid('must be a person id') };

export const RecordConsentInput = declareInput(
  'RecordConsentInput',
  {
    caseId,
    personId,
    purposes: {
      type: () => [ConsentPurposeEnum],
      schema: z
        .array(z.enum(CONSENT_PURPOSES))
        .min(1, 'must name at least one purpose')
        .max(CONSENT_PURPOSES.length)
        .transform((purposes) => [...new Set(purposes)]),
    },
    language: {
      type: () => String,
      schema: languageCode,
      description: 'ISO 639 code of the language consent was asked and given in.',
    },
    interpreterUsed: { type: () => Boolean, schema: z.boolean() },
    interpreterLanguage: {
      type: () => String,
      nullable: true,
      schema: orNull(languageCode),
      description: 'The language the interpreter worked from, if any.',
    },
  },
  {
    description: "Consents a person gave, asked in the person's language; one record per purpose.",
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.interpreterLanguage && !input.interpreterUsed) {
          context.addIssue({
            code: 'custom',
            path: ['interpreterLanguage'],
            message: 'applies only with an interpreter',
          });
        }
      }),
  },
);
export type RecordConsent = z.output<typeof RecordConsentInput.schema>;

export const WithdrawConsentInput = declareInput('WithdrawConsentInput', {
  caseId,
  personId,
  purpose: { type: () => ConsentPurposeEnum, schema: z.enum(CONSENT_PURPOSES) },
});
export type WithdrawConsent = z.output<typeof WithdrawConsentInput.schema>;
