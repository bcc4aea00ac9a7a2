import { describe, expect, it } from '@jest/globals';
import { LANGUAGES, findLanguage, isKnownLanguage } from './languages.js';

describe('languages', () => {
  it('uses unique ISO 639-1 codes, or ISO 639-3 codes where no two-letter code exists', () => {
    const codes = LANGUAGES.map((language) => language.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]{2,3}$/);
    expect(codes.filter((code) => code.length === 3).sort()).toEqual(['fil', 'tet', 'yue']);
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
  ])('knows %s', (code) => {
    expect(isKnownLanguage(code)).toBe(true);
    expect(findLanguage(code)?.name.length).toBeGreaterThan(1);
  });

  it('names the languages of the region in English', () => {
    expect(findLanguage('my')?.name).toBe('Burmese');
    expect(findLanguage('fil')?.name).toBe('Filipino');
    expect(findLanguage('yue')?.name).toBe('Cantonese');
    expect(findLanguage('tet')?.name).toBe('Tetum');
  });

  it.each(['', 'EN', 'eng', 'tl', 'xx', 'zh-HK'])('does not know %j', (code) => {
    expect(isKnownLanguage(code)).toBe(false);
    expect(findLanguage(code)).toBeUndefined();
  });
});
