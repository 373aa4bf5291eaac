/**
 * Where documents come from: files, folders (recursive), JSONL archives,
 * RSS/Atom feeds, URLs and stdin. Yields one item per document; a bad one
 * yields an error item and the rest go on.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RawDocument } from './document.ts';
import { IngestError } from './errors.ts';
import { parseFeed, looksLikeFeed } from './feed.ts';
import type { FetchOptions } from './fetch.ts';
import { safeFetch } from './fetch.ts';
import { htmlToArticle } from './html.ts';

export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed';

export interface ReadOptions {
  /** forced format; by default from the extension or the content */
  format?: InputFormat;
  /** publication time for documents that carry none */
  published?: string | null;
  /** outlet for documents that name none */
  source?: string | null;
  fetch?: FetchOptions;
}

export type Item = { origin: string; doc: RawDocument } | { origin: string; id: string | null; error: IngestError };

const EXTENSIONS: Record<string, InputFormat> = { '.txt': 'text', '.text': 'text', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed' };
/** feed items carrying at least this much text are taken as they are; shorter ones are fetched */
const FULL_ITEM_CHARS = 500;

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

function sniff(text: string): InputFormat {
  if (looksLikeFeed(text)) return 'feed';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) return 'html';
  return 'text';
}

function fail(origin: string, e: unknown, id: string | null = null): Item {
  const error = e instanceof IngestError ? e : new IngestError('bad_input', (e as Error).message);
  return { origin, id, error };
}

/** JSONL lines → documents; line numbers make the origin of each. */
export async function* jsonlItems(lines: AsyncIterable<string> | Iterable<string>, origin: string, defaults: Pick<ReadOptions, 'published' | 'source'> = {}): AsyncGenerator<Item> {
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const at = `${origin}:${n}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch {
      yield fail(at, new IngestError('bad_input', `line ${n} is not valid JSON`));
      continue;
    }
    const id = typeof rec?.id === 'string' || typeof rec?.id === 'number' ? String(rec.id) : null;
    if (typeof rec?.text !== 'string' || rec.text.trim() === '') {
      yield fail(at, new IngestError('bad_input', `line ${n} has no "text"`), id);
      continue;
    }
    const str = (k: string) => (typeof rec[k] === 'string' && (rec[k] as string).trim() ? (rec[k] as string).trim() : null);
    yield { origin: at, doc: { id, text: rec.text, published: str('published') ?? defaults.published ?? null, title: str('title'), source: str('source') ?? defaults.source ?? null, url: str('url') } };
  }
}

async function* feedItems(xml: string, origin: string, opts: ReadOptions): AsyncGenerator<Item> {
  let items;
  try {
    items = await parseFeed(xml);
  } catch (e) {
    yield fail(origin, e);
    return;
  }
  for (const it of items) {
    const at = it.link ?? `${origin}#${it.title ?? '?'}`;
    try {
      const carried = it.content ? (/<\w/.test(it.content) ? tryArticle(it.content) : it.content) : null;
      const base = { title: it.title, source: it.source, published: it.published ?? opts.published ?? null, url: it.link };
      if (carried && carried.length >= FULL_ITEM_CHARS) yield { origin: at, doc: { ...base, text: carried } };
      else if (it.link) {
        for await (const item of urlItems(it.link, { ...opts, format: 'html' })) {
          const d = 'doc' in item ? item.doc : null;
          yield d ? { origin: at, doc: { ...d, title: d.title ?? base.title, source: d.source ?? base.source, published: d.published ?? base.published } } : item;
        }
      } else yield fail(at, new IngestError('no_text', 'feed item has neither text nor link'));
    } catch (e) {
      yield fail(at, e);
    }
  }
}

function tryArticle(html: string): string | null {
  try {
    return htmlToArticle(html).text;
  } catch {
    return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  }
}

/** A text of a known or sniffed format → items. */
async function* textItems(text: string, origin: string, format: InputFormat | undefined, url: string | null, opts: ReadOptions): AsyncGenerator<Item> {
  const f = format ?? sniff(text);
  if (f === 'jsonl') yield* jsonlItems(text.split('\n'), origin, opts);
  else if (f === 'feed') yield* feedItems(text, origin, opts);
  else if (f === 'html') {
    try {
      const a = htmlToArticle(text, url);
      yield { origin, doc: { text: a.text, title: a.title, source: a.source ?? opts.source ?? null, url: a.url, published: a.published ?? opts.published ?? null, language: a.language } };
    } catch (e) {
      yield fail(origin, e);
    }
  } else yield { origin, doc: { text, url, published: opts.published ?? null, source: opts.source ?? null } };
}

async function* urlItems(url: string, opts: ReadOptions): AsyncGenerator<Item> {
  let page;
  try {
    page = await safeFetch(url, opts.fetch);
  } catch (e) {
    yield fail(url, e);
    return;
  }
  const byType: Record<string, InputFormat> = { 'text/html': 'html', 'application/xhtml+xml': 'html', 'text/plain': 'text', 'application/x-ndjson': 'jsonl', 'application/jsonl': 'jsonl' };
  const format = opts.format ?? (looksLikeFeed(page.body) ? 'feed' : byType[page.contentType]);
  yield* textItems(page.body, page.url, format, page.url, opts);
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && EXTENSIONS[extname(e.name).toLowerCase()]) yield p;
  }
}

async function* fileItems(path: string, opts: ReadOptions): AsyncGenerator<Item> {
  const format = opts.format ?? EXTENSIONS[extname(path).toLowerCase()];
  if (format === 'jsonl') {
    yield* jsonlItems(createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity }), path, opts);
    return;
  }
  yield* textItems(await readFile(path, 'utf8'), path, format, null, opts);
}

/**
 * Every document named by the arguments: paths, folders, URLs, or "-" for stdin.
 * @example for await (const item of readInputs(['examples/'])) console.log(item.origin)
 */
export async function* readInputs(args: string[], opts: ReadOptions = {}, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<Item> {
  for (const arg of args) {
    if (arg === '-') {
      const chunks: Buffer[] = [];
      for await (const c of stdin) chunks.push(Buffer.from(c as Buffer));
      yield* textItems(Buffer.concat(chunks).toString('utf8'), 'stdin', opts.format, null, opts);
    } else if (isUrl(arg)) yield* urlItems(arg, opts);
    else {
      let info;
      try {
        info = await stat(arg);
      } catch {
        yield fail(arg, new IngestError('bad_input', `no such file or folder: ${arg}`));
        continue;
      }
      if (info.isDirectory()) for await (const f of walk(arg)) yield* fileItems(f, opts);
      else yield* fileItems(arg, opts);
    }
  }
}

/** How many documents the local arguments hold (JSONL lines, files); URLs and feeds count one each. */
export async function countInputs(args: string[], format?: InputFormat): Promise<number> {
  let n = 0;
  const countFile = async (path: string) => {
    if ((format ?? EXTENSIONS[extname(path).toLowerCase()]) !== 'jsonl') return 1;
    let lines = 0;
    for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) if (line.trim()) lines++;
    return lines;
  };
  for (const arg of args) {
    if (arg === '-' || isUrl(arg)) n++;
    else {
      const info = await stat(arg).catch(() => null);
      if (!info) n++;
      else if (info.isDirectory()) for await (const f of walk(arg)) n += await countFile(f);
      else n += await countFile(arg);
    }
  }
  return n;
}
