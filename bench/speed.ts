/**
 * `npm run bench:speed`: how fast one process codes articles on one core.
 *
 * Warm, the headline (the median of three fresh processes, since the
 * machine's speed swings within minutes): a fresh process first codes 385 OTHER documents
 * (bench/warm-up.ts: the VOA stories bundled in examples/, TimeBank/AQUAINT
 * and WikiEvents), so that modules, models, compiled code and the memos of
 * everyday words and places are at their steady state; then one timed pass over the 788 unseen
 * news articles of ../shared/bench/geoparsing/*.xml (GeoWebNews and LGL):
 * articles per CPU-second (user+sys of the process, which a shared machine
 * does not inflate much; it counts V8's helper threads too, which compile
 * and collect garbage beside the main one, so on an idle machine the wall
 * figure can be the higher) and per wall-second, with the load average
 * beside it. The unseen pass still meets each article's names and words for
 * the first time, as a real feed would. It is timed twice: on the code
 * `sitrep extract` and ingest's extraction run (the CLI bundle, with its V8
 * flags) and on the sources through tsx, what runs when the bundle is stale.
 *
 * The same is timed after the 89 VOA stories alone, the shorter warm-up
 * of earlier sessions, and with --warm-ups after a longer one too (the
 * ACLED notes as well), to show where the steady state begins.
 *
 * Every article counts, also those the pipeline's gate skips (no word in
 * them can start a record, so wink never reads them): the run says how many
 * the gate let through.
 *
 * Then, secondary: the main thread's CPU time in each stage on that first
 * pass (a fresh process that warms up and codes the same articles with a
 * clock reading between stages; V8's helper threads are left out, since they
 * work for earlier stages as much as the current one; times, quantities and
 * sources are found when a record first reads a sentence's, so events and
 * derive hold most of their cost) and on a second pass over the same 788
 * articles (caches hold their names by then), peak RSS, and the cold start
 * of `sitrep extract` on one file, from the CLI bundle (built by the
 * prebench:speed script) and from the sources through tsx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resourceUsage } from 'node:process';
import { dirname, join } from 'node:path';
import { STAGES, type Resources, type StageTimes } from '../src/pipeline.ts';
import { V8_FLAGS, freshBundle } from '../bin/bundle.js';
import { mainThreadClock } from './clock.ts';
import { warmUpDocuments, type WarmUp } from './warm-up.ts';

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

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

const load = () => `load average ${loadavg()[0].toFixed(1)}`;

function coldStart(env: Record<string, string>): string {
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
}

type Pipeline = Pick<typeof import('../src/pipeline.ts'), 'loadResources' | 'extract'>;

/**
 * The pipeline as `sitrep extract` and ingest's extraction run it, from the
 * CLI bundle (its pipeline.js chunk, built beside main.js by
 * scripts/build-cli.ts), or from the sources through tsx, as they run when
 * the bundle is stale: tsx keeps function names (every closure made is
 * named by a defineProperty call), the bundle does not.
 */
async function pipelineOf(bundled: boolean): Promise<Pipeline> {
  const entry = bundled ? freshBundle() : null;
  if (bundled && !entry) throw new Error('no fresh CLI bundle (npm run build:cli)');
  return entry ? ((await import(join(dirname(entry), 'pipeline.js'))) as Pipeline) : await import('../src/pipeline.ts');
}

interface Pass {
  warmUp: WarmUp;
  /** documents of the warm-up */
  warmDocs: number;
  warmCpu: number;
  cpu: number;
  mainCpu: number | null;
  wall: number;
  events: number;
  coded: number;
  /** of those let through, how many stopped once split: their sentences hold no record */
  stopped: number;
}

/**
 * Codes the warm-up's documents, then each article once; gives the CPU and wall seconds of the articles, the events coded
 * and how many articles the gate let through to wink and the stages after it.
 */
function warmThenUnseen({ extract }: Pipeline, res: Resources, texts: string[], warmUp: WarmUp, times?: StageTimes): Pass {
  const warm = warmUpDocuments(warmUp);
  const warm0 = process.cpuUsage();
  for (const d of warm) extract(d, res);
  const warmCpu = cpuSeconds(warm0);
  let events = 0;
  let coded = 0;
  let stopped = 0;
  const clock = mainThreadClock();
  const main0 = clock?.() ?? 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  texts.forEach((text, i) => {
    const { doc, result } = extract({ id: `a${i}`, text, published: '2018-01-01' }, res, times, { clock: clock ?? undefined });
    events += result.events.length;
    if (!doc.skipped || doc.skipped === 'no-record') coded++;
    if (doc.skipped === 'no-record') stopped++;
  });
  const cpu = cpuSeconds(cpu0);
  const mainCpu = clock ? (clock() - main0) / 1000 : null;
  return { warmUp, warmDocs: warm.length, warmCpu, cpu, mainCpu, wall: (performance.now() - t0) / 1000, events, coded, stopped };
}

/** what the stage times count: the main thread where the kernel tells it apart (see clock.ts) */
const THREAD = mainThreadClock() ? 'main-thread ' : '';
const WARM_UP_TEXT: Record<WarmUp, string> = {
  steady: 'other documents (the VOA stories of examples/, TimeBank/AQUAINT, WikiEvents: see bench/warm-up.ts)',
  examples: 'VOA stories of examples/ only (the warm-up of earlier sessions)',
  long: 'other documents (the steady warm-up and the ACLED notes)',
};
const NAMES = ['gate', ...STAGES.map((st) => st.name), 'derive'];
/** fresh processes timed for the headline */
const HEADLINE_RUNS = 3;
const perArticle = (times: StageTimes, n: number) => NAMES.map((k) => `${k} ${((times[k] ?? 0) / n).toFixed(2)}`).join(', ');
const sum = (times: StageTimes) => Object.values(times).reduce((a, b) => a + b, 0);

if (!existsSync(DIR)) {
  console.log(`bench:speed skipped: ${DIR.pathname} is missing (needs ../shared)`);
} else if (process.argv.includes('--pass')) {
  // a child of the main run: the warm-up and the first pass in a fresh process, from the bundle or the sources, stages timed or not
  const pipeline = await pipelineOf(process.argv.includes('--bundle'));
  const times: StageTimes | undefined = process.argv.includes('--stages') ? {} : undefined;
  const warmUp = (process.argv[process.argv.indexOf('--warm-up') + 1] ?? 'steady') as WarmUp;
  const pass = warmThenUnseen(pipeline, pipeline.loadResources(), articles(), warmUp, times);
  console.log(JSON.stringify({ pass, times, rss: resourceUsage().maxRSS / 1024 }));
} else {
  // first, while the bundle built by prebench:speed is fresh: edits to the sources during the run would make it stale
  const bundled = freshBundle() !== null;
  if (bundled) console.log(`cold start, bundle      ${coldStart({})}   target ≤ 1.5 s wall   (sitrep extract seed, median of 3, ${load()})`);
  else console.log('cold start, bundle      not measured: no fresh bundle (npm run build:cli)');
  console.log(`cold start, tsx         ${coldStart({ SITREP_NO_BUNDLE: '1' })}   (the same from the sources, ${load()})`);

  const texts = articles();
  const chars = texts.reduce((s, t) => s + t.length, 0);
  const report = (title: string, { warmUp, warmDocs, warmCpu, cpu, mainCpu, wall, events, coded, stopped }: Pass, loadBefore: string) => {
    console.log(`\n${title}: warmed up on ${warmDocs} ${WARM_UP_TEXT[warmUp]} (${warmCpu.toFixed(1)} CPU-s), then one pass over ${texts.length} unseen articles (${(chars / texts.length).toFixed(0)} chars avg, ${events} events coded)`);
    console.log(`  the gate let ${coded} of the ${texts.length} through to wink and the stages after it; the other ${texts.length - coded} hold no word that can start a record (or are not English) and cost only their reading; ${stopped} of the ${coded} stopped once split, their sentences holding no record`);
    console.log(`  per CPU-second         ${(texts.length / cpu).toFixed(0)} articles   target ≥ 500   (${cpu.toFixed(2)} CPU-s of all the process's threads, ${((1000 * cpu) / texts.length).toFixed(2)} ms per article)`);
    if (mainCpu !== null) console.log(`  of which main thread   ${((1000 * mainCpu) / texts.length).toFixed(2)} ms per article; V8's helper threads (garbage collection, compiling) ${((1000 * (cpu - mainCpu)) / texts.length).toFixed(2)}`);
    console.log(`  per wall-second        ${(texts.length / wall).toFixed(0)} articles   (${wall.toFixed(2)} s; ${loadBefore} before, ${load()} after: wall time suffers when the machine is shared)`);
  };
  const passChild = (args: string[], flags: string[]) => {
    const r = spawnSync(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), '--pass', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) return { error: `exited ${r.status}: ${r.stderr.trim().split('\n').pop()}` };
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { pass: Pass; times?: StageTimes; rss: number };
  };

  let bundleRss: number | null = null;
  if (bundled) {
    const loadBefore = load();
    // the headline first; then the shorter warm-up of earlier sessions, and with --warm-ups a longer one, each in a fresh process
    const warmUps: WarmUp[] = ['steady', 'examples', ...(process.argv.includes('--warm-ups') ? (['long'] as WarmUp[]) : [])];
    for (const warmUp of warmUps) {
      const headline = warmUp === 'steady';
      // the machine's speed swings by up to 2× within minutes, so one process is one draw: the headline takes the median of three
      const children = Array.from({ length: headline ? HEADLINE_RUNS : 1 }, () => passChild(['--bundle', '--warm-up', warmUp], V8_FLAGS));
      const passes = children.flatMap((c) => ('error' in c ? [] : [c]));
      const what = headline ? 'warm' : `warm-up check, ${warmUp}`;
      const failed = children.find((c) => 'error' in c);
      if (failed && 'error' in failed) console.log(`\n${what}, sitrep extract's code: not measured (the child ${failed.error})`);
      else {
        const middle = [...passes].sort((a, b) => a.pass.cpu - b.pass.cpu)[(passes.length - 1) >> 1];
        const runs = passes.length > 1 ? `; the median of ${passes.length} fresh processes, which did ${passes.map((c) => (texts.length / c.pass.cpu).toFixed(0)).join(', ')} articles per CPU-second` : '; a fresh process';
        report(`${what}, sitrep extract's code (the CLI bundle with its V8 flags, ${V8_FLAGS.join(' ')}${runs})`, middle.pass, loadBefore);
        bundleRss ??= Math.max(...passes.map((c) => c.rss));
      }
    }
  }
  const { loadResources, extract } = await pipelineOf(false);
  const res = loadResources();
  const loadBefore = load();
  report('warm, from the sources through tsx (this process, without the V8 flags: what any command runs when the bundle is stale)', warmThenUnseen({ loadResources, extract }, res, texts, 'steady'), loadBefore);

  const staged = passChild(bundled ? ['--bundle', '--stages', '--warm-up', 'steady'] : ['--stages', '--warm-up', 'steady'], bundled ? V8_FLAGS : []);
  if (!('error' in staged)) {
    console.log(`\nthe same first pass (${bundled ? 'the bundle' : 'the sources'}), ${THREAD}CPU ms per article by stage (a fresh process, a clock reading between stages):`);
    console.log(`  ${perArticle(staged.times!, texts.length)}; sum ${(sum(staged.times!) / texts.length).toFixed(2)}`);
    console.log('  (a sentence\'s times, quantities and sources are found when a record reads them: most of their cost shows under events and derive)');
  } else console.log(`\nfirst pass by stage: not measured (the child ${staged.error})`);

  const times: StageTimes = {};
  const cpu1 = process.cpuUsage();
  const clock = mainThreadClock() ?? undefined;
  texts.forEach((text, i) => extract({ id: `a${i}`, text, published: '2018-01-01' }, res, times, { clock }));
  const second = cpuSeconds(cpu1);
  console.log(`\nsecond pass over the same ${texts.length} articles (caches warm), ${THREAD}CPU ms per article by stage:`);
  console.log(`  ${perArticle(times, texts.length)}; sum ${(sum(times) / texts.length).toFixed(2)}`);
  console.log(`  whole pass             ${(texts.length / second).toFixed(0)} articles per CPU-second (${((1000 * second) / texts.length).toFixed(2)} ms per article, stages timed)`);
  console.log(`peak RSS                 ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB   target ≤ 500   (this process, from the sources)${bundleRss === null ? '' : `; ${bundleRss.toFixed(0)} MB from the bundle`}`);
}
