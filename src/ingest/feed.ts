/** RSS/Atom feeds → their items (rss-parser's parseString; no fetching here). */
import Parser from 'rss-parser';
import { IngestError } from './errors.ts';

export interface FeedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  /** HTML or text the feed itself carries for the item */
  content: string | null;
  source: string | null;
}

/** True when the text looks like an RSS or Atom document. */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(text);
}

/** @example (await parseFeed('<rss><channel><item><title>A</title></item></channel></rss>'))[0].title // 'A' */
export async function parseFeed(xml: string): Promise<FeedItem[]> {
  let feed;
  try {
    feed = await new Parser().parseString(xml);
  } catch (e) {
    throw new IngestError('bad_feed', `not a readable RSS/Atom feed: ${(e as Error).message.split('\n')[0]}`);
  }
  return feed.items.map((it) => ({
    title: it.title?.trim() || null,
    link: it.link ?? null,
    published: it.isoDate ?? null,
    content: (it as { 'content:encoded'?: string })['content:encoded'] ?? it.content ?? it.summary ?? null,
    source: feed.title?.trim() || null,
  }));
}
