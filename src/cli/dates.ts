/**
 * `sitrep dates [FILE...]`: the time expressions of each document, resolved
 * against its publication time, one JSON record per expression
 * (INTERFACE.md "dates"). Text, HTML or JSONL files, or stdin; a bad
 * document yields an error record and exit code 1, and the rest go on.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { makeDoc, readInput } from '../text/index.ts';
import type { DocumentInput } from '../text/types.ts';
import { findTimes, parsePublished, type TimeMention } from '../mentions/times/index.ts';
import { parseOptions, UsageError } from './main.ts';

const HELP = `usage: sitrep dates [FILE...] [--published DATE] [--input-format text|html|jsonl] [--format jsonl|json]
Prints one record per time expression: document_id, text, start, end, type (DATE|TIME|DURATION|SET),
value (TIMEX3: "2016-05-27", "2016-W21", "2016-05", "2015", "PRESENT_REF", "P3D"), precision (ACLED 1-3),
range {start, end} in days, resolved. Relative expressions resolve against --published (or each JSONL
record's "published"); with none they are printed unresolved, value null: no date is invented.
`;

type Input = { doc: DocumentInput } | { error: string; document_id: string | null };

function jsonlInputs(name: string, content: string, published: string | null): Input[] {
  const out: Input[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let id: string | null = null;
    try {
      const o = JSON.parse(line);
      id = o?.id == null ? null : String(o.id);
      if (typeof o?.text !== 'string') throw new Error('no "text" field');
      const own = typeof o.published === 'string' ? o.published : null;
      out.push({ doc: { id: id ?? `${basename(name)}:${i + 1}`, text: o.text, published: own ?? published, title: o.title ?? null, source: o.source ?? null, url: o.url ?? null } });
    } catch (err) {
      out.push({ error: `${name} line ${i + 1}: ${(err as Error).message}`, document_id: id });
    }
  });
  return out;
}

function inputsOf(name: string, bytes: Buffer, format: string, published: string | null): Input[] {
  const id = name === 'stdin' ? 'stdin' : basename(name);
  if (format === 'jsonl') {
    const read = readInput(bytes, { id });
    if ('error' in read) return [{ error: `${name}: ${read.error} (${read.code})`, document_id: id }];
    return jsonlInputs(name, read.input.text, published);
  }
  const read = readInput(bytes, { id, format: format === 'html' ? 'html' : 'text', published });
  if ('error' in read) return [{ error: `${name}: ${read.error} (${read.code})`, document_id: id }];
  for (const w of read.warnings) process.stderr.write(`sitrep dates: ${name}: ${w.message}\n`);
  return [{ doc: read.input }];
}

function record(documentId: string, m: TimeMention): Record<string, unknown> {
  return {
    document_id: documentId,
    text: m.text,
    start: m.start,
    end: m.end,
    type: m.type,
    value: m.value,
    precision: m.precision,
    range: m.range,
    resolved: m.resolved,
    sentence: m.sentence,
  };
}

function options(args: string[]) {
  return parseOptions(args, {
    published: { type: 'string' },
    'input-format': { type: 'string' },
    format: { type: 'string', default: 'jsonl' },
    help: { type: 'boolean', short: 'h', default: false },
  });
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = options(args);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.format !== 'jsonl' && values.format !== 'json') throw new UsageError(`--format must be jsonl or json, not "${values.format}"`);
  const forced = values['input-format'];
  if (forced && !['text', 'html', 'jsonl'].includes(forced)) throw new UsageError(`--input-format must be text, html or jsonl, not "${forced}"`);
  const published = values.published ?? null;
  if (published !== null && !parsePublished(published)) throw new UsageError(`--published must be an ISO date or datetime, not "${published}"`);
  const files = positionals.length ? positionals : ['-'];
  const records: Record<string, unknown>[] = [];
  const emit = (r: Record<string, unknown>) => (values.format === 'json' ? records.push(r) : process.stdout.write(`${JSON.stringify(r)}\n`));
  let failed = false;
  const fail = (documentId: string | null, error: string) => {
    process.stderr.write(`sitrep dates: ${error}\n`);
    emit({ document_id: documentId, error });
    failed = true;
  };
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file === '-' ? 0 : file);
    } catch (err) {
      fail(basename(file), `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      continue;
    }
    const ext = extname(file).toLowerCase();
    const format = forced ?? (ext === '.jsonl' ? 'jsonl' : ext === '.html' || ext === '.htm' ? 'html' : 'text');
    for (const input of inputsOf(file === '-' ? 'stdin' : file, bytes, format, published)) {
      if ('error' in input) {
        fail(input.document_id, input.error);
        continue;
      }
      try {
        for (const m of findTimes(makeDoc(input.doc))) emit(record(input.doc.id, m));
      } catch (err) {
        fail(input.doc.id, `${input.doc.id}: ${(err as Error).message}`);
      }
    }
  }
  if (values.format === 'json') process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
  return failed ? 1 : 0;
}
