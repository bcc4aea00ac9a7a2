import type { EventDefinition } from './event-definition.js';
import { attestationIssuedV1 } from './case-work/attestation-issued.v1.js';
import { caseClosedV1 } from './case-work/case-closed.v1.js';
import {
  attestationReboundV1,
  attestationReinstatedV1,
  attestationRevokedV1,
  attestationSuspendedV1,
} from './case-work/attestation-standing.v1.js';
import { caseOpenedV1 } from './case-work/case-opened.v1.js';
import { caseReopenedV1 } from './case-work/case-reopened.v1.js';
import { caseIdentificationOverdueV1 } from './case-work/case-identification-overdue.v1.js';
import { caseScreeningOverdueV1 } from './case-work/case-screening-overdue.v1.js';
import { consentRecordedV1 } from './case-work/consent-recorded.v1.js';
import { consentWithdrawnV1 } from './case-work/consent-withdrawn.v1.js';
import {
  detentionCorrectedV1,
  detentionRecordedV1,
  nonPunishmentNoticeAnsweredV1,
  nonPunishmentNoticeSentV1,
  penaltyRecordedV1,
  penaltyStatusChangedV1,
  releasedFromDetentionV1,
} from './case-work/detention-events.v1.js';
import {
  followUpTaskCompletedV1,
  followUpTaskDeclinedV1,
  followUpTaskReassignedV1,
} from './case-work/follow-up-task-events.v1.js';
import { identificationDecidedV1 } from './case-work/identification-decided.v1.js';
import { interviewRecordedV1 } from './case-work/interview-recorded.v1.js';
import { massIntakeRegisteredV1 } from './case-work/mass-intake-registered.v1.js';
import { personAddedV1 } from './case-work/person-added.v1.js';
import { personUpdatedV1 } from './case-work/person-updated.v1.js';
import { screeningRecordedV1 } from './case-work/screening-recorded.v1.js';
import { exchangeEnvelopeRejectedV1 } from './exchange/envelope-rejected.v1.js';
import {
  referralAcceptedV1,
  referralCreatedV1,
  referralDeclinedV1,
  referralEscalatedV1,
  referralStatusChangedV1,
  serviceUpsertedV1,
} from './referral/referral-events.v1.js';
import { arrivalConfirmedV1 } from './repatriation/arrival-confirmed.v1.js';
import { exitClearanceAnsweredV1 } from './repatriation/exit-clearance-answered.v1.js';
import { exitClearanceRequestedV1 } from './repatriation/exit-clearance-requested.v1.js';
import { followUpRecordedV1 } from './repatriation/follow-up-recorded.v1.js';
import { repatriationPlanApprovedV1 } from './repatriation/repatriation-plan-approved.v1.js';
import { repatriationPlanCreatedV1 } from './repatriation/repatriation-plan-created.v1.js';
import { repatriationStepChangedV1 } from './repatriation/repatriation-step-changed.v1.js';
import { riskAssessedV1 } from './repatriation/risk-assessed.v1.js';
import {
  migrantSupportPromptSettledV1,
  migrantSupportPromptedV1,
} from './pathways/migrant-support-events.v1.js';
import {
  stayPathwayClosedV1,
  stayPathwayOpenedV1,
  stayPathwayStepChangedV1,
} from './pathways/stay-pathway-events.v1.js';
import { handoffStatusChangedV1 } from './handoff/handoff-events.v1.js';
import {
  enrolmentLinkIssuedV1,
  organisationCreatedV1,
  organisationDeactivatedV1,
  organisationListedV1,
  roleGrantDecidedV1,
  roleGrantRequestedV1,
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
  'case.arrival-confirmed@v1': arrivalConfirmedV1,
  'case.exit-clearance-answered@v1': exitClearanceAnsweredV1,
  'case.exit-clearance-requested@v1': exitClearanceRequestedV1,
  'case.reintegration-follow-up-recorded@v1': followUpRecordedV1,
  'case.repatriation-plan-approved@v1': repatriationPlanApprovedV1,
  'case.repatriation-plan-created@v1': repatriationPlanCreatedV1,
  'case.repatriation-step-changed@v1': repatriationStepChangedV1,
  'case.return-risk-assessed@v1': riskAssessedV1,
  'case.attestation-issued@v1': attestationIssuedV1,
  'case.closed@v1': caseClosedV1,
  'case.attestation-rebound@v1': attestationReboundV1,
  'case.attestation-reinstated@v1': attestationReinstatedV1,
  'case.attestation-revoked@v1': attestationRevokedV1,
  'case.attestation-suspended@v1': attestationSuspendedV1,
  'case.consent-recorded@v1': consentRecordedV1,
  'case.consent-withdrawn@v1': consentWithdrawnV1,
  'case.detention-corrected@v1': detentionCorrectedV1,
  'case.detention-recorded@v1': detentionRecordedV1,
  'case.follow-up-task-completed@v1': followUpTaskCompletedV1,
  'case.follow-up-task-declined@v1': followUpTaskDeclinedV1,
  'case.follow-up-task-reassigned@v1': followUpTaskReassignedV1,
  'case.identification-decided@v1': identificationDecidedV1,
  'case.identification-overdue@v1': caseIdentificationOverdueV1,
  'case.interview-recorded@v1': interviewRecordedV1,
  'case.mass-intake-registered@v1': massIntakeRegisteredV1,
  'case.non-punishment-notice-answered@v1': nonPunishmentNoticeAnsweredV1,
  'case.non-punishment-notice-sent@v1': nonPunishmentNoticeSentV1,
  'case.opened@v1': caseOpenedV1,
  'case.penalty-recorded@v1': penaltyRecordedV1,
  'case.penalty-status-changed@v1': penaltyStatusChangedV1,
  'case.released-from-detention@v1': releasedFromDetentionV1,
  'case.person-added@v1': personAddedV1,
  'case.person-updated@v1': personUpdatedV1,
  'case.reopened@v1': caseReopenedV1,
  'case.screening-overdue@v1': caseScreeningOverdueV1,
  'case.screening-recorded@v1': screeningRecordedV1,
  'case.migrant-support-prompted@v1': migrantSupportPromptedV1,
  'case.migrant-support-prompt-settled@v1': migrantSupportPromptSettledV1,
  'case.stay-pathway-opened@v1': stayPathwayOpenedV1,
  'case.stay-pathway-step-changed@v1': stayPathwayStepChangedV1,
  'case.stay-pathway-closed@v1': stayPathwayClosedV1,
  'exchange.envelope-rejected@v1': exchangeEnvelopeRejectedV1,
  'handoff.status-changed@v1': handoffStatusChangedV1,
  'referral.accepted@v1': referralAcceptedV1,
  'referral.created@v1': referralCreatedV1,
  'referral.declined@v1': referralDeclinedV1,
  'referral.escalated@v1': referralEscalatedV1,
  'referral.status-changed@v1': referralStatusChangedV1,
  'service-directory.service-upserted@v1': serviceUpsertedV1,
  'identity.enrolment-link-issued@v1': enrolmentLinkIssuedV1,
  'identity.organisation-created@v1': organisationCreatedV1,
  'identity.organisation-deactivated@v1': organisationDeactivatedV1,
  'identity.organisation-listed@v1': organisationListedV1,
  'identity.role-grant-decided@v1': roleGrantDecidedV1,
  'identity.role-grant-requested@v1': roleGrantRequestedV1,
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
