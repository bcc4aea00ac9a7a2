import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@passage/schemas';
import { languageCode } from '../../person/dtos/language-code.js';
import { ConsentPurposeEnum } from '../graphql/consent.model.js';

@InputType('RecordConsentInput', {
  description: "Consents a person gave, asked in the person's language; one record per purpose.",
})
export class RecordConsentInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => [ConsentPurposeEnum])
  purposes: ConsentPurpose[];

  @Field({ description: 'ISO 639 code of the language consent was asked and given in.' })
  language: string;

  @Field()
  interpreterUsed: boolean;

  @Field(() => String, { nullable: true, description: 'The language the interpreter worked from, if any.' })
  interpreterLanguage?: string | null;
}

export const recordConsentSchema = z
  .object({
    caseId: z.uuid('must be a case id'),
    personId: z.uuid('must be a person id'),
    purposes: z
      .array(z.enum(CONSENT_PURPOSES))
      .min(1, 'must name at least one purpose')
      .max(CONSENT_PURPOSES.length)
      .transform((purposes) => [...new Set(purposes)]),
    language: languageCode,
    interpreterUsed: z.boolean(),
    interpreterLanguage: languageCode.nullish().transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
    if (input.interpreterLanguage && !input.interpreterUsed) {
      context.addIssue({
        code: 'custom',
        path: ['interpreterLanguage'],
        message: 'applies only with an interpreter',
      });
    }
  });

@InputType('WithdrawConsentInput')
export class WithdrawConsentInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ConsentPurposeEnum)
  purpose: ConsentPurpose;
}

export const withdrawConsentSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  purpose: z.enum(CONSENT_PURPOSES),
});
