/** /api/documents: search them; read one with its spans; add one (text, HTML or URL). */
import type { FastifyPluginAsync } from 'fastify';
import { htmlToArticle, ingestDocument, safeFetch } from '../../ingest/index.ts';
import type { RawDocument } from '../../ingest/index.ts';
import { ApiError, notFound } from '../errors.ts';
import { anyObject, errorResponse, filterProperties, idParams } from '../schemas.ts';
import { toFilters } from '../filters.ts';

interface PostBody {
  text?: string;
  html?: string;
  url?: string;
  published?: string;
  title?: string;
  source?: string;
  id?: string;
}

const short = { type: 'string', maxLength: 2000 } as const;

const hit = {
  type: 'object',
  properties: {
    id: { type: 'string' }, title: { type: ['string', 'null'] }, source: { type: ['string', 'null'] }, url: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] }, language: { type: 'string' }, snippet: { type: 'string', description: 'the passage around the first match' },
  },
} as const;

const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200, description: 'every word must occur in the title or text' },
    from: { ...filterProperties.from, description: 'published on or after this day' },
    to: { ...filterProperties.to, description: 'published on or before this day' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
    offset: { type: 'integer', minimum: 0, maximum: 100_000, default: 0 },
  },
} as const;

interface SearchQuery {
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: SearchQuery }>('/api/documents', {
    schema: {
      summary: 'documents by full-text search and publication day, newest first',
      querystring: searchQuery,
      response: {
        200: { type: 'object', properties: { total: { type: 'integer' }, total_exact: { type: 'boolean' }, limit: { type: 'integer' }, offset: { type: 'integer' }, items: { type: 'array', items: hit } } },
        400: errorResponse,
      },
    },
  }, async (req) => {
    const { q, from, to, limit, offset } = req.query;
    // the same date checks as the event filters
    toFilters({ from, to });
    const { total, total_exact, items } = await app.store.searchDocuments({ q, from, to, limit, offset });
    return { total, total_exact, limit, offset, items };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', {
    schema: { summary: 'a document with its text and the spans found in it', params: idParams, response: { 200: anyObject, 404: errorResponse } },
  }, async (req) => (await app.store.getDocument(req.params.id)) ?? Promise.reject(notFound('document', req.params.id)));

  app.post<{ Body: PostBody }>('/api/documents', {
    schema: {
      summary: 'ingest one document given as text, HTML, or a URL to fetch',
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1 },
          html: { type: 'string', minLength: 1 },
          url: { type: 'string', minLength: 1, maxLength: 2000 },
          published: { type: 'string', maxLength: 40 },
          title: short,
          source: short,
          id: { type: 'string', minLength: 1, maxLength: 200 },
        },
        anyOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
      },
      response: {
        200: { type: 'object', properties: { document_id: { type: 'string' }, duplicate_of: { type: ['string', 'null'] }, events: { type: 'array', items: { type: 'string' } } } },
        400: errorResponse,
      },
    },
  }, async (req) => {
    const b = req.body;
    if (b.published && Number.isNaN(Date.parse(b.published))) throw new ApiError(400, 'bad_request', `body/published is not a date: ${b.published}`);
    let raw: RawDocument;
    if (b.text) raw = { text: b.text, url: b.url ?? null };
    else {
      const page = b.html ? { body: b.html, url: b.url ?? null } : await safeFetch(b.url!, { allowPrivate: app.sitrep.options.allowPrivate });
      const a = htmlToArticle(page.body, page.url);
      raw = { text: a.text, title: a.title, source: a.source, url: a.url, published: a.published, language: a.language };
    }
    raw = { ...raw, id: b.id ?? null, title: b.title ?? raw.title ?? null, source: b.source ?? raw.source ?? null, published: b.published ?? raw.published ?? null };
    return ingestDocument(app.store, raw, app.sitrep.extractor);
  });
};

export default routes;
