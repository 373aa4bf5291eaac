/**
 * The sentences behind a field. An event keeps its evidence at two levels:
 * claims (one per report) and, inside each, the sentences that support it
 * (`sources`, each with the date or figure it gives). A field's evidence is
 * the sentence holding the field's own words, found at either level.
 */
import type { EventDetail } from './api.ts';

export interface Quote {
  document_id: string;
  outlet: string | null;
  claimed_by: string | null;
  sentence: string;
  start: number;
  end: number;
  /** the field's value as this sentence gives it */
  value?: unknown;
}

interface Spanned { text?: string | null; start?: number; end?: number }
type Rec = Record<string, unknown>;

const present = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** Where in the quote's sentence the value's own words are, if they can be found. */
export function markRange(q: Quote, value: unknown): [number, number] | null {
  const v = value as Spanned | null;
  if (!v || typeof v !== 'object') return null;
  if (typeof v.start === 'number' && typeof v.end === 'number' && v.start >= q.start && v.end <= q.end) {
    return [v.start - q.start, v.end - q.start];
  }
  if (v.text) {
    const i = q.sentence.indexOf(v.text);
    if (i >= 0) return [i, i + v.text.length];
  }
  return null;
}

function sentences(ev: EventDetail): Quote[] {
  return (ev.sources ?? []).map((s) => ({ ...s, value: undefined }));
}

function claimQuotes(ev: EventDetail): Quote[] {
  return ev.claims.map((c) => ({ document_id: c.document_id, outlet: c.outlet, claimed_by: c.claimed_by, sentence: c.sentence, start: c.start, end: c.end }));
}

function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<string>();
  return qs.filter((q) => {
    const k = `${q.document_id}:${q.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Field name in the sentence-level evidence (`date` carries the event_date's words). */
const sourceKey = (field: string) => (field === 'event_date' ? 'date' : field);

export function evidenceFor(ev: EventDetail, field: string): Quote[] {
  const key = sourceKey(field);
  // sentences that state this field themselves (dates, figures)
  const stated = (ev.sources ?? []).filter((s) => present((s as unknown as Rec)[key]));
  if (stated.length) return dedupe(stated.map((s) => ({ ...s, value: (s as unknown as Rec)[key] })));
  const out: Quote[] = [];
  const all = [...sentences(ev), ...claimQuotes(ev)];
  for (const c of ev.claims) {
    const v = c.fields?.[key];
    if (!present(v)) continue;
    const span = v as Spanned;
    // the sentence of this report that holds the field's words
    const holder = typeof span.start === 'number'
      ? all.find((q) => q.document_id === c.document_id && q.start <= span.start! && q.end >= (span.end ?? span.start!))
      : undefined;
    out.push({ ...(holder ?? { document_id: c.document_id, outlet: c.outlet, claimed_by: c.claimed_by, sentence: c.sentence, start: c.start, end: c.end }), value: v });
  }
  return dedupe(out);
}

export interface Conflict { field: string; values: { value: unknown; quotes: Quote[] }[] }

/** Sentences of the event's reports that give different dates or figures, grouped by value. */
export function sentenceConflicts(ev: EventDetail): Conflict[] {
  const out: Conflict[] = [];
  for (const field of ['date', 'fatalities', 'injuries']) {
    const groups = new Map<string, { value: unknown; quotes: Quote[] }>();
    for (const s of ev.sources ?? []) {
      const v = (s as unknown as Rec)[field] as Rec | null | undefined;
      if (!present(v)) continue;
      const key = field === 'date' ? `${v!.start}|${v!.end}` : `${v!.low}|${v!.best}|${v!.high}`;
      const g = groups.get(key) ?? { value: v, quotes: [] };
      g.quotes.push({ ...s, value: v });
      groups.set(key, g);
    }
    if (groups.size > 1) out.push({ field: field === 'date' ? 'event_date' : field, values: [...groups.values()] });
  }
  return out;
}

export function Sentence(props: { quote: Quote }) {
  const s = props.quote.sentence;
  const r = props.quote.value === undefined ? null : markRange(props.quote, props.quote.value);
  if (!r) return <q class="sentence">{s}</q>;
  return <q class="sentence">{s.slice(0, r[0])}<mark>{s.slice(r[0], r[1])}</mark>{s.slice(r[1])}</q>;
}

export function Attribution(props: { quote: Quote }) {
  const c = props.quote;
  const href = `#/doc/${encodeURIComponent(c.document_id)}?start=${c.start}&end=${c.end}`;
  return (
    <span class="attribution">
      {c.claimed_by && c.claimed_by !== c.outlet ? <><span class="who">{c.claimed_by}</span>{' via '}</> : <span class="who-label">claimed by </span>}
      <span class="outlet">{c.outlet ?? 'unnamed outlet'}</span>
      {' · '}<a href={href}>source text</a>
    </span>
  );
}

export function QuoteBlock(props: { quote: Quote }) {
  return <blockquote><Sentence quote={props.quote} /><Attribution quote={props.quote} /></blockquote>;
}
