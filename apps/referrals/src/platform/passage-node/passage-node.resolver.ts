import { Inject } from '@nestjs/common';
import { ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
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
import { PassageNodeModel } from './passage-node.model.js';

/** Contributes the referrals service's and the exchange's status to the node entity owned by identity. */
@Resolver(() => PassageNodeModel)
export class PassageNodeResolver {
  constructor(
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
    private readonly relay: OutboxRelay,
    private readonly messaging: MessagingLifecycle,
    private readonly trustDirectory: TrustDirectory,
  ) {}

  @ResolveReference()
  @Public()
  resolveReference(reference: { id: string }): Pick<PassageNodeModel, 'id'> | null {
    return reference.id === this.config.NODE_ID ? { id: reference.id } : null;
  }

  @ResolveField(() => ServiceStatusModel)
  @Public()
  referrals(): Promise<ServiceStatusModel> {
    return readServiceStatus(this.config.SERVICE_NAME, this.relay, this.messaging);
  }

  @ResolveField(() => ExchangeStatusModel)
  @Public()
  exchange(): ExchangeStatusModel {
    return {
      mailboxTopics: this.config.HOSTED_COUNTRIES.map((country) =>
        exchangeMailboxTopic(country, this.config.EXCHANGE_NAMESPACE),
      ),
      reachableCountries: this.trustDirectory.countries().length,
      trustDirectoryUpdatedAt: this.trustDirectory.updatedAt,
    };
  }
}
