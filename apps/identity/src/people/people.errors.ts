import { CodedError } from '@passage/shared';

/**
 * Refusals of the separation of duties (ADR 024). Each carries a stable `reason` so that a client (and a
 * test) can tell them apart; the message says what to do instead.
 */
export const peopleErrors = {
  operatorCreatesFirstAdministratorOnly: () =>
    new CodedError(
      'FORBIDDEN',
      'input.roles: the platform operator creates only the first administrator (ORGANISATION_ADMIN) of an organisation; its administrators add everyone else',
      { field: 'input.roles', reason: 'OPERATOR_CREATES_FIRST_ADMINISTRATOR_ONLY' },
    ),
  organisationHasPeople: () =>
    new CodedError(
      'FORBIDDEN',
      'input.organisationId: this organisation has people already; its own administrators add more',
      { field: 'input.organisationId', reason: 'ORGANISATION_HAS_PEOPLE' },
    ),
  ownRoles: () =>
    new CodedError('FORBIDDEN', 'input.userId: nobody changes their own roles; ask another administrator', {
      field: 'input.userId',
      reason: 'OWN_ROLES',
    }),
  grantNotFound: () =>
    new CodedError('NOT_FOUND', 'input.grantId: no pending role grant with this id', {
      field: 'input.grantId',
      reason: 'ROLE_GRANT_NOT_PENDING',
    }),
  secondPartyRequired: () =>
    new CodedError(
      'FORBIDDEN',
      'input.grantId: a second administrator approves roles, never the one who asked for them or the person who gets them',
      { field: 'input.grantId', reason: 'SECOND_ADMINISTRATOR_REQUIRED' },
    ),
  operatorApprovesAdministratorsOnly: () =>
    new CodedError(
      'FORBIDDEN',
      'input.grantId: the platform operator approves only the administrator role, and only for an organisation with a single administrator; case roles need a second administrator of the organisation',
      { field: 'input.grantId', reason: 'OPERATOR_APPROVES_SECOND_ADMINISTRATOR_ONLY' },
    ),
  operatorResetsAdministratorsOnly: () =>
    new CodedError(
      'FORBIDDEN',
      "input.userId: the platform operator resets only administrators' accounts; the organisation's administrators reset the others",
      { field: 'input.userId', reason: 'OPERATOR_RESETS_ADMINISTRATORS_ONLY' },
    ),
  ownAccountReset: () =>
    new CodedError('FORBIDDEN', 'input.userId: change your own password with changePassword', {
      field: 'input.userId',
      reason: 'OWN_ACCOUNT',
    }),
  enrolmentLinkInvalid: () =>
    new CodedError(
      'BAD_USER_INPUT',
      'input.token: this enrolment link is not valid (unknown, used or expired); ask an administrator for a new one',
      { field: 'input.token', reason: 'ENROLMENT_LINK_INVALID' },
    ),
  wrongCurrentPassword: () =>
    new CodedError('BAD_USER_INPUT', 'input.currentPassword: this is not your current password', {
      field: 'input.currentPassword',
      reason: 'WRONG_PASSWORD',
    }),
};
