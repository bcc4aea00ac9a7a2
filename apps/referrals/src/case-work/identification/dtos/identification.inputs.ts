import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { IDENTIFICATION_STATUSES, type IdentificationStatus } from '@passage/schemas';
import { countryCode } from '../../person/dtos/person.input.js';
import { IdentificationStatusEnum } from '../graphql/identification-decision.model.js';

@InputType('RecordIdentificationDecisionInput')
export class RecordIdentificationDecisionInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => String, {
    nullable: true,
    description: "The deciding country; defaults to the case's jurisdiction. It must be the caller's own.",
  })
  jurisdictionCountry?: string | null;

  @Field(() => IdentificationStatusEnum)
  status: IdentificationStatus;

  @Field(() => ID, {
    nullable: true,
    description: "The deciding authority; defaults to the caller's organisation.",
  })
  authorityOrganisationId?: string | null;

  @Field({ description: 'The legal basis (law, article, procedure).' })
  legalBasis: string;

  @Field(() => GraphQLISODateTime)
  decidedAt: Date;

  @Field(() => [String], { nullable: true, description: 'Other countries that recognise the decision.' })
  recognisedBy?: string[] | null;
}

export const recordIdentificationDecisionSchema = z
  .object({
    caseId: z.uuid('must be a case id'),
    personId: z.uuid('must be a person id'),
    jurisdictionCountry: countryCode.nullish().transform((value) => value ?? null),
    status: z.enum(IDENTIFICATION_STATUSES),
    authorityOrganisationId: z
      .uuid('must be an organisation id')
      .nullish()
      .transform((value) => value ?? null),
    legalBasis: z
      .string()
      .trim()
      .min(1, 'must name the legal basis')
      .max(2_000, 'must have at most 2000 characters'),
    decidedAt: z.date('must be a date and time'),
    recognisedBy: z
      .array(countryCode)
      .max(30)
      .nullish()
      .transform((value) => [...new Set(value ?? [])]),
  })
  .superRefine((input, context) => {
    if (input.jurisdictionCountry && input.recognisedBy.includes(input.jurisdictionCountry)) {
      context.addIssue({ code: 'custom', path: ['recognisedBy'], message: 'must list other countries only' });
    }
  });
