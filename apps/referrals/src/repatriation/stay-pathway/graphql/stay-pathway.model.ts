import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type {
  StayPathwayBasis,
  StayPathwayKind,
  StayPathwayStatus,
  StayStepKind,
  StayStepOutcome,
  StayStepStatus,
} from '@passage/schemas';
import {
  StayPathwayBasisEnum,
  StayPathwayKindEnum,
  StayPathwayStatusEnum,
  StayStepKindEnum,
  StayStepOutcomeEnum,
  StayStepStatusEnum,
} from './stay-pathway.enums.js';

@ObjectType('StayPathwayStep')
export class StayPathwayStepModel {
  @Field(() => StayStepKindEnum)
  kind: StayStepKind;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field({ description: 'Calendar day the step is due, YYYY-MM-DD.' })
  dueOn: string;

  @Field(() => StayStepStatusEnum)
  status: StayStepStatus;

  @Field(() => StayStepOutcomeEnum, { nullable: true, description: 'Set once the step is DONE.' })
  outcome: StayStepOutcome | null;

  @Field(() => String, {
    nullable: true,
    description: "Narrative: what was said with the step's completion or decline; null when withheld.",
  })
  notes: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the step first left PENDING.' })
  enteredAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the step was DONE.' })
  leftAt: Date | null;

  @Field({ description: 'Not done and past its due day.' })
  overdue: boolean;
}

@ObjectType('StayPathway', {
  description:
    "A person's pathway other than return (permit, asylum or refugee status, resettlement), opened when return is not safe. Shown only to the case's owner, the pathway's owner and its step owners, with the person's STAY_PATHWAY consent; never to immigration, police or an embassy.",
})
export class StayPathwayModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field({ description: "The case's reference." })
  caseReference: string;

  @Field({ description: 'The country the person is in; every step owner works there.' })
  jurisdictionCountry: string;

  @Field(() => StayPathwayKindEnum)
  kind: StayPathwayKind;

  @Field(() => StayPathwayStatusEnum)
  status: StayPathwayStatus;

  @Field(() => StayPathwayBasisEnum)
  basis: StayPathwayBasis;

  @Field(() => ID, { nullable: true, description: 'The risk assessment that found return unsafe.' })
  riskAssessmentId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Narrative: why the pathway was opened; null when withheld or not given.',
  })
  reason: string | null;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => [StayPathwayStepModel], { description: 'The steps in the order they are worked.' })
  steps: StayPathwayStepModel[];

  @Field(() => [String], { description: 'Data categories withheld from the caller.' })
  withheldCategories: string[];
}

@ObjectType('StayPathwayPayload')
export class StayPathwayPayload {
  @Field(() => StayPathwayModel)
  pathway: StayPathwayModel;
}
