import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, isNulCharacterError } from '../platform/db/db-errors.ts';
import { AppError, type ErrorCode, fromZodIssues } from '../platform/errors.ts';

/** Seconds a client is asked to wait when the database does not answer. */
export const databaseRetryAfterSeconds = 5;

/** The error shape of CONTRACT.md, the same for every failure. */
export function errorPayload(error: AppError) {
  return {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

const pick = (from: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => from[name] !== undefined).map((name) => [name, from[name]]));

/** Turns anything thrown into an AppError: ours as they are, framework errors by their code. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? 'invalid',
      // zod's code and limits, for the console to say it in the reader's language.
      code: v.keyword,
      ...pick(v.params as Record<string, unknown>, [
        'minimum',
        'maximum',
        'origin',
        'format',
        'values',
        'expected',
      ]),
    }));
    // A query or params failure with no path names its part of the request, never "body".
    if (issues[0] && issues[0].path.length === 0)
      issues[0].path = [(error as FastifyError).validationContext ?? 'body'];
    return fromZodIssues(issues);
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? frameworkCodes[fastifyError.code] : undefined;
  if (mapped === 'PAYLOAD_TOO_LARGE')
    return new AppError(mapped, 'body: the request body is larger than the limit', { field: 'body' });
  if (mapped) return new AppError(mapped, `body: ${fastifyError.message}`, { field: 'body' });
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('INVALID_JSON', `body: not valid JSON (${error.message})`, { field: 'body' });
  }
  if (fastifyError.statusCode === 429)
    return new AppError('RATE_LIMITED', 'too many attempts; wait a minute and try again');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', fastifyError.message, { field: 'body' });
  }
  if (isDatabaseUnavailable(error))
    return new AppError('DATABASE_UNAVAILABLE', 'the database does not answer; try again shortly');
  if (isNulCharacterError(error))
    return new AppError('VALIDATION_FAILED', 'body: text must not contain the NUL character (U+0000)', {
      field: 'body',
    });
  return new AppError('INTERNAL', 'an internal error occurred; it has been logged');
}

export function registerErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    if (appError.code === 'DATABASE_UNAVAILABLE') {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(databaseRetryAfterSeconds));
    }
    reply.status(appError.httpStatus).send(errorPayload(appError));
  });
}
