import { defineContextErrors } from '@passage/shared';

/** The refusals of cross-border work, each with the public code an edge gives it. */
export const crossBorderErrors = defineContextErrors('cross-border', {
  /** A handoff goes to another country; within one, a referral does. */
  HANDOFF_WITHIN_COUNTRY: 'BAD_USER_INPUT',
  /** The sender may not share a category it may not see itself. */
  CATEGORY_NOT_SHAREABLE: 'FORBIDDEN',
  /** The addressee is not an active organisation of the directory of the right country and kind. */
  ADDRESSEE_NOT_ELIGIBLE: 'BAD_USER_INPUT',
  HANDOFF_NOT_FOUND: 'NOT_FOUND',
  HANDOFF_ALREADY_ANSWERED: 'CONFLICT',
  /** The handoff carries no identification decision of that country to recognise. */
  DECISION_NOT_CARRIED: 'BAD_USER_INPUT',
  /** A message from another node speaks for a country it does not host, or about a record it has no say in. */
  SENDER_NOT_ENTITLED: 'FORBIDDEN',
});
