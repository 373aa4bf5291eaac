/** /api/events: list, GeoJSON, one event, its merges, split, review. */
import type { FastifyPluginAsync } from 'fastify';
import { CORRECTABLE_FIELDS } from '../../merge/index.ts';
import type { EventPoint, ReviewPatch, SortKey, StoredEvent } from '../../store/index.ts';
import { toFilters } from '../filters.ts';
import type { FilterQuery } from '../filters.ts';
import { ApiError, notFound } from '../errors.ts';
import { anyObject, errorResponse, filterProperties, idParams, listQuery } from '../schemas.ts';

const MAX_POINT_ANSWERS = 16;

type ListQuery = FilterQuery & { limit: number; offset: number; sort: SortKey };

/** Repeated strings as indexes into one list: most columns hold a few dozen distinct values. */
export function dictionary(values: (string | null)[]): { values: (string | null)[]; codes: number[] } {
  const index = new Map<string | null, number>();
  const codes = values.map((v) => {
    let i = index.get(v);
    if (i === undefined) index.set(v, (i = index.size));
    return i;
  });
  return { values: [...index.keys()], codes };
}

/** The compact properties of a map feature. */
export function featureOf(e: StoredEvent) {
  const l = e.location!;
  return {
    type: 'Feature' as const,
    id: e.id,
    geometry: { type: 'Point' as const, coordinates: [l.lon as number, l.lat as number] },
    properties: {
      id: e.id,
      event_date: e.event_date,
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      actor1: e.actor1?.name ?? null,
      actor2: e.actor2?.name ?? null,
      fatalities_best: e.fatalities?.best ?? null,
      fatalities_low: e.fatalities?.low ?? null,
      fatalities_high: e.fatalities?.high ?? null,
      location: l.name ?? l.text,
      admin1: l.admin1,
      country: l.country,
      geo_precision: l.geo_precision,
      confidence: e.confidence,
      source_count: e.source_count,
      review: e.review.state,
    },
  };
}

export function hasPoint(e: StoredEvent): boolean {
  return e.location?.lat != null && e.location.lon != null;
}

/** untyped on purpose: fast-json-stringify then hands records to JSON.stringify, ten times faster than walking an open object schema */
const storedEvent = { description: 'an EventRecord (INTERFACE.md) with review {state, corrected_fields}, source_count and document_ids' } as const;

const list = {
  type: 'object',
  properties: { total: { type: 'integer' }, total_exact: { type: 'boolean', description: 'false when more than 10,000 events match and total is that lower bound' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: storedEvent } },
} as const;

const patchBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    fields: { type: 'object', additionalProperties: false, properties: Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, {}])) },
    review_state: { type: 'string', enum: ['confirmed', 'rejected', 'corrected'] },
    note: { type: 'string', maxLength: 2000 },
  },
} as const;

const routes: FastifyPluginAsync = async (app) => {
  // The map layer is read again only when the store changes: at 100k events one read costs about a CPU-second.
  let pointAnswers: { revision: number; bodies: Map<string, Buffer> } | null = null;
  app.get<{ Querystring: ListQuery }>('/api/events', {
    schema: { summary: 'events matching the filters', querystring: listQuery, response: { 200: list, 400: errorResponse } },
  }, async (req, reply) => {
    const { limit, offset, sort, ...filters } = req.query;
    const query = { ...toFilters(filters), limit, offset, sort };
    if (app.store.listEventsJson) {
      // the stored records are JSON already: splice them in rather than parse and re-serialise 50 of them
      const { total, total_exact, items } = await app.store.listEventsJson(query);
      reply.type('application/json; charset=utf-8');
      return `{"total":${total},"total_exact":${total_exact},"limit":${limit},"offset":${offset},"items":[${items.join(',')}]}`;
    }
    const { total, total_exact, items } = await app.store.listEvents(query);
    return { total, total_exact, limit, offset, items };
  });

  app.get<{ Querystring: ListQuery }>('/api/events.geojson', {
    schema: { summary: 'events with coordinates as a GeoJSON FeatureCollection', querystring: { ...listQuery, properties: { ...listQuery.properties, limit: { type: 'integer', minimum: 1, maximum: 100_000, default: 10_000 } } } },
  }, async (req, reply) => {
    const { limit, offset, sort, ...filters } = req.query;
    const { items } = await app.store.listEvents({ ...toFilters({ ...filters }), limit, offset, sort });
    reply.type('application/geo+json');
    return { type: 'FeatureCollection', features: items.filter(hasPoint).map(featureOf) };
  });

  app.get<{ Querystring: FilterQuery }>('/api/events.points', {
    schema: { summary: 'every matching event with coordinates as columns (strings dictionary-coded): a compact map layer', querystring: { type: 'object', additionalProperties: false, properties: filterProperties }, response: { 400: errorResponse } },
  }, async (req, reply) => {
    if (!app.store.points) throw new ApiError(501, 'not_supported', 'this store engine has no point list: use /api/events.geojson');
    reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
    const revision = app.store.revision ? await app.store.revision() : null;
    const hit = revision !== null && pointAnswers?.revision === revision ? pointAnswers.bodies.get(req.url) : undefined;
    if (hit) return reply.send(hit);
    const rows = await app.store.points(toFilters(req.query));
    const col = <K extends keyof EventPoint>(k: K) => rows.map((r) => r[k]);
    const dict = (k: keyof EventPoint) => dictionary(col(k) as (string | null)[]);
    const body = Buffer.from(JSON.stringify({
      n: rows.length, id: col('id'), lon: col('lon'), lat: col('lat'), date: dict('event_date'), event_type: dict('event_type'),
      sub_event_type: dict('sub_event_type'), country: dict('country'), admin1: dict('admin1'), actor1: dict('actor1'), actor2: dict('actor2'),
      fatalities_low: col('fatalities_low'), fatalities_best: col('fatalities_best'),
    }));
    if (revision !== null) {
      if (pointAnswers?.revision !== revision || pointAnswers.bodies.size >= MAX_POINT_ANSWERS) pointAnswers = { revision, bodies: new Map() };
      pointAnswers.bodies.set(req.url, body);
    }
    return reply.send(body);
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', {
    schema: { summary: 'one event with its claims and disagreements', params: idParams, response: { 200: anyObject, 404: errorResponse } },
  }, async (req) => (await app.store.getEvent(req.params.id)) ?? Promise.reject(notFound('event', req.params.id)));

  app.get<{ Params: { id: string } }>('/api/events/:id/merges', {
    schema: { summary: 'the merges that made the event, with their features and scores', params: idParams, response: { 200: { type: 'array', items: anyObject }, 404: errorResponse } },
  }, async (req) => (await app.store.getMerges(req.params.id)) ?? Promise.reject(notFound('event', req.params.id)));

  app.post<{ Params: { id: string }; Body: { claim_ids?: string[] } | undefined }>('/api/events/:id/split', {
    schema: {
      summary: 'undo the merges of an event (or move the given claims out); returns the resulting events',
      params: idParams,
      body: { type: ['object', 'null'], additionalProperties: false, properties: { claim_ids: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', maxLength: 200 } } } },
      response: { 200: { type: 'object', properties: { events: { type: 'array', items: { type: 'string' } } } }, 404: errorResponse },
    },
  }, async (req) => {
    const events = await app.store.splitEvent(req.params.id, req.body?.claim_ids);
    if (!events) throw notFound('event', req.params.id);
    return { events };
  });

  app.patch<{ Params: { id: string }; Body: ReviewPatch }>('/api/events/:id', {
    schema: { summary: 'a reviewer correction or verdict; kept as such and re-applied after every re-derivation', params: idParams, body: patchBody, response: { 200: anyObject, 404: errorResponse } },
  }, async (req) => (await app.store.reviewEvent(req.params.id, req.body)) ?? Promise.reject(notFound('event', req.params.id)));
};

export default routes;
export { filterProperties };
