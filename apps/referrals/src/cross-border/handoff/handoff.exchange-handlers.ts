import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  handoffConsentWithdrawnMessageV1,
  handoffOfferedMessageV1,
  handoffRespondedMessageV1,
  identificationRecognisedMessageV1,
} from '@passage/schemas';
import { ExchangeMessageRegistry } from '@passage/shared';
import { refusalsArePoison } from '../../platform/index.js';
import { ConsentWithdrawalHooks } from '../../case-work/index.js';
import { HandoffReceiving } from './handoff-receiving.service.js';
import { HandoffSending } from './handoff-sending.service.js';

/** What this node does with handoff messages from other countries. Refusals are parked, never retried. */
@Injectable()
export class HandoffExchangeHandlers implements OnModuleInit {
  constructor(
    private readonly registry: ExchangeMessageRegistry,
    private readonly sending: HandoffSending,
    private readonly receiving: HandoffReceiving,
    private readonly withdrawalHooks: ConsentWithdrawalHooks,
  ) {}

  onModuleInit(): void {
    // Withdrawing cross-border consent erases every copy that crossed a border, in the same transaction.
    this.withdrawalHooks.register(async (manager, { personId, purpose, at }) => {
      if (purpose === 'CROSS_BORDER_HANDOFF') await this.sending.withdrawConsent(manager, personId, at);
    });
    this.registry.register({
      ...handoffOfferedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.receiving.receiveOffer(payload, header, manager)),
    });
    this.registry.register({
      ...handoffRespondedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.sending.applyResponse(payload, header, manager)),
    });
    this.registry.register({
      ...identificationRecognisedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.sending.applyRecognition(payload, header, manager)),
    });
    this.registry.register({
      ...handoffConsentWithdrawnMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.receiving.eraseOnConsentWithdrawal(payload, header, manager)),
    });
  }
}
