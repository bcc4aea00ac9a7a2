import { describe, expect, it } from '@jest/globals';
import { InvalidDocumentNumberError } from './attestation.errors.js';
import { normaliseDocumentNumber } from './document-number.js';

describe('normaliseDocumentNumber', () => {
  it.each([
    ['ab 123-456.7', 'AB1234567'],
    ['ＡＢ１２３４５６７', 'AB1234567'], // full-width, as some phone keyboards type
    ['N/ 12-345(6)', 'N123456'],
    ['๑๒๓๔๕๖๗๘๙๐', '1234567890'], // Thai digits
    ['១២៣', '123'], // Khmer digits
    // A Myanmar NRC number: letters kept, vowel signs and punctuation dropped, digits made ASCII.
    ['၁၂/ဥကမ(နိုင်)၁၂၃၄၅၆', '12ဥကမနင123456'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseDocumentNumber(input)).toBe(expected);
  });

  it('does not merge O and 0, which differ in document numbers', () => {
    expect(normaliseDocumentNumber('O123')).not.toBe(normaliseDocumentNumber('0123'));
  });

  it('is idempotent', () => {
    for (const input of ['ab 123', 'ＡＢ１２３', '๑๒๓', 'straße 1']) {
      const once = normaliseDocumentNumber(input);
      expect(normaliseDocumentNumber(once)).toBe(once);
    }
  });

  it.each([[''], ['  - / '], ['A'.repeat(65)]])('refuses %j', (input) => {
    expect(() => normaliseDocumentNumber(input)).toThrow(InvalidDocumentNumberError);
  });
});
