import { z } from 'zod';

/** Page arguments shared by the lists of this service. */
export const pageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().max(200).nullish(),
});
