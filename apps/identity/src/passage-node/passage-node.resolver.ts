import { Inject } from '@nestjs/common';
import { Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  MessagingLifecycle,
  OutboxRelay,
  Public,
  ServiceStatusModel,
  readServiceStatus,
} from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { PassageNodeModel } from './passage-node.model.js';

@Resolver(() => PassageNodeModel)
export class PassageNodeResolver {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly relay: OutboxRelay,
    private readonly messaging: MessagingLifecycle,
  ) {}

  @Query(() => PassageNodeModel, { description: 'The node serving this request.' })
  @Public()
  passageNode(): Pick<PassageNodeModel, 'id' | 'hostedCountries'> {
    return { id: this.config.NODE_ID, hostedCountries: [...this.config.HOSTED_COUNTRIES] };
  }

  @ResolveReference()
  @Public()
  resolveReference(reference: { id: string }): Pick<PassageNodeModel, 'id' | 'hostedCountries'> | null {
    return reference.id === this.config.NODE_ID ? this.passageNode() : null;
  }

  @ResolveField(() => ServiceStatusModel)
  @Public()
  identity(): Promise<ServiceStatusModel> {
    return readServiceStatus(this.config.SERVICE_NAME, this.relay, this.messaging);
  }
}
