import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CaseOutcome, CaseReopenReason } from '@passage/schemas';
import { Connection } from '@passage/shared';
import { ConsentModel } from '../../consent/graphql/consent.model.js';
import { AttestationSummaryModel } from '../../attestation/graphql/attestation.model.js';
import { DetentionRecordModel } from '../../detention/graphql/detention.model.js';
import { FollowUpTaskModel } from '../../follow-up/graphql/follow-up-task.model.js';
import { IdentificationDecisionModel } from '../../identification/graphql/identification-decision.model.js';
import { InterviewModel, InterviewTopicEnum } from '../../interview/graphql/interview.model.js';
import type { InterviewTopic } from '../../interview/interview-vocabulary.js';
import { PersonLinkModel } from '../../person/graphql/person-link.model.js';
import { PersonModel } from '../../person/graphql/person.model.js';
import { ScreeningModel } from '../../screening/graphql/screening.model.js';
import type { CaseOrigin, CaseStatus } from '../case-vocabulary.js';
import { CaseOriginEnum, CaseOutcomeEnum, CaseReopenReasonEnum, CaseStatusEnum } from './case.enums.js';

export const CASE_WARNING_CODES = ['SEXUAL_VIOLENCE_WITHOUT_FEMALE_OR_SPECIALIST_INTERVIEWER'] as const;
export type CaseWarningCode = (typeof CASE_WARNING_CODES)[number];
export const CaseWarningCodeEnum = Object.fromEntries(CASE_WARNING_CODES.map((code) => [code, code])) as {
  [K in CaseWarningCode]: K;
};
registerEnumType(CaseWarningCodeEnum, { name: 'CaseWarningCode' });

@ObjectType('CaseWarning', {
  description: 'Something the case team must act on; shown only to those who may see what it implies.',
})
export class CaseWarningModel {
  @Field(() => CaseWarningCodeEnum)
  code: CaseWarningCode;

  @Field(() => ID)
  personId: string;
}

@ObjectType('CaseStatusChange', { description: 'A close or a reopen: why, by whom and when.' })
export class CaseStatusChangeModel {
  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => CaseOutcomeEnum, { nullable: true, description: 'Set when the case was closed.' })
  outcome: CaseOutcome | null;

  @Field(() => CaseReopenReasonEnum, { nullable: true, description: 'Set when the case was reopened.' })
  reopenReason: CaseReopenReason | null;

  @Field(() => ID)
  changedByUserId: string;

  @Field(() => ID)
  changedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;
}

@ObjectType('Case', {
  description: "A case: one or more people's path through the mechanism in one jurisdiction.",
})
export class CaseModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human reference, e.g. KH-2026-000123 (per jurisdiction and year).' })
  reference: string;

  @Field(() => CaseOriginEnum)
  origin: CaseOrigin;

  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field()
  ownerCountry: string;

  @Field({ description: 'Where the case is handled.' })
  jurisdictionCountry: string;

  @Field(() => ID, { nullable: true })
  rescueRequestId: string | null;

  @Field(() => ID, { nullable: true })
  massIntakeId: string | null;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => CaseOutcomeEnum, {
    nullable: true,
    description: 'How the case ended; set while it is closed.',
  })
  outcome: CaseOutcome | null;

  @Field(() => [CaseStatusChangeModel], { description: 'Every close and reopen, oldest first.' })
  statusHistory: CaseStatusChangeModel[];
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'What due times count from: the rescue for a case opened from a rescue request, else the opening. ' +
      'Null for a case opened before due times were kept.',
  })
  firstContactAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      "When everyone in the case is due to be screened, in working days of the jurisdiction's calendar.",
  })
  screeningDueAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last person was screened.' })
  screeningMetAt: Date | null;

  @Field({ description: 'The case is open, past its screening due time, and someone is not screened yet.' })
  screeningOverdue: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When everyone in the case is due a first identification decision beyond PENDING in the ' +
      "jurisdiction (reasonable grounds, in practice), in working days of the jurisdiction's calendar.",
  })
  identificationDueAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the last person got a decision beyond PENDING in the jurisdiction.',
  })
  identificationMetAt: Date | null;

  @Field({
    description: 'The case is open, past its identification due time, and someone has no decision yet.',
  })
  identificationOverdue: boolean;

  @Field(() => [PersonModel])
  people: PersonModel[];

  @Field(() => [PersonLinkModel], {
    description: 'How people added to the case are related to others in it.',
  })
  personLinks: PersonLinkModel[];

  @Field(() => [ConsentModel], { description: 'Every consent given, standing or withdrawn.' })
  consents: ConsentModel[];

  @Field(() => [InterviewModel])
  interviews: InterviewModel[];

  @Field(() => [InterviewTopicEnum], { description: 'Topics already covered: do not ask again.' })
  topicsCovered: InterviewTopic[];

  @Field(() => [CaseWarningModel])
  warnings: CaseWarningModel[];

  @Field(() => [ScreeningModel])
  screenings: ScreeningModel[];

  @Field(() => [IdentificationDecisionModel], {
    description: 'Decisions (LEGAL data) of the people whose LEGAL data the caller may see.',
  })
  identificationDecisions: IdentificationDecisionModel[];

  @Field(() => [FollowUpTaskModel], {
    description: 'Follow-up tasks (LEGAL data) of the people whose LEGAL data the caller may see.',
  })
  followUpTasks: FollowUpTaskModel[];

  @Field(() => [DetentionRecordModel], {
    description:
      'Detention and punishment records (LEGAL data), one per person with anything recorded, of the people whose LEGAL data the caller may see.',
  })
  detentionRecords: DetentionRecordModel[];

  @Field(() => [AttestationSummaryModel], {
    description: 'Attestations issued (never their codes), for people whose LEGAL data the caller may see.',
  })
  attestations: AttestationSummaryModel[];
}

@ObjectType('CaseSummary', { description: 'What a list shows of a case: operational facts only.' })
export class CaseSummaryModel {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => CaseOriginEnum)
  origin: CaseOrigin;

  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => ID)
  ownerOrganisationId: string;

  @Field()
  jurisdictionCountry: string;

  @Field(() => GraphQLISODateTime)
  openedAt: Date;

  @Field(() => Int)
  personCount: number;

  @Field(() => Int, { description: 'People who are, or may be (age unknown), children.' })
  possibleMinorCount: number;

  @Field({ description: 'Someone in the case needs medical care urgently.' })
  urgentMedicalNeed: boolean;
}

@ObjectType('CaseSummaryConnection')
export class CaseSummaryConnection extends Connection(CaseSummaryModel, 'CaseSummary') {}

@ObjectType('OpenCasePayload')
export class OpenCasePayload {
  @Field(() => CaseModel)
  case: CaseModel;
}

@ObjectType('MassIntakeCase')
export class MassIntakeCaseModel {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field()
  reference: string;
}

@ObjectType('RegisterMassIntakePayload')
export class RegisterMassIntakePayload {
  @Field(() => ID)
  massIntakeId: string;

  @Field(() => Int)
  caseCount: number;

  @Field(() => [MassIntakeCaseModel], { description: 'In the order the people were given.' })
  cases: MassIntakeCaseModel[];
}

/** Payload of a change on a case: the case as the caller may now see it. */
@ObjectType('CasePayload')
export class CasePayload {
  @Field(() => CaseModel)
  case: CaseModel;
}
