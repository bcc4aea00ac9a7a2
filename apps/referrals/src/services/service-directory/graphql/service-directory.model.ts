import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SERVICE_TYPES, type ServiceType } from '@passage/schemas';
import { AgeBandEnum, GenderEnum } from '../../../case-work/index.js';
import type { AgeBand, Gender } from '../../../case-work/index.js';
import {
  SERVICE_CRITERIA,
  SERVICE_ELIGIBILITIES,
  VICTIM_STATUSES,
  type ServiceCriterion,
  type ServiceEligibility,
} from '../service-matching.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ServiceTypeEnum = asEnum(SERVICE_TYPES);
export const ServiceEligibilityEnum = asEnum(SERVICE_ELIGIBILITIES);
export const VictimStatusEnum = asEnum(VICTIM_STATUSES);
export const ServiceCriterionEnum = asEnum(SERVICE_CRITERIA);

registerEnumType(ServiceTypeEnum, {
  name: 'ServiceType',
  description:
    'A kind of service for survivors. VULNERABLE_MIGRANT_SUPPORT serves migrants in need whatever a screening found (eligibility ANY).',
});
registerEnumType(ServiceEligibilityEnum, {
  name: 'ServiceEligibility',
  description:
    'Whom a service takes: presumed victims (and identified ones), identified victims only, or anyone.',
});
registerEnumType(VictimStatusEnum, {
  name: 'VictimStatus',
  description:
    'How far identification has come for the person a search is for. NOT_INDICATED (screened, no trafficking indicated) matches only services that take anyone.',
});
registerEnumType(ServiceCriterionEnum, {
  name: 'ServiceCriterion',
  description: 'A need a near-miss service does not meet.',
});

@ObjectType('Service', {
  description:
    "A provider's service in the directory (after Open Referral's HSDS). Province and district only: no street address.",
})
export class ServiceModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'HSDS organization.id: the provider organisation.' })
  organizationId: string;

  @Field({ description: "The provider organisation's display name." })
  organizationName: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ServiceTypeEnum)
  serviceType: ServiceType;

  @Field({ description: 'False once the provider took the service off the directory.' })
  active: boolean;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country the service is given in.' })
  country: string;

  @Field(() => String, { nullable: true })
  stateProvince: string | null;

  @Field(() => String, { nullable: true })
  district: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Places in total (beds, for a shelter); null when not tracked.',
  })
  capacityMaximum: number | null;

  @Field(() => Int, { nullable: true, description: 'Places free now; null when not tracked.' })
  capacityAvailable: number | null;

  @Field(() => [GenderEnum])
  genders: Gender[];

  @Field(() => [AgeBandEnum])
  ageBands: AgeBand[];

  @Field(() => [String], { description: 'ISO 639 codes of the languages the service works in.' })
  languages: string[];

  @Field(() => ServiceEligibilityEnum)
  eligibility: ServiceEligibility;

  @Field(() => String, { nullable: true, description: 'HSDS schedule.description: contact hours.' })
  scheduleDescription: string | null;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('ServiceNearMiss', { description: 'A service that meets every need but one, and which one.' })
export class ServiceNearMissModel {
  @Field(() => ServiceModel)
  service: ServiceModel;

  @Field(() => [ServiceCriterionEnum])
  unmet: ServiceCriterion[];
}

@ObjectType('ServiceSearchResult', {
  description:
    'Services that meet every need, and separately those that miss exactly one. Type and country are never relaxed; an empty `matches` means there is no such service here.',
})
export class ServiceSearchResultModel {
  @Field(() => [ServiceModel])
  matches: ServiceModel[];

  @Field(() => [ServiceNearMissModel])
  nearMisses: ServiceNearMissModel[];
}

@ObjectType('UpsertServicePayload')
export class UpsertServicePayload {
  @Field(() => ServiceModel)
  service: ServiceModel;
}
