/** Raised when the outbox is misused; a programming error, never a user's. */
export class OutboxError extends Error {
  constructor(
    readonly code: 'OUTBOX_REQUIRES_TRANSACTION' | 'OUTBOX_INVALID_EVENT',
    message: string,
  ) {
    super(message);
    this.name = 'OutboxError';
  }
}
