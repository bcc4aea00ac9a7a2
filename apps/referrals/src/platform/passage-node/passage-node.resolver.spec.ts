import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import type { OrganisationKind, Role } from '@passage/schemas';
import {
  AccessTokenVerifier,
  ManualClock,
  RevocationList,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  tokenAudience,
  type MessagingLifecycle,
  type OutboxRelay,
} from '@passage/shared';
import type { ReferralsConfig } from '../config/referrals.config.js';
import { NodeStatusAccess } from './node-status-access.js';
import { PassageNodeResolver } from './passage-node.resolver.js';

const NODE = 'kh-node';
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
const config = {
  NODE_ID: NODE,
  SERVICE_NAME: 'referrals',
  HOSTED_COUNTRIES: ['KH', 'TH'],
  EXCHANGE_NAMESPACE: 'trm',
} as ReferralsConfig;

/** The outbox of a node with work in flight: three messages waiting, the oldest for a minute. */
const relay = {
  lag: () => Promise.resolve({ pending: 3, oldestPendingAgeMs: 60_000, abandoned: 0 }),
} as unknown as OutboxRelay;
const messaging = { isConsuming: () => true } as unknown as MessagingLifecycle;

describe('passageNode status fields (issue 12, finding 10)', () => {
  let resolver: PassageNodeResolver;
  let signingKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    signingKey = pair.privateKey;
    const jwks = createLocalJWKSet({
      keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }],
    });
    const verifier = new AccessTokenVerifier(jwks, new RevocationList(), NODE, () => clock.now());
    const keys = generateCountryKeys('KH', { validFrom: new Date('2026-01-01T00:00:00Z') });
    const trustDirectory = TrustDirectory.fromObject(
      buildTrustDirectoryDocument({ KH: keys.published }, new Date('2026-01-01T00:00:00Z')),
    );
    resolver = new PassageNodeResolver(
      config,
      relay,
      messaging,
      trustDirectory,
      new NodeStatusAccess(verifier, clock, config),
    );
  });

  /** A request bearing an access token identity would issue to a member of such an organisation. */
  async function requestAs(kind: OrganisationKind, country: string | null, roles: Role[]) {
    const now = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({
      sid: randomUUID(),
      jti: randomUUID(),
      org: randomUUID(),
      okd: kind,
      onm: `${kind} (test)`,
      cty: country,
      stn: null,
      nod: NODE,
      rol: roles,
      mfa: 'ok',
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'at+jwt' })
      .setSubject(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .setIssuer(tokenAudience(NODE).issuer)
      .setAudience(tokenAudience(NODE).audience)
      .sign(signingKey);
    return { headers: { authorization: `Bearer ${token}` } };
  }

  it('shows outbox and exchange activity to the platform operator and a hosted country’s oversight body', async () => {
    for (const request of [
      await requestAs('PLATFORM_OPERATOR', null, ['PLATFORM_ADMIN']),
      await requestAs('OVERSIGHT', 'TH', ['DATA_PROTECTION_OFFICER']),
    ]) {
      expect(await resolver.referrals(request)).toMatchObject({ outbox: { pending: 3 } });
      expect(await resolver.exchange(request)).toMatchObject({
        mailboxTopics: ['trm.exchange.KH', 'trm.exchange.TH'],
      });
    }
  });

  it('refuses everyone else, immigration included, and the anonymous caller', async () => {
    for (const request of [
      await requestAs('IMMIGRATION', 'KH', ['VERIFIER']),
      await requestAs('NGO', 'KH', ['CASEWORKER', 'ORGANISATION_ADMIN']),
      await requestAs('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']),
      await requestAs('OVERSIGHT', 'ID', ['DATA_PROTECTION_OFFICER']),
    ]) {
      await expect(resolver.referrals(request)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      await expect(resolver.exchange(request)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }
    await expect(resolver.referrals({ headers: {} })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(resolver.exchange(undefined)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
