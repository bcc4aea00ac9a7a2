/**
 * A record that can never be processed as it is (unparsable, unknown type, failed its schema, refused by
 * the exchange's checks, or refused by business rules). It goes to the dead-letter topic at once instead
 * of being retried. `reason` must name what is wrong without quoting the record's content.
 */
export class PoisonMessageError extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    /** The record's own id when it could be read; lets the inbox remember the verdict. */
    readonly messageId: string | null = null,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'PoisonMessageError';
  }
}
