import { appendFile, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { AuditHead, AuditTrail, AuditVerification } from './audit-trail.js';

/** One line of a head file: where the chain stood when it was last verified and published. */
export interface PublishedAuditHead extends AuditHead {
  readonly node: string;
  readonly service: string;
  readonly publishedAt: string;
}

const publishedHeadSchema = z.object({
  node: z.string(),
  service: z.string(),
  sequence: z.number().int().positive(),
  recordHash: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: z.string(),
});

/** A head line is about 200 bytes; the tail read is generous so a long node id still fits. */
const TAIL_BYTES = 4096;

/**
 * The last head published in `path` (JSON lines, newest last), or `null` when nothing was published yet.
 * Reads only the end of the file, which grows by one line per publication.
 *
 * @throws Error when the last line is not a head: a damaged file must stop verification, not reset it.
 */
export async function readLastPublishedHead(path: string): Promise<PublishedAuditHead | null> {
  let text: string;
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await file.read(buffer, 0, length, size - length);
      text = buffer.toString('utf8');
    } finally {
      await file.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const last = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .at(-1);
  if (last === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`the last line of the audit head file ${path} is not JSON`);
  }
  const head = publishedHeadSchema.safeParse(parsed);
  if (!head.success) throw new Error(`the last line of the audit head file ${path} is not an audit head`);
  return head.data;
}

/** What one publication did. */
export type AuditHeadOutcome =
  | { readonly outcome: 'PUBLISHED'; readonly head: PublishedAuditHead }
  | { readonly outcome: 'UNCHANGED' }
  | { readonly outcome: 'CHAIN_BROKEN'; readonly verification: Extract<AuditVerification, { valid: false }> };

/**
 * Verifies the chain from the last head in `path` to its end and, if it holds and has grown, appends
 * its new head. A broken chain is never published: that would vouch for the tampering. Checking only
 * the records since the last publication keeps each run short; `npm run audit:verify` checks all.
 */
export async function publishAuditHead(options: {
  trail: AuditTrail;
  source: Parameters<AuditTrail['verify']>[0];
  path: string;
  node: string;
  service: string;
  now: Date;
}): Promise<AuditHeadOutcome> {
  const last = await readLastPublishedHead(options.path);
  const verification = await options.trail.verify(options.source, {
    fromSequence: last?.sequence ?? 0,
    publishedHead: last,
  });
  if (!verification.valid) return { outcome: 'CHAIN_BROKEN', verification };
  if (verification.lastSequence === null || verification.lastSequence === last?.sequence) {
    return { outcome: 'UNCHANGED' };
  }
  const head: PublishedAuditHead = {
    node: options.node,
    service: options.service,
    sequence: verification.lastSequence,
    recordHash: verification.headHash,
    publishedAt: options.now.toISOString(),
  };
  await mkdir(dirname(options.path), { recursive: true, mode: 0o700 });
  await appendFile(options.path, `${JSON.stringify(head)}\n`, { encoding: 'utf8', mode: 0o600 });
  return { outcome: 'PUBLISHED', head };
}
