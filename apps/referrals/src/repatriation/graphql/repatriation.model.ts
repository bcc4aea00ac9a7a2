import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  ExitClearanceStatus,
  FollowUpOutcome,
  RepatriationPace,
  RepatriationPlanStatus,
  RepatriationStepKind,
  RepatriationStepStatus,
  ReturnRiskConclusion,
  ReturnRiskFactor,
  ReturnRiskLevel,
} from '@passage/schemas';
import type { ReceptionGap } from '../rules/reception-coverage.js';
import {
  ExitClearanceStatusEnum,
  FollowUpOutcomeEnum,
  ReceptionGapEnum,
  RepatriationPaceEnum,
  RepatriationPlanStatusEnum,
  RepatriationStepKindEnum,
  RepatriationStepStatusEnum,
  ReturnRiskConclusionEnum,
  ReturnRiskFactorEnum,
  ReturnRiskLevelEnum,
} from './repatriation.enums.js';

@ObjectType('ReturnRiskFactorAssessment')
export class ReturnRiskFactorModel {
  @Field(() => ReturnRiskFactorEnum)
  factor: ReturnRiskFactor;

  @Field(() => ReturnRiskLevelEnum)
  level: ReturnRiskLevel;

  @Field(() => String, { nullable: true, description: 'Narrative; null when withheld or not given.' })
  notes: string | null;
}

@ObjectType('ReturnRiskAssessment', {
  description:
    'A pre-return risk assessment of one person; withheld fields are null (see withheldCategories).',
})
export class ReturnRiskAssessmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => [ReturnRiskFactorModel])
  factors: ReturnRiskFactorModel[];

  @Field(() => ReturnRiskConclusionEnum)
  conclusion: ReturnRiskConclusion;

  @Field(() => String, { nullable: true, description: 'Narrative.' })
  conclusionNotes: string | null;

  @Field({
    description: 'Assessed as a child (under 18 or age unknown): best interest and guardian required.',
  })
  childTrack: boolean;

  @Field(() => String, { nullable: true, description: 'Narrative: the best-interest assessment.' })
  bestInterestSummary: string | null;

  @Field(() => Boolean, { nullable: true })
  returnInChildsBestInterest: boolean | null;

  @Field(() => String, { nullable: true, description: "Identity: the guardian's name." })
  guardianName: string | null;

  @Field(() => ID, { nullable: true })
  guardianOrganisationId: string | null;

  @Field(() => ID)
  assessedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  assessedAt: Date;

  @Field(() => [String], { description: 'Data categories withheld from the caller.' })
  withheldCategories: string[];
}

@ObjectType('RecordRiskAssessmentPayload')
export class RecordRiskAssessmentPayload {
  @Field(() => ReturnRiskAssessmentModel)
  riskAssessment: ReturnRiskAssessmentModel;
}

@ObjectType('RepatriationStep')
export class RepatriationStepModel {
  @Field(() => RepatriationStepKindEnum)
  kind: RepatriationStepKind;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field({ description: "The owner organisation's country." })
  ownerCountry: string;

  @Field({ description: 'Calendar day the step is due, YYYY-MM-DD.' })
  dueOn: string;

  @Field(() => RepatriationStepStatusEnum)
  status: RepatriationStepStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the step first left PENDING.' })
  enteredAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the step was DONE.' })
  leftAt: Date | null;

  @Field({ description: 'Not done and past its due day.' })
  overdue: boolean;
}

@ObjectType('ExitClearanceOutcome', {
  description: "The plan side's view of its latest exit-clearance request.",
})
export class ExitClearanceOutcomeModel {
  @Field(() => ID)
  requestId: string;

  @Field(() => ID)
  addressedToOrganisationId: string;

  @Field(() => ExitClearanceStatusEnum)
  status: ExitClearanceStatus;

  @Field(() => Boolean, { nullable: true })
  fineWaived: boolean | null;

  @Field(() => String, { nullable: true, description: "The immigration authority's reference." })
  reference: string | null;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;
}

@ObjectType('ReintegrationFollowUp')
export class ReintegrationFollowUpModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  monthsAfter: number;

  @Field({ description: 'Calendar day the follow-up is due, YYYY-MM-DD.' })
  dueOn: string;

  @Field(() => FollowUpOutcomeEnum, { nullable: true })
  outcome: FollowUpOutcome | null;

  @Field(() => String, { nullable: true, description: 'Narrative; null when withheld or not given.' })
  notes: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  recordedAt: Date | null;
}

@ObjectType('RefusedRemoteChange', {
  description: "Why the plan's node refused the last change asked for from this node.",
})
export class RefusedRemoteChangeModel {
  @Field({ description: 'The rule that refused it, e.g. STEP_NEEDS_APPROVAL or STEPS_NOT_DONE.' })
  code: string;

  @Field()
  message: string;
}

@ObjectType('RepatriationPlan')
export class RepatriationPlanModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null when the plan is held on another node.' })
  caseId: string | null;

  @Field(() => ID, { nullable: true, description: 'Null when the plan is held on another node.' })
  personId: string | null;

  @Field({ description: "The case's reference, as the country that holds the case wrote it." })
  caseReference: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Null when this node holds the plan. Otherwise the country whose node holds it: this organisation owns some of its steps and sees the plan's operational facts only; its changes travel to that node, which may refuse them (see lastRefusal).",
  })
  sharedFromCountry: string | null;

  @Field(() => RefusedRemoteChangeModel, { nullable: true })
  lastRefusal: RefusedRemoteChangeModel | null;

  @Field({ description: 'The country the person leaves (where the case is handled).' })
  jurisdictionCountry: string;

  @Field({ description: 'The country the person returns to.' })
  returnCountry: string;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field(() => RepatriationPlanStatusEnum)
  status: RepatriationPlanStatus;

  @Field(() => RepatriationPaceEnum)
  pace: RepatriationPace;

  @Field(() => ReceptionGapEnum, {
    nullable: true,
    description:
      'Why no one on the platform can receive the person in the country of return; null when someone can, and on a copy held for another node.',
  })
  receptionGap: ReceptionGap | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who receives the person instead, and how (required with a gap). Null on a copy held for another node.',
  })
  receptionArrangement: string | null;

  @Field(() => ID, { nullable: true, description: 'The risk assessment the approval relied on.' })
  riskAssessmentId: string | null;

  @Field(() => ID, { nullable: true })
  approvedByOrganisationId: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  approvedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  arrivedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => [RepatriationStepModel], {
    description:
      "The plan's steps in their usual order: all six on a STANDARD plan, fewer on a FAST_VOLUNTARY one.",
  })
  steps: RepatriationStepModel[];

  @Field(() => ExitClearanceOutcomeModel, { nullable: true })
  exitClearance: ExitClearanceOutcomeModel | null;

  @Field(() => [ReintegrationFollowUpModel])
  followUps: ReintegrationFollowUpModel[];
}

@ObjectType('RepatriationPlanPayload')
export class RepatriationPlanPayload {
  @Field(() => RepatriationPlanModel)
  plan: RepatriationPlanModel;
}

@ObjectType('StageDuration', {
  description:
    'Time spent in one repatriation step in one country, over completed steps of plans whose survivor consented to anonymised statistics. Cells resting on fewer than 5 plans are suppressed (k-anonymity): `suppressed` is true and every figure, count included, is null.',
})
export class StageDurationModel {
  @Field(() => RepatriationStepKindEnum)
  step: RepatriationStepKind;

  @Field()
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Plans the cell rests on; null when suppressed.' })
  plans: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from entering the step to leaving it.' })
  medianDays: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of days in the step.' })
  p90Days: number | null;
}
