import { Inject } from '@nestjs/common';
import { Context, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { exchangeMailboxTopic } from '@passage/schemas';
import {
  MessagingLifecycle,
  OutboxRelay,
  Public,
  ServiceStatusModel,
  TrustDirectory,
  readServiceStatus,
} from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config.js';
import { ExchangeStatusModel } from './exchange-status.model.js';
import { NodeStatusAccess, type NodeStatusRequest } from './node-status-access.js';
import { PassageNodeModel } from './passage-node.model.js';

/** Contributes the referrals service's and the exchange's status to the node entity owned by identity. */
@Resolver(() => PassageNodeModel)
export class PassageNodeResolver {
  constructor(
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
    private readonly relay: OutboxRelay,
    private readonly messaging: MessagingLifecycle,
    private readonly trustDirectory: TrustDirectory,
    private readonly access: NodeStatusAccess,
  ) {}

  @ResolveReference()
  @Public()
  resolveReference(reference: { id: string }): Pick<PassageNodeModel, 'id'> | null {
    return reference.id === this.config.NODE_ID ? { id: reference.id } : null;
  }

  // The node's id stays public (a health probe needs it); its activity is for the operator and the
  // oversight body of a hosted country only (`node.status`, issue 12).
  @ResolveField(() => ServiceStatusModel, {
    description:
      "The referrals service's status. Platform operator and a hosted country's oversight body only.",
  })
  @Public()
  async referrals(@Context('req') request?: NodeStatusRequest): Promise<ServiceStatusModel> {
    await this.access.authorise(request);
    return readServiceStatus(this.config.SERVICE_NAME, this.relay, this.messaging);
  }

  @ResolveField(() => ExchangeStatusModel, {
    description:
      "This node's side of the exchange. Platform operator and a hosted country's oversight body only.",
  })
  @Public()
  async exchange(@Context('req') request?: NodeStatusRequest): Promise<ExchangeStatusModel> {
    await this.access.authorise(request);
    return {
      mailboxTopics: this.config.HOSTED_COUNTRIES.map((country) =>
        exchangeMailboxTopic(country, this.config.EXCHANGE_NAMESPACE),
      ),
      reachableCountries: this.trustDirectory.countries().length,
      trustDirectoryUpdatedAt: this.trustDirectory.updatedAt,
    };
  }
}
