/**
 * Who may write. On loopback anyone may, unless a token is set; on any
 * other address a bearer token is required, and without one writes are off.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A preHandler that rejects writes lacking the right `Authorization: Bearer` token. */
export function writeGuard(host: string, token: string | undefined) {
  const required = !!token || !isLoopback(host);
  return async (request: FastifyRequest) => {
    if (!required) return;
    if (!token) throw new ApiError(401, 'writes_disabled', `writes are disabled on ${host}: start the server with SITREP_TOKEN set and send "Authorization: Bearer <token>"`);
    const given = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (!given) throw new ApiError(401, 'token_required', 'this endpoint needs "Authorization: Bearer <SITREP_TOKEN>"');
    if (!same(given, token)) throw new ApiError(401, 'bad_token', 'the bearer token is not valid');
  };
}
