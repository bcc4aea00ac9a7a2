import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where generated development state lives (git-ignored); PASSAGE_LOCAL_DIR moves it. */
export function localDir(env = process.env) {
  return env.PASSAGE_LOCAL_DIR ? resolve(env.PASSAGE_LOCAL_DIR) : join(REPO_ROOT, '.local');
}

/** The development exchange keys: one trust directory and every country's private key file. */
export function exchangeKeyPaths(env = process.env) {
  const root = join(localDir(env), 'exchange');
  return { root, trustDirectory: join(root, 'trust-directory.json'), keysDir: join(root, 'keys') };
}

/** Development secrets generated on first run (never used in production, never committed). */
export function developmentSecretPaths(env = process.env) {
  const secrets = join(localDir(env), 'secrets');
  return {
    identitySecretKey: join(secrets, 'identity-secret-key'),
    attestationKey: join(secrets, 'attestation-key'),
    auditChainKey: join(secrets, 'audit-chain-key'),
  };
}

/** Where a development node's services publish the head of their audit chain (ADR 026). */
export function auditHeadFile(node, service, env = process.env) {
  return join(localDir(env), 'audit-heads', `${node}-${service}.jsonl`);
}
