/**
 * `sitrep ingest [PATH|URL|FEED|-...]`: read, extract, merge and store.
 * One JSON line per document on stdout; progress on stderr.
 */
import { countInputs, ingestAll, lazyExtractor, progress, readInputs } from '../ingest/index.ts';
import type { ExtractorSource, InputFormat } from '../ingest/index.ts';
import { DEFAULT_DB, openStore } from '../store/index.ts';
import { parseOptions, UsageError } from './main.ts';

const FORMATS: InputFormat[] = ['text', 'html', 'jsonl', 'feed'];

export const HELP = `usage: sitrep ingest [PATH|URL|FEED|-...] [options]
  --db PATH              database (default ${DEFAULT_DB})
  --published DATE       publication time for documents that carry none
  --source NAME          outlet for documents that name none
  --input-format FMT     text | html | jsonl | feed (default: by extension or content)
  --allow-private        allow fetching from loopback/private/link-local addresses
  --timeout MS           per-request time limit (default 15000)
  --max-bytes N          per-response size cap (default 5242880)
  --reprocess            extract documents already stored again and replace their claims
                         (events keep their ids; reviewer corrections stay on top)
  --enqueue              put the documents on the PostgreSQL queue for \`sitrep worker\`
  --quiet                no per-document lines on stdout
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
      db: { type: 'string', default: DEFAULT_DB },
      published: { type: 'string' },
      source: { type: 'string' },
      'input-format': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      reprocess: { type: 'boolean', default: false },
      enqueue: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
  const { values: v, positionals } = parsed;
  if (v.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = v['input-format'] as InputFormat | undefined;
  if (format && !FORMATS.includes(format)) throw new UsageError(`--input-format must be one of ${FORMATS.join(', ')}`);
  if (v.published && Number.isNaN(Date.parse(v.published))) throw new UsageError(`--published is not a date: ${v.published}`);
  const number = (name: string, s: string | undefined) => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer`);
    return n;
  };
  const fetch = { allowPrivate: v['allow-private'], timeoutMs: number('timeout', v.timeout), maxBytes: number('max-bytes', v['max-bytes']) };
  const inputs = positionals.length ? positionals : ['-'];
  const common = { db: v.db!, format, published: v.published ?? null, source: v.source ?? null, fetch, quiet: v.quiet! };
  if (v.enqueue) return (await import('../queue/index.ts')).enqueueCommand(inputs, common);
  return ingestCommand(inputs, { ...common, reprocess: v.reprocess! });
}

export interface IngestCommandOptions {
  db: string;
  format?: InputFormat;
  published?: string | null;
  source?: string | null;
  fetch?: { allowPrivate?: boolean; timeoutMs?: number; maxBytes?: number };
  quiet?: boolean;
  reprocess?: boolean;
  /** shared when one process runs several ingests */
  extractor?: ExtractorSource;
}

/** The ingest run itself, also used by `serve --seed-example`. Returns the exit code. */
export async function ingestCommand(inputs: string[], o: IngestCommandOptions): Promise<number> {
  const store = openStore(o.db);
  try {
    const total = inputs.includes('-') ? null : await countInputs(inputs, o.format);
    const bar = progress(process.stderr, total);
    const fetch = Object.fromEntries(Object.entries(o.fetch ?? {}).filter(([, x]) => x !== undefined));
    const tally = await ingestAll(store, readInputs(inputs, { format: o.format, published: o.published, source: o.source, fetch }), o.extractor ?? lazyExtractor(), { reprocess: o.reprocess }, (outcome, t) => {
      if (!o.quiet) process.stdout.write(JSON.stringify(outcome) + '\n');
      if (outcome.error) process.stderr.write(`sitrep ingest: ${outcome.origin}: ${outcome.error}\n`);
      bar.update(t);
    });
    bar.done(tally);
    return tally.errors ? 1 : 0;
  } finally {
    await store.close();
  }
}
