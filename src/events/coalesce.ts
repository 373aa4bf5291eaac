/**
 * One event from many reports: drafts of the same document that tell the same
 * event (same kind, same agent, near in place and time, or "the offensive"
 * pointing back) become one group. Pure.
 */
import type { Draft } from './draft.ts';
import { distanceKm } from '../geo/index.ts';

const FAR_KM = 50;
const NEAR_DAYS = 3;

function dayNumber(iso: string | null): number | null {
  return iso ? Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86_400_000 : null;
}

function datesAgree(a: Draft, b: Draft): boolean {
  if (a.date.basis !== 'text' || b.date.basis !== 'text') return true;
  const [as, ae, bs, be] = [a.date.date.start, a.date.date.end, b.date.date.start, b.date.date.end].map(dayNumber);
  if (as === null || ae === null || bs === null || be === null) return true;
  return bs - ae <= NEAR_DAYS && as - be <= NEAR_DAYS;
}

function placesAgree(a: Draft, b: Draft): boolean {
  const [x, y] = [a.location, b.location];
  if (!x || !y || x.lat === null || y.lat === null || x.lon === null || y.lon === null) return true;
  if (x.geo_precision === 3 || y.geo_precision === 3) return x.iso3 === null || y.iso3 === null || x.iso3 === y.iso3;
  return distanceKm(x.lat, x.lon, y.lat, y.lon) <= FAR_KM;
}

function actorsAgree(a: Draft, b: Draft): boolean {
  const x = a.actor1?.name ?? null;
  const y = b.actor1?.name ?? null;
  return x === null || y === null || x === y;
}

/** True when two drafts plausibly report the same event. */
export function sameEvent(a: Draft, b: Draft): boolean {
  return a.sub.name === b.sub.name && actorsAgree(a, b) && datesAgree(a, b) && placesAgree(a, b);
}

/** Kinds an anaphor ("the offensive", "the fighting") may point back to. */
function compatible(anaphor: Draft, target: Draft): boolean {
  if (anaphor.sub.eventType === target.sub.eventType) return true;
  const violent = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
  return anaphor.sub.eventType === 'Battles' && violent.has(target.sub.eventType) && anaphor.trigger.text.toLowerCase() !== 'clashes';
}

/** The event an anaphor points back to: the same word, then the same kind and agent, latest first. */
function antecedent(d: Draft, groups: Draft[][]): Draft[] | undefined {
  const word = d.trigger.text.toLowerCase();
  const score = (g: Draft[]) => {
    const head = g[0];
    if (!compatible(d, head)) return 0;
    const a = d.actor1?.name;
    const b = g.find((x) => x.actor1)?.actor1?.name;
    if (a && b && a !== b) return 0;
    return 1 + (g.some((x) => x.report.hits.some((h) => h.text.toLowerCase() === word)) ? 3 : 0) +
      (head.sub.eventType === d.sub.eventType ? 2 : 0) + (a && a === b ? 2 : 0);
  };
  let best: Draft[] | undefined;
  let top = 0;
  for (const g of [...groups].reverse()) {
    const s = score(g);
    if (s > top) [best, top] = [g, s];
  }
  return best;
}

/**
 * Groups drafts (in document order) into events; each group's first draft
 * is the one that named the event.
 * @example coalesce(drafts).map(g => g.length) // [3, 1, 1]
 */
export function coalesce(drafts: Draft[]): Draft[][] {
  const groups: Draft[][] = [];
  for (const d of drafts) {
    let home: Draft[] | undefined;
    if (d.report.anaphoric) home = antecedent(d, groups);
    home ??= groups.find((g) => g.every((o) => sameEvent(o, d)));
    if (home) home.push(d);
    else groups.push([d]);
  }
  return groups;
}
