import { Global, Module } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer.js';
import { JwksController } from './jwks.controller.js';
import { SigningKeyStore } from './signing-key.store.js';

/** Token for identity's own verification key set (the keys it signs with). */
export const IDENTITY_KEY_SET = Symbol('IDENTITY_KEY_SET');

/**
 * The keys access tokens are signed with, the issuer that signs them, and the published key set (JWKS).
 * Global because the shared authentication module verifies tokens with {@link IDENTITY_KEY_SET}.
 */
@Global()
@Module({
  controllers: [JwksController],
  providers: [
    SigningKeyStore,
    AccessTokenIssuer,
    {
      provide: IDENTITY_KEY_SET,
      inject: [SigningKeyStore],
      useFactory: (store: SigningKeyStore) => store.keySet,
    },
  ],
  exports: [SigningKeyStore, AccessTokenIssuer, IDENTITY_KEY_SET],
})
export class SigningKeysModule {}
