/**
 * `sitrep geoparse [FILE...]`: the toponyms of each document, resolved, one
 * JSON record per toponym (INTERFACE.md "geoparse"). Text, HTML or JSONL
 * files, or stdin; a bad JSONL line yields an error record and exit code 1.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { makeDoc } from '../text/index.ts';
import type { DocumentInput } from '../text/types.ts';
import { geoparse, openGazetteer, type PlaceMention } from '../geo/index.ts';
import { parseOptions, UsageError } from './main.ts';

const HELP = `usage: sitrep geoparse [FILE...] [--input-format text|html|jsonl] [--format jsonl|json] [--gazetteer PATH] [--debug]
Prints one record per toponym: document_id, text, start, end, geonameid, name, lat, lon,
feature_code, admin1, country, iso3, score (geonameid/lat/lon null when found but not resolved).
--debug adds use, via, reason and the top candidates with their features.
`;

type Input = { doc: DocumentInput } | { error: string; document_id: string | null };

function inputsOf(name: string, content: string, format: string): Input[] {
  if (format !== 'jsonl') return [{ doc: { id: name === '-' ? 'stdin' : basename(name), text: content, format: format === 'html' ? 'html' : 'text' } }];
  const out: Input[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line);
      if (typeof o?.text !== 'string') throw new Error('no "text" field');
      out.push({ doc: { id: String(o.id ?? `${basename(name)}:${i + 1}`), text: o.text, published: o.published ?? null, title: o.title ?? null } });
    } catch (err) {
      out.push({ error: `${name} line ${i + 1}: ${(err as Error).message}`, document_id: null });
    }
  });
  return out;
}

function record(documentId: string, m: PlaceMention, debug: boolean): Record<string, unknown> {
  const p = m.resolved;
  const base: Record<string, unknown> = {
    document_id: documentId,
    text: m.text,
    start: m.start,
    end: m.end,
    geonameid: p?.geonameid ?? null,
    name: p?.name ?? null,
    lat: p?.lat ?? null,
    lon: p?.lon ?? null,
    feature_code: p?.featureCode ?? null,
    admin1: p?.admin1 ?? null,
    country: p?.country ?? null,
    iso3: p?.iso3 ?? null,
    score: m.score,
  };
  if (debug) Object.assign(base, { use: m.use ?? 'place', via: m.via, geo_precision: p?.geoPrecision ?? null, reason: m.reason, candidates: m.candidates });
  return base;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
      'input-format': { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      gazetteer: { type: 'string' },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    });
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.format !== 'jsonl' && values.format !== 'json') throw new UsageError(`--format must be jsonl or json, not "${values.format}"`);
  const forced = values['input-format'];
  if (forced && !['text', 'html', 'jsonl'].includes(forced)) throw new UsageError(`--input-format must be text, html or jsonl, not "${forced}"`);
  const gaz = openGazetteer(values.gazetteer ? { path: values.gazetteer } : undefined);
  const files = positionals.length ? positionals : ['-'];
  const records: Record<string, unknown>[] = [];
  const emit = (r: Record<string, unknown>) => (values.format === 'json' ? records.push(r) : process.stdout.write(`${JSON.stringify(r)}\n`));
  let failed = false;
  for (const file of files) {
    let content: string;
    try {
      content = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
      process.stderr.write(`sitrep geoparse: ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
      emit({ document_id: basename(file), error: `cannot read ${file}` });
      failed = true;
      continue;
    }
    const ext = extname(file).toLowerCase();
    const format = forced ?? (ext === '.jsonl' ? 'jsonl' : ext === '.html' || ext === '.htm' ? 'html' : 'text');
    for (const input of inputsOf(file, content, format)) {
      if ('error' in input) {
        process.stderr.write(`sitrep geoparse: ${input.error}\n`);
        emit({ document_id: input.document_id, error: input.error });
        failed = true;
        continue;
      }
      try {
        for (const m of geoparse(makeDoc(input.doc), gaz)) emit(record(input.doc.id, m, values.debug ?? false));
      } catch (err) {
        process.stderr.write(`sitrep geoparse: ${input.doc.id}: ${(err as Error).message}\n`);
        emit({ document_id: input.doc.id, error: (err as Error).message });
        failed = true;
      }
    }
  }
  if (values.format === 'json') process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  gaz.close();
  return failed ? 1 : 0;
}
