import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ExchangeStatus', { description: "This node's side of the cross-border exchange." })
export class ExchangeStatusModel {
  @Field(() => [String], {
    description: 'Kafka topics of the mailboxes this node reads (one per hosted country).',
  })
  mailboxTopics: string[];

  @Field(() => Int, { description: 'Countries in the trust directory, i.e. reachable through the exchange.' })
  reachableCountries: number;

  @Field({ description: 'When the trust directory in use was last changed.' })
  trustDirectoryUpdatedAt: Date;
}
