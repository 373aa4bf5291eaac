/**
 * The API's errors: one catalogue of stable codes, one JSON shape
 * {statusCode, code, error, message}.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '../store/index.ts';
import { IngestError } from '../ingest/index.ts';
import { ConnectionError, isConnectionError } from '../store/postgres/index.ts';

export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 501: 'Not Implemented', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

const STORE_STATUS: Record<StoreError['code'], number> = { document_id_taken: 409, bad_split: 400, bad_correction: 400 };

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'not_found', `${what} "${id}" not found`);
}

/** Ajv's message, naming the offending parameter where Ajv leaves it out. */
function validationMessage(err: FastifyError): string {
  const v = err.validation?.[0];
  const extra = v?.keyword === 'additionalProperties' ? (v.params as { additionalProperty?: string }).additionalProperty : undefined;
  return extra ? `${err.validationContext ?? 'request'}: unknown parameter "${extra}"` : err.message;
}

export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let code = 'internal';
  let message = 'internal error';
  if (err instanceof ApiError) [status, code, message] = [err.statusCode, err.code, err.message];
  else if (err instanceof StoreError) [status, code, message] = [STORE_STATUS[err.code], err.code, err.message];
  else if (err instanceof IngestError) [status, code, message] = [err.status, err.code, err.message];
  // the database is down or refused us: the request may succeed later, and the message names no secret
  else if (err instanceof ConnectionError || isConnectionError(err)) {
    [status, code, message] = [503, 'store_unavailable', err instanceof ConnectionError ? err.message : 'the database is unreachable; try again shortly'];
    process.stderr.write(`sitrep: ${request.method} ${request.url}: ${message}\n`);
  } else if ('validation' in err && err.validation) [status, code, message] = [400, 'bad_request', validationMessage(err)];
  else if ('statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500) {
    [status, code, message] = [err.statusCode, (err as FastifyError).code ?? 'bad_request', err.message];
  } else process.stderr.write(`sitrep: ${request.method} ${request.url} failed: ${err.stack ?? err.message}\n`);
  return reply.status(status).send({ statusCode: status, code, error: STATUS_TEXT[status] ?? 'Error', message });
}
