import { canonicalJson } from './canonical-json.js';
import type {
  EnvelopeEncryption,
  EnvelopeSignature,
  ExchangeHeader,
  UnsignedEnvelope,
} from './exchange-envelope.js';

/** Domain-separation labels, so bytes made for one purpose can never be valid for another. */
const AAD_LABEL = 'passage/exchange/v1/aad\n';
const SIGNATURE_LABEL = 'passage/exchange/v1/signature\n';

/**
 * The bytes bound to the ciphertext: the AES-GCM additional authenticated data, and (hashed) the HKDF
 * `info`. They are the canonical JSON of the whole header plus the encryption parameters chosen before
 * encrypting (algorithm, recipient key id, ephemeral public key), so a ciphertext moved under another
 * header, sender, recipient, type or key fails to decrypt even before the signature is considered. The
 * IV is left out: it is an input of GCM itself.
 */
export function contentBinding(
  header: ExchangeHeader,
  encryption: Pick<EnvelopeEncryption, 'alg' | 'recipientKeyId' | 'ephemeralPublicKey'>,
): Buffer {
  const bound = {
    ...header,
    encryption: {
      alg: encryption.alg,
      recipientKeyId: encryption.recipientKeyId,
      ephemeralPublicKey: encryption.ephemeralPublicKey,
    },
  };
  return Buffer.from(AAD_LABEL + canonicalJson(bound), 'utf8');
}

/**
 * The bytes the sender signs (encrypt-then-sign): the canonical JSON of every envelope member except
 * the signature value (header, full encryption block, ciphertext, and the signature's own algorithm and
 * key id). Any change to any of them, down to one character of the base64url text, breaks the
 * signature, and anyone holding the trust directory can check it without the recipient's key.
 */
export function signingInput(
  envelope: UnsignedEnvelope,
  signature: Pick<EnvelopeSignature, 'alg' | 'keyId'>,
): Buffer {
  const signed = { ...envelope, signature: { alg: signature.alg, keyId: signature.keyId } };
  return Buffer.from(SIGNATURE_LABEL + canonicalJson(signed), 'utf8');
}
