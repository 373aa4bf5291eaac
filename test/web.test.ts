/**
 * The dashboard in real headless Chromium against the real server: seed
 * story coded through POST /api/documents, a temp SQLite file, one browser.
 * Writes the screenshots in docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { buildApp } from '../src/serve/app.ts';

const CHROMIUM = '/usr/bin/chromium';
const SEED = new URL('../../shared/seed/aleppo-2016-05.txt', import.meta.url);
const SHOTS = new URL('../docs/screenshots/', import.meta.url);
const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : !existsSync(SEED) ? '../shared/seed is missing' : null;

const HOSTILE = [
  'The statement <script>window.__pwned = 1</script> was posted online.',
  'A photo <img src=x onerror="window.__pwned = 2"> was shared.',
  'More at <a href="javascript:window.__pwned=3">this link</a> and javascript:alert(1).',
].join('\n\n');

describe('dashboard in Chromium', { skip: missing ?? false, timeout: 600_000 }, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;
  let dir: string;
  let hostileDoc: string;
  const dialogs: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    app = await buildApp({ db: join(dir, 'test.db') });
    const seed = await app.inject({
      method: 'POST', url: '/api/documents',
      payload: { text: readFileSync(SEED, 'utf8'), published: '2016-05-29', title: 'Syria rebels under fire from IS militants, government troops', source: 'Reuters' },
    });
    assert.equal(seed.statusCode, 200, seed.body);
    const hostile = await app.inject({ method: 'POST', url: '/api/documents', payload: { text: HOSTILE, published: '2016-05-30', title: '<img src=x onerror="window.__pwned=4">', source: 'Test <b>outlet</b>' } });
    assert.equal(hostile.statusCode, 200, hostile.body);
    hostileDoc = hostile.json().document_id;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // playwright adds --headless and a fresh temporary --user-data-dir itself
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // generous: a busy shared machine renders WebGL in software slowly
    page.setDefaultTimeout(90_000);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // nothing may leave the machine: no tiles, glyphs or CDN
    await page.route((url) => !url.href.startsWith(base), (route) => { dialogs.push(`external request ${route.request().url()}`); return route.abort(); });
    mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ready = () => page.waitForSelector('.app[data-state="ready"]', { timeout: 60_000 });
  const rows = () => page.locator('table.events tbody tr');
  const shot = (name: string) => page.screenshot({ path: new URL(name, SHOTS).pathname });

  it('shows the seed events on the map and in the table', async () => {
    await page.goto(base);
    await ready();
    const total = (await app.inject('/api/events')).json().total as number;
    assert.ok(total >= 3, `the seed codes at least 3 events, got ${total}`);
    assert.equal(await rows().count(), total);
    const text = await page.locator('table.events tbody').innerText();
    assert.match(text, /Non-state actor overtakes territory/);
    assert.match(text, /Islamic State \(Syria\)/);
    assert.match(text, /Military Forces of Turkey/);
    await shot('dashboard.png');
  });

  // Every event stays in view while the layout settles. Known failure: the first fit was computed
  // for the map's box before the timeline took its share of the page (or before maplibre caught up
  // with that), and the later resize kept the centre, leaving Māri‘ or Homs outside the view.
  it('draws every seed event on the map once the layout has settled', async () => {
    const total = (await app.inject('/api/events')).json().total as number;
    const drawn = async () => {
      // settled: the status was counted in the map's current box, and still is a moment later
      const settled = () => page.waitForFunction(() => {
        const map = document.querySelector('.map') as HTMLElement;
        return (document.querySelector('.map-status') as HTMLElement).dataset.size === `${map.clientWidth}x${map.clientHeight}`;
      });
      await settled();
      await page.waitForTimeout(400);
      await settled();
      return Number(await page.locator('.map-status').getAttribute('data-drawn'));
    };
    // the points are held until the map exists, so the timeline appears (and the map's box shrinks) after it was made
    const hold = (route: Route) => void page.waitForSelector('.map-labels', { state: 'attached' }).then(() => route.continue());
    await page.route('**/api/events.points*', hold);
    try {
      await page.goto(base);
      await ready();
      assert.equal(await drawn(), total, 'every event drawn (points and cluster members in view) after the first fit');
      // a smaller window: the view follows until someone moves the map
      await page.setViewportSize({ width: 1280, height: 560 });
      assert.equal(await drawn(), total, 'every event drawn after the window shrank');
    } finally {
      await page.unroute('**/api/events.points*', hold);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows the derived layers, control and displacement flows, with labelled legend entries', async () => {
    await page.goto(base);
    await ready();
    const status = page.locator('.map-overlay-status');
    const drawn = (name: string) => page.waitForFunction((n) => Number((document.querySelector('.map-overlay-status') as HTMLElement).dataset[n]) > 0, name);
    await page.getByLabel('Territorial control').check();
    await drawn('control');
    const controllers = await page.locator('.legend-controllers li').allInnerTexts();
    assert.ok(controllers.includes('Islamic State (Syria)'), `IS holds Marea and the road to Azaz from 27 May: ${controllers.join(' | ')}`);
    for (const li of await page.locator('.legend-controllers li').all()) {
      assert.notEqual((await li.innerText()).trim(), '', 'every controller swatch has its name');
      assert.equal(await li.locator('.square').count(), 1, 'and its colour');
    }
    await page.getByLabel('Displacement flows').check();
    await drawn('flows');
    const flows = await page.locator('.legend-flows li').allInnerTexts();
    assert.ok(flows.some((f) => /Māri‘ → I‘zāz: .*people fled/.test(f)), `the flight from Marea towards Azaz: ${flows.join(' | ')}`);
    assert.match(await status.innerText(), /Territorial control: [1-9]\d* places and roads drawn\. Displacement flows: [1-9]\d* lines/);
    await shot('layers.png');
    // switched off, both layers leave the map and the legend
    await page.getByLabel('Territorial control').uncheck();
    await page.getByLabel('Displacement flows').uncheck();
    await page.waitForFunction(() => { const d = (document.querySelector('.map-overlay-status') as HTMLElement).dataset; return d.control === '0' && d.flows === '0'; });
    assert.equal(await page.locator('.legend-controllers li, .legend-flows li').count(), 0);
  });

  it('opens the IS takeover with both source sentences and the date disagreement', async () => {
    await page.locator('table.events tbody tr', { hasText: 'Non-state actor overtakes territory' }).locator('a').first().click();
    await page.waitForSelector('.event-view');
    const view = page.locator('.event-view');
    await view.locator('.disagreement[data-field="event_date"]').waitFor();
    const dis = await view.locator('.disagreement[data-field="event_date"]').innerText();
    assert.match(dis, /2016-05-27/);
    assert.match(dis, /2016-05-28/);
    const sources = await view.locator('#src-title + ul.sources').innerText();
    assert.match(sources, /Islamic State fighters captured territory from Syrian rebels/);
    assert.match(sources, /IS swept through rebel-held territory/);
    assert.match(sources, /Syrian Observatory for Human Rights/);
    await shot('event.png');
    // the source view: the seed's text with its spans marked, the sentence in focus
    await view.locator('#src-title + ul.sources a', { hasText: 'source text' }).nth(1).click();
    await page.waitForSelector('.doc-text .span');
    assert.ok(await page.locator('.doc-text .span-actor').count() > 0, 'actors marked');
    assert.ok(await page.locator('.doc-text .span-place').count() > 0, 'places marked');
    assert.match(await page.locator('.doc-text .focus').first().innerText(), /Islamic State fighters|Friday|Syrian/);
    await shot('source.png');
  });

  it('narrows the table when the timeline is brushed', async () => {
    await page.goto(base);
    await ready();
    const svg = page.locator('.timeline svg');
    const box = (await svg.boundingBox())!;
    // the seed's events fall on 27 and 29 May; brush over the left part only
    const bars = await page.locator('.timeline rect.bar').evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, h: r.height, title: e.querySelector('title')?.textContent ?? '' };
    }));
    const may27 = bars.find((b) => b.title.startsWith('2016-05-27'))!;
    assert.ok(may27 && may27.h > 0, 'a bar for 27 May');
    await page.mouse.move(may27.x - 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(may27.x + 4, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') !== null);
    await ready();
    assert.equal(await rows().count(), 1);
    assert.match(await page.locator('table.events tbody').innerText(), /Non-state actor overtakes territory/);
    assert.match(await page.locator('#summary').innerText(), /^1 event/);
    assert.equal(new URL(page.url()).searchParams.get('from'), '2016-05-27');
  });

  it('keeps a corrected field after a reload', async () => {
    await page.goto(base);
    await ready();
    await page.locator('table.events tbody tr', { hasText: 'Military Forces of Turkey' }).locator('a').first().click();
    await page.locator('button[aria-label="Correct Fatalities"]').click();
    await page.fill('#edit-fatalities-best', '31');
    await page.fill('#edit-fatalities-high', '35');
    await page.locator('form.editor button[type="submit"]').click();
    await page.waitForSelector('#field-fatalities .badge.review-corrected');
    await page.reload();
    await page.waitForSelector('#field-fatalities .value');
    assert.match(await page.locator('#field-fatalities .value').innerText(), /28–31–35/);
    assert.match(await page.locator('.event-meta .badge').innerText(), /corrected/);
  });

  it('shows a hostile document as text and runs none of it', async () => {
    await page.goto(`${base}/#/doc/${encodeURIComponent(hostileDoc)}`);
    await page.waitForSelector('.doc-text');
    const text = await page.locator('.doc-text').innerText();
    assert.match(text, /<script>window.__pwned = 1<\/script>/);
    assert.match(text, /<img src=x onerror=/);
    assert.equal(await page.locator('.source-view img, .source-view script').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.match(await page.locator('#doc-title').innerText(), /<img src=x/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
  });

  it('works from the keyboard, with every control labelled', async () => {
    await page.goto(base);
    await ready();
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => {
        const e = el as HTMLInputElement;
        return !(e.labels?.length || e.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim()));
      }).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, []);
    await page.locator('table.events tbody a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.event-view');
    await page.goto(`${base}/#/review`);
    await page.waitForSelector('.queue li');
    await shot('review.png');
  });

  it('fits a 390-px phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(base);
    await ready();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
    await shot('phone.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
