import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorBody } from './errors.js';

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_JSON'],
};

const BY_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_ATTEMPTS',
};

/**
 * A database refusal that input can cause (a character PostgreSQL cannot store, a malformed value, a unique
 * key raced by two requests) is the client's 4xx, never a 5xx; services check first, this is the net.
 */
const PG_CODES: Record<string, [number, ErrorCode]> = {
  '22021': [400, 'VALIDATION_FAILED'],
  '22P02': [400, 'VALIDATION_FAILED'],
  '23505': [409, 'CONFLICT'],
};

function pgCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Every failure leaves as `{error: {code, message, details}}`; only a bug gives 5xx. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError)
    return reply.code(err.status).send(errorBody(err.code, err.details, err.message));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message,
    }));
    return reply.code(400).send(errorBody('VALIDATION_FAILED', details));
  }
  const db = PG_CODES[pgCode(err) ?? ''];
  if (db) return reply.code(db[0]).send(errorBody(db[1]));
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return reply.code(known[0]).send(errorBody(known[1]));
  if (!isResponseSerializationError(err) && err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send(errorBody(BY_STATUS[err.statusCode] ?? 'VALIDATION_FAILED'));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.code(500).send(errorBody('INTERNAL'));
}
