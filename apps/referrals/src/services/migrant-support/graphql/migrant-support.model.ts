import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MigrantSupportPromptStatus } from '../migrant-support-prompts.repository.js';

export const MigrantSupportPromptStatusEnum = {
  OPEN: 'OPEN',
  REFERRED: 'REFERRED',
  SUPERSEDED: 'SUPERSEDED',
  DECLINED: 'DECLINED',
} as const satisfies Record<MigrantSupportPromptStatus, MigrantSupportPromptStatus>;

registerEnumType(MigrantSupportPromptStatusEnum, {
  name: 'MigrantSupportPromptStatus',
  description:
    'OPEN until the person is referred to a VULNERABLE_MIGRANT_SUPPORT service (REFERRED), a later screening finds otherwise (SUPERSEDED), or the person declines (DECLINED).',
});

@ObjectType('MigrantSupportPrompt', {
  description:
    "A person screened NOT_INDICATED is not trafficked as far as the screening could tell, but is still a migrant in need: the case's owner is prompted to refer them to a service of type VULNERABLE_MIGRANT_SUPPORT (search with victimStatus NOT_INDICATED).",
})
export class MigrantSupportPromptModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  caseReference: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID, { description: 'The screening that found no trafficking indicated.' })
  screeningId: string;

  @Field(() => MigrantSupportPromptStatusEnum)
  status: MigrantSupportPromptStatus;

  @Field(() => ID, { nullable: true, description: 'The referral that settled the prompt.' })
  referralId: string | null;

  @Field(() => String, { nullable: true, description: 'Narrative: why the person declined.' })
  note: string | null;

  @Field(() => GraphQLISODateTime)
  promptedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  settledAt: Date | null;
}

@ObjectType('MigrantSupportPromptPayload')
export class MigrantSupportPromptPayload {
  @Field(() => MigrantSupportPromptModel)
  prompt: MigrantSupportPromptModel;
}
