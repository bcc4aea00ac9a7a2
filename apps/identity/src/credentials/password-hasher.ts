import { randomBytes } from 'node:crypto';
import * as argon2 from '@node-rs/argon2';
import type { Algorithm, Version } from '@node-rs/argon2';
import { CredentialError } from './credentials.errors.js';

// The package declares these as ambient const enums, which isolated-module builds cannot read and whose
// runtime objects are empty, so the numeric values are spelled out here.
const ARGON2ID = 2 as Algorithm;
const VERSION_0X13 = 1 as Version;
const SALT_BYTES = 16;
const OUTPUT_BYTES = 32;

/** Argon2id cost parameters; the defaults follow OWASP's current password storage recommendation. */
export interface PasswordHasherOptions {
  /** Memory in KiB (`m`). Default 19456 (19 MiB). */
  memoryCost?: number;
  /** Passes over memory (`t`). Default 2. */
  timeCost?: number;
  /** Lanes (`p`). Default 1. */
  parallelism?: number;
}

/** The part of `@node-rs/argon2` the hasher uses; injectable so tests can observe the calls. */
export interface Argon2Backend {
  hash(password: string, options: argon2.Options): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

/**
 * The form a password is hashed and checked in. NFKC folds the different byte sequences that keyboards
 * and input methods produce for what the user sees as the same text (composed or decomposed accents,
 * full-width Latin), so a password set on one device still works on another.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Hashes and verifies passwords as argon2id PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
export class PasswordHasher {
  private readonly params: Required<PasswordHasherOptions>;
  private dummyHash: Promise<string> | undefined;

  constructor(
    options: PasswordHasherOptions = {},
    private readonly backend: Argon2Backend = argon2,
  ) {
    const { memoryCost = 19456, timeCost = 2, parallelism = 1 } = options;
    requireInteger('parallelism', parallelism, 1, 255);
    requireInteger('timeCost', timeCost, 1, 2 ** 32 - 1);
    // Argon2 needs at least 8 KiB of memory per lane.
    requireInteger('memoryCost', memoryCost, 8 * parallelism, 2 ** 32 - 1);
    this.params = { memoryCost, timeCost, parallelism };
  }

  /** Hashes the NFKC form of `password` with a fresh random salt and the configured costs. */
  hash(password: string): Promise<string> {
    return this.backend.hash(normalizePassword(password), this.argon2Options());
  }

  /**
   * Checks `password` against a stored hash. A malformed or unsupported hash yields `false` rather than
   * an error, so a corrupt row reads as a failed login instead of a server error that tells the caller
   * the account exists.
   */
  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await this.backend.verify(storedHash, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /**
   * Runs a verification that always fails, at the cost of a real one, for logins naming an unknown
   * account: answering those faster would tell an attacker which emails are registered. The dummy hash
   * uses the current parameters, is made once, and its password is random and never kept.
   */
  async dummyVerify(password = ''): Promise<false> {
    this.dummyHash ??= this.backend.hash(randomBytes(32).toString('base64url'), this.argon2Options());
    await this.verify(await this.dummyHash, password);
    return false;
  }

  /**
   * Whether a stored hash was made with weaker settings than the current ones (another algorithm or
   * version, less memory, fewer passes, a shorter salt or output) and should be replaced by
   * {@link hash} of the password the user has just proven. Unreadable hashes report `true`.
   */
  needsRehash(storedHash: string): boolean {
    let stored: argon2.ParsedHashOptions;
    try {
      stored = argon2.parseOptions(storedHash);
    } catch {
      return true;
    }
    return (
      stored.algorithm !== ARGON2ID ||
      stored.version !== VERSION_0X13 ||
      stored.memoryCost < this.params.memoryCost ||
      stored.timeCost < this.params.timeCost ||
      stored.saltLen < SALT_BYTES ||
      stored.outputLen < OUTPUT_BYTES
    );
  }

  private argon2Options(): argon2.Options {
    return { algorithm: ARGON2ID, version: VERSION_0X13, outputLen: OUTPUT_BYTES, ...this.params };
  }
}

function requireInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CredentialError(
      'PASSWORD_HASHER_OPTIONS_INVALID',
      `${name} must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
}
