import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  REFERRAL_DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type DataCategory,
  type ReferralDeclineReason,
  type ReferralOutcome,
  type ReferralStatus,
  type ServiceType,
} from '@passage/schemas';
import { Connection, DataCategoryEnum } from '@passage/shared';
import { AgeBandEnum, GenderEnum, ImmediateNeedEnum } from '../../../case-work/index.js';
import type { AgeBand, Gender, ImmediateNeed } from '../../../case-work/index.js';
import { ServiceTypeEnum } from '../../service-directory/graphql/service-directory.model.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ReferralStatusEnum = asEnum(REFERRAL_STATUSES);
export const ReferralDeclineReasonEnum = asEnum(REFERRAL_DECLINE_REASONS);
export const ReferralOutcomeEnum = asEnum(REFERRAL_OUTCOMES);
export const ReferralRoleEnum = asEnum(['SENT', 'RECEIVED', 'JURISDICTION'] as const);
export const ReferralDecisionEnum = asEnum(['ACCEPT', 'DECLINE'] as const);
export const ReferralUpdateStatusEnum = asEnum(['IN_PROGRESS', 'COMPLETED', 'WITHDRAWN'] as const);

registerEnumType(ReferralStatusEnum, {
  name: 'ReferralStatus',
  description: 'PENDING → ACCEPTED | DECLINED; ACCEPTED → IN_PROGRESS → COMPLETED; WITHDRAWN by the sender.',
});
registerEnumType(ReferralDeclineReasonEnum, { name: 'ReferralDeclineReason' });
registerEnumType(ReferralOutcomeEnum, { name: 'ReferralOutcome' });
registerEnumType(ReferralRoleEnum, {
  name: 'ReferralRole',
  description:
    "SENT: by the caller's organisation; RECEIVED: addressed to it; JURISDICTION: every referral of the caller's country (focal points, oversight).",
});
registerEnumType(ReferralDecisionEnum, { name: 'ReferralDecision' });
registerEnumType(ReferralUpdateStatusEnum, {
  name: 'ReferralUpdateStatus',
  description: 'IN_PROGRESS and COMPLETED by the provider; WITHDRAWN by the sender.',
});

@ObjectType('ReferralStatusChange')
export class ReferralStatusChangeModel {
  @Field(() => ReferralStatusEnum, { nullable: true })
  from: ReferralStatus | null;

  @Field(() => ReferralStatusEnum)
  to: ReferralStatus;

  @Field(() => String, { nullable: true, description: 'The decline reason or outcome code, if any.' })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  changedByOrganisationId: string | null;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;
}

@ObjectType('Referral', {
  description:
    'A referral of one person of a case to a service in the same country. Every field here is operational: it is what the provider needs to accept or decline. The shared categories are read through `case` once accepted.',
})
export class ReferralModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  serviceId: string;

  @Field()
  serviceName: string;

  @Field(() => ServiceTypeEnum)
  serviceType: ServiceType;

  @Field()
  jurisdictionCountry: string;

  @Field(() => ID)
  fromOrganisationId: string;

  @Field()
  fromOrganisationName: string;

  @Field(() => ID)
  toOrganisationId: string;

  @Field()
  toOrganisationName: string;

  @Field(() => [DataCategoryEnum], {
    description: 'What the provider sees of the person once it accepts, while the survivor consents.',
  })
  sharedCategories: DataCategory[];

  @Field(() => GenderEnum, { description: 'UNKNOWN unless the sender may see it.' })
  gender: Gender;

  @Field(() => AgeBandEnum)
  ageBand: AgeBand;

  @Field(() => [String])
  languages: string[];

  @Field(() => [ImmediateNeedEnum])
  needs: ImmediateNeed[];

  @Field()
  urgentMedicalNeed: boolean;

  @Field(() => ReferralStatusEnum)
  status: ReferralStatus;

  @Field(() => ReferralDeclineReasonEnum, { nullable: true })
  declineReason: ReferralDeclineReason | null;

  @Field(() => String, { nullable: true, description: 'Shown to the sender and the provider only.' })
  declineNote: string | null;

  @Field(() => ReferralOutcomeEnum, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => String, { nullable: true, description: 'Shown to the sender and the provider only.' })
  outcomeNote: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  statusChangedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the next step is due.' })
  dueAt: Date | null;

  @Field({ description: 'Past its due time: the sender and the focal point were told.' })
  escalated: boolean;

  @Field(() => [ReferralStatusChangeModel])
  history: ReferralStatusChangeModel[];
}

@ObjectType('ReferralConnection')
export class ReferralConnection extends Connection(ReferralModel, 'Referral') {}

@ObjectType('ReferralPayload')
export class ReferralPayload {
  @Field(() => ReferralModel)
  referral: ReferralModel;
}
