import { describe, expect, it } from '@jest/globals';
import {
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
  type RepatriationStepKind,
} from '@passage/schemas';
import {
  REPATRIATION_STEP_TRANSITIONS,
  assertArrivalConfirmable,
  assertStepChange,
  isStepOverdue,
  stepTimesAfter,
} from './repatriation-steps.js';
import { RepatriationRuleError } from './repatriation-rule.error.js';

const reasonOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof RepatriationRuleError ? error.reason : 'OTHER';
  }
};

describe('repatriation step rules', () => {
  it('never leaves DONE and never reaches DONE without the step having started', () => {
    expect(REPATRIATION_STEP_TRANSITIONS.DONE).toEqual([]);
    expect(REPATRIATION_STEP_TRANSITIONS.PENDING).not.toContain('DONE');
    for (const from of REPATRIATION_STEP_STATUSES) {
      expect(REPATRIATION_STEP_TRANSITIONS[from]).not.toContain(from);
    }
  });

  it.each(REPATRIATION_STEP_STATUSES.flatMap((from) => REPATRIATION_STEP_STATUSES.map((to) => [from, to])))(
    'FUNDING %s -> %s in an approved plan follows the transition table',
    (from, to) => {
      const reason = reasonOf(() =>
        assertStepChange({ kind: 'FUNDING', from, to, planStatus: 'APPROVED', source: 'CASE_WORK' }),
      );
      expect(reason).toBe(
        REPATRIATION_STEP_TRANSITIONS[from].includes(to) ? null : 'STEP_TRANSITION_NOT_ALLOWED',
      );
    },
  );

  it('lets documents, clearance and funding start before approval, but nothing that moves the person', () => {
    const before = (kind: RepatriationStepKind) =>
      reasonOf(() =>
        assertStepChange({
          kind,
          from: 'PENDING',
          to: 'IN_PROGRESS',
          planStatus: 'PREPARING',
          source: 'CASE_WORK',
        }),
      );
    expect(REPATRIATION_STEP_KINDS.map((kind) => [kind, before(kind)])).toEqual([
      ['TRAVEL_DOCUMENT', null],
      ['EXIT_CLEARANCE', null],
      ['FUNDING', null],
      ['TRAVEL_BOOKED', 'STEP_NEEDS_APPROVAL'],
      ['ESCORT', 'STEP_NEEDS_APPROVAL'],
      ['RECEPTION', 'STEP_NEEDS_APPROVAL'],
    ]);
  });

  it('completes exit clearance only on the immigration authority’s answer', () => {
    const change = {
      kind: 'EXIT_CLEARANCE',
      from: 'IN_PROGRESS',
      to: 'DONE',
      planStatus: 'PREPARING',
    } as const;
    expect(reasonOf(() => assertStepChange({ ...change, source: 'CASE_WORK' }))).toBe(
      'STEP_ANSWERED_BY_IMMIGRATION',
    );
    expect(reasonOf(() => assertStepChange({ ...change, source: 'IMMIGRATION_ANSWER' }))).toBeNull();
    expect(
      reasonOf(() => assertStepChange({ ...change, from: 'BLOCKED', source: 'IMMIGRATION_ANSWER' })),
    ).toBeNull();
  });

  it('freezes every step of a completed plan', () => {
    expect(
      reasonOf(() =>
        assertStepChange({
          kind: 'FUNDING',
          from: 'PENDING',
          to: 'IN_PROGRESS',
          planStatus: 'COMPLETED',
          source: 'CASE_WORK',
        }),
      ),
    ).toBe('PLAN_NOT_PREPARING');
  });

  it('records when a step is entered (first leaving PENDING) and left (DONE), keeping the first entry', () => {
    const t1 = new Date('2026-01-01T00:00:00Z');
    const t2 = new Date('2026-01-05T00:00:00Z');
    const t3 = new Date('2026-01-09T00:00:00Z');
    const blocked = stepTimesAfter({ enteredAt: null, leftAt: null }, 'BLOCKED', t1);
    expect(blocked).toEqual({ enteredAt: t1, leftAt: null });
    const resumed = stepTimesAfter(blocked, 'IN_PROGRESS', t2);
    expect(resumed).toEqual({ enteredAt: t1, leftAt: null });
    expect(stepTimesAfter(resumed, 'DONE', t3)).toEqual({ enteredAt: t1, leftAt: t3 });
  });

  it('confirms arrival only for an approved plan whose steps before reception are done', () => {
    const steps = REPATRIATION_STEP_KINDS.map((kind) => ({ kind, status: 'DONE' as const }));
    expect(reasonOf(() => assertArrivalConfirmable('PREPARING', steps))).toBe('PLAN_NOT_APPROVED');
    expect(
      reasonOf(() =>
        assertArrivalConfirmable(
          'APPROVED',
          steps.map((step) => (step.kind === 'RECEPTION' ? { ...step, status: 'PENDING' } : step)),
        ),
      ),
    ).toBeNull();
    const escortOpen = steps.map((step) =>
      step.kind === 'ESCORT' ? { ...step, status: 'BLOCKED' as const } : step,
    );
    expect(() => assertArrivalConfirmable('APPROVED', escortOpen)).toThrow(/ESCORT/);
  });
});

describe('isStepOverdue', () => {
  it('is overdue after its due day until done', () => {
    expect(isStepOverdue({ status: 'IN_PROGRESS', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isStepOverdue({ status: 'PENDING', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isStepOverdue({ status: 'DONE', dueOn: '2026-03-01' }, '2026-03-09')).toBe(false);
  });
});
