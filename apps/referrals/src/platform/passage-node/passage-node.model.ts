import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ServiceStatusModel } from '@passage/shared';
import { ExchangeStatusModel } from './exchange-status.model.js';

@ObjectType('PassageNode')
@Directive('@key(fields: "id")')
export class PassageNodeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ServiceStatusModel)
  referrals: ServiceStatusModel;

  @Field(() => ExchangeStatusModel)
  exchange: ExchangeStatusModel;
}
