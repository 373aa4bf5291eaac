/**
 * Arrival order must not decide what merges with what: the same reports
 * stored forwards and backwards give the same events, on both engines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../store/index.ts';
import { ENGINES } from '../../test/pg-engines.ts';
import { bundle, event } from '../../test/store-fixtures.ts';

const civilians = { event_type: 'Violence against civilians', actor1: { name: 'Unidentified Armed Group (Pakistan)', inter: 3, text: 'gunmen' }, actor2: { name: 'Civilians (Pakistan)', inter: 7, text: 'passengers' } };
const story = (doc: string, ...sentences: [string, string][]) => bundle(doc, sentences.map(([, s]) => s).join(' '),
  sentences.map(([sub, sentence], i) => event({ id: `${doc}-${i}`, document_id: doc, sentence, sub_event_type: sub, ...civilians })));
// the second story reports the same attack as the first, after an abduction the first only alludes to;
// the third is dated only to the month and placed nowhere
const reports = [
  story('first', ['Attack', 'Security sources said the handlers of Tuesday\'s attack on the train are based in Afghanistan.']),
  story('second', ['Abduction/forced disappearance', 'Gunmen seized the train with roughly 450 people on board near Marea.'],
    ['Attack', 'Security sources said those involved in Tuesday\'s attack on the train are based in Afghanistan.']),
  story('third', ['Attack', 'An attack on a market was reported in May.']),
];
reports[2].claims[0].record = { ...reports[2].claims[0].record, event_date: '2016-05-31', date: { start: '2016-05-01', end: '2016-05-31', precision: 3, text: 'in May' }, location: null };

async function grouping(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.eachEvent({})) out.push(e.sources.map((s) => s.sentence.slice(0, 60)).sort().join(' + '));
  return out.sort();
}

for (const engine of ENGINES) {
  test(`${engine.name}: reports stored in either order make the same events`, { skip: engine.skip }, async () => {
    const results: string[][] = [];
    for (const order of [reports, [...reports].reverse()]) {
      const opened = await engine.open();
      try {
        for (const b of order) await opened.store.addDocument(structuredClone(b));
        results.push(await grouping(opened.store));
      } finally {
        await opened.cleanup();
      }
    }
    assert.deepEqual(results[0], results[1]);
    assert.ok(results[0].includes('An attack on a market was reported in May.'), 'a report dated only to a month joins nothing on its date alone');
    assert.ok(results[0].some((g) => g.includes(' + ') && g.split(' + ').every((s) => s.startsWith('Security sources'))), `the two attack reports are one event: ${results[0].join(' | ')}`);
  });
}
