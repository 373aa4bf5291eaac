/**
 * `npm run bench:speed`: warm throughput of extract() on one core over real
 * article text (the 788 news articles of ../shared/bench/geoparsing/*.xml),
 * peak RSS, and the cold-start wall time of `sitrep extract` on one file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resourceUsage } from 'node:process';
import { loadResources, extract } from '../src/pipeline.ts';

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
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    // bash's `time` gives the child's CPU seconds, which a busy machine does not inflate
    const cmd = `TIMEFORMAT='%U %S'; time "${process.execPath}" "${BIN}" extract "${SEED.pathname}" --published 2016-05-29 > /dev/null`;
    const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sitrep extract exited ${r.status}: ${r.stderr}`);
    walls.push((performance.now() - s) / 1000);
    const [u, sy] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    cpus.push(u + sy);
  }
  console.log(`  cold start             ${median(walls).toFixed(2)} s wall, ${median(cpus).toFixed(2)} s CPU   target ≤ 1.5   (sitrep extract seed, median of 3)`);
}
