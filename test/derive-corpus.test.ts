/**
 * A small corpus written for this test, run end to end: the real pipeline,
 * the SQLite store (merging reports), and the derived API. A town is taken
 * and retaken a week later; two outlets give 4 and 6 killed for one strike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../src/serve/app.ts';

const REPORTS = [
  { id: 'take', source: 'Reuters', published: '2016-06-08', text: 'Islamic State fighters captured the Syrian town of Tal Rifaat in Aleppo province from rebels on Tuesday, a monitor said.' },
  { id: 'retake', source: 'AFP', published: '2016-06-16', text: 'Syrian rebels recaptured Tal Rifaat in Aleppo province from Islamic State on Wednesday, a week after losing it, the Syrian Observatory for Human Rights said.' },
  { id: 'strike-4', source: 'Reuters', published: '2016-06-07', text: 'An air strike on a market in Idlib city in northwest Syria killed four people on Monday, the Syrian Observatory for Human Rights said.' },
  { id: 'strike-6', source: 'AFP', published: '2016-06-07', text: 'Warplanes struck a crowded market in the Syrian city of Idlib on Monday, killing six people, local activists said.' },
];

test('corpus: a town taken then retaken has two control periods (one after the retake is rejected); a strike told as 4 and 6 killed is one event, 4..6', async () => {
  const app = await buildApp({ db: ':memory:' });
  try {
    for (const r of REPORTS) {
      const res = await app.inject({ method: 'POST', url: '/api/documents', payload: r });
      assert.equal(res.statusCode, 200, res.body);
    }
    const history = await app.inject('/api/control/Tal%20Rifaat/history');
    assert.equal(history.statusCode, 200, 'found by the name the reports use');
    assert.deepEqual(
      history.json().periods.map((p: { controller: string; since: string; until: string | null }) => [p.controller, p.since, p.until]),
      [['Islamic State (Syria)', '2016-06-07', '2016-06-15'], ['Opposition Rebels (Syria)', '2016-06-15', null]],
    );
    const mid = (await app.inject('/api/control?date=2016-06-10&format=json')).json().items;
    assert.deepEqual(mid.map((p: { controller: string }) => p.controller), ['Islamic State (Syria)']);

    const retake = history.json().periods[1].evidence[0];
    const rejected = await app.inject({ method: 'PATCH', url: `/api/events/${retake}`, payload: { review_state: 'rejected' } });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const after = (await app.inject('/api/control/Tal%20Rifaat/history')).json().periods;
    assert.deepEqual(after.map((p: { controller: string; until: string | null }) => [p.controller, p.until]), [['Islamic State (Syria)', null]], 'a rejected retake is recomputed away');

    const rows = (await app.inject('/api/tallies?by=admin1')).json().rows as { key: { admin1: string }; events: number; low: number; best: number; high: number }[];
    const idlib = rows.find((r) => r.key.admin1 === 'Idlib');
    assert.ok(idlib, JSON.stringify(rows));
    assert.equal(idlib.events, 1, 'the two reports are one strike');
    assert.equal(idlib.low, 4);
    assert.equal(idlib.high, 6);
    assert.ok(idlib.best > 4 && idlib.best < 6, `best ${idlib.best} lies between the reports`);
  } finally {
    await app.close();
  }
});
