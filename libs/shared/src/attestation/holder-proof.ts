import type { AttestationBinding } from '@passage/schemas';
import { HolderProofError } from './attestation.errors.js';
import { normaliseDateOfBirth } from './date-of-birth.js';
import { normaliseDocumentNumber } from './document-number.js';
import { normaliseHolderPin } from './holder-pin.js';

/** What the holder may show or say beside the code, as a verifier or an issuer has it; each optional. */
export interface HolderFacts {
  readonly documentNumber?: string | null;
  readonly dateOfBirth?: string | null;
  readonly holderPin?: string | null;
}

/** One thing the holder shows or says beside the code, normalised as it is hashed. */
export interface HolderProof {
  readonly binding: AttestationBinding;
  readonly value: string;
}

/** Each binding and the fact that holds it, in the order bindings are preferred. */
export const HOLDER_FACT_OF: Readonly<Record<AttestationBinding, keyof HolderFacts>> = {
  DOCUMENT: 'documentNumber',
  DATE_OF_BIRTH: 'dateOfBirth',
  HOLDER_PIN: 'holderPin',
};

/**
 * A fact in the one form that is hashed: a document number without spaces or punctuation, a date of
 * birth as `YYYY-MM-DD`, a PIN as six ASCII digits.
 *
 * @throws InvalidDocumentNumberError, InvalidDateOfBirthError or InvalidHolderPinError, naming the field.
 */
export function normaliseHolderFact(binding: AttestationBinding, value: string): string {
  switch (binding) {
    case 'DOCUMENT':
      return normaliseDocumentNumber(value);
    case 'DATE_OF_BIRTH':
      return normaliseDateOfBirth(value);
    case 'HOLDER_PIN':
      return normaliseHolderPin(value);
  }
}

/** The facts given (present, even if empty), in the order bindings are preferred. */
export function givenHolderFacts(facts: HolderFacts): { binding: AttestationBinding; value: string }[] {
  return (Object.entries(HOLDER_FACT_OF) as [AttestationBinding, keyof HolderFacts][]).flatMap(
    ([binding, fact]) => {
      const value = facts[fact];
      return value === undefined || value === null ? [] : [{ binding, value }];
    },
  );
}

/**
 * The one proof a verification checks, normalised, before anything is looked up.
 *
 * @throws HolderProofError when none or several are given; a format error when the one given is malformed.
 */
export function holderProof(facts: HolderFacts): HolderProof {
  const given = givenHolderFacts(facts);
  if (given.length === 0) throw new HolderProofError('MISSING', 'documentNumber');
  if (given.length > 1) throw new HolderProofError('SEVERAL', HOLDER_FACT_OF[given[1].binding]);
  const [{ binding, value }] = given;
  return { binding, value: normaliseHolderFact(binding, value) };
}
