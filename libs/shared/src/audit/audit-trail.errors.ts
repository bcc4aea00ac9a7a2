/** Raised when the audit trail is misused or cannot append; a programming or contention error, never a user's. */
export class AuditTrailError extends Error {
  constructor(
    readonly code: 'AUDIT_REQUIRES_TRANSACTION' | 'AUDIT_INVALID_ENTRY' | 'AUDIT_CHAIN_CONTENDED',
    message: string,
  ) {
    super(message);
    this.name = 'AuditTrailError';
  }
}
