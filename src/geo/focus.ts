/**
 * What a document is about, from its names: the share of the country
 * evidence each country gets, and the first-level areas its confidently
 * placed names lie in. Each name's own evidence is left out of what decides it.
 */
import type { GazEntry } from './gazetteer.ts';
import type { Recognized } from './recognize.ts';
import { firstMax } from './lists.ts';

/** Candidates all in one country (and at least one). */
function oneCountry(candidates: GazEntry[]): boolean {
  for (const c of candidates) if (c.cc !== candidates[0].cc) return false;
  return candidates.length > 0;
}

/** The country evidence of one mention: a demonym, a country's own name, a name found in one country only, or a far bigger namesake. */
export function countryVotes(m: Recognized): [string, number][] {
  if (m.demonymOf) return [[m.demonymOf, 1]];
  const country = m.candidates.find((c) => c.fcode === 'PCLI' && c.kind !== 1);
  const rival = m.candidates.some((c) => c !== country && c.kind === 0 && (c.fcode === 'ADM1' || c.population >= 100_000));
  if (country && !rival) return [[country.cc, 1.5]];
  if (oneCountry(m.candidates)) return [[m.candidates[0].cc, 1]];
  // a first-level area by its own name ("Texas", "Idlib") whose namesakes are small places: its country
  const area = m.candidates.find((c) => c.fcode === 'ADM1' && c.kind !== 1);
  if (area && !m.candidates.some((c) => c.cc !== area.cc && (c.fcode === 'PCLI' || c.fcode === 'ADM1' || c.population >= 100_000))) return [[area.cc, 1]];
  if (m.candidates.length > 0) {
    // the most populous (the first of them) and the runner-up's population, as a sort by population would give them
    const cs = m.candidates;
    let top = 0;
    for (let i = 1; i < cs.length; i++) if (cs[i].population > cs[top].population) top = i;
    let next = 0;
    for (let i = 0; i < cs.length; i++) if (i !== top) next = Math.max(next, cs[i].population);
    if (cs[top].population > 20 * Math.max(1, next)) return [[cs[top].cc, 0.5]];
  }
  return [];
}

/**
 * Share of the country evidence that points to each country, for each
 * distinct name, counting only the other names of the document: a name never
 * supports itself, however often it recurs ("Athens" alone is no evidence that
 * Athens is in Greece).
 */
export function countryFocus(mentions: Recognized[], votesOf: (m: Recognized, i: number) => [string, number][] = countryVotes): (key: string) => Map<string, number> {
  const byKey = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  for (const [i, m] of mentions.entries()) {
    const own = byKey.get(m.key) ?? new Map<string, number>();
    for (const [cc, w] of votesOf(m, i)) {
      own.set(cc, (own.get(cc) ?? 0) + w);
      total.set(cc, (total.get(cc) ?? 0) + w);
    }
    byKey.set(m.key, own);
  }
  const memo = new Map<string, Map<string, number>>();
  return (key) => {
    let focus = memo.get(key);
    if (!focus) {
      // one map filled in place (a name's own share left out, then the rest divided by its sum): made for every
      // distinct name and both passes, the copies that spread, map and filter made were ≈ 6% of what geoparse allocates
      const own = byKey.get(key);
      focus = new Map<string, number>();
      let sum = 0;
      for (const [cc, v] of total) {
        const rest = v - (own?.get(cc) ?? 0);
        if (rest > 1e-9) {
          focus.set(cc, rest);
          sum += rest;
        }
      }
      for (const [cc, v] of focus) focus.set(cc, v / sum);
      memo.set(key, focus);
    }
    return focus;
  };
}

/** Where the confident first-pass picks lie, by first-level area: local news names one state's towns. */
export function adminVotes(pass1: { entry: GazEntry; score: number }[][]): string[] {
  return pass1.map((ranked) => {
    const [top, next] = ranked;
    if (!top || /^(PCLI|CONT|RGN)$/.test(top.entry.fcode) || (next && top.score - next.score < 0.3)) return '';
    return areaOf(top.entry);
  });
}

/**
 * Share of the document's other names whose confident pick lies in a given
 * "cc|admin1": each distinct name votes once, for its most frequent area, and
 * never for itself.
 */
export function adminFocusOf(mentions: Recognized[], votes: string[]): (m: Recognized, c: GazEntry) => number {
  const perKey = new Map<string, Map<string, number>>();
  mentions.forEach((m, i) => {
    if (!votes[i]) return;
    const t = perKey.get(m.key) ?? new Map<string, number>();
    t.set(votes[i], (t.get(votes[i]) ?? 0) + 1);
    perKey.set(m.key, t);
  });
  const choice = new Map([...perKey].map(([key, t]) => [key, firstMax([...t], (e) => e[1])![0]]));
  const tally = new Map<string, number>();
  for (const area of choice.values()) tally.set(area, (tally.get(area) ?? 0) + 1);
  return (m, c) => {
    const mine = choice.get(m.key);
    const others = choice.size - (mine ? 1 : 0);
    if (others === 0) return 0;
    const area = areaOf(c);
    return ((tally.get(area) ?? 0) - (mine === area ? 1 : 0)) / others;
  };
}

/** "cc|admin1" of an entry (its own name for a first-level area); '' when unknown. */
export function areaOf(e: GazEntry): string {
  return e.fcode === 'ADM1' ? `${e.cc}|${e.name}` : e.admin1 ? `${e.cc}|${e.admin1}` : '';
}
