/** Unreviewed events within the current filters, least confident first, with one-click decisions. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Page, type StoredEvent } from './api.ts';
import { typeColor } from './colors.ts';
import { actors, fmtCount, fmtInt, pct, place } from './format.ts';

export function ReviewQueue(props: { query: string; version: number; onChanged: () => void }) {
  const [page, setPage] = useState<Page<StoredEvent> | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = () => {
    const q = new URLSearchParams(props.query);
    q.set('review', 'unreviewed');
    q.set('sort', 'confidence');
    q.set('limit', '25');
    q.set('offset', String(offset));
    api.events(q.toString()).then((p) => { setPage(p); setError(null); }, (e) => setError((e as Error).message));
  };
  useEffect(load, [props.query, props.version, offset]);
  const decide = async (e: StoredEvent, state: 'confirmed' | 'rejected') => {
    setBusy(e.id);
    try {
      await api.patch(e.id, { review_state: state });
      props.onChanged();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="panel-body review-queue" aria-labelledby="queue-title">
      <h2 id="queue-title">Review queue</h2>
      <p class="muted">
        Unreviewed events in the current filters, lowest confidence first.
        {page && ` ${fmtInt(page.total)} to review.`}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      <ol class="queue">
        {page?.items.map((e) => (
          <li key={e.id}>
            <div class="queue-main">
              <a href={`#/event/${encodeURIComponent(e.id)}`}>
                <span class="swatch" style={{ background: typeColor(e.event_type) }} aria-hidden="true" />
                {e.sub_event_type || e.event_type}
              </a>
              <span class="muted"> · {e.event_date ?? 'no date'} · {place(e)}</span>
              <div class="queue-sub">{actors(e)} · fatalities {fmtCount(e.fatalities)} · confidence <strong>{pct(e.confidence)}</strong></div>
              {e.notes && <div class="queue-notes">{e.notes}</div>}
            </div>
            <div class="queue-actions" role="group" aria-label={`Review ${e.sub_event_type || e.event_type} on ${e.event_date ?? 'no date'}`}>
              <button type="button" class="primary" disabled={busy === e.id} onClick={() => decide(e, 'confirmed')}>Confirm</button>
              <button type="button" class="danger" disabled={busy === e.id} onClick={() => decide(e, 'rejected')}>False positive</button>
            </div>
          </li>
        ))}
      </ol>
      {page && page.items.length === 0 && <p class="empty">Nothing left to review here.</p>}
      {page && page.total > 25 && (
        <nav class="pager" aria-label="Queue pages">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 25))}>‹ Previous</button>
          <button type="button" disabled={offset + 25 >= page.total} onClick={() => setOffset(offset + 25)}>Next ›</button>
        </nav>
      )}
    </section>
  );
}
