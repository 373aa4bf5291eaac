/**
 * The web dashboard: `/` and its assets, built from web/ at start-up
 * (see web/build.ts). Data comes from the JSON API, except the map's compact
 * point list (dashboard-points.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildDashboard, type Asset } from '../../web/build.ts';
import { where } from '../store/sqlite/filters.ts';
import { toFilters, type FilterQuery } from './filters.ts';

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

interface Row {
  id: string; lon: number | null; lat: number | null; event_date: string | null; event_type: string; sub_event_type: string;
  country: string | null; admin1: string | null; actor1: string | null; actor2: string | null;
  fatalities_low: number | null; fatalities_best: number | null;
}

/** Repeated strings as indexes into one list: most columns hold a few dozen distinct values. */
function dictionary(values: (string | null)[]): { values: (string | null)[]; codes: number[] } {
  const index = new Map<string | null, number>();
  const codes = values.map((v) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  });
  return { values: [...index.keys()], codes };
}

type SqliteHandle = { db: { all<T>(sql: string, ...params: unknown[]): T[] } };

/**
 * The map's compact point list: the few columns the browser filters and draws
 * by, as columns, from the indexed columns of the events table (no record is
 * parsed). With 100k events this is ~3 MB against ~35 MB of GeoJSON.
 * It reads the SQLite store directly with the store's own WHERE builder, so the
 * filters mean what they mean in the API; it belongs in the store's API
 * (GET /api/events.points) and moves there when the store owner adds it.
 */
function pointsRoute(app: FastifyInstance): void {
  const store = (app as FastifyInstance & { store?: Partial<SqliteHandle> }).store;
  app.get<{ Querystring: FilterQuery }>('/dashboard/points', async (req, reply) => {
    if (!store?.db || typeof store.db.all !== 'function') return reply.code(404).send({ error: 'not_found', message: 'no SQLite store: use /api/events.geojson' });
    const minFatalities = req.query.min_fatalities === undefined ? undefined : Number(req.query.min_fatalities);
    if (minFatalities !== undefined && !(minFatalities >= 0)) return reply.code(400).send({ error: 'bad_filter', message: 'min_fatalities must be a number ≥ 0' });
    const w = where(toFilters({ ...req.query, min_fatalities: minFatalities }));
    const cond = `${w.sql ? `${w.sql} AND` : 'WHERE'} e.lat IS NOT NULL AND e.lon IS NOT NULL`;
    const rows = store.db.all<Row>(
      `SELECT id, lon, lat, event_date, event_type, sub_event_type, country, admin1, actor1, actor2, fatalities_low, fatalities_best
       FROM events e ${cond} ORDER BY e.rowid`, ...w.params,
    );
    const col = <K extends keyof Row>(k: K) => rows.map((r) => r[k]);
    const dict = (k: keyof Row) => dictionary(col(k) as (string | null)[]);
    reply.header('cache-control', 'no-store');
    return {
      n: rows.length,
      id: col('id'),
      lon: col('lon'),
      lat: col('lat'),
      date: dict('event_date'),
      event_type: dict('event_type'),
      sub_event_type: dict('sub_event_type'),
      country: dict('country'),
      admin1: dict('admin1'),
      actor1: dict('actor1'),
      actor2: dict('actor2'),
      fatalities_low: col('fatalities_low'),
      fatalities_best: col('fatalities_best'),
    };
  });
}

/** Fastify plugin: registered by buildApp() in src/serve/app.ts. */
export default async function dashboard(app: FastifyInstance): Promise<void> {
  const { assets } = await buildDashboard();
  const index = assets.get('index.html')!;
  app.get('/', (req, reply) => send(req, reply, index, 'no-cache'));
  pointsRoute(app);
  app.get<{ Params: { name: string } }>('/assets/:name', (req, reply) => {
    const asset = assets.get(req.params.name);
    if (!asset || req.params.name === 'index.html') return reply.code(404).send({ error: 'not_found', message: 'no such asset' });
    // asset URLs carry the build key (?v=…), so a new build is a new URL
    return send(req, reply, asset, req.query && (req.query as Record<string, string>).v ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
}
