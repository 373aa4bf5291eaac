/**
 * The derived picture over HTTP: territorial control (GeoJSON for the map
 * layer, per-place history), displacement flows and stocks (JSON or HXL
 * CSV) and casualty tallies with ranges. All of it is recomputed from the
 * stored events and records whenever they change (new documents, merges,
 * splits, reviewer corrections), and served from memory in between.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventFilters, Store, StoredEvent } from '../store/index.ts';
import { claimsIn, controlAt, controlGeoJSON, controlHistory, displacementHxl, readPicture, splitDisplacement, tally, type Picture, type TallyKey } from '../derive/index.ts';
import { ApiError, notFound } from './errors.ts';
import { toFilters } from './filters.ts';
import { errorResponse, filterProperties } from './schemas.ts';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
const bbox = filterProperties.bbox;
/** keeps the answer cache small when clients vary their filters endlessly */
const MAX_ANSWERS = 256;
const TALLY_KEYS: readonly TallyKey[] = ['admin1', 'country', 'actor', 'side', 'week', 'event_type'];

/** The picture plus the answers already served from it. */
export interface DerivedState extends Picture {
  /** serialised answers already computed from this state, by request URL */
  answers: Map<string, Buffer>;
}

/** Reads the picture from the store, with an empty answer cache. */
export async function computeDerived(store: Store): Promise<DerivedState> {
  return { ...(await readPicture(store)), answers: new Map() };
}

type Revisable = Store & { revision?: () => Promise<string | number> };

/**
 * Fastify plugin (registered by buildApp when this file exists). The state is
 * rebuilt when the store's revision changes, or, for a store without one,
 * when its counts change or any write request has gone through this app.
 */
async function derived(app: FastifyInstance): Promise<void> {
  const store = (app as FastifyInstance & { store?: Store }).store as Revisable | undefined;
  if (!store) throw new Error('derived routes need the store decorated on the app as `store`');
  let writes = 0;
  let cached: { key: string; state: Promise<DerivedState> } | null = null;
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') writes += 1;
  });
  const current = async (): Promise<DerivedState> => {
    const key = store.revision ? String(await store.revision()) : `${JSON.stringify(await store.counts())}|${writes}`;
    if (!cached || cached.key !== key) {
      const state = computeDerived(store);
      cached = { key, state };
      state.catch(() => {
        if (cached?.state === state) cached = null;
      });
    }
    return cached.state;
  };
  /** Serves the answer for this URL from the current state, computing and serialising it once per state. */
  const answer = async (req: FastifyRequest, reply: FastifyReply, compute: (state: DerivedState) => unknown, type = 'application/json; charset=utf-8') => {
    const state = await current();
    let body = state.answers.get(req.url);
    if (body === undefined) {
      const value = compute(state);
      // kept as bytes: a cached answer is then sent without re-encoding
      body = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
      if (state.answers.size >= MAX_ANSWERS) state.answers.clear();
      state.answers.set(req.url, body);
    }
    return reply.header('content-type', type).send(body);
  };

  app.get<{ Querystring: { date?: string; bbox?: string; format?: 'geojson' | 'json' } }>(
    '/api/control',
    {
      schema: {
        summary: 'territorial control in force on a date (without one: periods not yet ended), as GeoJSON for the map or JSON',
        querystring: { type: 'object', additionalProperties: false, properties: { date: day, bbox, format: { type: 'string', enum: ['geojson', 'json'], default: 'geojson' } } },
        response: { 400: errorResponse },
      },
    },
    async (req, reply) => {
      const filters = toFilters({ bbox: req.query.bbox, from: req.query.date });
      return answer(req, reply, (state) => {
        const periods = controlAt(state.periods, req.query.date ?? null, filters.bbox ?? null);
        return req.query.format === 'json' ? { date: req.query.date ?? null, items: periods } : controlGeoJSON(periods);
      }, req.query.format === 'json' ? undefined : 'application/geo+json; charset=utf-8');
    },
  );

  app.get<{ Params: { place: string } }>(
    '/api/control/:place/history',
    { schema: { summary: 'control periods of a place (key, GeoNames id or name), oldest first', params: { type: 'object', required: ['place'], properties: { place: { type: 'string', minLength: 1, maxLength: 200 } } }, response: { 404: errorResponse } } },
    async (req, reply) => {
      const periods = controlHistory((await current()).history, req.params.place);
      if (periods.length === 0) throw notFound('control history for place', req.params.place);
      return answer(req, reply, () => ({ place: req.params.place, periods }));
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; bbox?: string; kind?: 'flow' | 'stock'; format?: 'json' | 'hxl' } }>(
    '/api/displacement',
    {
      schema: {
        summary: 'displacement flows and stock statistics, kept apart; HXL-tagged CSV with format=hxl',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: day, to: day, bbox, kind: { type: 'string', enum: ['flow', 'stock'] }, format: { type: 'string', enum: ['json', 'hxl'], default: 'json' } },
        },
        response: { 400: errorResponse },
      },
    },
    async (req, reply) => {
      const f = toFilters({ from: req.query.from, to: req.query.to, bbox: req.query.bbox });
      const { kind, format } = req.query;
      return answer(req, reply, (state) => {
        const { flows, stocks } = splitDisplacement(state.displacement, { from: f.from, to: f.to, bbox: f.bbox });
        if (format === 'hxl') return displacementHxl(kind === 'stock' ? stocks : kind === 'flow' ? flows : [...flows, ...stocks]);
        return { flows: kind === 'stock' ? [] : flows, stocks: kind === 'flow' ? [] : stocks };
      }, format === 'hxl' ? 'text/csv; charset=utf-8' : undefined);
    },
  );

  app.get<{ Querystring: { by?: string; from?: string; to?: string; bbox?: string; country?: string; admin1?: string } }>(
    '/api/tallies',
    {
      schema: {
        summary: 'fatalities per event fused from its claims, summed low/best/high by up to three keys, with events lacking a figure counted',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            by: { type: 'string', pattern: `^(${TALLY_KEYS.join('|')})(,(${TALLY_KEYS.join('|')}))*$`, default: 'admin1' },
            from: day, to: day, bbox, country: filterProperties.country, admin1: filterProperties.admin1,
          },
        },
        response: { 400: errorResponse },
      },
    },
    async (req, reply) => {
      const { by = 'admin1', ...rest } = req.query;
      const filters = toFilters(rest);
      const keys = [...new Set(by.split(','))] as TallyKey[];
      if (keys.length > 3) throw new ApiError(400, 'bad_filter', 'querystring/by takes at most three keys');
      return answer(req, reply, (state) => ({ by: keys, rows: tally(state.events.filter((e) => matches(e, filters)), keys, { claims: claimsIn(state) }) }));
    },
  );
}

function matches(e: StoredEvent, f: EventFilters): boolean {
  const d = e.event_date;
  if (f.from && (!d || d < f.from)) return false;
  if (f.to && (!d || d > f.to)) return false;
  if (f.country && e.location?.country !== f.country && e.location?.iso3 !== f.country) return false;
  if (f.admin1 && e.location?.admin1 !== f.admin1) return false;
  if (f.bbox) {
    const [w, s, east, n] = f.bbox;
    const { lat, lon } = e.location ?? { lat: null, lon: null };
    if (lat === null || lon === null || lon < w || lon > east || lat < s || lat > n) return false;
  }
  return true;
}

// like fastify-plugin: the write-counting hook must see the whole app's requests, not only this plugin's
(derived as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export default derived;
