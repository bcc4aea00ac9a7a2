import type { AttestationBinding } from '@passage/schemas';

/** What the person's record holds that an attestation can be bound to. */
export interface BindablePerson {
  documentNumber: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string | null;
}

/**
 * What a new attestation is bound to, by what the person has (docs/adr/019):
 * - a recorded document: the document alone, which an officer can compare with the holder's face;
 * - no document but a date of birth: the date, and a holder PIN beside it, because a date recorded for
 *   someone without papers is often an estimate or a conversion from another calendar, and a holder who
 *   says it differently must still be able to prove the code is theirs;
 * - neither: the holder PIN alone.
 */
export function bindingsFor(person: BindablePerson): AttestationBinding[] {
  if (person.documentNumber) return ['DOCUMENT'];
  if (person.dateOfBirth) return ['DATE_OF_BIRTH', 'HOLDER_PIN'];
  return ['HOLDER_PIN'];
}
