/** Stable codes of {@link CredentialError}; resolvers map them, never the message. */
export type CredentialErrorCode =
  | 'PASSWORD_HASHER_OPTIONS_INVALID'
  | 'TOTP_SECRET_INVALID'
  | 'TOTP_OPTIONS_INVALID'
  | 'OTPAUTH_LABEL_INVALID'
  | 'RECOVERY_CODE_COUNT_INVALID'
  | 'SECRET_BOX_KEY_INVALID'
  | 'SECRET_BOX_MALFORMED'
  | 'SECRET_BOX_TAMPERED'
  | 'LOGIN_THROTTLE_OPTIONS_INVALID'
  | 'OPAQUE_TOKEN_MALFORMED';

/**
 * Raised by the credential primitives. Messages never quote a password, secret, code or token, so the
 * error can be logged as it is.
 */
export class CredentialError extends Error {
  constructor(
    readonly code: CredentialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}
