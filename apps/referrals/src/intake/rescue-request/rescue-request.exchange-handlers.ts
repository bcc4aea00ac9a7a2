import { Injectable, type OnModuleInit } from '@nestjs/common';
import { rescueRequestStatusChangedMessageV1, rescueRequestSubmittedMessageV1 } from '@passage/schemas';
import { ExchangeMessageRegistry } from '@passage/shared';
import { refusalsArePoison } from '../../platform/index.js';
import { RescueRequestService } from './rescue-request.service.js';

/**
 * What this node does with rescue-request messages from other countries' mailboxes. A message the rules
 * refuse (a node speaking for a country it does not host, say) is parked, never retried.
 */
@Injectable()
export class RescueRequestExchangeHandlers implements OnModuleInit {
  constructor(
    private readonly registry: ExchangeMessageRegistry,
    private readonly service: RescueRequestService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      ...rescueRequestSubmittedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.service.receive(payload, header, manager)),
    });
    this.registry.register({
      ...rescueRequestStatusChangedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.service.applyStatusFromJurisdiction(payload, header, manager)),
    });
  }
}
