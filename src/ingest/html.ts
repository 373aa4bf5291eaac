/**
 * An HTML page → its article: the text stage's article extraction
 * (Readability over linkedom) plus what ingest needs from the page's head:
 * canonical URL, outlet and publication time from its meta tags.
 */
import { parseHTML } from 'linkedom';
import { extractArticle } from '../text/index.ts';
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
    const v = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function isoOrNull(v: string | null | undefined): string | null {
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The article of an HTML page; throws `not_article` when the page has no main text.
 * @example htmlToArticle(page, 'https://example.org/a').url // the page's canonical URL when it names one
 */
export function htmlToArticle(html: string, pageUrl: string | null = null): Article {
  const article = extractArticle(html);
  const chars = article?.text.length ?? 0;
  if (!article || chars < MIN_ARTICLE_CHARS) {
    throw new IngestError('not_article', `no article text found in the HTML page${pageUrl ? ` ${pageUrl}` : ''} (${chars} characters of main text)`);
  }
  // the text stage parsed the page for its article; the head is parsed again on its own (a fraction of
  // the page), the whole page only when the date must come from the body (microdata, a <time>)
  const end = html.search(/<\/head\s*>/i);
  const page = (part: string) => parseHTML(part).document as unknown as Document;
  const head = page(end >= 0 ? html.slice(0, end) + '</head><body></body></html>' : html);
  const dated = (d: Document) => isoOrNull(meta(d, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued'));
  const fromBody = () => {
    const whole = end >= 0 ? page(html) : head;
    return dated(whole) ?? isoOrNull(whole.querySelector('time[datetime]')?.getAttribute('datetime'));
  };
  const published = isoOrNull(article.published) ?? dated(head) ?? fromBody();
  let url = pageUrl;
  const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) {
    try {
      url = new URL(canonical, pageUrl ?? undefined).href;
    } catch {
      // a broken canonical link is the page's problem; keep the URL we have
    }
  }
  return {
    text: article.text,
    title: article.title ?? meta(head, 'og:title'),
    source: meta(head, 'og:site_name', 'application-name', 'publisher') ?? article.siteName,
    published,
    url,
    language: article.lang?.slice(0, 2).toLowerCase() ?? null,
  };
}
