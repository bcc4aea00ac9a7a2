import { ProtectionAttestationEntity } from '../attestation/entities/protection-attestation.entity.js';
import { ConsentEntity } from '../consent/entities/consent.entity.js';
import { FollowUpTaskEntity } from '../identification/entities/follow-up-task.entity.js';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { InterviewEntity } from '../interview/entities/interview.entity.js';
import { PersonLinkEntity } from '../person/entities/person-link.entity.js';
import { PersonRevisionEntity } from '../person/entities/person-revision.entity.js';
import { PersonEntity } from '../person/entities/person.entity.js';
import { ScreeningEntity } from '../screening/entities/screening.entity.js';
import { CaseStatusChangeEntity } from './entities/case-status-change.entity.js';
import { CaseEntity } from './entities/case.entity.js';

/** Every TypeORM entity of case work, for the referrals data source. */
export const CASE_WORK_ENTITIES = [
  CaseEntity,
  CaseStatusChangeEntity,
  PersonEntity,
  PersonRevisionEntity,
  PersonLinkEntity,
  ConsentEntity,
  InterviewEntity,
  ScreeningEntity,
  IdentificationDecisionEntity,
  FollowUpTaskEntity,
  ProtectionAttestationEntity,
];
