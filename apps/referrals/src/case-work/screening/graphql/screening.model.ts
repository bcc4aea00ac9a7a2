import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  OBSERVATION_ANSWERS,
  SCREENING_OUTCOMES,
  SCREENING_REASON_CODES,
  type ObservationAnswer,
  type ScreeningOutcome,
  type ScreeningReasonCode,
} from '@passage/schemas';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ObservationAnswerEnum = asEnum(OBSERVATION_ANSWERS);
export const ScreeningOutcomeEnum = asEnum(SCREENING_OUTCOMES);
export const ScreeningReasonCodeEnum = asEnum(SCREENING_REASON_CODES);
registerEnumType(ObservationAnswerEnum, { name: 'ObservationAnswer' });
registerEnumType(ScreeningOutcomeEnum, { name: 'ScreeningOutcome' });
registerEnumType(ScreeningReasonCodeEnum, {
  name: 'ScreeningReasonCode',
  description: 'Why the shared rule suggested the outcome it did.',
});

@ObjectType('IndicatorObservation')
export class IndicatorObservationModel {
  @Field()
  code: string;

  @Field(() => ObservationAnswerEnum)
  observed: ObservationAnswer;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('EvidenceAgainst', { description: 'A fact recorded as pointing away from trafficking.' })
export class EvidenceAgainstModel {
  @Field()
  code: string;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('Screening', {
  description:
    'A screening against the indicator catalogue. Outcomes are LEGAL data; observations, evidence and reasons are NARRATIVE: null for a caller who may not see them.',
})
export class ScreeningModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  screenedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  screenedAt: Date;

  @Field(() => ScreeningOutcomeEnum, { nullable: true })
  suggestedOutcome: ScreeningOutcome | null;

  @Field(() => [ScreeningReasonCodeEnum], { nullable: true })
  suggestionReasons: ScreeningReasonCode[] | null;

  @Field(() => ScreeningOutcomeEnum, { nullable: true })
  confirmedOutcome: ScreeningOutcome | null;

  @Field(() => [IndicatorObservationModel], { nullable: true })
  observations: IndicatorObservationModel[] | null;

  @Field(() => [EvidenceAgainstModel], { nullable: true })
  evidenceAgainst: EvidenceAgainstModel[] | null;

  @Field(() => String, { nullable: true })
  reasons: string | null;
}
