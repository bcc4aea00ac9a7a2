import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OutboxStatus', {
  description: 'How far a service is behind in announcing its changes over Kafka.',
})
@Directive('@shareable')
export class OutboxStatusModel {
  @Field(() => Int, { description: 'Events committed but not yet published.' })
  pending: number;

  @Field(() => Int, { description: 'Age in seconds of the oldest unpublished event; 0 when none.' })
  oldestPendingAgeSeconds: number;

  @Field(() => Int, { description: 'Events the broker refused outright; they need an operator.' })
  abandoned: number;
}

@ObjectType('ServiceStatus', { description: 'Health of one service of this node, as it sees itself.' })
@Directive('@shareable')
export class ServiceStatusModel {
  @Field()
  name: string;

  @Field({ description: 'True once the service consumes from Kafka.' })
  consuming: boolean;

  @Field(() => OutboxStatusModel)
  outbox: OutboxStatusModel;
}

/** Reads a service's own status for the `PassageNode` entity every subgraph contributes to. */
export async function readServiceStatus(
  name: string,
  relay: { lag(): Promise<{ pending: number; oldestPendingAgeMs: number; abandoned: number }> },
  messaging: { isConsuming(): boolean },
): Promise<ServiceStatusModel> {
  const lag = await relay.lag();
  return {
    name,
    consuming: messaging.isConsuming(),
    outbox: {
      pending: lag.pending,
      oldestPendingAgeSeconds: Math.round(lag.oldestPendingAgeMs / 1000),
      abandoned: lag.abandoned,
    },
  };
}
