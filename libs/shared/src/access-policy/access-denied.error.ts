import type { DenyReason } from './policy-reasons.js';

/** The one message every refusal carries, so that no wording differs between refusal causes. */
export const ACCESS_DENIED_MESSAGE = 'You are not allowed to do this.';

/**
 * Thrown by `assertAllowed` when the policy refuses. `code` is the public GraphQL code; `reason` is for
 * the audit log and tests. The message is the same for every reason, and no reason tells whether the
 * record exists (see `DENY_REASONS`), so the error is safe to show even if the reason were forwarded.
 */
export class AccessDeniedError extends Error {
  readonly code = 'FORBIDDEN';

  constructor(readonly reason: DenyReason) {
    super(ACCESS_DENIED_MESSAGE);
    this.name = 'AccessDeniedError';
  }
}
