/** The filter controls: every one labelled, typeahead lists drawn from the loaded events. */
import { useState } from 'preact/hooks';
import { EVENT_TYPES, REVIEW_STATES, SUB_EVENT_TYPES } from './colors.ts';
import { activeCount, emptyFilters, type Filters } from './filters.ts';

export interface Suggestions { actors: string[]; countries: string[]; admin1: string[] }

function Text(props: { id: keyof Filters; label: string; value: string; list?: string[]; type?: 'text' | 'search' | 'number'; placeholder?: string; onSet: (v: string) => void; wide?: boolean }) {
  const listId = props.list ? `dl-${props.id}` : undefined;
  return (
    <label class={props.wide ? 'field wide' : 'field'}>
      <span>{props.label}</span>
      <input
        name={props.id} type={props.type ?? 'text'} value={props.value} list={listId} placeholder={props.placeholder}
        autocomplete="off" min={props.type === 'number' ? 0 : undefined}
        onChange={(e) => props.onSet((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => { if (e.key === 'Enter') props.onSet((e.currentTarget as HTMLInputElement).value); }}
      />
      {props.list && <datalist id={listId}>{props.list.slice(0, 200).map((v) => <option key={v} value={v} />)}</datalist>}
    </label>
  );
}

function Select(props: { id: keyof Filters; label: string; value: string; options: readonly string[]; any: string; onSet: (v: string) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select name={props.id} value={props.value} onChange={(e) => props.onSet((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{props.any}</option>
        {props.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

export function FilterBar(props: { filters: Filters; suggestions: Suggestions; onChange: (patch: Partial<Filters>) => void }) {
  const f = props.filters;
  const set = (key: keyof Filters) => (v: string) => props.onChange({ [key]: v });
  const [open, setOpen] = useState(false);
  const subTypes = f.event_type ? SUB_EVENT_TYPES[f.event_type] ?? [] : Object.values(SUB_EVENT_TYPES).flat();
  const n = activeCount(f);
  return (
    <section class={open ? 'filters open' : 'filters'} aria-label="Filters">
      <button type="button" class="filters-toggle" aria-expanded={open} aria-controls="filter-fields" onClick={() => setOpen(!open)}>
        Filters{n ? ` (${n})` : ''}
      </button>
      <div id="filter-fields" class="filter-fields">
        <Text id="q" label="Search" type="search" value={f.q} placeholder="words in notes and sources" onSet={set('q')} wide />
        <Select id="event_type" label="Event type" value={f.event_type} options={EVENT_TYPES} any="All types"
          onSet={(v) => props.onChange({ event_type: v, sub_event_type: v && !(SUB_EVENT_TYPES[v] ?? []).includes(f.sub_event_type) ? '' : f.sub_event_type })} />
        <Select id="sub_event_type" label="Sub-type" value={f.sub_event_type} options={subTypes} any="All sub-types" onSet={set('sub_event_type')} />
        <Text id="actor" label="Actor" value={f.actor} list={props.suggestions.actors} placeholder="any" onSet={set('actor')} />
        <Text id="country" label="Country" value={f.country} list={props.suggestions.countries} placeholder="any" onSet={set('country')} />
        <Text id="admin1" label="Admin 1" value={f.admin1} list={props.suggestions.admin1} placeholder="any" onSet={set('admin1')} />
        <Text id="min_fatalities" label="Fatalities ≥" type="number" value={f.min_fatalities} onSet={set('min_fatalities')} />
        <Select id="review" label="Review" value={f.review} options={REVIEW_STATES} any="All but rejected" onSet={set('review')} />
        <button type="button" class="link clear" disabled={!n} onClick={() => props.onChange(emptyFilters())}>Clear all</button>
      </div>
    </section>
  );
}
