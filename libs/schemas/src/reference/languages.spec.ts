import { describe, expect, it } from '@jest/globals';
import { allLanguages, findLanguage, isKnownLanguage, languageName, twoLetterCodeFor } from './languages.js';

describe('languages', () => {
  it('uses unique ISO 639-1 codes, or ISO 639-3 codes where no two-letter code exists', () => {
    const codes = allLanguages().map((language) => language.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]{2,3}$/);
    // Every ISO 639-1 code (184), and thousands of living languages that have only an ISO 639-3 code.
    expect(codes.filter((code) => code.length === 2)).toHaveLength(184);
    expect(codes.length).toBeGreaterThan(6500);
  });

  it.each([
    'en',
    'th',
    'km',
    'lo',
    'my',
    'vi',
    'id',
    'ms',
    'fil',
    'zh',
    'yue',
    'hi',
    'ne',
    'ur',
    'bn',
    'si',
    'ta',
    'sw',
    'am',
    'tr',
    'ru',
    'uk',
    'ka',
    'kk',
    'ky',
    'uz',
    'mn',
    'ko',
    'ja',
    'pt',
    'ar',
    'fr',
    'es',
    'tet',
    // Luganda, Chin languages (Hakha, Falam, Tedim), Tagalog, Thai Sign Language, Latin
    'lg',
    'cnh',
    'cfm',
    'ctd',
    'tl',
    'tsq',
    'la',
  ])('knows %s', (code) => {
    expect(isKnownLanguage(code)).toBe(true);
    expect(findLanguage(code)?.name.length).toBeGreaterThan(1);
  });

  it('names the languages of the region in English', () => {
    expect(findLanguage('my')?.name).toBe('Burmese');
    expect(findLanguage('fil')?.name).toBe('Filipino');
    expect(findLanguage('yue')?.name).toBe('Cantonese');
    expect(findLanguage('tet')?.name).toBe('Tetum');
    expect(findLanguage('lg')?.name).toBe('Ganda');
  });

  it("falls back to the package's English name where Intl has none", () => {
    expect(findLanguage('cnh')?.name).toBe('Hakha Chin');
    expect(findLanguage('cfm')?.name).toBe('Falam Chin');
    expect(languageName('ctd', 'fr')).toBe('Tedim Chin');
  });

  it("names a language in the reader's language", () => {
    expect(languageName('km', 'fr')).toBe('khmer');
    expect(languageName('lg', 'en')).toBe('Ganda');
    expect(languageName('xx', 'fr')).toBeUndefined();
  });

  it('refuses the three-letter code of a language that has a two-letter one, and names the code to use', () => {
    expect(isKnownLanguage('lug')).toBe(false);
    expect(twoLetterCodeFor('lug')).toBe('lg');
    expect(twoLetterCodeFor('bur')).toBe('my');
    expect(twoLetterCodeFor('zho')).toBe('zh');
    expect(twoLetterCodeFor('cnh')).toBeUndefined();
  });

  // Three-letter codes of two-letter languages, an ancient language (Gothic), special and made-up codes
  it.each(['', 'EN', 'eng', 'lug', 'xx', 'zz', 'zh-HK', 'got', 'und', 'mul', 'zxx'])(
    'does not know %j',
    (code) => {
      expect(isKnownLanguage(code)).toBe(false);
      expect(findLanguage(code)).toBeUndefined();
    },
  );
});
