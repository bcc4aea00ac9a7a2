import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { DataSource } from 'typeorm';
import { LARGE_OPERATION_HEADER, configureServiceHttp, tokenAudience } from '@passage/shared';
import {
  createTestDatabase,
  createThrowawayExchangeKeys,
  testKafkaBrokers,
  type TestDatabase,
  type ThrowawayExchangeKeys,
} from '@passage/shared/testing';
import { GatewayAppModule } from '../../gateway/src/app.module.js';
import { gatewayLargeOperations, loadGatewayConfig } from '../../gateway/src/config/gateway.config.js';
import { CHECKED_IN_SUPERGRAPH_PATH } from '../../gateway/src/supergraph/supergraph-source.js';
import { ReferralsAppModule } from '../src/app.module.js';
import { massIntakeBody } from '../src/case-work/index.js';
import { REFERRALS_MIGRATIONS } from '../src/database/index.js';
import { loadReferralsConfig } from '../src/platform/index.js';
import { raid } from '../../../test/support/raid.js';
import { count } from './case-work-fixture.js';

const NODE_ID = 'int-mass-intake';
const KIB = 1024;

const REGISTER = `mutation Register($input: RegisterMassIntakeInput!) {
  registerMassIntake(input: $input) { massIntakeId caseCount cases { caseId personId reference } }
}`;
const OPEN_CASE = `mutation Open($input: OpenCaseInput!) { openCase(input: $input) { case { id } } }`;

describe('a raid-sized mass intake over HTTP (real gateway and referrals app, Postgres and Kafka)', () => {
  let app: NestExpressApplication;
  let gateway: NestExpressApplication;
  let url: string;
  let gatewayUrl: string;
  let dataSource: DataSource;
  let jwks: Server;
  let database: TestDatabase;
  let keys: ThrowawayExchangeKeys;
  let token: string;
  const organisationId = randomUUID();

  beforeAll(async () => {
    // Identity's key set, served as identity would: the app verifies the test's tokens against it.
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'int-key', alg: 'EdDSA', use: 'sig' };
    jwks = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    token = await new SignJWT({
      sid: randomUUID(),
      org: organisationId,
      okd: 'NRM_COORDINATOR',
      onm: 'Focal point (test)',
      cty: 'KH',
      stn: null,
      nod: NODE_ID,
      rol: ['FOCAL_POINT'],
      mfa: 'ok',
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'int-key', typ: 'at+jwt' })
      .setSubject(randomUUID())
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('1h')
      .setIssuer(tokenAudience(NODE_ID).issuer)
      .setAudience(tokenAudience(NODE_ID).audience)
      .sign(privateKey);

    database = await createTestDatabase('referrals', REFERRALS_MIGRATIONS);
    keys = await createThrowawayExchangeKeys(['KH']);
    const config = configFrom(loadReferralsConfig, {
      NODE_ENV: 'test',
      NODE_ID,
      HOSTED_COUNTRIES: 'KH',
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      DATABASE_URL: database.serviceUrl,
      EXCHANGE_NAMESPACE: NODE_ID,
      EXCHANGE_TRUST_DIRECTORY: keys.trustDirectoryPath,
      EXCHANGE_KEYS_DIR: keys.keysDirectory,
      IDENTITY_JWKS_URL: jwksUrl,
      ATTESTATION_KEY: randomBytes(32).toString('base64url'),
      AUDIT_CHAIN_KEY: randomBytes(32).toString('base64url'),
    });
    app = await NestFactory.create<NestExpressApplication>(ReferralsAppModule.forConfig(config), {
      bodyParser: false,
      logger: false,
    });
    // What main.ts passes to startService.
    configureServiceHttp(app, { largeOperations: [massIntakeBody(config.MASS_INTAKE_MAX_BODY)] });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`;
    dataSource = app.get<DataSource>(getDataSourceToken());

    // The node's gateway in front of it, serving the checked-in supergraph with its referrals subgraph here.
    const gatewayConfig = configFrom(loadGatewayConfig, {
      NODE_ENV: 'test',
      NODE_ID,
      LOG_LEVEL: 'silent',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      IDENTITY_JWKS_URL: jwksUrl,
      IDENTITY_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
      REFERRALS_GRAPHQL_URL: url,
      SUPERGRAPH_PATH: CHECKED_IN_SUPERGRAPH_PATH,
    });
    gateway = await NestFactory.create<NestExpressApplication>(GatewayAppModule.forConfig(gatewayConfig), {
      bodyParser: false,
      logger: false,
    });
    // What the gateway's main.ts passes to startService.
    configureServiceHttp(gateway, {
      bodyLimit: gatewayConfig.GRAPHQL_MAX_BODY,
      largeOperations: gatewayLargeOperations(gatewayConfig),
    });
    await gateway.listen(0, '127.0.0.1');
    gatewayUrl = `${await gateway.getUrl()}/graphql`;
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    await keys?.remove();
    await database?.drop();
  });

  async function post(body: string, headers: Record<string, string> = {}, target = url) {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    const text = await response.text();
    // A refused body is answered before GraphQL, not necessarily in JSON.
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return {
      status: response.status,
      text,
      body: (json ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  }

  const body = (query: string, input: unknown) => JSON.stringify({ query, variables: { input } });
  const declared = { [LARGE_OPERATION_HEADER]: 'registerMassIntake' };
  const registered = () =>
    count(dataSource, 'case_file', `owner_organisation_id = '${organisationId}' AND origin = 'MASS_INTAKE'`);

  it('registers 5,000 named people in one request that says it is the mass intake', async () => {
    const people = raid(5_000);
    const request = body(REGISTER, { people });
    const bytes = Buffer.byteLength(request);
    expect(bytes).toBeGreaterThan(1_000 * KIB);
    const started = performance.now();
    const response = await post(request, declared);
    process.stderr.write(
      `[mass intake over HTTP] 5,000 people, ${(bytes / KIB / KIB).toFixed(2)} MiB, ` +
        `${(performance.now() - started).toFixed(0)} ms\n`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const payload = (
      response.body.data as { registerMassIntake: { caseCount: number; massIntakeId: string } }
    ).registerMassIntake;
    expect(payload.caseCount).toBe(5_000);
    expect(await registered()).toBe(5_000);
    // What was stored is what was sent, in order, multi-byte names included.
    const [stored] = (await dataSource.query(
      `SELECT p.name, p.languages FROM case_person p JOIN case_file c ON c.id = p.case_id
        WHERE c.mass_intake_id = $1 ORDER BY c.reference LIMIT 1 OFFSET 1`,
      [payload.massIntakeId],
    )) as { name: string; languages: string[] }[];
    expect(stored).toEqual({ name: people[1].name, languages: people[1].languages });
  });

  it('refuses the same intake with 413 when the request does not say what it is', async () => {
    const before = await registered();
    const response = await post(body(REGISTER, { people: raid(2_724) }));
    expect(response.status).toBe(413);
    expect(await registered()).toBe(before);
  });

  it('keeps every other operation at 256 kB, whatever the request claims', async () => {
    const padding = 'x'.repeat(300 * KIB);
    const openCase = body(OPEN_CASE, {
      origin: 'WALK_IN',
      people: [{ alias: padding, gender: 'MALE', ageBand: 'UNKNOWN' }],
    });
    expect((await post(openCase)).status).toBe(413);
    expect((await post(openCase, declared)).status).toBe(413);
    // The mass intake beside another root field is not the mass intake alone.
    const smuggled = JSON.stringify({
      query: `mutation M($input: RegisterMassIntakeInput!, $open: OpenCaseInput!) {
        registerMassIntake(input: $input) { caseCount } openCase(input: $open) { case { id } } }`,
      variables: {
        input: { people: raid(1) },
        open: { origin: 'WALK_IN', people: [{ alias: padding, gender: 'MALE', ageBand: 'UNKNOWN' }] },
      },
    });
    expect((await post(smuggled, declared)).status).toBe(413);
    // An ordinary request under the limit is unaffected by the header.
    const small = await post(
      body(OPEN_CASE, {
        origin: 'WALK_IN',
        people: [{ alias: 'Fictional', gender: 'MALE', ageBand: 'UNKNOWN' }],
      }),
      declared,
    );
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a mass intake over its own limit with 413', async () => {
    const people = raid(5_000).map((person) => ({ ...person, alias: 'ŋ'.repeat(900) }));
    const request = body(REGISTER, { people });
    expect(Buffer.byteLength(request)).toBeGreaterThan(8 * KIB * KIB);
    expect((await post(request, declared)).status).toBe(413);
  });

  it('names the bad row of a 5,000-person intake, quickly, and registers nobody', async () => {
    const before = await registered();
    const people = raid(5_000);
    people[4_321] = { ...people[4_321], languages: ['en', 'not-a-language'] };
    const started = performance.now();
    const response = await post(body(REGISTER, { people }), declared);
    const elapsed = performance.now() - started;
    process.stderr.write(`[mass intake over HTTP] bad row found in ${elapsed.toFixed(0)} ms\n`);
    expect(elapsed).toBeLessThan(5_000);
    const [error] = response.body.errors as { extensions: Record<string, unknown> }[];
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.people.4321.languages.1',
    });
    expect(await registered()).toBe(before);
  });

  it('takes a raid of 2,724 named people through the gateway, which passes the declaration on', async () => {
    const before = await registered();
    const request = body(REGISTER, { people: raid(2_724) });
    expect(Buffer.byteLength(request)).toBeGreaterThan(256 * KIB);
    const response = await post(request, declared, gatewayUrl);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toMatchObject({ registerMassIntake: { caseCount: 2_724 } });
    expect(await registered()).toBe(before + 2_724);
  });

  it('keeps the gateway at 256 kB for everything else, and says so without internals', async () => {
    const before = await registered();
    expect((await post(body(REGISTER, { people: raid(2_724) }), {}, gatewayUrl)).status).toBe(413);
    const openCase = body(OPEN_CASE, {
      origin: 'WALK_IN',
      people: [{ alias: 'x'.repeat(300 * KIB), gender: 'MALE', ageBand: 'UNKNOWN' }],
    });
    for (const headers of [{}, declared]) {
      const refused = await post(openCase, headers, gatewayUrl);
      expect(refused.status).toBe(413);
      expect(refused.text).not.toMatch(/at .*\.js:\d+/);
    }
    expect(await registered()).toBe(before);
  });
});

/** A service's configuration from these variables alone, read the way its main.ts reads the environment. */
function configFrom<T>(load: () => T, variables: Record<string, string>): T {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return load();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
