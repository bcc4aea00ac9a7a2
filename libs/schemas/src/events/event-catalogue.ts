import type { EventDefinition } from './event-definition.js';
import { attestationIssuedV1 } from './case-work/attestation-issued.v1.js';
import { caseOpenedV1 } from './case-work/case-opened.v1.js';
import { consentRecordedV1 } from './case-work/consent-recorded.v1.js';
import { consentWithdrawnV1 } from './case-work/consent-withdrawn.v1.js';
import { identificationDecidedV1 } from './case-work/identification-decided.v1.js';
import { interviewRecordedV1 } from './case-work/interview-recorded.v1.js';
import { massIntakeRegisteredV1 } from './case-work/mass-intake-registered.v1.js';
import { screeningRecordedV1 } from './case-work/screening-recorded.v1.js';
import { exchangeEnvelopeRejectedV1 } from './exchange/envelope-rejected.v1.js';
import {
  organisationCreatedV1,
  organisationDeactivatedV1,
  sessionRevokedV1,
  userCreatedV1,
  userDeactivatedV1,
  userRolesAssignedV1,
} from './identity/identity-events.v1.js';
import {
  rescueRequestEscalatedV1,
  rescueRequestReceivedV1,
  rescueRequestStatusChangedV1,
  rescueRequestSubmittedV1,
} from './rescue-request/rescue-request-events.v1.js';

/**
 * Every event version the project publishes, keyed by `<type>@v<version>`. Consumers look a record's
 * schema up here; the contract snapshot test walks it so that any change shows up in review.
 */
export const EVENT_CATALOGUE = {
  'case.attestation-issued@v1': attestationIssuedV1,
  'case.consent-recorded@v1': consentRecordedV1,
  'case.consent-withdrawn@v1': consentWithdrawnV1,
  'case.identification-decided@v1': identificationDecidedV1,
  'case.interview-recorded@v1': interviewRecordedV1,
  'case.mass-intake-registered@v1': massIntakeRegisteredV1,
  'case.opened@v1': caseOpenedV1,
  'case.screening-recorded@v1': screeningRecordedV1,
  'exchange.envelope-rejected@v1': exchangeEnvelopeRejectedV1,
  'identity.organisation-created@v1': organisationCreatedV1,
  'identity.organisation-deactivated@v1': organisationDeactivatedV1,
  'identity.session-revoked@v1': sessionRevokedV1,
  'identity.user-created@v1': userCreatedV1,
  'identity.user-deactivated@v1': userDeactivatedV1,
  'identity.user-roles-assigned@v1': userRolesAssignedV1,
  'rescue-request.escalated@v1': rescueRequestEscalatedV1,
  'rescue-request.received@v1': rescueRequestReceivedV1,
  'rescue-request.status-changed@v1': rescueRequestStatusChangedV1,
  'rescue-request.submitted@v1': rescueRequestSubmittedV1,
} as const satisfies Record<string, EventDefinition>;

export type EventKey = keyof typeof EVENT_CATALOGUE;

/** The definition for a (type, version), or undefined when this build does not know it. */
export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return (EVENT_CATALOGUE as Record<string, EventDefinition>)[`${type}@v${version}`];
}

/** Aggregate streams (topic suffixes) that carry at least one known event. */
export function eventStreams(): string[] {
  return [...new Set(Object.values(EVENT_CATALOGUE).map((definition) => definition.stream))].sort();
}
