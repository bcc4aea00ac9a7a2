import type { ExchangeMessageDefinition } from './exchange-message-definition.js';
import { organisationListedMessageV1 } from './directory-messages.v1.js';
import {
  handoffConsentWithdrawnMessageV1,
  handoffOfferedMessageV1,
  handoffRespondedMessageV1,
  identificationRecognisedMessageV1,
} from './handoff-messages.v1.js';
import {
  repatriationArrivalReportedMessageV1,
  repatriationFollowUpReportedMessageV1,
  repatriationPlanSharedMessageV1,
  repatriationStepChangeRequestedMessageV1,
} from './repatriation-messages.v1.js';
import { repatriationPlanSharedMessageV2 } from './repatriation-messages.v2.js';
import {
  rescueRequestStatusChangedMessageV1,
  rescueRequestSubmittedMessageV1,
} from './rescue-request-messages.v1.js';

/**
 * Every exchange message version a node may send to another, keyed by `<type>@v<version>`. Nodes of
 * other countries run other builds: the contract snapshot test walks this list so that any change to
 * what crosses a border shows up in review.
 */
export const EXCHANGE_MESSAGE_CATALOGUE = {
  'directory.organisation-listed@v1': organisationListedMessageV1,
  'handoff.consent-withdrawn@v1': handoffConsentWithdrawnMessageV1,
  'handoff.offered@v1': handoffOfferedMessageV1,
  'handoff.responded@v1': handoffRespondedMessageV1,
  'identification.recognised@v1': identificationRecognisedMessageV1,
  'repatriation.arrival-reported@v1': repatriationArrivalReportedMessageV1,
  'repatriation.follow-up-reported@v1': repatriationFollowUpReportedMessageV1,
  'repatriation.plan-shared@v1': repatriationPlanSharedMessageV1,
  'repatriation.plan-shared@v2': repatriationPlanSharedMessageV2,
  'repatriation.step-change-requested@v1': repatriationStepChangeRequestedMessageV1,
  'rescue-request.status-changed@v1': rescueRequestStatusChangedMessageV1,
  'rescue-request.submitted@v1': rescueRequestSubmittedMessageV1,
} as const satisfies Record<string, ExchangeMessageDefinition>;

export type ExchangeMessageKey = keyof typeof EXCHANGE_MESSAGE_CATALOGUE;

/** The definition for a (type, version), or undefined when this build does not know it. */
export function findExchangeMessageDefinition(
  type: string,
  version: number,
): ExchangeMessageDefinition | undefined {
  return (EXCHANGE_MESSAGE_CATALOGUE as Record<string, ExchangeMessageDefinition>)[`${type}@v${version}`];
}
