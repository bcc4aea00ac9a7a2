import { CodedError, PoisonMessageError } from '@passage/shared';

/**
 * Runs an exchange handler so that a message the business rules refuse (a node speaking for a country it
 * does not host, an answer to an offer never made) is parked in the dead-letter topic instead of being
 * retried forever; infrastructure failures still propagate and are retried.
 */
export async function refusalsArePoison(handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (error instanceof CodedError) throw new PoisonMessageError(`REFUSED_${error.code}`, error.message);
    throw error;
  }
}
