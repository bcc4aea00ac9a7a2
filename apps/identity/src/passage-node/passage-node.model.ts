import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ServiceStatusModel } from '@passage/shared';

@ObjectType('PassageNode', {
  description:
    'The deployment answering this request: which countries it keeps data for, and how its services are doing. ' +
    'Operational metadata only, never case data.',
})
@Directive('@key(fields: "id")')
export class PassageNodeModel {
  @Field(() => ID, { description: 'The node id (NODE_ID).' })
  id: string;

  @Field(() => [String], {
    description: 'ISO 3166-1 alpha-2 codes of the countries whose data this node keeps.',
  })
  hostedCountries: string[];

  @Field(() => ServiceStatusModel)
  identity: ServiceStatusModel;
}
