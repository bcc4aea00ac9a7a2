import { defineContextErrors } from '@passage/shared';

/** The refusals of intake, each with the public code an edge gives it. */
export const intakeErrors = defineContextErrors('intake', {
  /** The actor's organisation is not of a country this node hosts, so it cannot submit from here. */
  ORGANISATION_NOT_HOSTED: 'FORBIDDEN',
  REQUEST_NOT_FOUND: 'NOT_FOUND',
  /**
   * The life cycle does not allow this change. The error carries the rule's own reason (`NOT_ALLOWED`,
   * `OUTCOME_REQUIRED`, …) rather than this code, as it did before the catalogue.
   */
  TRANSITION_NOT_ALLOWED: 'BAD_USER_INPUT',
  /** Compounds are listed for a country, and the actor's organisation has none to default to. */
  COUNTRY_REQUIRED: 'BAD_USER_INPUT',
  /** A request arrived at a country other than the one where the compound is. */
  REQUEST_MISADDRESSED: 'BAD_USER_INPUT',
  /** A message from another node speaks for a country it does not host, or about a request it has no say in. */
  SENDER_NOT_ENTITLED: 'FORBIDDEN',
});
