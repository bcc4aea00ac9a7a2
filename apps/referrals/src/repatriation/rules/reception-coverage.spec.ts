import { describe, expect, it } from '@jest/globals';
import { receptionCoverage } from './reception-coverage.js';

describe('reception coverage of a plan', () => {
  it('names no gap where an organisation on the platform can receive the person', () => {
    expect(receptionCoverage(2, null)).toEqual({ gap: null, arrangement: null });
  });

  it('names the gap and keeps the arrangement where no one on the platform can', () => {
    expect(receptionCoverage(0, 'IOM Kampala meets him at Entebbe')).toEqual({
      gap: 'NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY',
      arrangement: 'IOM Kampala meets him at Entebbe',
    });
  });

  it('refuses a gap nobody has said how to bridge', () => {
    expect(receptionCoverage(0, null)).toBeNull();
  });
});
