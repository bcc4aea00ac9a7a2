import type { EntityManager } from 'typeorm';

/**
 * What a deactivation needs from sessions: the open sessions of the people whose access ends are ended in
 * the deactivation's own transaction. Declared here and implemented by sessions, because sessions reads
 * the people and organisations it signs in; if those contexts called sessions directly, the contexts
 * would import each other in a loop.
 */
export abstract class SessionEnding {
  /** Ends every open session of the person (reason `USER_DEACTIVATED`). */
  abstract endForDeactivatedPerson(manager: EntityManager, userId: string, at: Date): Promise<void>;

  /**
   * Ends the person's open sessions except `keepSessionId` (null: all of them), each with a revocation
   * event so that their live access tokens are refused at once: after a password change (the other
   * sessions may be an intruder's) or a reset by an administrator.
   */
  abstract endSessionsOfPerson(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null,
    reason: 'PASSWORD_CHANGED' | 'CREDENTIALS_RESET',
    at: Date,
  ): Promise<number>;

  /** Ends every open session of every person of the organisation (reason `ORGANISATION_DEACTIVATED`). */
  abstract endForDeactivatedOrganisation(
    manager: EntityManager,
    organisationId: string,
    at: Date,
  ): Promise<void>;
}
