import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { declareInput } from '@passage/shared';

export const DeclineMigrantSupportInput = declareInput(
  'DeclineMigrantSupportInput',
  {
    promptId: { type: () => ID, schema: z.uuid('must be a prompt id') },
    note: {
      type: () => String,
      schema: z.string().trim().min(1, 'must say what the person said').max(2_000),
      description: 'Narrative: what the person said.',
    },
  },
  { description: 'The person does not want to be referred to services for vulnerable migrants.' },
);

export type DeclineMigrantSupportValue = z.output<typeof DeclineMigrantSupportInput.schema>;
