import { describe, expect, it } from '@jest/globals';
import { INTERNAL_ERROR_MESSAGE, formatGraphqlError } from './format-graphql-error.js';

describe('formatGraphqlError', () => {
  const correlationId = '6f1c7f9e-3f5a-4d0e-9a57-1f0b3a2c4d5e';

  it('keeps the message and whitelisted extensions of a public error', () => {
    const formatted = formatGraphqlError(
      {
        message: 'nationality must be an ISO country code',
        path: ['submitRescueRequest'],
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'input.people.0.nationality',
          stacktrace: ['at x'],
          exception: { x: 1 },
        },
      },
      correlationId,
    );
    expect(formatted).toEqual({
      message: 'nationality must be an ISO country code',
      path: ['submitRescueRequest'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.people.0.nationality', correlationId },
    });
  });

  it('masks an internal error, whatever its message says', () => {
    const formatted = formatGraphqlError(
      {
        message: 'duplicate key value violates unique constraint "person_pkey" on Sok Dara',
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError: ...'] },
      },
      correlationId,
    );
    expect(formatted).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    });
    expect(JSON.stringify(formatted)).not.toContain('Sok Dara');
  });

  it('masks errors without a code and codes it does not know', () => {
    expect(formatGraphqlError({ message: 'boom' }, undefined).message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(
      formatGraphqlError({ message: 'x', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }, undefined)
        .extensions,
    ).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
