/**
 * Dashboard speed with 100k events, in headless Chromium against the real
 * server: time until the page is interactive (table and controls answer) and
 * until the map has drawn every event, then how long a filter change takes to
 * redraw the map, table, histogram and counts.
 *
 *   npm run bench:web [-- --events 100000 --runs 5]
 *
 * The events are synthetic (bench/web-data.ts), written through the store and
 * cached in node_modules/.cache/sitrep-web/ (the first run takes ~15 min).
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/serve/app.ts';
import { openStore } from '../src/store/index.ts';
import { fillStore } from './web-data.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' }, verbose: { type: 'boolean', default: false } } });
const verbose = values.verbose;
const N = Number(values.events);
const RUNS = Number(values.runs);
const cache = join(import.meta.dirname, '..', 'node_modules', '.cache', 'sitrep-web');
const db = join(cache, `bench-${N}-v1.db`);

async function ensureDb(): Promise<void> {
  if (existsSync(db)) {
    const store = openStore(db);
    await fillStore(store, N);
    await store.close();
    return;
  }
  mkdirSync(cache, { recursive: true });
  const tmp = `${db}.tmp`;
  rmSync(tmp, { force: true });
  const store = openStore(tmp);
  const t = Date.now();
  process.stderr.write(`bench:web: writing ${N} synthetic events into ${db} (once)…\n`);
  await fillStore(store, N, (done) => process.stderr.write(`  ${done} in ${((Date.now() - t) / 1000).toFixed(0)} s\n`));
  await store.close();
  renameSync(tmp, db);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`;

/** Changes one control and waits until the app has drawn the result (its data-state goes loading → ready). */
async function timeChange(page: Page, selector: string, value: string): Promise<{ total: number; marks: string }> {
  return page.evaluate(async ([sel, v]) => {
    const app = document.querySelector('.app') as HTMLElement;
    const el = document.querySelector(sel) as HTMLInputElement | HTMLSelectElement;
    const done = new Promise<number>((resolve) => {
      let seenLoading = false;
      const obs = new MutationObserver(() => {
        if (app.dataset.state === 'loading') seenLoading = true;
        else if (seenLoading) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
      });
      obs.observe(app, { attributes: true, attributeFilter: ['data-state'] });
    });
    performance.clearMarks();
    const t0 = performance.now();
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const total = (await done) - t0;
    // no helper functions in here: the bundler would wrap them in a __name() the page lacks
    const marks = ['table:loaded', 'map:set', 'map:data', 'map:drawn']
      .map((n) => `${n} ${performance.getEntriesByName(n).map((m) => Math.round(m.startTime - t0)).join('/') || '-'}`).join(', ');
    return { total, marks };
  }, [selector, value] as const);
}

async function main(): Promise<void> {
  await ensureDb();
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const total = (await app.store.counts()).events;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const interactive: number[] = [];
  const mapDrawn: number[] = [];
  const changes: Record<string, number[]> = { 'event type': [], 'fatalities ≥ N': [], 'date range (brush)': [], country: [] };
  const change = async (page: Page, name: string, selector: string, value: string) => {
    const { total, marks } = await timeChange(page, selector, value);
    changes[name].push(total);
    if (verbose) console.log(`    ${name} = ${JSON.stringify(value)}: ${total.toFixed(0)} ms (${marks})`);
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      // a fresh context each run: nothing cached by the browser
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // the moments are taken in the page, from navigation start: the driver shares this process with
      // the server, so it would only notice them once the server is done with the point list
      await page.addInitScript(() => {
        const w = window as unknown as { __interactive?: number; __drawn?: number };
        const obs = new MutationObserver(() => {
          const select = document.querySelector('select[name="event_type"]') as HTMLSelectElement | null;
          if (w.__interactive === undefined && document.querySelector('table.events tbody tr') && select && !select.disabled) w.__interactive = performance.now();
          if (w.__drawn === undefined && document.querySelector('.app[data-state="ready"]')) w.__drawn = performance.now();
          if (w.__interactive !== undefined && w.__drawn !== undefined) obs.disconnect();
        });
        obs.observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(base);
      await page.waitForSelector('.app[data-state="ready"]', { timeout: 120_000 });
      const [ti, td] = await page.evaluate(() => { const w = window as unknown as { __interactive: number; __drawn: number }; return [w.__interactive, w.__drawn]; });
      interactive.push(ti);
      mapDrawn.push(td);
      const drawn = Number(await page.locator('.map-status').getAttribute('data-drawn'));
      if (run === 0) console.log(`events in the store: ${total}; drawn on the map at first view: ${drawn}`);
      const load = await page.evaluate(() => ['points:fetched', 'points:indexed', 'table:loaded', 'map:set', 'map:data', 'map:drawn']
        .map((n) => `${n} ${performance.getEntriesByName(n).map((m) => Math.round(m.startTime)).join('/')}`).join(', '));
      if (verbose) console.log(`    load marks (ms since navigation): ${load}`);
      await change(page, 'event type', 'select[name="event_type"]', 'Battles');
      await change(page, 'event type', 'select[name="event_type"]', '');
      await change(page, 'fatalities ≥ N', 'input[name="min_fatalities"]', '10');
      await change(page, 'fatalities ≥ N', 'input[name="min_fatalities"]', '');
      await change(page, 'date range (brush)', 'input[name="from"]', '2016-01-01');
      await change(page, 'date range (brush)', 'input[name="from"]', '');
      await change(page, 'country', 'input[name="country"]', 'Syria');
      await change(page, 'country', 'input[name="country"]', '');
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`dashboard, ${total} events, headless Chromium 1280×800 (swiftshader), ${RUNS} cold loads; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`  interactive (table + controls answer): ${fmt(interactive)}`);
  console.log(`  map drawn with every event:            ${fmt(mapDrawn)}`);
  for (const [name, xs] of Object.entries(changes)) console.log(`  filter change, ${name.padEnd(20)} ${fmt(xs)}`);
}

await main();
