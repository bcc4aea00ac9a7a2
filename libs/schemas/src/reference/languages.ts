/**
 * Languages the mechanism records (a survivor's language, interpreter needs, the languages a service
 * offers). Codes are ISO 639-1 where one exists and ISO 639-3 otherwise: Filipino (`fil`), Cantonese
 * (`yue`) and Tetum (`tet`) have no two-letter code. `zh` stands for Chinese as written and for Mandarin
 * when spoken; Cantonese is listed apart because interpreters are not interchangeable.
 *
 * The list covers the countries where compounds operate and the origin countries seen in casework;
 * adding a language is a data change here.
 */
/** A language of the catalogue. */
export interface Language {
  code: string;
  /** English name, used in lists and in exchanges between nodes. */
  name: string;
}

/** Every language of the catalogue, grouped by region. */
export const LANGUAGES: readonly Language[] = [
  // Lingua franca, and the region where compounds operate
  { code: 'en', name: 'English' },
  { code: 'th', name: 'Thai' },
  { code: 'km', name: 'Khmer' },
  { code: 'lo', name: 'Lao' },
  { code: 'my', name: 'Burmese' },
  { code: 'vi', name: 'Vietnamese' },
  { code: 'id', name: 'Indonesian' },
  { code: 'ms', name: 'Malay' },
  { code: 'fil', name: 'Filipino' },
  { code: 'zh', name: 'Chinese (Mandarin)' },
  { code: 'yue', name: 'Cantonese' },
  { code: 'tet', name: 'Tetum' },
  // South Asia
  { code: 'hi', name: 'Hindi' },
  { code: 'ne', name: 'Nepali' },
  { code: 'ur', name: 'Urdu' },
  { code: 'bn', name: 'Bengali' },
  { code: 'si', name: 'Sinhala' },
  { code: 'ta', name: 'Tamil' },
  // Africa
  { code: 'sw', name: 'Swahili' },
  { code: 'am', name: 'Amharic' },
  // Central and West Asia, Eastern Europe
  { code: 'tr', name: 'Turkish' },
  { code: 'ru', name: 'Russian' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ka', name: 'Georgian' },
  { code: 'kk', name: 'Kazakh' },
  { code: 'ky', name: 'Kyrgyz' },
  { code: 'uz', name: 'Uzbek' },
  { code: 'mn', name: 'Mongolian' },
  // East Asia
  { code: 'ko', name: 'Korean' },
  { code: 'ja', name: 'Japanese' },
  // Other widely spoken origin-country languages
  { code: 'pt', name: 'Portuguese' },
  { code: 'ar', name: 'Arabic' },
  { code: 'fr', name: 'French' },
  { code: 'es', name: 'Spanish' },
];

const BY_CODE: ReadonlyMap<string, Language> = new Map(
  LANGUAGES.map((language) => [language.code, language]),
);

/** True when the code is a language of the catalogue (exact, lower-case code). */
export function isKnownLanguage(code: string): boolean {
  return BY_CODE.has(code);
}

/** The language for a code, or undefined. */
export function findLanguage(code: string): Language | undefined {
  return BY_CODE.get(code);
}
