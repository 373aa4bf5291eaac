/** Which spans of a document to mark, and which URLs may become links. */
import type { DocSpan, SpanKind } from './api.ts';

export const KINDS: { kind: SpanKind; label: string }[] = [
  { kind: 'actor', label: 'Actor' },
  { kind: 'place', label: 'Place' },
  { kind: 'time', label: 'Time' },
  { kind: 'quantity', label: 'Quantity' },
  { kind: 'source', label: 'Source' },
  { kind: 'trigger', label: 'Event trigger' },
];
const PRIORITY = new Map(KINDS.map((k, i) => [k.kind, i]));

/** Non-overlapping spans: by kind priority, then longer first. */
export function layoutSpans(spans: DocSpan[], shown: Set<string>, length: number): DocSpan[] {
  const ranked = spans
    .filter((s) => shown.has(s.kind) && s.start >= 0 && s.end <= length && s.end > s.start)
    .sort((a, b) => (PRIORITY.get(a.kind)! - PRIORITY.get(b.kind)!) || (b.end - b.start) - (a.end - a.start));
  const kept: DocSpan[] = [];
  for (const s of ranked) if (!kept.some((k) => s.start < k.end && s.end > k.start)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) stays text. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

