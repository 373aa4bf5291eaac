/**
 * An HTML page → its article: main text without navigation or "Share"
 * buttons (Readability over linkedom), plus the page's own metadata.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { IngestError } from './errors.ts';

export interface Article {
  text: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
}

/** an article has at least this much main text */
const MIN_ARTICLE_CHARS = 200;

function meta(document: Document, ...names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function isoOrNull(v: string | null): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Paragraph text: block elements become line breaks, so headlines stay their own lines. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, div, br, tr')) el.after('\n');
  return (document.body.textContent ?? '').split('\n').map((l: string) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/**
 * The article of an HTML page; throws `not_article` when the page has no main text.
 * @example htmlToArticle('<html><title>T</title><body><article><p>…long text…</p></article></body></html>').title // 'T'
 */
export function htmlToArticle(html: string, pageUrl: string | null = null): Article {
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const published = isoOrNull(meta(document, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued'))
    ?? isoOrNull(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null);
  const source = meta(document, 'og:site_name', 'application-name', 'publisher');
  const language = document.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() || null;
  const parsed = new Readability(document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  const text = parsed?.content ? blockText(parsed.content) : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new IngestError('not_article', `no article text found in the HTML page${pageUrl ? ` ${pageUrl}` : ''} (${text.length} characters of main text)`);
  }
  let url = pageUrl;
  if (canonical) {
    try {
      url = new URL(canonical, pageUrl ?? undefined).href;
    } catch {
      // a broken canonical link is the page's problem; keep the URL we have
    }
  }
  return { text, title: parsed?.title?.trim() || meta(document, 'og:title') || null, source: source ?? parsed?.siteName ?? null, published, url, language };
}
