import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CredentialError } from './credentials.errors.js';

// 32 symbols, so each random byte's low five bits pick one without bias. 0, 1, I and O are left out:
// they are the pairs people confuse when copying a code from paper.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 4;
const MAX_COUNT = 100;

/**
 * Creates single-use recovery codes shaped `XXXX-XXXX-XXXX-XXXX`: 16 symbols of 5 bits, 80 random bits
 * each. Show them to the user once and store only {@link hashRecoveryCode} of each.
 *
 * @throws CredentialError `RECOVERY_CODE_COUNT_INVALID` unless 1 ≤ count ≤ 100.
 */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new CredentialError(
      'RECOVERY_CODE_COUNT_INVALID',
      `count must be an integer from 1 to ${MAX_COUNT}`,
    );
  }
  return Array.from({ length: count }, () => {
    const symbols = [...randomBytes(GROUPS * GROUP_LENGTH)].map((byte) => ALPHABET[byte & 31]);
    return Array.from({ length: GROUPS }, (_, group) =>
      symbols.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join(''),
    ).join('-');
  });
}

/** The form a code is hashed in: upper case, without the dashes and spaces people type or omit. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/**
 * SHA-256 hex of the normalised code. A fast unsalted hash is enough here, unlike for passwords, because
 * the input is not chosen by a person: with 80 random bits, even an attacker holding every stored hash
 * would need on the order of 2^80 / (number of codes stored) guesses per hit, out of reach of any GPU
 * farm, and a slow hash would only add its cost to each legitimate recovery.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}

/**
 * Finds the stored hash a typed code matches, comparing with every hash in constant time and without
 * stopping early. The caller must delete the matched hash in the same transaction that accepts it, so
 * each code works once.
 *
 * @returns the index in `hashes`, or -1.
 */
export function matchRecoveryCode(code: string, hashes: readonly string[]): number {
  const candidate = Buffer.from(hashRecoveryCode(code), 'hex');
  let matched = -1;
  hashes.forEach((stored, index) => {
    const storedBytes = Buffer.from(stored, 'hex');
    const equal = storedBytes.length === candidate.length && timingSafeEqual(storedBytes, candidate);
    if (equal && matched === -1) matched = index;
  });
  return matched;
}
