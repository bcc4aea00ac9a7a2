import { describe, expect, it } from '@jest/globals';
import { followUpTasksFor, isAllowedDecision } from './identification-vocabulary.js';

describe('identification decisions', () => {
  it('starts where a pending decision would', () => {
    expect(isAllowedDecision(null, 'PENDING')).toBe(true);
    expect(isAllowedDecision(null, 'REASONABLE_GROUNDS')).toBe(true);
    expect(isAllowedDecision(null, 'NOT_IDENTIFIED')).toBe(true);
    expect(isAllowedDecision(null, 'IDENTIFIED')).toBe(false);
    expect(isAllowedDecision(null, 'APPEALED')).toBe(false);
  });

  it('follows the shared lifecycle afterwards', () => {
    expect(isAllowedDecision('REASONABLE_GROUNDS', 'IDENTIFIED')).toBe(true);
    expect(isAllowedDecision('PENDING', 'IDENTIFIED')).toBe(false);
    expect(isAllowedDecision('IDENTIFIED', 'NOT_IDENTIFIED')).toBe(false);
  });

  it('opens the three follow-up tasks once the person is protected, and none otherwise', () => {
    for (const status of ['REASONABLE_GROUNDS', 'IDENTIFIED', 'APPEALED'] as const) {
      expect([...followUpTasksFor(status)].sort()).toEqual([
        'LEGAL_AID',
        'NON_PUNISHMENT_NOTICE',
        'RELEASE_FROM_DETENTION',
      ]);
    }
    expect(followUpTasksFor('PENDING')).toEqual([]);
    expect(followUpTasksFor('NOT_IDENTIFIED')).toEqual([]);
  });
});
