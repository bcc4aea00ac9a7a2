/**
 * The one error type of the local infrastructure scripts. `code` is stable so callers (the CLI, Jest's
 * global setup, other scripts) can react to a kind of failure without parsing the message; the message
 * always says what is wrong and what to do about it.
 */
export class InfraError extends Error {
  /**
   * @param {string} code stable identifier, e.g. `POSTGRES_UNREACHABLE`
   * @param {string} message what went wrong and how to fix it
   * @param {{ cause?: unknown }} [options]
   */
  constructor(code, message, options) {
    super(message, options);
    this.name = 'InfraError';
    /** @type {string} */
    this.code = code;
  }
}
