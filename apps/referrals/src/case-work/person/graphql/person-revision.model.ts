import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DataCategory } from '@passage/schemas';
import { DataCategoryEnum } from '@passage/shared';

@ObjectType('PersonFieldChange', { description: 'One field of a revision, before and after.' })
export class PersonFieldChangeModel {
  @Field({ description: 'The field of Person that changed (dateOfBirth, documentNumber...).' })
  field: string;

  @Field(() => DataCategoryEnum)
  category: DataCategory;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON text; null when empty.' })
  from: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON text; null when empty.' })
  to: string | null;
}

@ObjectType('PersonRevision', {
  description:
    'The change that made one version of a person: who, when, and each field before and after. Fields of a category the caller may not see are left out and their category listed.',
})
export class PersonRevisionModel {
  @Field(() => Int)
  version: number;

  @Field(() => ID)
  changedByUserId: string;

  @Field(() => ID)
  changedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;

  @Field(() => [PersonFieldChangeModel])
  changes: PersonFieldChangeModel[];

  @Field(() => [DataCategoryEnum], { description: 'Categories changed here that the caller may not see.' })
  withheldCategories: DataCategory[];
}
