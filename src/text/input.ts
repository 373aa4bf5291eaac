/**
 * Raw bytes to a DocumentInput, or a clear error: empty, binary, not UTF-8,
 * or an HTML page with no text. Very large inputs are cut, with a warning,
 * so that one odd file cannot stall a batch.
 */
import type { DocumentInput } from './types.ts';
import { extractArticle } from './html.ts';

/** The error catalogue: codes are stable, messages may change. */
export const INPUT_ERRORS = {
  EMPTY_INPUT: 'the input is empty or holds only white space',
  BINARY_INPUT: 'the input looks binary (NUL bytes or many control characters), not text',
  INVALID_UTF8: 'the input is not valid UTF-8 text',
  NO_ARTICLE: 'the HTML page holds no article text',
} as const;
export type InputErrorCode = keyof typeof INPUT_ERRORS;

export interface InputWarning {
  code: 'TRUNCATED';
  message: string;
}

/** No news report comes near this; a bigger input is cut to it (about 2 MB of text). */
export const MAX_INPUT_CHARS = 2_000_000;

export interface ReadInputOptions {
  id: string;
  format?: 'text' | 'html';
  published?: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  /** characters kept at most; defaults to MAX_INPUT_CHARS */
  maxChars?: number;
}

export type ReadInputResult =
  | { input: DocumentInput; warnings: InputWarning[] }
  | { error: string; code: InputErrorCode };

const fail = (code: InputErrorCode): ReadInputResult => ({ error: INPUT_ERRORS[code], code });

/** Control characters other than tab, line feed, carriage return and form feed. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 65_536);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  return control / Math.max(1, sample.length) > 0.05;
}

function decode(bytes: Buffer): string | null {
  // UTF-16 with a byte-order mark is text too (Windows tools write it)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Cuts at the last line break before the limit, so no sentence is cut in half. */
function cap(text: string, max: number): { text: string; warnings: InputWarning[] } {
  if (text.length <= max) return { text, warnings: [] };
  const cut = text.lastIndexOf('\n', max);
  const kept = text.slice(0, cut > max / 2 ? cut : max);
  return {
    text: kept,
    warnings: [{ code: 'TRUNCATED', message: `input of ${text.length} characters cut to its first ${kept.length}` }],
  };
}

/**
 * Reads one document from bytes. Never throws for bad content.
 * @example readInput(Buffer.from('IS took Marea.'), {id: 'd1'}) // {input: {id: 'd1', text: 'IS took Marea.', …}, warnings: []}
 */
export function readInput(bytes: Buffer, opts: ReadInputOptions): ReadInputResult {
  const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!isUtf16 && looksBinary(bytes)) return fail('BINARY_INPUT');
  const decoded = decode(bytes);
  if (decoded === null) return fail('INVALID_UTF8');
  const raw = decoded.replace(/\r\n?/g, '\n');
  if (raw.trim() === '') return fail('EMPTY_INPUT');
  const meta = { id: opts.id, published: opts.published ?? null, title: opts.title ?? null, source: opts.source ?? null, url: opts.url ?? null };
  const max = opts.maxChars ?? MAX_INPUT_CHARS;
  if (opts.format === 'html') {
    // the page is cut before parsing: a DOM of 50 MB costs gigabytes
    const page = cap(raw, max * 4);
    const article = extractArticle(page.text);
    if (!article) return fail('NO_ARTICLE');
    const body = cap(article.text, max);
    return {
      input: {
        ...meta,
        text: body.text,
        format: 'text',
        title: meta.title ?? article.title,
        published: meta.published ?? article.published,
        source: meta.source ?? article.siteName,
      },
      warnings: [...page.warnings, ...body.warnings],
    };
  }
  const body = cap(raw, max);
  return { input: { ...meta, text: body.text, format: 'text' }, warnings: body.warnings };
}
