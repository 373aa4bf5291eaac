/**
 * The filter state: one object, kept in the page URL (so a view can be shared)
 * and turned into the API's query parameters.
 */
export interface Filters {
  from: string;
  to: string;
  event_type: string;
  sub_event_type: string;
  actor: string;
  country: string;
  admin1: string;
  min_fatalities: string;
  q: string;
  review: string;
}

export const FILTER_KEYS: (keyof Filters)[] = [
  'from', 'to', 'event_type', 'sub_event_type', 'actor', 'country', 'admin1', 'min_fatalities', 'q', 'review',
];

export const emptyFilters = (): Filters => ({
  from: '', to: '', event_type: '', sub_event_type: '', actor: '', country: '', admin1: '', min_fatalities: '', q: '', review: '',
});

export interface TableState { sort: string; offset: number }

export function readUrl(search: string): { filters: Filters; table: TableState } {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? '';
  return {
    filters,
    table: { sort: params.get('sort') || '-event_date', offset: Math.max(0, Number(params.get('offset')) || 0) },
  };
}

export function writeUrl(filters: Filters, table: TableState, hash: string, pathname = location.pathname): string {
  const params = filterParams(filters);
  if (table.sort !== '-event_date') params.set('sort', table.sort);
  if (table.offset) params.set('offset', String(table.offset));
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}${hash}`;
}

/** Only the filters that are set, as API query parameters. */
export function filterParams(filters: Filters, omit: (keyof Filters)[] = []): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function activeCount(filters: Filters): number {
  return FILTER_KEYS.filter((k) => filters[k].trim() !== '').length;
}
