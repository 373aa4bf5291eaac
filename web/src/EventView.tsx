/**
 * One event: every field with the sentences and sources behind it, the
 * reports' disagreements side by side, how it was merged (and a split), and
 * the reviewer's actions.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Claim, type CountField, type EventDetail, type MergeView, type ReviewState } from './api.ts';
import { typeColor } from './colors.ts';
import { evidenceFor, QuoteBlock, sentenceConflicts, type Quote } from './Evidence.tsx';
import { FieldEditor } from './FieldEditor.tsx';
import { FIELDS, show } from './fields.ts';
import { fmtCount, pct } from './format.ts';

/** A disagreement's value: a name, a date, or a figure triple. */
function disValue(field: string, v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'low' in v) return `${fmtCount(v as CountField)} (low–best–high)`;
  return show(field, v);
}

function claimQuote(c: Claim, field: string): Quote {
  return { document_id: c.document_id, outlet: c.outlet, claimed_by: c.claimed_by, sentence: c.sentence, start: c.start, end: c.end, value: c.fields?.[field === 'event_date' ? 'date' : field] };
}

/** A date as one sentence gives it: the day or range, and its words. */
function dateValue(v: unknown): string {
  const d = v as { start?: string; end?: string; text?: string | null } | string;
  if (typeof d === 'string') return d;
  const range = d.start === d.end ? d.start : `${d.start} … ${d.end}`;
  return `${range}${d.text ? ` (“${d.text}”)` : ''}`;
}

function mergeList(m: unknown): MergeView[] {
  if (Array.isArray(m)) return m as MergeView[];
  const o = m as { items?: MergeView[]; merges?: MergeView[] } | null;
  return o?.items ?? o?.merges ?? [];
}

const FEATURE_LABELS: Record<string, string> = {
  actor: 'actor overlap', location_km: 'distance (km)', date_gap_days: 'date gap (days)',
  fatalities: 'fatality agreement', text_similarity: 'text similarity', type: 'same type',
};

export function EventView(props: { id: string; onChanged: () => void; onClose: () => void }) {
  const [ev, setEv] = useState<EventDetail | null>(null);
  const [merges, setMerges] = useState<MergeView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const load = async () => {
    try {
      const [e, m] = await Promise.all([api.event(props.id), api.merges(props.id).catch(() => [])]);
      setEv(e);
      setMerges(mergeList(m));
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useEffect(() => { setEv(null); setEditing(null); setStatus(''); load(); }, [props.id]);

  if (error) return <section class="panel-body"><p class="error" role="alert">Event {props.id}: {error}</p></section>;
  if (!ev) return <section class="panel-body"><p class="muted">Loading event…</p></section>;

  const claimsById = new Map(ev.claims.map((c) => [c.id, c]));
  // between reports (claims) first, then between the sentences of one report
  const conflicts = [
    ...ev.disagreements.map((d) => ({
      field: d.field,
      values: d.values.map((v) => ({ value: v.value, quotes: v.claim_ids.map((id) => claimsById.get(id)).filter((c): c is Claim => !!c).map((c) => claimQuote(c, d.field)) })),
    })),
    ...sentenceConflicts(ev).filter((c) => !ev.disagreements.some((d) => d.field === c.field)),
  ];
  const review = async (body: { fields?: Record<string, unknown>; review_state?: ReviewState }, done: string) => {
    await api.patch(ev.id, body);
    setEditing(null);
    setStatus(done);
    await load();
    props.onChanged();
  };
  const split = async (claimIds: string[]) => {
    const res = await api.split(ev.id, { claim_ids: claimIds });
    setStatus(`Split: the reports now make ${res.events.length} events.`);
    await load();
    props.onChanged();
  };
  const corrected = new Set(ev.review.corrected_fields);
  const rec = ev as unknown as Record<string, unknown>;

  return (
    <article class="panel-body event-view" aria-labelledby="event-title">
      <header class="event-head">
        <button type="button" class="link back" onClick={props.onClose}>‹ Back to table</button>
        <h2 id="event-title">
          <span class="swatch" style={{ background: typeColor(ev.event_type) }} aria-hidden="true" />
          {ev.sub_event_type || ev.event_type}
        </h2>
        <p class="event-meta">
          <span>{ev.event_date ?? 'no date'}</span>
          <span>{ev.location?.name ?? ev.location?.text ?? 'no place'}</span>
          <span>{ev.source_count} source{ev.source_count === 1 ? '' : 's'}</span>
          <span>confidence {pct(ev.confidence)}</span>
          <span class={`badge review-${ev.review.state}`}>{ev.review.state}</span>
        </p>
        <div class="review-actions" role="group" aria-label="Review">
          <button type="button" class="primary" disabled={ev.review.state === 'confirmed'} onClick={() => review({ review_state: 'confirmed' }, 'Confirmed.')}>Confirm</button>
          <button type="button" class="danger" disabled={ev.review.state === 'rejected'} onClick={() => review({ review_state: 'rejected' }, 'Marked as a false positive.')}>Mark false positive</button>
          <span class="status" role="status">{status}</span>
        </div>
        {ev.notes && <p class="notes">{ev.notes}</p>}
      </header>

      {conflicts.length > 0 && (
        <section aria-labelledby="dis-title">
          <h3 id="dis-title">Reports disagree</h3>
          {conflicts.map((d) => (
            <div class="disagreement" key={d.field} data-field={d.field}>
              <h4>{FIELDS.find((f) => f.key === d.field)?.label ?? d.field}</h4>
              <div class="side-by-side">
                {d.values.map((v, i) => (
                  <div class="claim-col" key={i}>
                    <p class="value">{d.field === 'event_date' ? dateValue(v.value) : disValue(d.field, v.value)}</p>
                    {v.quotes.map((q) => <QuoteBlock key={`${q.document_id}:${q.start}`} quote={q} />)}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="fields-title">
        <h3 id="fields-title">Fields and evidence</h3>
        <dl class="fields">
          {FIELDS.map(({ key, label, editor }) => {
            const quotes = evidenceFor(ev, key);
            return (
              <div class="field-row" key={key} id={`field-${key}`}>
                <dt>{label}{corrected.has(key) && <span class="badge review-corrected">corrected</span>}</dt>
                <dd>
                  <div class="value-line">
                    <span class="value">{show(key, rec[key], ev)}</span>
                    {editor && editing !== key && (
                      <button type="button" class="link" aria-label={`Correct ${label}`} onClick={() => setEditing(key)}>Correct</button>
                    )}
                  </div>
                  {editing === key && (
                    <FieldEditor field={key} editor={editor} event={ev} onCancel={() => setEditing(null)}
                      onSave={(value) => review({ fields: { [key]: value } }, `${label} corrected.`)} />
                  )}
                  {quotes.map((q) => <QuoteBlock key={`${q.document_id}:${q.start}`} quote={q} />)}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="merge-title">
        <h3 id="merge-title">How the reports were merged</h3>
        {merges.length === 0 && <p class="muted">One report; nothing merged.</p>}
        {merges.map((m, i) => (
          <div class="merge" key={i}>
            <p>
              {m.split_at ? `Split on ${m.split_at.slice(0, 16).replace('T', ' ')}: ` : `Merged ${m.merged_at.slice(0, 16).replace('T', ' ')}: `}
              {m.claim_ids.length} report{m.claim_ids.length === 1 ? '' : 's'} joined with score <strong>{m.score.toFixed(2)}</strong>
            </p>
            <ul class="features">
              {Object.entries(m.features).map(([k, v]) => <li key={k}><span>{FEATURE_LABELS[k] ?? k}</span> <strong>{v === null ? 'unknown' : typeof v === 'number' ? +v.toFixed(2) : String(v)}</strong></li>)}
            </ul>
            {!m.split_at && <button type="button" onClick={() => split(m.claim_ids)}>Split these reports off</button>}
          </div>
        ))}
      </section>

      <section aria-labelledby="src-title">
        <h3 id="src-title">Sources ({ev.source_count} report{ev.source_count === 1 ? '' : 's'}, {(ev.sources ?? []).length} sentences)</h3>
        <ul class="sources">
          {(ev.sources ?? []).map((q) => (
            <li key={`${q.document_id}:${q.start}`}><QuoteBlock quote={{ ...q, value: q.date ?? undefined }} /></li>
          ))}
        </ul>
      </section>
    </article>
  );
}
