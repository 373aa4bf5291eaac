/** JSON Schemas shared by the routes: the filter query string, ids, errors. */
import { REVIEW_STATES } from '../store/index.ts';

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;

export const filterProperties = {
  from: day,
  to: day,
  bbox: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', description: 'west,south,east,north in degrees' },
  country: text,
  admin1: text,
  actor: text,
  event_type: text,
  sub_event_type: text,
  min_fatalities: { type: 'integer', minimum: 0 },
  q: { type: 'string', maxLength: 200 },
  review: { type: 'string', enum: REVIEW_STATES },
} as const;

export const SORTS = ['event_date', '-event_date', 'fatalities', '-fatalities', 'confidence', '-confidence'] as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
    sort: { type: 'string', enum: SORTS, default: '-event_date' },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const anyObject = { type: 'object', additionalProperties: true } as const;

export const errorResponse = {
  type: 'object',
  properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, error: { type: 'string' }, message: { type: 'string' } },
} as const;
