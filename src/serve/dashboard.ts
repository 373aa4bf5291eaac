/**
 * The web dashboard: `/` and its assets, built from web/ at start-up
 * (see web/build.ts). Data comes from the JSON API; the map reads the compact
 * point list of GET /api/events.points.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildDashboard, type Asset } from '../../web/build.ts';

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(req: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string): FastifyReply {
  reply.header('content-type', asset.type).header('etag', asset.etag).header('cache-control', cache);
  reply.header('vary', 'accept-encoding').header('x-content-type-options', 'nosniff');
  // defence in depth: the page never needs inline scripts or other origins
  reply.header('content-security-policy', csp);
  if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(asset.gzip);
  }
  return reply.send(asset.body);
}

/** Fastify plugin: registered by buildApp() in src/serve/app.ts. */
export default async function dashboard(app: FastifyInstance): Promise<void> {
  const { assets } = await buildDashboard();
  const index = assets.get('index.html')!;
  app.get('/', (req, reply) => send(req, reply, index, 'no-cache'));
  app.get<{ Params: { name: string } }>('/assets/:name', (req, reply) => {
    const asset = assets.get(req.params.name);
    if (!asset || req.params.name === 'index.html') return reply.code(404).send({ error: 'not_found', message: 'no such asset' });
    // asset URLs carry the build key (?v=…), so a new build is a new URL
    return send(req, reply, asset, req.query && (req.query as Record<string, string>).v ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
}
