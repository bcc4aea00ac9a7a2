#!/usr/bin/env node
/**
 * `npm run audit:verify`: recomputes a service's audit chain from its first record and checks it against
 * the last head the service published outside the database (docs/adr/026). Names the first broken link
 * and exits 1 when the chain does not hold; exits 0 when it does; 2 when it could not check at all.
 *
 *   --node <id>          node whose database to check (default `local`)
 *   --service <name>     service database (default `referrals`, the one with an audit trail)
 *   --database-url <url> the database itself, instead of `passage_<node>_<service>` on the admin server
 *   --heads <file>       the published heads (default AUDIT_HEAD_FILE, else .local/audit-heads/<node>-<service>.jsonl)
 *
 * The chain key comes from AUDIT_CHAIN_KEY, else the development key in .local/secrets. Needs the build.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { AuditChainKey, AuditTrail, readLastPublishedHead } from '@passage/shared';
import { postgresAdminUrl } from './infra/index.mjs';
import { auditHeadFile, developmentSecretPaths } from './run/repo-paths.mjs';
import { databaseUrlFrom } from './run/service-environment.mjs';

const WHAT_BROKE = {
  RECORD_HASH_MISMATCH: 'its content no longer matches its hash: the record was altered',
  PREVIOUS_HASH_MISMATCH:
    'it does not follow the record before it: a record before it was removed, inserted or rewritten',
  UNKEYED_AFTER_KEYED: 'it is unkeyed although keyed records precede it: it was rewritten to escape the key',
  PUBLISHED_HEAD_MISSING: 'the published head is no longer in the chain: the last records were removed',
  PUBLISHED_HEAD_MISMATCH: 'it is not the record that was published as the head: the chain was rewritten',
};

function option(args, name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args, env) {
  const node = option(args, '--node') ?? 'local';
  const service = option(args, '--service') ?? 'referrals';
  const databaseUrl =
    option(args, '--database-url') ?? databaseUrlFrom(postgresAdminUrl(env))(`passage_${node}_${service}`);
  const headsFile = option(args, '--heads') ?? env.AUDIT_HEAD_FILE ?? auditHeadFile(node, service, env);
  const key = AuditChainKey.fromBase64(
    env.AUDIT_CHAIN_KEY ?? readFileSync(developmentSecretPaths(env).auditChainKey, 'utf8'),
  );
  const head = await readLastPublishedHead(headsFile);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const source = { query: async (sql, parameters) => (await client.query(sql, parameters)).rows };
    const result = await new AuditTrail(key).verify(source, { publishedHead: head });
    const where = `the audit trail of ${service} on node ${node}`;
    if (!result.valid) {
      console.error(
        `BROKEN: ${where}: first broken link at record ${result.brokenAt} (${result.reason}): ` +
          `${WHAT_BROKE[result.reason] ?? result.reason}`,
      );
      return 1;
    }
    console.log(
      `OK: ${where}: ${result.records} records verified, up to record ${result.lastSequence ?? '-'}`,
    );
    if (head) {
      console.log(`OK: it holds the head published at ${head.publishedAt} (record ${head.sequence})`);
    } else {
      console.warn(
        `WARNING: no head published in ${headsFile}: the removal of the last records cannot be detected`,
      );
    }
    return 0;
  } finally {
    await client.end();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`audit:verify could not check the chain: ${error.message}`);
  process.exitCode = 2;
}
