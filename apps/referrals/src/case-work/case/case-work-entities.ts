import { ProtectionAttestationEntity } from '../attestation/entities/protection-attestation.entity.js';
import { ConsentEntity } from '../consent/entities/consent.entity.js';
import { DetentionEntity } from '../detention/entities/detention.entity.js';
import { NonPunishmentNoticeEntity } from '../detention/entities/non-punishment-notice.entity.js';
import { PenaltyEntity } from '../detention/entities/penalty.entity.js';
import { FollowUpTaskEntryEntity } from '../follow-up/entities/follow-up-task-entry.entity.js';
import { FollowUpTaskEntity } from '../follow-up/entities/follow-up-task.entity.js';
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
  FollowUpTaskEntryEntity,
  DetentionEntity,
  PenaltyEntity,
  NonPunishmentNoticeEntity,
  ProtectionAttestationEntity,
];
