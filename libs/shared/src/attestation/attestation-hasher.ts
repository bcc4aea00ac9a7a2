import { createHmac, timingSafeEqual } from 'node:crypto';
import { ATTESTATION_BINDINGS, type AttestationBinding } from '@passage/schemas';
import type { AttestationCode } from './attestation-code.js';
import { givenHolderFacts, normaliseHolderFact, type HolderFacts, type HolderProof } from './holder-proof.js';

/** A node's secret for attestation hashes. It lives in the node's secret configuration, never in the database. */
export interface AttestationKey {
  /** Stored beside each attestation, so that rows hashed under a retired key can still be verified. */
  readonly id: string;
  /** At least 32 random bytes. */
  readonly secret: Uint8Array;
}

/**
 * What an attestation row stores instead of what the holder shows or says: one hex HMAC-SHA256 per
 * binding the attestation has, null for the others. Compared, never looked up.
 */
export interface HolderBindings {
  readonly documentBinding: string | null;
  readonly dateOfBirthBinding: string | null;
  readonly holderPinBinding: string | null;
}

/** What an attestation row stores instead of the code and what the holder shows or says. */
export interface AttestationDigests extends HolderBindings {
  readonly keyId: string;
  /** Hex HMAC-SHA256 of the code: the lookup key. */
  readonly codeHash: string;
}

/**
 * What a row's bindings were computed over: the code, at issue; or the attestation's id, when it was
 * re-bound to a document recorded later, because the code is known only at issue and is not stored.
 */
export type BindingSubject = 'CODE' | 'ATTESTATION';

/** A stored attestation's bindings, and what they were computed over. */
export interface StoredBindings extends HolderBindings {
  /** The key the row's hashes were made with. */
  readonly keyId: string;
  readonly attestationId: string;
  readonly bindingSubject: BindingSubject;
}

const CODE_LABEL = 'passage.attestation.code.v1';
/** One label per binding, so that no binding of one kind can ever equal one of another or a code hash. */
const BINDING_LABEL: Readonly<Record<AttestationBinding, string>> = {
  DOCUMENT: 'passage.attestation.document.v1',
  DATE_OF_BIRTH: 'passage.attestation.date-of-birth.v1',
  HOLDER_PIN: 'passage.attestation.holder-pin.v1',
};
/** Where each binding is stored. */
const BINDING_FIELD: Readonly<Record<AttestationBinding, keyof HolderBindings>> = {
  DOCUMENT: 'documentBinding',
  DATE_OF_BIRTH: 'dateOfBirthBinding',
  HOLDER_PIN: 'holderPinBinding',
};
const MIN_SECRET_BYTES = 32;

/**
 * Turns a code, and what the holder shows or says (a document number, a date of birth, a holder PIN),
 * into what an attestation table may hold: keyed hashes (HMAC-SHA256) under the node's attestation key.
 * Without the key, someone who reads the table can neither test guessed codes nor test guessed documents,
 * dates or PINs. Bindings made at issue are made over the code, so that even with the key, a reader
 * without the code learns nothing from them; a binding made when a document is recorded later is made
 * over the attestation's id (the code is gone by then), which a reader with the key and the table could
 * test guesses against, as they could read the person's record itself (docs/adr/019). Every input is
 * labelled by its kind, so no hash of one kind can equal one of another.
 *
 * Keys rotate: the first key issues new attestations; the others only verify those issued under them,
 * until the last of those has expired and the key can be dropped.
 */
export class AttestationHasher {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly currentKeyId: string;

  /** @throws RangeError for no key, a duplicate id or a secret shorter than 32 bytes. */
  constructor(keys: readonly AttestationKey[]) {
    if (keys.length === 0) throw new RangeError('AttestationHasher: at least one key is needed');
    const byId = new Map<string, Uint8Array>();
    for (const key of keys) {
      if (key.secret.length < MIN_SECRET_BYTES) {
        throw new RangeError(`AttestationHasher: key "${key.id}" is shorter than ${MIN_SECRET_BYTES} bytes`);
      }
      if (byId.has(key.id)) throw new RangeError(`AttestationHasher: key "${key.id}" is listed twice`);
      byId.set(key.id, key.secret);
    }
    this.keys = byId;
    this.currentKeyId = keys[0].id;
  }

  /**
   * The digests to store when issuing an attestation, under the current key: the code hash and a binding
   * over the code for each fact given.
   *
   * @throws RangeError when no fact is given; a format error when one given is malformed.
   */
  digestsForIssue(code: AttestationCode, holder: HolderFacts): AttestationDigests {
    return {
      keyId: this.currentKeyId,
      codeHash: this.codeHash(code, this.currentKeyId),
      ...this.bindings(`${code}`, holder, this.currentKeyId),
    };
  }

  /**
   * The bindings that re-bind an issued attestation to `holder`'s facts (a document recorded later),
   * made over the attestation's id under the key its code hash was made with; the code is not needed.
   *
   * @throws RangeError when no fact is given or the key is unknown; a format error for a malformed fact.
   */
  bindingsForRebinding(attestationId: string, keyId: string, holder: HolderFacts): HolderBindings {
    return this.bindings(reboundSubject(attestationId), holder, keyId);
  }

  /** The code's hash under every key, current first: the lookups to try when verifying. */
  codeHashes(code: AttestationCode): { keyId: string; codeHash: string }[] {
    return [...this.keys.keys()].map((keyId) => ({ keyId, codeHash: this.codeHash(code, keyId) }));
  }

  /** Hex HMAC-SHA256 of the code under key `keyId`. */
  codeHash(code: AttestationCode, keyId: string): string {
    return this.hmac(keyId, `${CODE_LABEL}|${code}`);
  }

  /**
   * Whether `proof` matches the stored binding of its kind, compared in constant time; false when the row
   * has no binding of that kind or its key is unknown. The proof is normalised first (again, if it came
   * from `holderProof`: normalising is idempotent).
   *
   * @throws a format error (InvalidDocumentNumberError…) for a malformed proof.
   */
  holderMatches(code: AttestationCode, stored: StoredBindings, proof: HolderProof): boolean {
    const binding = stored[BINDING_FIELD[proof.binding]];
    if (binding === null || !this.keys.has(stored.keyId)) return false;
    const subject = stored.bindingSubject === 'CODE' ? `${code}` : reboundSubject(stored.attestationId);
    const normalised = { binding: proof.binding, value: normaliseHolderFact(proof.binding, proof.value) };
    const expected = Buffer.from(this.binding(subject, normalised, stored.keyId), 'hex');
    const actual = Buffer.from(binding, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private bindings(subject: string, holder: HolderFacts, keyId: string): HolderBindings {
    const given = givenHolderFacts(holder);
    if (given.length === 0) throw new RangeError('AttestationHasher: an attestation is bound to something');
    const bindings: Record<keyof HolderBindings, string | null> = {
      documentBinding: null,
      dateOfBirthBinding: null,
      holderPinBinding: null,
    };
    for (const { binding, value } of given) {
      bindings[BINDING_FIELD[binding]] = this.binding(
        subject,
        { binding, value: normaliseHolderFact(binding, value) },
        keyId,
      );
    }
    return bindings;
  }

  /** Hex HMAC-SHA256 of a normalised fact, labelled by its kind, over the subject, under key `keyId`. */
  private binding(subject: string, proof: HolderProof, keyId: string): string {
    return this.hmac(keyId, `${BINDING_LABEL[proof.binding]}|${subject}|${proof.value}`);
  }

  private hmac(keyId: string, message: string): string {
    const secret = this.keys.get(keyId);
    if (!secret) throw new RangeError(`AttestationHasher: no key "${keyId}"`);
    return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
  }
}

/**
 * The subject of a binding made over an attestation's id. A code is always `PSG-…`, so the prefix keeps
 * the two kinds of subject apart.
 */
function reboundSubject(attestationId: string): string {
  return `attestation:${attestationId}`;
}

/** The bindings a row holds, in the order bindings are preferred. */
export function boundTo(bindings: HolderBindings): AttestationBinding[] {
  return ATTESTATION_BINDINGS.filter((binding) => bindings[BINDING_FIELD[binding]] !== null);
}
