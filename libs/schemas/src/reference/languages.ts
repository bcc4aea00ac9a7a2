import { iso6393 } from 'iso-639-3';

/**
 * Languages the mechanism records (a survivor's language, interpreter needs, the languages a service
 * offers): every language of the world, from the `iso-639-3` package (the ISO 639-3 registration
 * authority's tables, with each language's ISO 639-1 code where it has one). See
 * docs/adr/016-world-catalogues.md.
 *
 * Code policy — one code per language, lower case:
 *
 * - a language with an ISO 639-1 code is recorded by it: Luganda is `lg`, Khmer `km`, Chinese `zh` (for
 *   Chinese as written and Mandarin when spoken). All 639-1 codes are accepted, Latin and Esperanto too;
 * - a language without one is recorded by its ISO 639-3 code, if it is a living individual language or a
 *   living macrolanguage: Filipino `fil`, Cantonese `yue`, Tetum `tet`, Hakha Chin `cnh`, Falam Chin
 *   `cfm`, Tedim Chin `ctd`, every sign language. Extinct, ancient, historical and constructed languages
 *   without a two-letter code, and the special codes (`und`, `mul`, `mis`, `zxx`), are not: nobody the
 *   mechanism deals with speaks them, and refusing them catches typing mistakes;
 * - the three-letter code of a language that has a two-letter one (`lug`, `khm`, `zho`, also the ISO 639-2
 *   bibliographic codes such as `bur`) is refused rather than normalised, so that each language is stored
 *   under one code; `twoLetterCodeFor` gives the code to use, for the error message.
 *
 * Names are not stored: they come from `Intl.DisplayNames`, with the package's English name where Intl
 * has none (most 639-3 languages, e.g. "Hakha Chin").
 */
export interface Language {
  code: string;
  /** English name, used in lists and in exchanges between nodes. */
  name: string;
}

/** The English name of the package for each accepted code. */
const PACKAGE_NAMES = new Map<string, string>();
/** ISO 639-3 and 639-2 codes of languages that have an ISO 639-1 code, to that code. */
const TWO_LETTER_CODES = new Map<string, string>();

for (const language of iso6393) {
  if (language.iso6391) {
    PACKAGE_NAMES.set(language.iso6391, language.name);
    for (const other of [language.iso6393, language.iso6392B, language.iso6392T]) {
      if (other && other !== language.iso6391) TWO_LETTER_CODES.set(other, language.iso6391);
    }
  } else if (language.type === 'living' && language.scope !== 'special') {
    PACKAGE_NAMES.set(language.iso6393, language.name);
  }
}

const ENGLISH = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function englishName(code: string): string {
  return ENGLISH.of(code) ?? PACKAGE_NAMES.get(code) ?? code;
}

/** True when the code is a language of the catalogue (exact, lower-case code; see the policy above). */
export function isKnownLanguage(code: string): boolean {
  return PACKAGE_NAMES.has(code);
}

/** The language for a code, or undefined. */
export function findLanguage(code: string): Language | undefined {
  return isKnownLanguage(code) ? { code, name: englishName(code) } : undefined;
}

/**
 * The ISO 639-1 code to use instead of `code` when `code` is the three-letter code of a language that has
 * one (`lug` → `lg`); undefined otherwise.
 */
export function twoLetterCodeFor(code: string): string | undefined {
  return TWO_LETTER_CODES.get(code);
}

/**
 * The name of a language in the reader's language (a BCP 47 tag such as `fr` or `th`), from
 * `Intl.DisplayNames`, else the package's English name; undefined for a code that is not accepted.
 */
export function languageName(code: string, locale: string | readonly string[] = 'en'): string | undefined {
  if (!isKnownLanguage(code)) return undefined;
  const locales = typeof locale === 'string' ? [locale] : [...locale];
  return new Intl.DisplayNames(locales, { type: 'language', fallback: 'none' }).of(code) ?? englishName(code);
}

let allLanguagesCache: readonly Language[] | undefined;

/**
 * Every language of the catalogue, sorted by code. A function built on first use rather than a constant:
 * naming some 7,000 languages takes a noticeable part of a second, which every process loading this
 * library would otherwise pay.
 */
export function allLanguages(): readonly Language[] {
  allLanguagesCache ??= [...PACKAGE_NAMES.keys()].sort().map((code) => ({ code, name: englishName(code) }));
  return allLanguagesCache;
}
