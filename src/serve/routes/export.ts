/** /api/export: every matching event in one of the export formats, streamed. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { toFilters } from '../filters.ts';
import type { FilterQuery } from '../filters.ts';
import { EXPORT_FORMATS, exportEvents, media } from '../formats.ts';
import type { ExportFormat } from '../formats.ts';
import { errorResponse, filterProperties } from '../schemas.ts';

const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>('/api/export', {
    schema: {
      summary: 'all matching events as ACLED-style CSV, GeoJSON, JSONL, HXL CSV or PLOVER JSON',
      querystring: { type: 'object', additionalProperties: false, properties: { ...filterProperties, format: { type: 'string', enum: EXPORT_FORMATS, default: 'jsonl' } } },
      response: { 400: errorResponse },
    },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const f = media(format);
    const events = app.store.eachEvent(toFilters(filters));
    reply.type(f.contentType).header('content-disposition', `attachment; filename="sitrep-events.${f.extension}"`);
    return reply.send(Readable.from(exportEvents(events, format)));
  });
};

export default routes;
