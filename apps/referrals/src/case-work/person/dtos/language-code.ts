import { z } from 'zod';
import { isKnownLanguage } from '@passage/schemas';

/** A language of the catalogue, by its ISO 639 code (`km`, `fil`). */
export const languageCode = z
  .string()
  .refine(isKnownLanguage, 'must be a language code of the catalogue, e.g. km');
