import { registerEnumType } from '@nestjs/graphql';
import { CASE_OUTCOMES, CASE_REOPEN_REASONS } from '@passage/schemas';
import { CASE_ORIGINS, CASE_STATUSES, SINGLE_CASE_ORIGINS } from '../case-vocabulary.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const CaseOriginEnum = asEnum(CASE_ORIGINS);
export const OpenCaseOriginEnum = asEnum(SINGLE_CASE_ORIGINS);
export const CaseStatusEnum = asEnum(CASE_STATUSES);
export const CaseOutcomeEnum = asEnum(CASE_OUTCOMES);
export const CaseReopenReasonEnum = asEnum(CASE_REOPEN_REASONS);

registerEnumType(CaseOriginEnum, {
  name: 'CaseOrigin',
  description: 'How the case came about; a self-exit (escape or ransom) has the same rights as a rescue.',
});
registerEnumType(OpenCaseOriginEnum, {
  name: 'OpenCaseOrigin',
  description: 'Origins openCase accepts; a mass intake goes through registerMassIntake.',
});
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });
registerEnumType(CaseOutcomeEnum, { name: 'CaseOutcome', description: 'How a case ended.' });
registerEnumType(CaseReopenReasonEnum, {
  name: 'CaseReopenReason',
  description: 'Why a closed case was taken up again.',
});
