import { registerEnumType } from '@nestjs/graphql';
import {
  EXIT_CLEARANCE_DECISIONS,
  EXIT_CLEARANCE_STATUSES,
  FOLLOW_UP_OUTCOMES,
  REPATRIATION_PACES,
  REPATRIATION_PLAN_STATUSES,
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
  RETURN_RISK_CONCLUSIONS,
  RETURN_RISK_FACTORS,
  RETURN_RISK_LEVELS,
} from '@passage/schemas';
import { RECEPTION_GAPS, type ReceptionGap } from '../rules/reception-coverage.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ReturnRiskFactorEnum = asEnum(RETURN_RISK_FACTORS);
export const ReturnRiskLevelEnum = asEnum(RETURN_RISK_LEVELS);
export const ReturnRiskConclusionEnum = asEnum(RETURN_RISK_CONCLUSIONS);
export const RepatriationStepKindEnum = asEnum(REPATRIATION_STEP_KINDS);
export const RepatriationStepStatusEnum = asEnum(REPATRIATION_STEP_STATUSES);
export const RepatriationPlanStatusEnum = asEnum(REPATRIATION_PLAN_STATUSES);
export const ExitClearanceStatusEnum = asEnum(EXIT_CLEARANCE_STATUSES);
export const ExitClearanceDecisionEnum = asEnum(EXIT_CLEARANCE_DECISIONS);
export const FollowUpOutcomeEnum = asEnum(FOLLOW_UP_OUTCOMES);
export const RepatriationPaceEnum = asEnum(REPATRIATION_PACES);

registerEnumType(ReturnRiskFactorEnum, {
  name: 'ReturnRiskFactor',
  description: 'What a pre-return risk assessment looks at.',
});
registerEnumType(ReturnRiskLevelEnum, {
  name: 'ReturnRiskLevel',
  description: 'UNKNOWN never reads as safe.',
});
registerEnumType(ReturnRiskConclusionEnum, { name: 'ReturnRiskConclusion' });
registerEnumType(RepatriationStepKindEnum, {
  name: 'RepatriationStepKind',
  description:
    'TRAVEL_DOCUMENT (the embassy), EXIT_CLEARANCE (immigration of the country left), FUNDING, TRAVEL_BOOKED, ESCORT, RECEPTION (focal point or NGO of the origin country).',
});
registerEnumType(RepatriationStepStatusEnum, {
  name: 'RepatriationStepStatus',
  description:
    'A step runs from its first move out of PENDING until DONE; BLOCKED time counts as time in the step.',
});
registerEnumType(RepatriationPlanStatusEnum, { name: 'RepatriationPlanStatus' });
registerEnumType(ExitClearanceStatusEnum, { name: 'ExitClearanceStatus' });
registerEnumType(ExitClearanceDecisionEnum, { name: 'ExitClearanceDecision' });
registerEnumType(FollowUpOutcomeEnum, { name: 'ReintegrationFollowUpOutcome' });
registerEnumType(RepatriationPaceEnum, {
  name: 'RepatriationPace',
  description:
    'STANDARD: all six steps. FAST_VOLUNTARY: an adult going home quickly by choice; TRAVEL_DOCUMENT and TRAVEL_BOOKED, optionally EXIT_CLEARANCE (with a protection attestation) and FUNDING; no ESCORT, no RECEPTION (the plan owner confirms arrival); consent to return, approval on a risk assessment and reintegration follow-ups as for any plan.',
});

export const ReceptionGapEnum = asEnum<ReceptionGap>(RECEPTION_GAPS);
registerEnumType(ReceptionGapEnum, {
  name: 'ReceptionGap',
  description: 'Why a plan has no one on the platform to receive the person at home.',
});
