import { describe, expect, it } from '@jest/globals';
import { formatCaseReference } from './case-reference.js';

describe('case reference', () => {
  it('reads jurisdiction, year and a six-digit sequence', () => {
    expect(formatCaseReference('KH', 2026, 123)).toBe('KH-2026-000123');
    expect(formatCaseReference('TH', 2027, 1_234_567)).toBe('TH-2027-1234567');
  });
});
