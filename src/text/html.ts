/**
 * The article inside an HTML page: main text through @mozilla/readability on
 * a linkedom DOM, written out as plain text with one block per line so that
 * headings and captions stay apart from the paragraphs around them.
 */
import { createRequire } from 'node:module';
import type { Readability } from '@mozilla/readability';

/** linkedom takes ~0.15 s to load, so plain-text runs never load it: required on the first HTML page. */
function domLibraries(): { DOMParser: typeof import('linkedom').DOMParser; Readability: typeof Readability } {
  const require = createRequire(import.meta.url);
  return { DOMParser: (require('linkedom') as typeof import('linkedom')).DOMParser, Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability };
}

export interface Article {
  /** plain text, blocks separated by blank lines */
  text: string;
  title: string | null;
  /** publication time from the page's metadata, if any */
  published: string | null;
  siteName: string | null;
  /** the page's declared language ("en", "fr-FR"), if any */
  lang: string | null;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL',
  'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HR', 'ADDRESS',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM']);

/** Text of a DOM subtree, one line per block element. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line of at least four words: menus and breadcrumbs are shorter. */
const isProse = (line: string): boolean => line.trim().split(/\s+/).length >= 4;

/**
 * The article of a page, or null when the page holds no readable text.
 * Falls back to the body's text when Readability finds no article, so that
 * a short page loses nothing.
 * @example extractArticle('<html><body><article><h1>T</h1><p>IS took Marea.</p></article></body></html>')?.text
 */
export function extractArticle(html: string): Article | null {
  // linkedom needs a root element: a fragment gets one
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  const { DOMParser, Readability } = domLibraries();
  const document = new DOMParser().parseFromString(page, 'text/html') as unknown as Document;
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  const lang = document.documentElement?.getAttribute('lang') || null;
  const body = document.body ? blockText(document.body) : '';
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node, charThreshold: 200 }).parse();
  } catch {
    parsed = null; // a malformed page: fall back to the body text below
  }
  const article = parsed?.content ? blockText(parsed.content) : '';
  // without an article, keep the body's lines that read as prose, not menu entries
  const text = article.length > 0 ? article : body.split('\n').filter(isProse).join('\n\n');
  if (!text.split('\n').some(isProse)) return null;
  return {
    text,
    title: parsed?.title?.trim() || pageTitle,
    published: parsed?.publishedTime ?? null,
    siteName: parsed?.siteName ?? null,
    lang: parsed?.lang ?? lang,
  };
}
