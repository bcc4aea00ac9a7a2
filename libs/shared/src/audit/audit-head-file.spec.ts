import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { readLastPublishedHead } from './audit-head-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'audit-head-file-'));
const head = (sequence: number) => ({
  node: 'kh',
  service: 'referrals',
  sequence,
  recordHash: String(sequence % 10).repeat(64),
  publishedAt: '2026-12-02T08:00:00.000Z',
});

describe('readLastPublishedHead', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is null while nothing was published', async () => {
    expect(await readLastPublishedHead(join(scratch, 'none.jsonl'))).toBeNull();
  });

  it('reads the last line of a long file', async () => {
    const path = join(scratch, 'long.jsonl');
    const lines = Array.from({ length: 500 }, (_, index) => JSON.stringify(head(index + 1)));
    writeFileSync(path, `${lines.join('\n')}\n`);
    expect(await readLastPublishedHead(path)).toEqual(head(500));
  });

  it.each([
    ['not JSON', '{"node": "kh", "sequ'],
    ['not a head', JSON.stringify({ ...head(3), recordHash: 'short' })],
  ])('refuses a last line that is %s, rather than starting over unchecked', async (_label, last) => {
    const path = join(scratch, `damaged-${_label}.jsonl`);
    writeFileSync(path, `${JSON.stringify(head(2))}\n${last}\n`);
    await expect(readLastPublishedHead(path)).rejects.toThrow(/last line of the audit head file/);
  });
});
