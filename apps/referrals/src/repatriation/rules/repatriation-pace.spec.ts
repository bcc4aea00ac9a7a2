import { describe, expect, it } from '@jest/globals';
import { REPATRIATION_STEP_KINDS, type RepatriationStepKind } from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';
import {
  PACE_STEPS,
  arrivalConfirmer,
  assertPaceFits,
  inUsualOrder,
  paceStepsProblem,
} from './repatriation-pace.js';

describe('the pace of a repatriation plan', () => {
  it('keeps every step in a standard plan, and refuses one missing or doubled', () => {
    expect(paceStepsProblem('STANDARD', REPATRIATION_STEP_KINDS)).toBeNull();
    expect(paceStepsProblem('STANDARD', REPATRIATION_STEP_KINDS.slice(1))).toBe(
      'must list each of the 6 steps',
    );
    expect(paceStepsProblem('STANDARD', [...REPATRIATION_STEP_KINDS.slice(1), 'FUNDING'])).toBe(
      'must list each step kind exactly once',
    );
  });

  it('needs the travel document and the journey for a fast voluntary return, and allows exit clearance and funding', () => {
    expect(paceStepsProblem('FAST_VOLUNTARY', ['TRAVEL_DOCUMENT', 'TRAVEL_BOOKED'])).toBeNull();
    expect(
      paceStepsProblem('FAST_VOLUNTARY', ['TRAVEL_DOCUMENT', 'EXIT_CLEARANCE', 'FUNDING', 'TRAVEL_BOOKED']),
    ).toBeNull();
    expect(paceStepsProblem('FAST_VOLUNTARY', ['TRAVEL_BOOKED'])).toBe('must list TRAVEL_DOCUMENT');
  });

  it.each<RepatriationStepKind>(['ESCORT', 'RECEPTION'])(
    'has no %s step in a fast voluntary return',
    (kind) => {
      expect(paceStepsProblem('FAST_VOLUNTARY', ['TRAVEL_DOCUMENT', 'TRAVEL_BOOKED', kind])).toBe(
        `a FAST_VOLUNTARY plan has no ${kind} step`,
      );
    },
  );

  it('lists no step both required and optional, and only known kinds', () => {
    for (const { required, optional } of Object.values(PACE_STEPS)) {
      expect(required.filter((kind) => optional.includes(kind))).toEqual([]);
      for (const kind of [...required, ...optional]) expect(REPATRIATION_STEP_KINDS).toContain(kind);
    }
  });

  it('puts a plan’s steps in their usual order', () => {
    expect(inUsualOrder(['TRAVEL_BOOKED', 'FUNDING', 'TRAVEL_DOCUMENT'])).toEqual([
      'TRAVEL_DOCUMENT',
      'FUNDING',
      'TRAVEL_BOOKED',
    ]);
  });

  it('refuses a fast voluntary return to a child or a person whose age is unknown', () => {
    expect(() => assertPaceFits('FAST_VOLUNTARY', true)).toThrow(
      expect.objectContaining({ reason: 'FAST_RETURN_NOT_FOR_CHILD' }) as unknown as RepatriationRuleError,
    );
    expect(() => assertPaceFits('FAST_VOLUNTARY', false)).not.toThrow();
    expect(() => assertPaceFits('STANDARD', true)).not.toThrow();
  });

  it('has arrival confirmed by reception, or by the plan’s owner when there is none', () => {
    const plan = { ownerOrganisationId: 'org-owner' };
    expect(
      arrivalConfirmer(plan, [
        { kind: 'TRAVEL_BOOKED', ownerOrganisationId: 'org-owner' },
        { kind: 'RECEPTION', ownerOrganisationId: 'org-origin' },
      ]),
    ).toBe('org-origin');
    expect(arrivalConfirmer(plan, [{ kind: 'TRAVEL_BOOKED', ownerOrganisationId: 'org-travel' }])).toBe(
      'org-owner',
    );
  });
});
