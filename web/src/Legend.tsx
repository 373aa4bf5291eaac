/** What the map's colours and sizes mean; folds away on small screens. */
import { useState } from 'preact/hooks';
import { EVENT_TYPES, TYPE_COLORS } from './colors.ts';

const SIZES = [{ f: 0, r: 4 }, { f: 10, r: 7 }, { f: 100, r: 12 }, { f: 1000, r: 20 }];

export function Legend() {
  const [open, setOpen] = useState(() => window.innerWidth > 600);
  return (
    <aside class={open ? 'legend' : 'legend closed'} aria-label="Map legend">
      <button type="button" class="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide legend' : 'Legend'}</button>
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
      </>}
    </aside>
  );
}
