/** Inline correction of one field; the typed value is sent as a reviewer correction. */
import { useState } from 'preact/hooks';
import type { StoredEvent } from './api.ts';
import { EVENT_TYPES, SUB_EVENT_TYPES } from './colors.ts';
import type { Editor } from './fields.ts';

type Rec = Record<string, unknown>;
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

export function FieldEditor(props: { field: string; editor: Editor; event: StoredEvent; onSave: (value: unknown) => Promise<void>; onCancel: () => void }) {
  const e = props.event as unknown as Rec;
  const cur = e[props.field] as Rec | null;
  const [vals, setVals] = useState<Record<string, string>>((): Record<string, string> => {
    switch (props.editor) {
      case 'actor': return { name: String(cur?.name ?? '') };
      case 'count': return { low: String(cur?.low ?? ''), best: String(cur?.best ?? ''), high: String(cur?.high ?? '') };
      case 'location': return { name: String(cur?.name ?? cur?.text ?? ''), lat: String(cur?.lat ?? ''), lon: String(cur?.lon ?? '') };
      case 'bool': return { v: e[props.field] ? 'true' : 'false' };
      default: return { v: String(e[props.field] ?? '') };
    }
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: string) => (ev: Event) => setVals({ ...vals, [k]: (ev.currentTarget as HTMLInputElement).value });
  const id = (k: string) => `edit-${props.field}-${k}`;

  const value = (): unknown => {
    switch (props.editor) {
      case 'actor': return vals.name.trim() ? { ...(cur ?? { inter: 0, text: '' }), name: vals.name.trim() } : null;
      case 'count': {
        const [low, best, high] = [numOrNull(vals.low), numOrNull(vals.best), numOrNull(vals.high)];
        if (low === null && best === null && high === null) return null;
        if ([low, best, high].some((x) => x !== null && (!Number.isInteger(x) || x < 0))) throw new Error('Figures must be whole numbers ≥ 0');
        return { ...(cur ?? { text: '' }), low, best, high };
      }
      case 'location': {
        const [lat, lon] = [numOrNull(vals.lat), numOrNull(vals.lon)];
        if ((lat !== null && (lat < -90 || lat > 90)) || (lon !== null && (lon < -180 || lon > 180))) throw new Error('Latitude −90…90, longitude −180…180');
        return { ...(cur ?? { text: vals.name, geonameid: null, admin1: null, admin2: null, country: null, iso3: null, geo_precision: 1 }), name: vals.name, lat, lon };
      }
      case 'bool': return vals.v === 'true';
      default: return vals.v;
    }
  };
  const save = async (ev: Event) => {
    ev.preventDefault();
    setError(null);
    try {
      const v = value();
      setBusy(true);
      await props.onSave(v);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  const input = (k: string, label: string, type: 'text' | 'number' | 'date' = 'text') => (
    <label class="field" for={id(k)}><span>{label}</span><input id={id(k)} type={type as 'text'} value={vals[k]} onInput={set(k)} step={type === 'number' ? 'any' : undefined} /></label>
  );
  let body;
  switch (props.editor) {
    case 'date': body = input('v', 'Date', 'date'); break;
    case 'type': case 'subtype': {
      const opts = props.editor === 'type' ? [...EVENT_TYPES] : SUB_EVENT_TYPES[(e.event_type as string)] ?? Object.values(SUB_EVENT_TYPES).flat();
      body = <label class="field" for={id('v')}><span>Value</span><select id={id('v')} value={vals.v} onChange={set('v')}>{opts.map((o) => <option key={o} value={o}>{o}</option>)}</select></label>;
      break;
    }
    case 'actor': body = input('name', 'Actor name'); break;
    case 'count': body = <>{input('low', 'Low', 'number')}{input('best', 'Best', 'number')}{input('high', 'High (empty = open)', 'number')}</>; break;
    case 'location': body = <>{input('name', 'Place name')}{input('lat', 'Latitude', 'number')}{input('lon', 'Longitude', 'number')}</>; break;
    case 'bool': body = <label class="field" for={id('v')}><span>Value</span><select id={id('v')} value={vals.v} onChange={set('v')}><option value="true">yes</option><option value="false">no</option></select></label>; break;
    default: body = <label class="field wide" for={id('v')}><span>Value</span><textarea id={id('v')} rows={3} value={vals.v} onInput={set('v')} /></label>;
  }
  return (
    <form class="editor" onSubmit={save} aria-label={`Correct ${props.field}`}>
      <div class="editor-fields">{body}</div>
      <div class="editor-actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : 'Save correction'}</button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
