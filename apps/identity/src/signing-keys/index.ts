export { AccessTokenIssuer } from './access-token.issuer.js';
export { SigningKeyEntity } from './entities/signing-key.entity.js';
export { IDENTITY_KEY_SET, SigningKeysModule } from './signing-keys.module.js';
