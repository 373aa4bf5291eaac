/**
 * `node --import tsx bench/profile-stages.ts [--passes N] [--profile FILE]`:
 * the CPU ms per article of each stage, as bench:speed measures them, split
 * by whether the article codes any event — a document-level gate skips the
 * others, so the event-bearing ones are what the mention and event stages
 * must be cheap on. Warms up on the VOA stories of examples/, then makes
 * N passes (default 2) over the GeoWebNews and LGL articles. --profile
 * writes a V8 CPU profile of the first pass (the warm-up left out).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector';
import { loadResources, extract, STAGES, type StageTimes } from '../src/pipeline.ts';
import { ingestCorpus } from './corpus.ts';
import { mainThreadClock } from './clock.ts';

const { values } = parseArgs({ options: { passes: { type: 'string', default: '2' }, profile: { type: 'string' } } });
const NAMES = ['gate', ...STAGES.map((s) => s.name), 'derive'];
const line = (t: StageTimes, n: number) => NAMES.map((k) => `${k} ${((t[k] ?? 0) / n).toFixed(2)}`).join(', ') + `; sum ${(NAMES.reduce((s, k) => s + (t[k] ?? 0), 0) / n).toFixed(2)}`;

const corpus = ingestCorpus();
const warm = corpus.filter((d) => d.group === 'VOA');
const texts = corpus.filter((d) => d.group === 'GeoWebNews_GWN' || d.group === 'lgl').map((d) => d.text);
if (texts.length === 0 || !existsSync(new URL('../../shared/bench/geoparsing/', import.meta.url))) {
  console.log('profile-stages skipped: ../shared/bench/geoparsing is missing');
  process.exit(0);
}
const res = loadResources();
// the main thread's time: V8's helper threads work for earlier stages as much as the current one
const clock = mainThreadClock() ?? undefined;
for (const s of warm) extract({ id: s.id!, text: s.text, published: s.published?.slice(0, 10) }, res);
// --profile FILE: a V8 CPU profile of the first pass only, the warm-up left out
const session = values.profile ? new Session() : null;
const post = (method: string, params?: object) => new Promise<any>((ok, fail) => session!.post(method, params ?? {}, (e, r) => (e ? fail(e) : ok(r))));
if (session) { session.connect(); await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 100 }); await post('Profiler.start'); }
console.log(`warmed up on ${warm.length} VOA stories; ${texts.length} articles; load average ${loadavg()[0].toFixed(1)}`);
for (let pass = 1; pass <= Number(values.passes); pass++) {
  const withEvents: StageTimes = {};
  const without: StageTimes = {};
  let n = 0;
  texts.forEach((text, i) => {
    const t: StageTimes = {};
    const { result } = extract({ id: `a${i}`, text, published: '2018-01-01' }, res, t, { clock });
    const into = result.events.length > 0 ? withEvents : without;
    if (result.events.length > 0) n++;
    for (const [k, v] of Object.entries(t)) into[k] = (into[k] ?? 0) + v;
  });
  const all: StageTimes = {};
  for (const t of [withEvents, without]) for (const [k, v] of Object.entries(t)) all[k] = (all[k] ?? 0) + v;
  console.log(`pass ${pass}, all ${texts.length}:         ${line(all, texts.length)}`);
  console.log(`pass ${pass}, with events ${n}: ${line(withEvents, n)}`);
  if (session && pass === 1) writeFileSync(values.profile!, JSON.stringify((await post('Profiler.stop')).profile));
  console.log(`pass ${pass}, without ${texts.length - n}:     ${line(without, texts.length - n)}`);
}
console.log(`load average ${loadavg()[0].toFixed(1)}`);
