import { z } from 'zod';
import { findLanguage, isKnownLanguage, twoLetterCodeFor } from '@passage/schemas';

/**
 * A language, by its ISO 639 code (`km`, `lg`, `fil`, `cnh`): ISO 639-1 where the language has a
 * two-letter code, ISO 639-3 otherwise (policy in libs/schemas/src/reference/languages.ts). A three-letter
 * code of a language that has a two-letter one is refused with the code to use (`lug` → `lg`).
 */
export const languageCode = z.string().superRefine((code, context) => {
  if (isKnownLanguage(code)) return;
  const twoLetter = twoLetterCodeFor(code);
  context.addIssue({
    code: 'custom',
    message:
      twoLetter === undefined
        ? 'must be an ISO 639 language code (ISO 639-1 where one exists, else ISO 639-3), e.g. km'
        : `must be the ISO 639-1 code "${twoLetter}" (${findLanguage(twoLetter)?.name ?? twoLetter}), not "${code}"`,
  });
});
