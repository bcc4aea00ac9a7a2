import { describe, expect, it, jest } from '@jest/globals';
import { parseOptions } from '@node-rs/argon2';
import * as argon2 from '@node-rs/argon2';
import { CredentialError } from './credentials.errors.js';
import { PasswordHasher, type Argon2Backend } from './password-hasher.js';

const CHEAP = { memoryCost: 64, timeCost: 1, parallelism: 1 };

describe('PasswordHasher', () => {
  it('hashes with argon2id at the OWASP parameters by default', async () => {
    const stored = await new PasswordHasher().hash('correct horse battery');

    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(parseOptions(stored)).toMatchObject({ saltLen: 16, outputLen: 32 });
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hasher = new PasswordHasher(CHEAP);
    const stored = await hasher.hash('correct horse battery');

    await expect(hasher.verify(stored, 'correct horse battery')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'correct horse batterY')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    const hasher = new PasswordHasher(CHEAP);

    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('treats NFKC-equivalent spellings as the same password', async () => {
    const hasher = new PasswordHasher(CHEAP);
    const decomposedFullWidth = 'Cafe\u0301 ｐａｓｓｗｏｒｄ';
    const composedAscii = 'Caf\u00e9 password';

    await expect(hasher.verify(await hasher.hash(decomposedFullWidth), composedAscii)).resolves.toBe(true);
    await expect(hasher.verify(await hasher.hash(composedAscii), decomposedFullWidth)).resolves.toBe(true);
  });

  it.each(['', 'not a hash', '$argon2id$v=19$m=64,t=1,p=1$broken', '$2b$10$abcdefghijklmnopqrstuv'])(
    'returns false instead of throwing for the malformed hash %j',
    async (stored) => {
      await expect(new PasswordHasher(CHEAP).verify(stored, 'whatever password')).resolves.toBe(false);
    },
  );

  it('rejects unusable cost parameters', () => {
    for (const options of [
      { memoryCost: 7 },
      { timeCost: 0 },
      { parallelism: 1.5 },
      { memoryCost: 15, parallelism: 2 },
    ]) {
      expect(() => new PasswordHasher(options)).toThrow(
        expect.objectContaining({ code: 'PASSWORD_HASHER_OPTIONS_INVALID' }) as unknown as CredentialError,
      );
    }
  });

  describe('needsRehash', () => {
    const current = new PasswordHasher({ memoryCost: 128, timeCost: 2, parallelism: 1 });

    it('is false for a hash made with the current parameters', async () => {
      expect(current.needsRehash(await current.hash('a long password'))).toBe(false);
    });

    it('is false for a hash stronger than the current parameters', async () => {
      const stronger = await new PasswordHasher({ memoryCost: 256, timeCost: 3 }).hash('a long password');

      expect(current.needsRehash(stronger)).toBe(false);
    });

    it.each([
      ['less memory', { memoryCost: 64, timeCost: 2 }],
      ['fewer passes', { memoryCost: 128, timeCost: 1 }],
    ])('is true for a hash with %s', async (_label, weaker) => {
      expect(current.needsRehash(await new PasswordHasher(weaker).hash('a long password'))).toBe(true);
    });

    it('is true for another argon2 variant and for unreadable hashes', async () => {
      const argon2i = await argon2.hash('a long password', {
        memoryCost: 128,
        timeCost: 2,
        algorithm: 1 as argon2.Algorithm,
      });

      expect(current.needsRehash(argon2i)).toBe(true);
      expect(current.needsRehash('garbage')).toBe(true);
    });
  });

  describe('dummyVerify', () => {
    function spyBackend(): jest.Mocked<Argon2Backend> {
      return {
        hash: jest.fn((password: string, options: argon2.Options) => argon2.hash(password, options)),
        verify: jest.fn((stored: string, password: string) => argon2.verify(stored, password)),
      };
    }

    it('runs a real verification against a hash with the current parameters, and fails', async () => {
      const backend = spyBackend();
      const hasher = new PasswordHasher({ memoryCost: 96, timeCost: 3, parallelism: 1 }, backend);

      await expect(hasher.dummyVerify('guess the password')).resolves.toBe(false);

      expect(backend.verify).toHaveBeenCalledTimes(1);
      const [dummyHash, password] = backend.verify.mock.calls[0]!;
      expect(password).toBe('guess the password');
      expect(parseOptions(dummyHash)).toMatchObject({
        algorithm: 2,
        memoryCost: 96,
        timeCost: 3,
        parallelism: 1,
      });
    });

    it('makes the dummy hash once and verifies on every call', async () => {
      const backend = spyBackend();
      const hasher = new PasswordHasher(CHEAP, backend);

      await hasher.dummyVerify();
      await hasher.dummyVerify('');
      await hasher.dummyVerify('x');

      expect(backend.hash).toHaveBeenCalledTimes(1);
      expect(backend.verify).toHaveBeenCalledTimes(3);
    });
  });
});
