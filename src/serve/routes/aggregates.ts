/** /api/aggregates: counts and fatality sums by day, week, admin1, actor or event type. */
import type { FastifyPluginAsync } from 'fastify';
import type { AggregateBy } from '../../store/index.ts';
import { toFilters } from '../filters.ts';
import type { FilterQuery } from '../filters.ts';
import { errorResponse, filterProperties } from '../schemas.ts';

const BY = ['day', 'week', 'admin1', 'actor', 'event_type'] as const;

const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FilterQuery & { by: AggregateBy } }>('/api/aggregates', {
    schema: {
      summary: 'events and fatalities (low/best/high; high null when some figure is open-ended) grouped by one key',
      querystring: { type: 'object', additionalProperties: false, required: ['by'], properties: { ...filterProperties, by: { type: 'string', enum: BY } } },
      response: {
        200: {
          type: 'object',
          properties: {
            by: { type: 'string' },
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  key: { type: ['string', 'null'] }, events: { type: 'integer' }, fatalities_low: { type: 'integer' },
                  fatalities_best: { type: 'integer' }, fatalities_high: { type: ['integer', 'null'] }, no_figure: { type: 'integer' },
                },
              },
            },
          },
        },
        400: errorResponse,
      },
    },
  }, async (req) => {
    const { by, ...filters } = req.query;
    return { by, rows: await app.store.aggregate(by, toFilters(filters)) };
  });
};

export default routes;
