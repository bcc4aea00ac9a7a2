import { GraphQLISODateTime, ID } from '@nestjs/graphql';
import { z } from 'zod';
import { IDENTIFICATION_STATUSES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { countryCode } from '../../person/dtos/person.input.js';
import { IdentificationStatusEnum } from '../graphql/identification-decision.model.js';

export const RecordIdentificationDecisionInput = declareInput(
  'RecordIdentificationDecisionInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    jurisdictionCountry: {
      type: () => String,
      nullable: true,
      schema: orNull(countryCode),
      description: "The deciding country; defaults to the case's jurisdiction. It must be the caller's own.",
    },
    status: { type: () => IdentificationStatusEnum, schema: z.enum(IDENTIFICATION_STATUSES) },
    authorityOrganisationId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be an organisation id')),
      description:
        "The deciding authority; defaults to the caller's organisation. Must be an active coordinator or police organisation of the deciding jurisdiction, as the organisation directory lists it.",
    },
    legalBasis: {
      type: () => String,
      schema: z
        .string()
        .trim()
        .min(1, 'must name the legal basis')
        .max(2_000, 'must have at most 2000 characters'),
      description: 'The legal basis (law, article, procedure).',
    },
    decidedAt: { type: () => GraphQLISODateTime, schema: z.date('must be a date and time') },
    recognisedBy: {
      type: () => [String],
      nullable: true,
      schema: z
        .array(countryCode)
        .max(30)
        .nullish()
        .transform((value) => [...new Set(value ?? [])]),
      description: 'Other countries that recognise the decision.',
    },
  },
  {
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.jurisdictionCountry && input.recognisedBy.includes(input.jurisdictionCountry)) {
          context.addIssue({
            code: 'custom',
            path: ['recognisedBy'],
            message: 'must list other countries only',
          });
        }
      }),
  },
);

export type RecordIdentificationDecision = z.output<typeof RecordIdentificationDecisionInput.schema>;
