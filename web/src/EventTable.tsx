/** The event table: sortable by the API's sort keys, paged, one link per row for keyboard users. */
import type { Page, StoredEvent } from './api.ts';
import { typeColor } from './colors.ts';
import { fmtCount, fmtInt, pct } from './format.ts';

/** Lets "Shelling/artillery/missile attack" wrap at its slashes. */
const breakable = (s: string) => s.replaceAll('/', '/\u200b');

const SORTABLE: Record<string, string> = { date: 'event_date', fatalities: 'fatalities', confidence: 'confidence' };

function SortHeader(props: { col: string; label: string; sort: string; onSort: (s: string) => void; class?: string }) {
  const key = SORTABLE[props.col];
  const dir = props.sort === key ? 'ascending' : props.sort === `-${key}` ? 'descending' : 'none';
  const next = dir === 'descending' ? key : `-${key}`;
  return (
    <th scope="col" aria-sort={dir} class={props.class}>
      <button type="button" class="sort" onClick={() => props.onSort(next)}>
        {props.label}<span class="arrow" aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

export function ReviewBadge(props: { state: string }) {
  if (props.state === 'unreviewed') return null;
  return <span class={`badge review-${props.state}`}>{props.state}</span>;
}

export function EventTable(props: {
  page: Page<StoredEvent> | null; loading: boolean; error: string | null; sort: string; selected: string | null;
  onSort: (s: string) => void; onPage: (offset: number) => void; caption: string;
}) {
  const p = props.page;
  const from = p && p.total ? p.offset + 1 : 0;
  const to = p ? p.offset + p.items.length : 0;
  return (
    <section class="table-panel" aria-label="Event table" aria-busy={props.loading}>
      <div class="table-wrap">
        <table class="events">
          <caption class="sr-only">{props.caption}</caption>
          <thead>
            <tr>
              <SortHeader col="date" label="Date" sort={props.sort} onSort={props.onSort} />
              <th scope="col">Type</th>
              <th scope="col">Actors</th>
              <th scope="col">Place</th>
              <SortHeader col="fatalities" label="Fatalities" sort={props.sort} onSort={props.onSort} class="num" />
              <th scope="col" class="num" title="number of sources">Src</th>
              <SortHeader col="confidence" label="Conf." sort={props.sort} onSort={props.onSort} class="num" />
            </tr>
          </thead>
          <tbody>
            {p?.items.map((e) => (
              <tr key={e.id} class={e.id === props.selected ? 'selected' : e.review.state === 'rejected' ? 'rejected' : ''}>
                <td class="nowrap"><a href={`#/event/${encodeURIComponent(e.id)}`}>{e.event_date ?? 'no date'}</a></td>
                <td>
                  <span class="swatch" style={{ background: typeColor(e.event_type) }} aria-hidden="true" />
                  <span class="type">{breakable(e.sub_event_type || e.event_type)}</span>
                  <ReviewBadge state={e.review.state} />
                </td>
                <td>{e.actor1?.name ?? '—'}{e.actor2 && <span class="actor2">vs {e.actor2.name}</span>}</td>
                <td>{e.location ? <>{e.location.name ?? e.location.text}<span class="place-sub">{[e.location.admin1, e.location.country].filter((x) => x && x !== (e.location!.name ?? e.location!.text)).join(', ')}</span></> : '—'}</td>
                <td class="num nowrap" title={e.fatalities?.text ?? ''}>{fmtCount(e.fatalities)}</td>
                <td class="num">{e.source_count}</td>
                <td class="num">{pct(e.confidence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {p && p.items.length === 0 && !props.loading && <p class="empty">No events match these filters.</p>}
        {props.error && <p class="error" role="alert">{props.error}</p>}
      </div>
      <nav class="pager" aria-label="Table pages">
        <span aria-live="polite">{p ? `${fmtInt(from)}–${fmtInt(to)} of ${fmtInt(p.total)}${p.total_exact === false ? '+' : ''}` : 'Loading…'}</span>
        <button type="button" disabled={!p || p.offset === 0} onClick={() => p && props.onPage(Math.max(0, p.offset - p.limit))}>‹ Previous</button>
        <button type="button" disabled={!p || p.items.length < p.limit || (to >= p.total && p.total_exact !== false)} onClick={() => p && props.onPage(p.offset + p.limit)}>Next ›</button>
      </nav>
    </section>
  );
}
