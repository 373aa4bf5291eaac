/**
 * Actor recall on ACLED's dev notes (../shared/bench/acled, evaluation only):
 * for each event, does findActors name the gold actor1 (and actor2) among the
 * mentions of its notes (as a mention's name, or the actor it is part of)? Printed per country, with and without the gold
 * country handed in as the country in focus, plus the most-missed names.
 * Names are compared with the regime's closing year dropped, because the
 * 2020 export wrote "(2014-)" where today's label is "(2014-2021)".
 *
 *   npm run bench:actors [-- --top 25]
 */
import { ACLED_DEV, acledDay, acledRows } from './acled.ts';
import { parseArgs } from 'node:util';
import { makeDoc } from '../src/text/index.ts';
import { actorForCountry, countryOf, entryName, findActors, loadCodebook, type Codebook } from '../src/mentions/actors/index.ts';

const norm = (name: string) => name.replace(/\((\d{4})-\d{4}\)/g, '($1-)').trim();

/** Share of gold actor names (actor1, actor2, associated) that the codebook can produce at all, and the commonest it cannot. */
function inventory(cb: Codebook, rows: Record<string, string>[], top: number): void {
  const names = new Set<string>([cb.generic.unidentifiedMilitary.name]);
  for (const a of cb.actors) names.add(norm(entryName(cb, a, '2020-05-01')));
  for (const c of cb.countries) for (const kind of Object.keys(cb.generic.kinds)) names.add(norm(actorForCountry(cb, c.iso2, kind, '2020-05-01')?.name ?? ''));
  const pattern = /(Clan|Sub-Clan|Tribal|Ethnic|Communal|Caste) Militia \(/;
  const missing = new Map<string, number>();
  let slots = 0;
  let known = 0;
  for (const r of rows) {
    for (const a of [r.actor1, r.actor2, ...r.assoc_actor_1.split('; '), ...r.assoc_actor_2.split('; ')].filter(Boolean)) {
      slots++;
      if (names.has(norm(a)) || pattern.test(a)) known++;
      else missing.set(a, (missing.get(a) ?? 0) + 1);
    }
  }
  console.log(`\ngold actor names the codebook can produce: ${known}/${slots} slots (${((100 * known) / slots).toFixed(0)}%); commonest it cannot:`);
  for (const [name, n] of [...missing].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(n).padStart(5)}  ${name}`);
}

function main(): number {
  const { values } = parseArgs({ options: { top: { type: 'string', default: '30' } } });
  const rows = acledRows();
  if (!rows) {
    console.error(`bench:actors: ${ACLED_DEV.pathname} missing (needs ../shared beside the repo)`);
    return 1;
  }
  const cb = loadCodebook();
  type Tally = { n: number; a1: number; a1Inferred: number; n2: number; a2: number; nNamed: number; named: number };
  const byCountry = new Map<string, Tally>();
  const missed = new Map<string, number>();
  let mentions = 0;
  let named = 0;
  let namedInGold = 0;
  const t0 = performance.now();
  for (const r of rows) {
    if (!r.notes || !r.actor1) continue;
    const iso = countryOf(cb, r.country)?.iso2 ?? null;
    const doc = makeDoc({ id: r.event_id_cnty, text: r.notes, published: acledDay(r.event_date) });
    const found = findActors(doc, cb, { country: iso });
    const hinted = new Set(found.flatMap((m) => [norm(m.name), ...(m.partOf ? [norm(m.partOf)] : [])]));
    const gold = new Set([r.actor1, r.actor2, ...r.assoc_actor_1.split('; '), ...r.assoc_actor_2.split('; ')].filter(Boolean).map(norm));
    for (const m of found) {
      if (m.via !== 'alias' && m.via !== 'coreference') continue;
      named++;
      if (gold.has(norm(m.name)) || (m.partOf && gold.has(norm(m.partOf)))) namedInGold++;
    }
    const inferred = findActors(doc, cb);
    mentions += inferred.length;
    const t = byCountry.get(r.country) ?? { n: 0, a1: 0, a1Inferred: 0, n2: 0, a2: 0, nNamed: 0, named: 0 };
    t.n++;
    if (hinted.has(norm(r.actor1))) t.a1++;
    // Protesters/Rioters follow from the event type, not from a name in the text (the events stage names them).
    if (!/^(Protesters|Rioters) \(/.test(r.actor1)) {
      t.nNamed++;
      if (hinted.has(norm(r.actor1))) t.named++;
      else missed.set(r.actor1, (missed.get(r.actor1) ?? 0) + 1);
    }
    if (inferred.some((m) => norm(m.name) === norm(r.actor1) || (m.partOf && norm(m.partOf) === norm(r.actor1)))) t.a1Inferred++;
    if (r.actor2) {
      t.n2++;
      if (hinted.has(norm(r.actor2))) t.a2++;
    }
    byCountry.set(r.country, t);
  }
  const secs = (performance.now() - t0) / 1000;
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(0).padStart(4) + '%' : '    -');
  console.log('country                              events  actor1  actor1(no hint)  actor1(no protest/riot)  actor2');
  const total = { n: 0, a1: 0, a1Inferred: 0, n2: 0, a2: 0, nNamed: 0, named: 0 };
  for (const [c, t] of [...byCountry].sort((a, b) => b[1].n - a[1].n)) {
    for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
    console.log(`${(c || '(none)').padEnd(36)} ${String(t.n).padStart(6)}  ${pct(t.a1, t.n)}  ${pct(t.a1Inferred, t.n).padStart(15)}  ${pct(t.named, t.nNamed).padStart(23)}  ${pct(t.a2, t.n2)}`);
  }
  console.log(`${'ALL'.padEnd(36)} ${String(total.n).padStart(6)}  ${pct(total.a1, total.n)}  ${pct(total.a1Inferred, total.n).padStart(15)}  ${pct(total.named, total.nNamed).padStart(23)}  ${pct(total.a2, total.n2)}`);
  console.log(`\nnamed mentions (codebook aliases, coreference) naming one of the event's gold actors or associated actors: ${namedInGold}/${named} (${pct(namedInGold, named).trim()})`);
  console.log(`${rows.length} notes, ${mentions} actor mentions; makeDoc + 2×findActors in ${secs.toFixed(1)} s (${(rows.length / secs).toFixed(0)} notes/s)`);
  console.log(`\nmost-missed gold actor1 other than protesters/rioters (with the country hint):`);
  for (const [name, n] of [...missed].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${String(n).padStart(5)}  ${name}`);
  inventory(cb, rows, Number(values.top));
  return 0;
}

process.exitCode = main();
