/**
 * Case work: cases, people, consent, interviews, screening, identification and attestations. Other
 * contexts load cases, read their views and register consent-withdrawal hooks through these names.
 */
export { attestationKeysFromConfig } from './attestation/attestation-keys.js';
export type { AttestationKeyConfig } from './attestation/attestation-keys.js';
export { CaseWorkModule } from './case-work.module.js';
export { CaseRecords } from './case/case-records.js';
export type { LoadedCase } from './case/case-records.js';
export { caseResourceContext, personResourceContext } from './case/case-resource-context.js';
export type { CaseTeamMember } from './case/case-resource-context.js';
export { massIntakeBody } from './case/mass-intake-body.js';
export { CASE_WORK_ENTITIES } from './case/case-work-entities.js';
export { CaseEntity } from './case/entities/case.entity.js';
export { ConsentWithdrawalHooks } from './consent/consent-withdrawal-hooks.js';
export { IdentificationDecisionEntity } from './identification/entities/identification-decision.entity.js';
export { languageCode } from './person/dtos/language-code.js';
export { ScreeningRecordedHooks } from './screening/screening-recorded-hooks.js';
export type { ScreeningRecorded } from './screening/screening-recorded-hooks.js';
export { countryCode, optionalText } from './person/dtos/person.input.js';
export { PersonEntity } from './person/entities/person.entity.js';
export { AgeBandEnum, GenderEnum, ImmediateNeedEnum } from './person/graphql/person.enums.js';
export { AGE_BANDS, GENDERS, minorFromAgeBand } from './person/person-vocabulary.js';
export type { AgeBand, Gender, ImmediateNeed } from './person/person-vocabulary.js';
