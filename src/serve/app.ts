/**
 * The HTTP API: `buildApp` builds the fastify instance without listening
 * (tests use inject; `sitrep serve` listens). One plugin per resource; the
 * dashboard and derived-picture plugins are registered when present.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyPluginAsync, RouteOptions } from 'fastify';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { lazyExtractor } from '../ingest/index.ts';
import type { Extractor, ExtractorSource } from '../ingest/index.ts';
import { errorHandler } from './errors.ts';
import { writeGuard } from './auth.ts';
import eventRoutes from './routes/events.ts';
import documentRoutes from './routes/documents.ts';
import aggregateRoutes from './routes/aggregates.ts';
import exportRoutes from './routes/export.ts';
import metaRoutes from './routes/meta.ts';

declare module 'fastify' {
  interface FastifySchema {
    /** one line for /api/openapi.json */
    summary?: string;
  }
  interface FastifyInstance {
    store: Store;
    sitrep: AppContext;
  }
}

export interface AppOptions {
  /** database path (or ":memory:") */
  db: string;
  /** bearer token for writes; required when host is not loopback */
  token?: string;
  /** the address the server will listen on (decides whether writes need the token) */
  host?: string;
  /** let POST /api/documents fetch URLs on private addresses */
  allowPrivate?: boolean;
  /** the extraction pipeline; loaded on first use when not given */
  extractor?: Extractor;
}

export interface AppContext {
  options: AppOptions;
  routes: Pick<RouteOptions, 'method' | 'url' | 'schema'>[];
  /** the extractor, loaded once on first use */
  extractor: ExtractorSource;
}

/** request bodies above this size are refused with 413 */
export const BODY_LIMIT = 8 * 1024 * 1024;

const OPTIONAL_PLUGINS = ['dashboard.ts', 'derived.ts', '../queue/metrics-plugin.ts'];

async function optionalPlugin(name: string): Promise<FastifyPluginAsync | null> {
  const url = new URL(`./${name}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  return ((await import(url.href)) as { default: FastifyPluginAsync }).default;
}

/**
 * @example const app = await buildApp({db: ':memory:'}); (await app.inject('/api/health')).json() // {ok: true, …}
 */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
  });
  const store = openStore(opts.db);
  const context: AppContext = {
    options: opts,
    routes: [],
    extractor: opts.extractor ? async () => opts.extractor! : lazyExtractor(),
  };
  app.decorate('store', store);
  app.decorate('sitrep', context);
  app.setErrorHandler(errorHandler);
  const guard = writeGuard(opts.host ?? '127.0.0.1', opts.token);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m))) route.preHandler = [guard, ...[route.preHandler ?? []].flat()];
    if (route.url.startsWith('/api/')) context.routes.push({ method: route.method, url: route.url, schema: route.schema });
  });
  app.addHook('onClose', async () => store.close());
  await app.register(eventRoutes);
  await app.register(documentRoutes);
  await app.register(aggregateRoutes);
  await app.register(exportRoutes);
  await app.register(metaRoutes);
  for (const name of OPTIONAL_PLUGINS) {
    const plugin = await optionalPlugin(name);
    if (plugin) await app.register(plugin);
  }
  return app;
}
