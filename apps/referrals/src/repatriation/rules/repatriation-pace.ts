import { REPATRIATION_STEP_KINDS, type RepatriationPace, type RepatriationStepKind } from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';

/** The steps a plan of one pace must list, and those it may list besides. */
export interface PaceSteps {
  required: readonly RepatriationStepKind[];
  optional: readonly RepatriationStepKind[];
}

/**
 * Which steps each pace has. A standard plan lists all six. A fast voluntary return keeps what departure
 * itself needs, the travel document and the booked journey, and may add exit clearance (for a person who
 * holds a protection attestation, which spares overstay fines and detention at the border) and funding
 * (when someone else pays, an assisted voluntary return). It has no escort (an adult travelling alone) and
 * no reception planned with an origin organisation: the plan's owner confirms arrival and the
 * reintegration follow-ups fall due all the same.
 */
export const PACE_STEPS: Readonly<Record<RepatriationPace, PaceSteps>> = {
  STANDARD: { required: REPATRIATION_STEP_KINDS, optional: [] },
  FAST_VOLUNTARY: { required: ['TRAVEL_DOCUMENT', 'TRAVEL_BOOKED'], optional: ['EXIT_CLEARANCE', 'FUNDING'] },
};

/**
 * What is wrong with the step kinds a plan of `pace` lists, or null when they fit: each kind once, every
 * required kind, and nothing the pace does not have.
 */
export function paceStepsProblem(
  pace: RepatriationPace,
  kinds: readonly RepatriationStepKind[],
): string | null {
  const { required, optional } = PACE_STEPS[pace];
  if (new Set(kinds).size !== kinds.length) return 'must list each step kind exactly once';
  if (pace === 'STANDARD' && kinds.length !== REPATRIATION_STEP_KINDS.length) {
    return `must list each of the ${REPATRIATION_STEP_KINDS.length} steps`;
  }
  const missing = required.filter((kind) => !kinds.includes(kind));
  if (missing.length > 0) return `must list ${missing.join(', ')}`;
  const foreign = kinds.filter((kind) => !required.includes(kind) && !optional.includes(kind));
  if (foreign.length > 0) return `a ${pace} plan has no ${foreign.join(', ')} step`;
  return null;
}

/** The kinds of a plan's steps, in their usual order. */
export function inUsualOrder(kinds: readonly RepatriationStepKind[]): RepatriationStepKind[] {
  return REPATRIATION_STEP_KINDS.filter((kind) => kinds.includes(kind));
}

/**
 * Checks that a plan's pace fits the person: a child (or a person whose age is unknown) returns only on
 * a standard plan, with an escort, reception, a guardian and a best-interest assessment.
 *
 * @throws RepatriationRuleError FAST_RETURN_NOT_FOR_CHILD
 */
export function assertPaceFits(pace: RepatriationPace, childTrack: boolean): void {
  if (pace === 'FAST_VOLUNTARY' && childTrack) {
    throw new RepatriationRuleError(
      'FAST_RETURN_NOT_FOR_CHILD',
      'a child, or a person whose age is unknown, returns on a standard plan with escort and reception',
    );
  }
}

/**
 * The organisation that confirms arrival and records follow-ups: the RECEPTION step's owner, or, on a
 * plan without reception (a fast voluntary return), the plan's owner, who stays in touch with the person.
 */
export function arrivalConfirmer(
  plan: { ownerOrganisationId: string },
  steps: readonly { kind: RepatriationStepKind; ownerOrganisationId: string }[],
): string {
  return steps.find((step) => step.kind === 'RECEPTION')?.ownerOrganisationId ?? plan.ownerOrganisationId;
}
