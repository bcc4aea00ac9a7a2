import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import type { DataSource } from 'typeorm';
import { Clock } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { SecretBox } from '../credentials/index.js';
import { SigningKeyEntity } from './entities/signing-key.entity.js';

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
}

/**
 * The Ed25519 key pairs access tokens are signed with. The newest unretired key signs; older keys stay in
 * the published key set until every token they signed has expired, so a rotation never logs anyone out.
 * Private keys are sealed at rest with the node's secret key.
 */
@Injectable()
export class SigningKeyStore implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SigningKeys');
  private readonly box: SecretBox;
  private active: ActiveSigningKey | undefined;
  private published: JSONWebKeySet = { keys: [] };
  private localKeySet: JWTVerifyGetKey = createLocalJWKSet({ keys: [] });
  private rotationTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly clock: Clock,
  ) {
    this.box = new SecretBox(config.IDENTITY_SECRET_KEY);
  }

  async onModuleInit(): Promise<void> {
    await this.rotateIfDue();
    // A long-running node rotates on schedule too, and picks up keys another replica made.
    this.rotationTimer = setInterval(() => {
      this.rotateIfDue().catch((error: Error) =>
        this.logger.error(`key rotation check failed: ${error.message}`),
      );
    }, 3600_000);
    this.rotationTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.rotationTimer);
  }

  /** Makes a new key when there is none or the current one is older than the rotation period. */
  async rotateIfDue(): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Several identity replicas may start together; one of them rotates.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('passage.identity.signing-key'))`);
      const [current] = await manager.find(SigningKeyEntity, { order: { createdAt: 'DESC' }, take: 1 });
      const unreadable = current !== undefined && !this.canOpen(current);
      if (unreadable) {
        // Sealed under another IDENTITY_SECRET_KEY (the secret was replaced): the key cannot sign any more.
        // Replacing it costs only the sessions it signed; refusing to start would cost the whole node.
        this.logger.warn(
          `signing key ${current.kid} was sealed with another secret key; replacing it, signed tokens end`,
        );
      }
      const due =
        !current ||
        unreadable ||
        current.retiredAt !== null ||
        now.getTime() - current.createdAt.getTime() > this.config.SIGNING_KEY_ROTATION_MS;
      if (!due) return;
      if (current && current.retiredAt === null)
        await manager.update(SigningKeyEntity, { kid: current.kid }, { retiredAt: now });
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      const kid = randomUUID();
      const publicJwk = {
        ...(await exportJWK(publicKey)),
        kid,
        alg: 'EdDSA',
        use: 'sig',
      } as unknown as Record<string, string>;
      const privateJwk = JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' });
      await manager.insert(SigningKeyEntity, {
        kid,
        publicJwk,
        privateJwk: this.box.seal(privateJwk, kid),
        createdAt: now,
        retiredAt: null,
      });
      this.logger.log(`new token-signing key ${kid}${current ? `; ${current.kid} retired` : ''}`);
    });
    await this.load(now);
  }

  private canOpen(row: SigningKeyEntity): boolean {
    try {
      this.box.open(row.privateJwk, row.kid);
      return true;
    } catch {
      return false;
    }
  }

  /** The key that signs new tokens. */
  signingKey(): ActiveSigningKey {
    if (!this.active) throw new Error('signing keys are not loaded');
    return this.active;
  }

  /** What `/.well-known/jwks.json` publishes: the active key and retired keys whose tokens may still be live. */
  publishedKeySet(): JSONWebKeySet {
    return this.published;
  }

  /** Identity verifies its own tokens against the same keys it publishes, without an HTTP round trip. */
  readonly keySet: JWTVerifyGetKey = (header, token) => this.localKeySet(header, token);

  private async load(now: Date): Promise<void> {
    const rows = await this.dataSource.getRepository(SigningKeyEntity).find({ order: { createdAt: 'DESC' } });
    const stillVerifiable = rows.filter(
      (row) =>
        row.retiredAt === null ||
        now.getTime() - row.retiredAt.getTime() < this.config.ACCESS_TOKEN_TTL_MS + 60_000,
    );
    const newest = rows.find((row) => row.retiredAt === null);
    if (!newest) throw new Error('no active signing key');
    const privateJwk = JSON.parse(this.box.open(newest.privateJwk, newest.kid)) as JWK;
    this.active = { kid: newest.kid, privateKey: (await importJWK(privateJwk, 'EdDSA')) as CryptoKey };
    this.published = { keys: stillVerifiable.map((row) => row.publicJwk as JWK) };
    this.localKeySet = createLocalJWKSet(this.published);
  }
}
