import { describe, expect, it } from '@jest/globals';
import { bindingsFor } from './attestation-binding.js';

describe('what a new attestation is bound to', () => {
  it.each([
    ['a recorded document, whatever else is known', 'AB123', '1990-01-01', ['DOCUMENT']],
    ['a document and no date of birth', 'AB123', null, ['DOCUMENT']],
    [
      'no document but a date of birth: the date, and a PIN in case it is said differently',
      null,
      '1990-01-01',
      ['DATE_OF_BIRTH', 'HOLDER_PIN'],
    ],
    ['neither: a PIN alone', null, null, ['HOLDER_PIN']],
    ['an empty document number counts as none', '', null, ['HOLDER_PIN']],
  ])('%s', (_label, documentNumber, dateOfBirth, expected) => {
    expect(bindingsFor({ documentNumber, dateOfBirth })).toEqual(expected);
  });
});
