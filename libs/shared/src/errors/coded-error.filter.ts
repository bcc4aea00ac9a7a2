import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AccessDeniedError } from '../access-policy/access-denied.error.js';
import { CodedError } from './coded-error.js';
import { fieldInArguments } from './context-errors.js';

/**
 * Turns the services' coded errors into GraphQL errors with a stable `extensions.code` (and the field at
 * fault, placed under the argument that carried it: services name fields as the domain does). Anything
 * else is left for the error formatter, which masks it as an internal error.
 */
@Catch(CodedError, AccessDeniedError, HttpException)
export class CodedErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: CodedError | AccessDeniedError | HttpException, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw error;
    if (error instanceof AccessDeniedError) {
      // The reason goes to the log for oversight; the caller gets one fixed message whatever it was.
      this.logger.warn(`FORBIDDEN (${error.reason})`);
      return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
    }
    if (error instanceof HttpException) {
      // Nest's own guards and pipes speak HTTP; only 401 and 403 have a public meaning here.
      const status = error.getStatus();
      const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
      if (!code) return error;
      return new GraphQLError(code === 'UNAUTHENTICATED' ? 'Sign in first.' : 'Not allowed.', {
        extensions: { code },
      });
    }
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') {
      this.logger.warn(`${error.code}${error.details.reason ? ` (${error.details.reason})` : ''}`);
    }
    const { reason, retryAfterSeconds } = error.details;
    const field = error.details.field
      ? fieldInArguments(error.details.field, GqlArgumentsHost.create(host).getArgs() ?? {})
      : undefined;
    const message =
      field && field !== error.details.field && error.message.startsWith(`${error.details.field}: `)
        ? `${field}${error.message.slice(error.details.field!.length)}`
        : error.message;
    return new GraphQLError(message, {
      extensions: {
        code: error.code,
        ...(field ? { field } : {}),
        ...(reason ? { reason } : {}),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      },
    });
  }
}
