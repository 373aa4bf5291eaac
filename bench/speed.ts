/**
 * `npm run bench:speed`: warm throughput of extract() on one core over real
 * article text (the 788 news articles of ../shared/bench/geoparsing/*.xml),
 * the CPU time of each stage, peak RSS, and the cold-start time of
 * `sitrep extract` on one file, from the CLI bundle (built by the
 * prebench:speed script) and from the sources through tsx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resourceUsage } from 'node:process';
import { loadResources, extract, STAGES, type StageTimes } from '../src/pipeline.ts';
import { freshBundle } from '../bin/bundle.js';

const DIR = new URL('../../shared/bench/geoparsing/', import.meta.url);
const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url);
const BIN = new URL('../bin/sitrep.js', import.meta.url).pathname;

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function articles(): string[] {
  const out: string[] = [];
  for (const name of ['GeoWebNews_GWN.xml', 'lgl.xml']) {
    const xml = readFileSync(new URL(name, DIR), 'utf8');
    for (const m of xml.matchAll(/<text>([\s\S]*?)<\/text>/g)) {
      const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[1].trim());
      out.push(cdata ? cdata[1] : unescapeXml(m[1]));
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (!existsSync(DIR)) {
  console.log(`bench:speed skipped: ${DIR.pathname} is missing (needs ../shared)`);
} else {
  const coldStart = (env: Record<string, string>) => {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      // bash's `time` gives the child's CPU seconds, which a busy machine does not inflate
      const cmd = `TIMEFORMAT='%U %S'; time "${process.execPath}" "${BIN}" extract "${SEED.pathname}" --published 2016-05-29 > /dev/null`;
      const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, ...env } });
      if (r.status !== 0) throw new Error(`sitrep extract exited ${r.status}: ${r.stderr}`);
      walls.push((performance.now() - s) / 1000);
      const [u, sy] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      cpus.push(u + sy);
    }
    return `${median(walls).toFixed(2)} s wall, ${median(cpus).toFixed(2)} s CPU`;
  };
  const load = `load average ${loadavg()[0].toFixed(1)}`;
  // first, while the bundle built by prebench:speed is fresh: edits to the sources during the run would make it stale
  if (freshBundle()) console.log(`  cold start, bundle    ${coldStart({})}   target ≤ 1.5   (sitrep extract seed, median of 3, ${load})`);
  else console.log('  cold start, bundle    not measured: no fresh bundle (npm run build:cli)');
  console.log(`  cold start, tsx       ${coldStart({ SITREP_NO_BUNDLE: '1' })}   (the same from the sources, ${load})`);
  const texts = articles();
  const res = loadResources();
  for (const t of texts.slice(0, 20)) extract({ id: 'warm', text: t, published: '2018-01-01' }, res);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  let events = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  texts.forEach((text, i) => {
    events += extract({ id: `a${i}`, text, published: '2018-01-01' }, res).result.events.length;
  });
  const secs = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSecs = (used.user + used.system) / 1e6;
  const cpu = resourceUsage();
  console.log(`extract(), warm, one process: ${texts.length} articles (${(chars / texts.length).toFixed(0)} chars avg) in ${secs.toFixed(2)} s`);
  console.log(`  throughput             ${(texts.length / secs).toFixed(0)} articles/s   target ≥ 500   (${events} events coded)`);
  console.log(`  per CPU-second         ${(texts.length / cpuSecs).toFixed(0)} articles per CPU-second (${cpuSecs.toFixed(1)} s user+sys in the loop; wall time suffers when the machine is shared)`);
  console.log(`  peak RSS               ${(cpu.maxRSS / 1024).toFixed(0)} MB   target ≤ 500`);
  const times: StageTimes = {};
  texts.forEach((text, i) => extract({ id: `a${i}`, text, published: '2018-01-01' }, res, times));
  const total = Object.values(times).reduce((a, b) => a + b, 0);
  const names = [...STAGES.map((st) => st.name), 'derive'];
  console.log(`  CPU per article by stage (second pass): ${names.map((n) => `${n} ${((times[n] ?? 0) / texts.length).toFixed(2)} ms`).join(', ')}; total ${(total / texts.length).toFixed(2)} ms = ${((1000 * texts.length) / total).toFixed(0)} articles per CPU-second with the caches warm`);
}
