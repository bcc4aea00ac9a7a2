import { describe, expect, it } from '@jest/globals';
import { PENALTY_KINDS, PENALTY_STATUSES, type PenaltyKind, type PenaltyStatus } from '@passage/schemas';
import { assertPenaltyTransition, initialPenaltyStatus, penaltyStatusesOf } from './penalty-lifecycle.js';

const VALID: ReadonlyArray<[PenaltyKind, PenaltyStatus, PenaltyStatus]> = [
  ['FINE', 'PENDING', 'PAID'],
  ['FINE', 'PENDING', 'WAIVED'],
  ['CHARGE', 'PENDING', 'DROPPED'],
  ['CHARGE', 'PENDING', 'ACQUITTED'],
  ['CHARGE', 'PENDING', 'CONVICTED'],
  ['CHARGE', 'CONVICTED', 'SET_ASIDE'],
  ['ENTRY_BAN', 'IN_FORCE', 'LIFTED'],
  ['BLACKLISTING', 'IN_FORCE', 'LIFTED'],
];

describe('penalty life cycle', () => {
  it('gives each kind its own statuses, starting where a new penalty stands', () => {
    expect(penaltyStatusesOf('FINE')).toEqual(['PENDING', 'PAID', 'WAIVED']);
    expect(penaltyStatusesOf('CHARGE')).toEqual([
      'PENDING',
      'CONVICTED',
      'DROPPED',
      'ACQUITTED',
      'SET_ASIDE',
    ]);
    expect(penaltyStatusesOf('ENTRY_BAN')).toEqual(['IN_FORCE', 'LIFTED']);
    expect(PENALTY_KINDS.map(initialPenaltyStatus)).toEqual(['PENDING', 'IN_FORCE', 'IN_FORCE', 'PENDING']);
    // Every status belongs to some kind.
    expect(new Set(PENALTY_KINDS.flatMap(penaltyStatusesOf))).toEqual(new Set(PENALTY_STATUSES));
  });

  it.each(VALID)('lets a %s move from %s to %s', (kind, from, to) => {
    expect(() => assertPenaltyTransition(kind, from, to)).not.toThrow();
  });

  it('refuses every other move, saying whether the status is foreign to the kind', () => {
    const valid = new Set(VALID.map(([kind, from, to]) => `${kind}|${from}|${to}`));
    for (const kind of PENALTY_KINDS) {
      for (const from of penaltyStatusesOf(kind)) {
        for (const to of PENALTY_STATUSES) {
          if (valid.has(`${kind}|${from}|${to}`)) continue;
          const reason = penaltyStatusesOf(kind).includes(to) ? 'NOT_ALLOWED' : 'OUTCOME_NOT_ALLOWED';
          expect(() => assertPenaltyTransition(kind, from, to)).toThrow(
            expect.objectContaining({ code: 'INVALID_TRANSITION', lifecycle: 'PENALTY', from, to, reason }),
          );
        }
      }
    }
  });
});
