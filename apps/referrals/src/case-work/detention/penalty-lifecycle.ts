import type { PenaltyKind, PenaltyStatus } from '@passage/schemas';
import { InvalidTransitionError } from '../../platform/index.js';

/**
 * The statuses each kind of penalty uses, and where each may move. A penalty can be recorded at any
 * status of its kind (it is often learnt of late, already paid or dropped). A fine, once paid or waived,
 * and a charge dropped, acquitted or set aside, are settled; a conviction can still be set aside under
 * the non-punishment principle; a lifted ban stays lifted (a new ban is a new record).
 */
const PENALTY_LIFECYCLES: Readonly<
  Record<PenaltyKind, Readonly<Partial<Record<PenaltyStatus, readonly PenaltyStatus[]>>>>
> = {
  FINE: { PENDING: ['PAID', 'WAIVED'], PAID: [], WAIVED: [] },
  CHARGE: {
    PENDING: ['DROPPED', 'ACQUITTED', 'CONVICTED'],
    CONVICTED: ['SET_ASIDE'],
    DROPPED: [],
    ACQUITTED: [],
    SET_ASIDE: [],
  },
  ENTRY_BAN: { IN_FORCE: ['LIFTED'], LIFTED: [] },
  BLACKLISTING: { IN_FORCE: ['LIFTED'], LIFTED: [] },
};

/** The statuses a penalty of `kind` can have. */
export function penaltyStatusesOf(kind: PenaltyKind): readonly PenaltyStatus[] {
  return Object.keys(PENALTY_LIFECYCLES[kind]) as PenaltyStatus[];
}

/** The status a newly recorded penalty of `kind` has when none is given. */
export function initialPenaltyStatus(kind: PenaltyKind): PenaltyStatus {
  return penaltyStatusesOf(kind)[0];
}

/**
 * Checks a change of a penalty's status.
 *
 * @throws InvalidTransitionError (code `INVALID_TRANSITION`) naming both statuses; the reason is
 *   `OUTCOME_NOT_ALLOWED` when `to` is not a status of the kind at all, `NOT_ALLOWED` when it is but
 *   cannot follow `from`.
 */
export function assertPenaltyTransition(kind: PenaltyKind, from: PenaltyStatus, to: PenaltyStatus): void {
  const lifecycle = PENALTY_LIFECYCLES[kind];
  if (!(to in lifecycle)) throw new InvalidTransitionError('PENALTY', from, to, 'OUTCOME_NOT_ALLOWED', kind);
  if (!(lifecycle[from] ?? []).includes(to)) {
    throw new InvalidTransitionError('PENALTY', from, to, 'NOT_ALLOWED', kind);
  }
}
