import type { LargeOperation } from '@passage/shared';

/** The mutation a raid's intake arrives by. */
export const MASS_INTAKE_MUTATION = 'registerMassIntake';

/**
 * The one operation of this service allowed a body over the usual 256 kB: a mass intake of up to 5,000
 * named people, when the request says so in its `x-passage-operation` header (ADR 022).
 */
export function massIntakeBody(limit: string): LargeOperation {
  return { mutation: MASS_INTAKE_MUTATION, limit };
}
