import { defineContextErrors } from '@passage/shared';

/** The refusals of case work, each with the public code an edge gives it. */
export const caseWorkErrors = defineContextErrors('case-work', {
  /** Only reachable if a rule ever allowed an action without a record. */
  CASE_NOT_FOUND: 'NOT_FOUND',
  PERSON_NOT_IN_CASE: 'NOT_FOUND',
  /** Guards the policy's invariant: a caller whose organisation has no country handles no cases. */
  NO_JURISDICTION: 'FORBIDDEN',
  /** Guards the policy's invariant: whoever may read a person sees at least their operational facts. */
  OPERATIONAL_NOT_VISIBLE: 'FORBIDDEN',
  /** Not a resolved (released, escaped, ransomed) rescue request of the caller's jurisdiction. */
  RESCUE_REQUEST_NOT_ELIGIBLE: 'BAD_USER_INPUT',
  /** An interview or a decision dated after now. */
  DATE_IN_FUTURE: 'BAD_USER_INPUT',
  /** A decision lists its own jurisdiction among the countries that recognise it. */
  RECOGNISED_BY_OWN_COUNTRY: 'BAD_USER_INPUT',
  /** The named deciding authority is not an active coordinator or police of the deciding jurisdiction. */
  AUTHORITY_NOT_ELIGIBLE: 'BAD_USER_INPUT',
  /** The decision does not follow the jurisdiction's current one. */
  DECISION_OUT_OF_SEQUENCE: 'BAD_USER_INPUT',
  /** An attestation needs, and a reinstated one still needs, a decision that grants protection. */
  PROTECTION_NOT_DECIDED: 'CONFLICT',
  ATTESTATION_NOT_FOUND: 'NOT_FOUND',
  /** A revoked attestation stays revoked: issue a new one. */
  ATTESTATION_REVOKED: 'CONFLICT',
  ATTESTATION_ALREADY_SUSPENDED: 'CONFLICT',
  /** Only a suspended attestation can be reinstated. */
  ATTESTATION_NOT_SUSPENDED: 'CONFLICT',
  CONSENT_NOT_STANDING: 'NOT_FOUND',
  /** Legal records (follow-up, detention) need the person's LEGAL data visible to whoever changes them. */
  LEGAL_NOT_VISIBLE: 'FORBIDDEN',
  /** A date that must not come before another one (a release before the detention began). */
  DATE_OUT_OF_ORDER: 'BAD_USER_INPUT',
  FOLLOW_UP_TASK_NOT_FOUND: 'NOT_FOUND',
  /** Only the task's assignee organisation, or the coordinator of its jurisdiction, works a task. */
  FOLLOW_UP_TASK_NOT_ASSIGNED_TO_CALLER: 'FORBIDDEN',
  /** The task is done or declined already. */
  FOLLOW_UP_TASK_CLOSED: 'CONFLICT',
  /** The organisation cannot take the task: not listed, inactive, or unable to see the person's legal data. */
  ASSIGNEE_NOT_ELIGIBLE: 'BAD_USER_INPUT',
  ASSIGNEE_UNCHANGED: 'BAD_USER_INPUT',
  /** A detention or notice given to a task of another kind, or belonging to someone else. */
  LINK_NOT_FOR_THIS_TASK: 'BAD_USER_INPUT',
  /** Release from detention cannot be done while the person is still recorded as detained there. */
  PERSON_STILL_DETAINED: 'CONFLICT',
  DETENTION_NOT_FOUND: 'NOT_FOUND',
  /** The person is already recorded as detained; release them from that detention first. */
  DETENTION_ALREADY_OPEN: 'CONFLICT',
  DETENTION_ALREADY_ENDED: 'CONFLICT',
  DETENTION_NOT_ENDED: 'CONFLICT',
  PENALTY_NOT_FOUND: 'NOT_FOUND',
  /** The status is not one of the penalty's kind, or cannot follow its current one. */
  PENALTY_STATUS_NOT_ALLOWED: 'BAD_USER_INPUT',
  NON_PUNISHMENT_NOTICE_NOT_FOUND: 'NOT_FOUND',
  /** A closed case takes no changes until it is reopened. */
  CASE_CLOSED: 'CONFLICT',
  CASE_ALREADY_CLOSED: 'CONFLICT',
  /** Only a closed case can be reopened. */
  CASE_NOT_CLOSED: 'CONFLICT',
  /** Protection follow-up (release from detention, legal aid…) must be finished before a case closes. */
  FOLLOW_UP_TASKS_OPEN: 'CONFLICT',
  /** The person changed since the version the caller edited. */
  PERSON_VERSION_CONFLICT: 'CONFLICT',
  /** A field of a category the caller may not see cannot be written either. */
  CATEGORY_NOT_VISIBLE: 'FORBIDDEN',
  DOCUMENT_TYPE_REQUIRED: 'BAD_USER_INPUT',
  NAME_OR_ALIAS_REQUIRED: 'BAD_USER_INPUT',
  /** The age band must be the one the recorded date of birth gives. */
  AGE_BAND_CONTRADICTS_DATE_OF_BIRTH: 'BAD_USER_INPUT',
  /** A case holds at most as many people as `openCase` registers. */
  CASE_FULL: 'BAD_USER_INPUT',
});

/** A time a caseworker says something happened (an interview, a decision) cannot be later than now. */
export function refuseFutureTime(at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) {
    throw caseWorkErrors.error('DATE_IN_FUTURE', 'must not be in the future', { field });
  }
}

/**
 * A date of birth cannot be later than today anywhere on Earth (UTC+14), so a child born today in any
 * time zone can be recorded at once.
 */
export function refuseFutureBirthDate(dateOfBirth: string, now: Date, field: string): void {
  const latestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (dateOfBirth > latestToday) {
    throw caseWorkErrors.error('DATE_IN_FUTURE', 'must not be in the future', { field });
  }
}

/** A closed case takes no changes (to its people, its links) until it is reopened. */
export function refuseClosedCase(record: { status: string }): void {
  if (record.status === 'CLOSED') {
    throw caseWorkErrors.error('CASE_CLOSED', 'the case is closed; reopen it first', { field: 'caseId' });
  }
}
