/**
 * Why a gold-span toponym missed (> 5 km), for `npm run bench:geo`: each miss
 * is put in one cause by comparing the pick, the candidates the gazetteer
 * offered and the gold point (whose country and admin1 are read off the
 * nearest gazetteer place). The causes say which part to fix: ranking (the
 * right candidate was there), reference points (the right entity, another
 * point), or coverage (no candidate near the gold point).
 */
import type { Gazetteer, GazEntry } from '../src/geo/gazetteer.ts';
import type { Resolution } from '../src/geo/resolve.ts';
import { distanceKm } from '../src/geo/normalize.ts';

export interface GoldPoint {
  text: string;
  lat: number;
  lon: number;
}

const AREA = /^(PCLI|PCLD|ADM1|ADM2|RGN|CONT)$/;

/** Country and admin1 of the gazetteer place nearest to a point (within ~1°). */
function whereIs(gaz: Gazetteer, lat: number, lon: number): { cc: string; admin1: string | null } | null {
  const row = gaz.db
    .prepare(
      `SELECT p.cc, a1.name AS admin1 FROM places p LEFT JOIN admin1 a1 ON a1.cc = p.cc AND a1.code = p.admin1_code
       WHERE p.fclass = 'P' AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?
       ORDER BY (p.lat - ?) * (p.lat - ?) + (p.lon - ?) * (p.lon - ?) LIMIT 1`,
    )
    .get(lat - 1, lat + 1, lon - 1, lon + 1, lat, lat, lon, lon) as { cc: string; admin1: string | null } | undefined;
  return row ?? null;
}

const near = (g: GoldPoint, e: GazEntry) => distanceKm(g.lat, g.lon, e.lat, e.lon);

/** The cause of one miss, in words that group well. */
export function causeOf(gaz: Gazetteer, gold: GoldPoint, r: Resolution): string {
  const pick = r.best;
  const right = r.ranked.map((x) => x.entry).find((e) => near(gold, e) <= 5);
  if (r.mention.use === 'adjective') return right ? 'ranking: demonym/adjective, right entity ranked lower' : 'demonym/adjective: no candidate at the gold point';
  if (right && pick) {
    if (pick.cc === right.cc && AREA.test(pick.fcode) !== AREA.test(right.fcode)) return AREA.test(pick.fcode) ? 'ranking: area picked, gold is the town of that name' : 'ranking: town picked, gold is the area of that name';
    const smaller = pick.population < right.population;
    if (pick.cc !== right.cc) return smaller ? 'ranking: wrong country, small namesake beat a bigger place' : 'ranking: wrong country, bigger place beat the local one';
    return smaller ? 'ranking: right country, small namesake beat a bigger place' : 'ranking: right country, bigger place beat the local one';
  }
  if (right) return 'ranking: right candidate scored below the threshold';
  if (!pick) return r.mention.candidates.length === 0 ? 'coverage: no candidate (enclosing-area fallback)' : 'coverage: candidates, none kept';
  const where = whereIs(gaz, gold.lat, gold.lon);
  if (/^(PCLI|PCLD)$/.test(pick.fcode) && (where?.cc === pick.cc || near(gold, pick) < 1500)) return 'reference point: country point differs from GeoNames';
  if (pick.fcode === 'ADM1' && where?.cc === pick.cc && (where.admin1 === pick.name || near(gold, pick) < 500)) return 'reference point: admin1 point differs from GeoNames';
  if (/^(RGN|CONT)$/.test(pick.fcode)) return 'reference point: region or continent';
  const close = r.ranked.map((x) => x.entry).find((e) => near(gold, e) <= 161);
  if (close) return close === pick ? 'reference point: right place, point 5-161 km off' : 'ranking: a candidate within 161 km lost';
  if (where && where.cc === pick.cc) return 'coverage: gold not among candidates, pick in the right country';
  return 'coverage: gold not among candidates, pick in another country';
}

/** Counts per cause, biggest first, with a few examples each. */
export function causeTable(causes: { cause: string; example: string }[], total: number, examples: number): string[] {
  const groups = new Map<string, string[]>();
  for (const c of causes) groups.set(c.cause, [...(groups.get(c.cause) ?? []), c.example]);
  const out: string[] = [];
  for (const [cause, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    out.push(`  ${String(list.length).padStart(5)}  ${((100 * list.length) / total).toFixed(1).padStart(5)}%  ${cause}`);
    for (const e of list.slice(0, examples)) out.push(`                 ${e}`);
  }
  return out;
}
