import { registerEnumType } from '@nestjs/graphql';
import {
  STAY_PATHWAY_BASES,
  STAY_PATHWAY_KINDS,
  STAY_PATHWAY_STATUSES,
  STAY_STEP_KINDS,
  STAY_STEP_OUTCOMES,
  STAY_STEP_STATUSES,
} from '@passage/schemas';
import { STAY_STEP_ACTIONS } from '../../rules/stay-pathway-steps.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const StayPathwayKindEnum = asEnum(STAY_PATHWAY_KINDS);
export const StayPathwayStatusEnum = asEnum(STAY_PATHWAY_STATUSES);
export const StayPathwayBasisEnum = asEnum(STAY_PATHWAY_BASES);
export const StayStepKindEnum = asEnum(STAY_STEP_KINDS);
export const StayStepStatusEnum = asEnum(STAY_STEP_STATUSES);
export const StayStepOutcomeEnum = asEnum(STAY_STEP_OUTCOMES);
export const StayStepActionEnum = asEnum(STAY_STEP_ACTIONS);

registerEnumType(StayPathwayKindEnum, {
  name: 'StayPathwayKind',
  description:
    'TEMPORARY_PERMIT (APPLICATION, DECISION, ISSUANCE, RENEWAL), ASYLUM_OR_REFUGEE_STATUS (REGISTRATION, INTERVIEW, DECISION, APPEAL), RESETTLEMENT to a third country (REFERRAL, SUBMISSION, ACCEPTANCE, TRAVEL).',
});
registerEnumType(StayPathwayStatusEnum, {
  name: 'StayPathwayStatus',
  description: 'OPEN until a decision settles it: GRANTED (the person may stay, or is resettled) or REFUSED.',
});
registerEnumType(StayPathwayBasisEnum, {
  name: 'StayPathwayBasis',
  description:
    "UNSAFE_RETURN_ASSESSMENT: the person's latest return risk assessment found return unsafe. DECISION_ROLE_REASON: a supervisor or focal point opened it on a reason of their own.",
});
registerEnumType(StayStepKindEnum, { name: 'StayStepKind' });
registerEnumType(StayStepStatusEnum, {
  name: 'StayStepStatus',
  description:
    'DECLINED: the owner cannot take the step on; the pathway owner gives it to another organisation.',
});
registerEnumType(StayStepOutcomeEnum, {
  name: 'StayStepOutcome',
  description:
    'COMPLETED for a step that is done (a registration); GRANTED or REFUSED for a decision, an appeal, a renewal or an acceptance; NOT_NEEDED for a step skipped (no appeal lodged, an interview not held, steps left once a decision settled the pathway).',
});
registerEnumType(StayStepActionEnum, {
  name: 'StayStepAction',
  description:
    'START and COMPLETE (with an outcome): the step owner, the pathway owner or the case owner, in order. DECLINE (with notes): the step owner only. REASSIGN (to ownerOrganisationId): the pathway or case owner, for a waiting or declined step.',
});
