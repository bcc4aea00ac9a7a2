import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Compound', {
  description: 'A place requests were grouped under, with everyone reported there in requests still open.',
})
export class CompoundModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null when you may not see locations.' })
  name: string | null;

  @Field(() => String, { nullable: true })
  district: string | null;

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field()
  country: string;

  @Field(() => Boolean, { nullable: true })
  insideSpecialEconomicZone: boolean | null;

  @Field(() => Int, {
    description: 'Everyone reported there: named people plus others, across open requests.',
  })
  peopleReported: number;

  @Field(() => Int)
  listedPeople: number;

  @Field(() => [String], { nullable: true, description: 'Names or aliases listed in open requests.' })
  listedNames: string[] | null;

  @Field(() => Int)
  openRequests: number;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the oldest open request was submitted.',
  })
  oldestOpenRequestAt: Date | null;

  @Field(() => GraphQLISODateTime)
  firstReportedAt: Date;
}
