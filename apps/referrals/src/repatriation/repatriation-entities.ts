import { ExitClearanceRequestEntity } from './exit-clearance/entities/exit-clearance-request.entity.js';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { ReturnRiskAssessmentEntity } from './entities/return-risk-assessment.entity.js';
import { StayPathwayStepEntity } from './stay-pathway/entities/stay-pathway-step.entity.js';
import { StayPathwayEntity } from './stay-pathway/entities/stay-pathway.entity.js';

/** Every TypeORM entity of repatriation, for the referrals data source. */
export const REPATRIATION_ENTITIES = [
  ReturnRiskAssessmentEntity,
  RepatriationPlanEntity,
  RepatriationStepEntity,
  ExitClearanceRequestEntity,
  ReintegrationFollowUpEntity,
  StayPathwayEntity,
  StayPathwayStepEntity,
];
