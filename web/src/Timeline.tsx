/**
 * Events per day (or week) under the map. Dragging across it sets the date
 * range; arrow keys move the range, shift+arrows widen it, Escape clears it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fromDay, toDay, type Histogram } from './points.ts';

const H = 84;
const PAD = { l: 34, r: 8, t: 8, b: 20 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** Axis labels: the first of each month (January as its year) over a long range, else every few days. */
function ticks(h: Histogram, w: number): { x: number; text: string }[] {
  const days = h.counts.length * h.width;
  const out: { x: number; text: string }[] = [];
  const xOf = (d: number) => PAD.l + ((d - h.start) / days) * w;
  const fits = (x: number) => x >= PAD.l && x < PAD.l + w - 14;
  if (days > 120) {
    const first = new Date(h.start * DAY_MS);
    // months are counted on from the first one in range; Date.UTC carries them into years
    for (let m = first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0); ; m++) {
      const date = new Date(Date.UTC(first.getUTCFullYear(), m, 1));
      const d = date.getTime() / DAY_MS;
      if (d > h.start + days) break;
      const x = xOf(d);
      if (fits(x) && (out.length === 0 || x - out[out.length - 1].x > 46)) {
        out.push({ x, text: date.getUTCMonth() === 0 ? String(date.getUTCFullYear()) : MONTHS[date.getUTCMonth()] });
      }
    }
    return out;
  }
  const step = Math.max(1, Math.ceil(days / Math.max(2, Math.floor(w / 70))));
  for (let d = h.start; d <= h.start + days; d += step) {
    const x = xOf(d);
    const date = new Date(d * DAY_MS);
    if (fits(x)) out.push({ x, text: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` });
  }
  return out;
}

export function Timeline(props: { hist: Histogram; from: string; to: string; onBrush: (from: string, to: string) => void }) {
  const { hist, from, to } = props;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  useEffect(() => {
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(200, e.contentRect.width)));
    if (box.current) ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const w = width - PAD.l - PAD.r;
  const n = hist.counts.length;
  const days = Math.max(1, n * hist.width);
  const max = Math.max(1, ...hist.counts);
  const xOf = (day: number) => PAD.l + ((day - hist.start) / days) * w;
  const dayAt = (clientX: number) => {
    const r = box.current!.getBoundingClientRect();
    const d = hist.start + Math.floor(((clientX - r.left - PAD.l) / w) * days);
    return Math.max(hist.start, Math.min(hist.start + days - 1, d));
  };
  const selFrom = drag ? Math.min(drag.a, drag.b) : from ? toDay(from) : NaN;
  const selTo = drag ? Math.max(drag.a, drag.b) : to ? toDay(to) : NaN;
  const hasSel = !Number.isNaN(selFrom) || !Number.isNaN(selTo);
  const lo = Number.isNaN(selFrom) ? -Infinity : selFrom;
  const hi = Number.isNaN(selTo) ? Infinity : selTo;
  const commit = (a: number, b: number) => props.onBrush(fromDay(Math.min(a, b)), fromDay(Math.max(a, b)));

  const onKey = (e: KeyboardEvent) => {
    if (!n) return;
    const step = hist.width;
    const a = Number.isNaN(selFrom) ? hist.start : selFrom;
    const b = Number.isNaN(selTo) ? hist.start + days - 1 : selTo;
    if (e.key === 'Escape') { props.onBrush('', ''); e.preventDefault(); return; }
    const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    if (e.shiftKey) commit(a, Math.max(a, b + dir * step));
    else if (!hasSel) commit(hist.start, hist.start + step - 1);
    else commit(a + dir * step, b + dir * step);
  };

  const label = hasSel
    ? `Date range ${Number.isNaN(selFrom) ? 'start' : fromDay(selFrom)} to ${Number.isNaN(selTo) ? 'end' : fromDay(selTo)}`
    : 'All dates';
  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-head">
        <span class="timeline-title">Events per {hist.width > 1 ? 'week' : 'day'}</span>
        <label class="inline">From <input type="date" name="from" value={from} onChange={(e) => props.onBrush((e.currentTarget as HTMLInputElement).value, to)} /></label>
        <label class="inline">to <input type="date" name="to" value={to} onChange={(e) => props.onBrush(from, (e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" class="link" disabled={!from && !to} onClick={() => props.onBrush('', '')}>All dates</button>
        {hist.undated > 0 && <span class="muted">{hist.undated} undated</span>}
        <span class="muted hint">drag across the bars to choose dates</span>
      </div>
      <div class="timeline-plot" ref={box}>
      <svg
        width={width} height={H} tabIndex={0} role="slider" aria-label="Timeline: drag or use arrow keys to choose a date range"
        aria-valuetext={label} aria-valuemin={0} aria-valuemax={n} aria-valuenow={0}
        onKeyDown={onKey}
        onPointerDown={(e) => { if (!n) return; (e.currentTarget as Element).setPointerCapture(e.pointerId); const d = dayAt(e.clientX); setDrag({ a: d, b: d }); }}
        onPointerMove={(e) => { if (drag) setDrag({ a: drag.a, b: dayAt(e.clientX) }); }}
        onPointerUp={() => {
          if (!drag) return;
          const a = Math.min(drag.a, drag.b);
          const b = Math.max(drag.a, drag.b);
          setDrag(null);
          // a click picks one bar: that day, or that week
          if (a === b) { const s = hist.start + Math.floor((a - hist.start) / hist.width) * hist.width; commit(s, s + hist.width - 1); }
          else commit(a, b);
        }}
      >
        <line x1={PAD.l} x2={PAD.l + w} y1={H - PAD.b + 0.5} y2={H - PAD.b + 0.5} class="axis" />
        <text x={PAD.l - 4} y={PAD.t + 4} class="tick" text-anchor="end">{max}</text>
        <text x={PAD.l - 4} y={H - PAD.b} class="tick" text-anchor="end">0</text>
        {Array.from(hist.counts, (c, i) => {
          const d = hist.start + i * hist.width;
          const inSel = !hasSel || (d + hist.width - 1 >= lo && d <= hi);
          const bh = (c / max) * (H - PAD.t - PAD.b);
          return (
            <rect
              key={i} x={xOf(d) + 0.5} width={Math.max(1, (w / n) - 1)} y={H - PAD.b - bh} height={bh}
              class={inSel ? 'bar' : 'bar off'}
            ><title>{`${fromDay(d)}${hist.width > 1 ? ' (week)' : ''}: ${c} events`}</title></rect>
          );
        })}
        {hasSel && n > 0 && (
          <rect class="brush" x={xOf(Math.max(lo, hist.start))} y={PAD.t - 4}
            width={Math.max(2, xOf(Math.min(hi, hist.start + days - 1) + 1) - xOf(Math.max(lo, hist.start)))} height={H - PAD.t - PAD.b + 4} />
        )}
        {ticks(hist, w).map((t) => <text key={t.x} x={t.x} y={H - 5} class="tick" text-anchor="middle">{t.text}</text>)}
      </svg>
      </div>
    </section>
  );
}
