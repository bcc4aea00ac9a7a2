import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  repatriationArrivalReportedMessageV1,
  repatriationFollowUpReportedMessageV1,
  repatriationPlanSharedMessageV1,
  repatriationPlanSharedMessageV2,
  repatriationStepChangeRequestedMessageV1,
} from '@passage/schemas';
import { ExchangeMessageRegistry } from '@passage/shared';
import { refusalsArePoison } from '../platform/index.js';
import { RemoteStepWork } from './remote-step-work.js';
import { RepatriationAssignments } from './repatriation-assignments.js';

/**
 * What this node does with repatriation messages: as the plan's node, it applies the work of step owners
 * elsewhere; as a step owner's node, it keeps the plan's latest share. Refusals are parked, never retried.
 */
@Injectable()
export class RepatriationExchangeHandlers implements OnModuleInit {
  constructor(
    private readonly registry: ExchangeMessageRegistry,
    private readonly assignments: RepatriationAssignments,
    private readonly remoteWork: RemoteStepWork,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      ...repatriationPlanSharedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.assignments.receive(payload, header, manager)),
    });
    this.registry.register({
      ...repatriationPlanSharedMessageV2,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.assignments.receive(payload, header, manager)),
    });
    this.registry.register({
      ...repatriationStepChangeRequestedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.remoteWork.applyStepChange(payload, header, manager)),
    });
    this.registry.register({
      ...repatriationArrivalReportedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.remoteWork.applyArrival(payload, header, manager)),
    });
    this.registry.register({
      ...repatriationFollowUpReportedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.remoteWork.applyFollowUp(payload, header, manager)),
    });
  }
}
