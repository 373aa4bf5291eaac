/** What the map's colours and sizes mean; folds away on small screens. */
import { useState } from 'preact/hooks';
import { EVENT_TYPES, TYPE_COLORS } from './colors.ts';

const SIZES = [{ f: 0, r: 4 }, { f: 10, r: 7 }, { f: 100, r: 12 }, { f: 1000, r: 20 }];

interface Props {
  overlays: { control: boolean; flows: boolean };
  onToggle: (name: 'control' | 'flows') => void;
  /** controllers on the map with their colours; null when the server has no control data */
  controllers: [string, string][] | null;
  /** the flows on the map, as words; null when the server has no displacement data */
  flows: string[] | null;
}

export function Legend(props: Props) {
  const [open, setOpen] = useState(() => window.innerWidth > 600);
  return (
    <aside class={open ? 'legend' : 'legend closed'} aria-label="Map legend">
      <div class="legend-head">
        {open && <span class="legend-caption">Event type</span>}
        <button type="button" class="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide legend' : 'Show legend'}</button>
      </div>
      {open && <>
      <ul class="legend-types">
        {EVENT_TYPES.map((t) => (
          <li key={t}><span class="dot" style={{ background: TYPE_COLORS[t] }} aria-hidden="true" />{t}</li>
        ))}
      </ul>
      <div class="legend-sizes">
        <span class="legend-caption">Fatalities</span>
        {SIZES.map(({ f, r }) => (
          <span class="size" key={f}><span class="ring" style={{ width: `${r * 2}px`, height: `${r * 2}px` }} aria-hidden="true" />{f}</span>
        ))}
        <span class="size"><span class="cluster" aria-hidden="true">12</span>cluster</span>
      </div>
      <div class="legend-layers">
        <label><input type="checkbox" checked={props.overlays.control} onChange={() => props.onToggle('control')} /> Territorial control</label>
        <label><input type="checkbox" checked={props.overlays.flows} onChange={() => props.onToggle('flows')} /> Displacement flows</label>
      </div>
      {props.overlays.control && (props.controllers === null
        ? <p class="muted">No control data on this server.</p>
        : props.controllers.length === 0 ? <p class="muted">No control known at this date.</p>
        : <ul class="legend-controllers" aria-label="Controllers on the map">{props.controllers.map(([name, color]) => <li key={name}><span class="square" style={{ borderColor: color }} aria-hidden="true" />{name}</li>)}</ul>)}
      {props.overlays.flows && (props.flows === null
        ? <p class="muted">No displacement data on this server.</p>
        : props.flows.length === 0 ? <p class="muted">No displacement flows in these dates.</p>
        : <ul class="legend-flows" aria-label="Flows on the map">{props.flows.map((label) => <li key={label}><span class="flow-line" aria-hidden="true" />{label}</li>)}</ul>)}
      </>}
    </aside>
  );
}
