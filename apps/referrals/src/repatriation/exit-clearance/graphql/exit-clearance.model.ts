import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@passage/shared';
import type { ExitClearanceStatus } from '@passage/schemas';
import { ExitClearanceStatusEnum } from '../../graphql/repatriation.enums.js';

/**
 * What the immigration authority sees of a repatriation: four fields and the state of its own answer.
 * There is deliberately no case, person, plan, nationality or narrative field on this type, so no query
 * can ask for one.
 */
@ObjectType('ExitClearanceRequest', {
  description:
    'A minimal exit-clearance request: travel document number, name on the travel document, attestation code and requested departure date. The attestation code is shown while the request is pending only.',
})
export class ExitClearanceRequestModel {
  @Field(() => ID)
  id: string;

  @Field()
  travelDocumentNumber: string;

  @Field()
  nameOnTravelDocument: string;

  @Field(() => String, { nullable: true, description: 'Null once the request is answered or withdrawn.' })
  attestationCode: string | null;

  @Field({ description: 'YYYY-MM-DD.' })
  requestedDepartureDate: string;

  @Field(() => ExitClearanceStatusEnum)
  status: ExitClearanceStatus;

  @Field(() => Boolean, { nullable: true })
  fineWaived: boolean | null;

  @Field(() => String, { nullable: true })
  responseReference: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;
}

@ObjectType('ExitClearanceRequestConnection')
export class ExitClearanceRequestConnection extends Connection(
  ExitClearanceRequestModel,
  'ExitClearanceRequest',
) {}

@ObjectType('RespondToExitClearancePayload')
export class RespondToExitClearancePayload {
  @Field(() => ExitClearanceRequestModel)
  request: ExitClearanceRequestModel;
}
