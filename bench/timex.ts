/**
 * Scores findTimes on TimeBank + AQUAINT (TempEval-3 TBAQ-cleaned, TimeML):
 * span precision/recall/F1 (strict = same offsets, relaxed = overlapping),
 * and, over relaxed matches, TIMEX3 value and type accuracy. Each document
 * is resolved against its DCT (document creation time).
 *
 *   npm run bench:timex [-- --dir PATH] [--errors N]
 *
 * Evaluation data only: read from ../shared, never copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { makeDoc } from '../src/text/index.ts';
import { findTimes } from '../src/mentions/times/index.ts';
import { parseTimeML, timeMLFiles, TIMEML_DIR } from './timeml.ts';

/** TimeBank writes some weeks unpadded ("2000-W7"); ISO 8601 and findTimes pad them ("2000-W07"). */
const normalValue = (v: string | null) => v?.replace(/-W(\d)(?!\d)/, '-W0$1') ?? null;

const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Warm cost per document, in CPU time (robust to a busy machine), scaled to a 3,000-character article. */
function warmTimes(docs: { dct: string | null; text: string }[]): void {
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  const built = docs.map((d, i) => makeDoc({ id: String(i), text: d.text, published: d.dct }));
  const cpuMs = (run: () => void): number => {
    const t = process.cpuUsage();
    for (let r = 0; r < 3; r++) run();
    const u = process.cpuUsage(t);
    return (u.user + u.system) / 1000 / 3;
  };
  const make = cpuMs(() => docs.forEach((d, i) => makeDoc({ id: String(i), text: d.text, published: d.dct })));
  const times = cpuMs(() => built.forEach((d) => findTimes(d)));
  const per3k = (total: number) => ((total / chars) * 3000).toFixed(2);
  console.log(`time, warm (CPU, 3 passes): makeDoc ${per3k(make)} ms and findTimes ${per3k(times)} ms per 3,000 characters ` +
    `(${((docs.length * 1000) / (make + times)).toFixed(0)} documents/s for the two)`);
}

function main(): number {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: TIMEML_DIR }, errors: { type: 'string', default: '0' } },
  });
  const dir = values.dir as string;
  if (!existsSync(dir)) {
    console.error(`bench:timex: ${dir} is missing (the TimeML corpus lives in ../shared/bench/timex); nothing measured`);
    return 1;
  }
  const files = timeMLFiles(dir);
  let [goldN, sysN, sysHit, strict, relaxed, valueOk, typeOk, dateN, dateOk] = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const byType = new Map<string, { gold: number; found: number; value: number }>();
  const errors: string[] = [];
  let ms = 0;
  let chars = 0;
  const cpu0 = process.cpuUsage();
  for (const file of files) {
    const { dct, text, gold } = parseTimeML(readFileSync(file, 'utf8'));
    const t0 = performance.now();
    const found = findTimes(makeDoc({ id: file, text, published: dct }));
    ms += performance.now() - t0;
    chars += text.length;
    goldN += gold.length;
    sysN += found.length;
    for (const s of found) {
      if (gold.some((g) => s.start < g.end && g.start < s.end)) sysHit++;
      else if (errors.length < Number(values.errors)) errors.push(`EXTRA ${JSON.stringify(s.text)} ${s.type} ${s.value}`);
    }
    for (const g of gold) {
      const t = byType.get(g.type) ?? { gold: 0, found: 0, value: 0 };
      byType.set(g.type, t);
      t.gold++;
      const hit = found.find((s) => s.start < g.end && g.start < s.end);
      if (!hit) {
        if (errors.length < Number(values.errors)) errors.push(`MISS  ${JSON.stringify(g.text)} ${g.type} ${g.value}`);
        continue;
      }
      relaxed++;
      t.found++;
      if (hit.start === g.start && hit.end === g.end) strict++;
      else if (errors.length < Number(values.errors)) errors.push(`SPAN  gold ${JSON.stringify(g.text)} got ${JSON.stringify(hit.text)}`);
      if (hit.type === g.type) typeOk++;
      const same = normalValue(hit.value) === normalValue(g.value);
      if (same) {
        valueOk++;
        t.value++;
      } else if (errors.length < Number(values.errors)) errors.push(`VALUE ${JSON.stringify(g.text)} gold ${g.type} ${g.value} got ${JSON.stringify(hit.text)} ${hit.type} ${hit.value} (dct ${dct})`);
      if (g.type === 'DATE') {
        dateN++;
        if (same) dateOk++;
      }
    }
  }
  const [pS, rS] = [strict / sysN, strict / goldN];
  const [pR, rR] = [sysHit / sysN, relaxed / goldN];
  console.log(`TimeML TIMEX3 (TimeBank + AQUAINT): ${files.length} documents, ${goldN} gold expressions, ${sysN} found`);
  console.log(`span strict : P ${pct(strict, sysN)}  R ${pct(strict, goldN)}  F1 ${(100 * f1(pS, rS)).toFixed(1)}`);
  console.log(`span relaxed: P ${pct(sysHit, sysN)}  R ${pct(relaxed, goldN)}  F1 ${(100 * f1(pR, rR)).toFixed(1)}`);
  console.log(`value accuracy over relaxed matches: ${pct(valueOk, relaxed)}  (DATE only: ${pct(dateOk, dateN)} of ${dateN})`);
  console.log(`type accuracy over relaxed matches : ${pct(typeOk, relaxed)}`);
  console.log('by gold type: found / gold, value right / found');
  for (const [type, t] of [...byType].sort()) console.log(`  ${type.padEnd(8)} ${pct(t.found, t.gold)} of ${String(t.gold).padStart(4)}   value ${pct(t.value, t.found)}`);
  const cpu = process.cpuUsage(cpu0);
  // CPU time includes the first-use loading of wink's model and chrono; wall time also includes waiting for a busy machine
  console.log(`time, first pass: makeDoc + findTimes on ${files.length} documents of ${(chars / files.length / 1000).toFixed(1)} k chars on average: ` +
    `wall ${ms.toFixed(0)} ms (${(ms / files.length).toFixed(2)} ms/doc), process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms incl. parsing the corpus`);
  warmTimes(files.map((f) => parseTimeML(readFileSync(f, 'utf8'))));
  for (const e of errors) console.log(e);
  return 0;
}

process.exitCode = main();
