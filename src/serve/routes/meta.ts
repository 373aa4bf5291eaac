/** /api/health and /api/openapi.json (built from the routes' own schemas). */
import type { FastifyPluginAsync } from 'fastify';

const routes: FastifyPluginAsync = async (app) => {
  app.get('/api/health', { schema: { summary: 'liveness and store counts' } }, async () => ({ ok: true, ...(await app.store.counts()) }));

  app.get('/api/openapi.json', { schema: { summary: 'this API described as OpenAPI 3.1' } }, async () => {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of app.sitrep.routes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      const s = (r.schema ?? {}) as Record<string, any>;
      for (const method of [r.method].flat()) {
        if (method === 'HEAD') continue;
        const parameters = [
          ...Object.entries(s.params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
          ...Object.entries(s.querystring?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: (s.querystring.required ?? []).includes(name), schema })),
        ];
        const responses = Object.fromEntries(Object.entries(s.response ?? { 200: {} }).map(([code, schema]) => [code, { description: code, content: { 'application/json': { schema } } }]));
        (paths[path] ??= {})[method.toLowerCase()] = {
          summary: s.summary,
          parameters,
          ...(s.body ? { requestBody: { content: { 'application/json': { schema: s.body } } } } : {}),
          responses,
          ...(['POST', 'PATCH', 'PUT', 'DELETE'].includes(method) ? { security: [{ bearer: [] }] } : {}),
        };
      }
    }
    return {
      openapi: '3.1.0',
      info: { title: 'sitrep API', version: '0.1.0', description: 'Conflict events coded from reports: query, review, export.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SITREP_TOKEN; required for writes off loopback' } } },
      paths,
    };
  });
};

export default routes;
