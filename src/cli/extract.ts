/**
 * `sitrep extract [FILE...]`: code events from text, HTML or JSONL files (or
 * stdin) and print them; stores nothing. A bad document or JSONL line gives
 * an error record and a message on stderr; the run goes on and exits 1.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DocumentInput } from '../text/index.ts';
import type { Resources } from '../pipeline.ts';
import { FORMATS, formatter, type AnyRecord, type OutputFormat } from '../events/format.ts';
import { parseOptions, UsageError } from './main.ts';

const INPUT_FORMATS = ['text', 'html', 'jsonl'] as const;
type InputFormat = (typeof INPUT_FORMATS)[number];

export const HELP = `usage: sitrep extract [FILE...|-] [options]
  --input-format text|html|jsonl   default by extension (.jsonl, .html/.htm, else text)
  --published DATE                 publication time relative dates resolve against
  --format ${FORMATS.join('|')}   default jsonl
  --gazetteer PATH                 gazetteer file (default .cache/gazetteer.db)
`;

interface Job {
  name: string;
  bytes: Buffer;
  format: InputFormat;
}

function inputFormatOf(name: string, given: string | undefined): InputFormat {
  if (given) return given as InputFormat;
  const ext = extname(name).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.html' || ext === '.htm') return 'html';
  return 'text';
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s.slice(0, 10)));
}

/** Splits JSONL bytes into lines; each line decodes on its own so one bad byte costs one line. */
function* jsonlDocs(job: Job, published: string | null): Generator<{ input: DocumentInput; format: 'text' } | { id: string | null; error: string }> {
  let start = 0;
  let lineNo = 0;
  while (start < job.bytes.length) {
    let end = job.bytes.indexOf(10, start);
    if (end < 0) end = job.bytes.length;
    const raw = job.bytes.subarray(start, end);
    start = end + 1;
    lineNo++;
    const where = `${job.name}:${lineNo}`;
    if (raw.toString('latin1').trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch (err) {
      yield { id: null, error: `${where}: not a valid JSON line (${(err as Error).message.split('\n')[0]})` };
      continue;
    }
    const o = value as Record<string, unknown>;
    const id = o && typeof o === 'object' && (typeof o.id === 'string' || typeof o.id === 'number') ? String(o.id) : null;
    if (!o || typeof o !== 'object' || typeof o.text !== 'string') {
      yield { id, error: `${where}: the line has no "text" string` };
      continue;
    }
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : null);
    yield { input: { id: id ?? where, text: o.text, published: str('published') ?? published, title: str('title'), source: str('source'), url: str('url') }, format: 'text' };
  }
}

/** The pipeline is imported only once the options are known good, so a usage error answers at once. */
type Pipeline = typeof import('../pipeline.ts') & Pick<typeof import('../text/index.ts'), 'readInput'>;

interface Run {
  p: Pipeline;
  res: Resources;
  write: (r: AnyRecord) => void;
  failed: number;
}

function fail(run: Run, id: string | null, message: string): void {
  run.failed++;
  process.stderr.write(`sitrep extract: ${id ? id + ': ' : ''}${message}\n`);
  run.write({ document_id: id, error: message });
}

function code(run: Run, input: DocumentInput, format: 'text' | 'html'): void {
  const read = run.p.readInput(Buffer.from(input.text, 'utf8'), { ...input, format });
  if ('error' in read) return fail(run, input.id, read.error);
  for (const w of read.warnings) process.stderr.write(`sitrep extract: ${input.id}: ${w.message}\n`);
  const { result } = run.p.extract(read.input, run.res);
  if (result.warnings.some((w) => /not English/.test(w))) return fail(run, input.id, result.warnings.join('; '));
  for (const w of result.warnings) process.stderr.write(`sitrep extract: ${input.id}: ${w}\n`);
  for (const r of [...result.events, ...result.displacement, ...result.control]) run.write(r);
}

function codeFile(run: Run, job: Job, published: string | null): void {
  if (job.format === 'jsonl') {
    for (const item of jsonlDocs(job, published)) {
      if ('error' in item) fail(run, item.id, item.error);
      else code(run, item.input, item.format);
    }
    return;
  }
  const read = run.p.readInput(job.bytes, { id: job.name, format: job.format, published });
  if ('error' in read) return fail(run, job.name, read.error);
  for (const w of read.warnings) process.stderr.write(`sitrep extract: ${job.name}: ${w.message}\n`);
  const { result } = run.p.extract(read.input, run.res);
  if (result.warnings.some((w) => /not English/.test(w))) return fail(run, job.name, result.warnings.join('; '));
  for (const r of [...result.events, ...result.displacement, ...result.control]) run.write(r);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
      'input-format': { type: 'string' },
      published: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      gazetteer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    }, HELP);
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}"\n${HELP}`);
  const given = values['input-format'];
  if (given && !INPUT_FORMATS.includes(given as InputFormat)) throw new UsageError(`unknown --input-format "${given}"\n${HELP}`);
  if (values.published && !isIsoDate(values.published)) throw new UsageError(`--published "${values.published}" is not an ISO date or datetime`);
  const names = positionals.length > 0 ? positionals : ['-'];
  const jobs: Job[] = [];
  let failed = 0;
  for (const name of names) {
    try {
      jobs.push({ name: name === '-' ? 'stdin' : name, bytes: name === '-' ? readFileSync(0) : readFileSync(name), format: inputFormatOf(name, given) });
    } catch (err) {
      failed++;
      process.stderr.write(`sitrep extract: ${name}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
    }
  }
  const out = formatter(format);
  const chunks: string[] = [out.header];
  const flush = () => {
    if (chunks.length) process.stdout.write(chunks.splice(0).join(''));
  };
  const p: Pipeline = { ...(await import('../pipeline.ts')), readInput: (await import('../text/index.ts')).readInput };
  const state: Run = { p, res: p.loadResources({ gazetteerPath: values.gazetteer }), write: (r) => chunks.push(out.row(r)), failed };
  for (const job of jobs) {
    codeFile(state, job, values.published ?? null);
    flush();
  }
  chunks.push(out.footer);
  flush();
  return state.failed > 0 ? 1 : 0;
}
