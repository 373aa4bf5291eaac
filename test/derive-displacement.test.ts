import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../src/text/index.ts';
import type { Doc } from '../src/text/types.ts';
import type { EventRecord } from '../src/events/types.ts';
import { SentenceMentions, type QuantityMention } from '../src/mentions/types.ts';
import { displacementHxl, findDisplacement, splitDisplacement } from '../src/derive/index.ts';

const COORDS: Record<string, [number, number]> = { Azaz: [36.59, 37.05], Syria: [35, 38], Marea: [36.48, 37.2], Idlib: [35.93, 36.63] };

function span(doc: Doc, t: string) {
  const start = doc.text.indexOf(t);
  assert.ok(start >= 0, `"${t}" not in text`);
  return { start, end: start + t.length, text: t, sentence: doc.sentences.findIndex((s) => s.start <= start && start < s.end) };
}

function annotate(text: string, m: { actors?: [string, string][]; places?: string[]; quantities?: [string, QuantityMention['kind'], number, number | null, number | null][] }): Doc {
  const doc = makeDoc({ id: 'd1', text, published: '2016-05-29', source: 'Wire' });
  doc.mentions.actors = (m.actors ?? []).map(([t, name]) => ({ ...span(doc, t), name, inter: 2, country: 'SY', via: 'alias', actorId: null }));
  doc.mentions.places = (m.places ?? []).map((t) => {
    const [lat, lon] = COORDS[t];
    const resolved = { geonameid: Math.round(lat * 1000), name: t, lat, lon, featureCode: t === 'Syria' ? 'PCLI' : 'PPL', admin1: t === 'Syria' ? null : 'Aleppo', admin2: null, country: 'Syria', iso2: 'SY', iso3: 'SYR', population: 1, geoPrecision: 1 as const };
    return { ...span(doc, t), resolved, score: 1, reason: 'test', candidates: [], via: 'name' as const };
  });
  doc.mentions.quantities = SentenceMentions.of((m.quantities ?? []).map(([t, kind, low, best, high]) => ({ ...span(doc, t), kind, low, best, high, amountText: t })));
  return doc;
}

function offensive(doc: Doc, sentence: number): EventRecord {
  const s = doc.sentences[sentence];
  return {
    id: 'e1', document_id: doc.id, event_date: '2016-05-27', date: { start: '2016-05-27', end: '2016-05-28', precision: 1, text: null },
    event_type: 'Battles', sub_event_type: 'Non-state actor overtakes territory', disorder_type: 'Political violence',
    actor1: { name: 'Islamic State (Syria)', inter: 2, text: 'IS' }, actor2: { name: 'Opposition Rebels (Syria)', inter: 2, text: 'rebels' },
    assoc_actors: [], interaction: 22, civilian_targeting: false,
    location: { text: 'Marea', name: 'Marea', geonameid: 1, lat: 36.48, lon: 37.2, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 2 },
    fatalities: null, injuries: null, sources: [{ outlet: 'Wire', claimed_by: null, document_id: doc.id, sentence: s.text, start: s.start, end: s.end }],
    confidence: 0.8, notes: '', plover: { event: 'SEIZE', mode: null },
  };
}

test('a flow from an offensive: people, destination, cause and origin from the cause event', () => {
  const doc = annotate(
    'IS captured rebel villages near Marea in an offensive. Thousands of civilians have fled the offensive by IS into territory controlled by the Kurdish-led alliance, heading to Azaz.',
    { actors: [['IS', 'Islamic State (Syria)'], ['Kurdish-led alliance', 'Syrian Democratic Forces']], places: ['Marea', 'Azaz'], quantities: [['Thousands of civilians', 'fled', 2000, null, null]] },
  );
  const [flow, ...rest] = findDisplacement(doc, [offensive(doc, 0)]);
  assert.equal(rest.length, 0);
  assert.equal(flow.kind, 'flow');
  assert.equal(flow.cause_event_id, 'e1');
  assert.deepEqual(flow.people && [flow.people.low, flow.people.best, flow.people.high], [2000, null, null]);
  assert.equal(flow.from?.name, 'Marea', 'the offensive area');
  assert.match(flow.to_text ?? '', /territory controlled by the Kurdish-led alliance/);
  assert.equal(flow.date.start, '2016-05-29');
  assert.equal(doc.text.slice(flow.sources[0].start, flow.sources[0].end), flow.sources[0].sentence);
});

test('flows of one story with the same cause merge; a stock stays apart and is never a flow', () => {
  const doc = annotate(
    'IS captured rebel villages near Marea in an offensive. The fighting sent an exodus of civilians heading to Azaz. Families have fled the offensive by IS, thousands of them. The war has forced more than 4.8 million people to become refugees in neighbouring countries, out of Syria.',
    { actors: [['IS', 'Islamic State (Syria)']], places: ['Marea', 'Azaz', 'Syria'], quantities: [['thousands', 'people', 2000, null, null], ['more than 4.8 million people', 'people', 4800001, null, null]] },
  );
  const records = findDisplacement(doc, [offensive(doc, 0)]);
  const { flows, stocks } = splitDisplacement(records);
  assert.equal(flows.length, 1, JSON.stringify(flows.map((f) => f.sources[0].sentence)));
  assert.deepEqual(flows[0].to.map((t) => t.name), ['Azaz']);
  assert.equal(flows[0].people?.low, 2000);
  assert.equal(flows[0].sources.length, 2);
  assert.equal(stocks.length, 1);
  assert.equal(stocks[0].people?.low, 4800001);
  assert.equal(stocks[0].cause_event_id, null);
  assert.match(stocks[0].to_text ?? '', /neighbouring countries/);
  assert.equal(splitDisplacement(records, { bbox: [0, 0, 1, 1] }).flows.length, 0);
  assert.equal(splitDisplacement(records, { from: '2016-06-01' }).stocks.length, 0);
});

test('not displacement: fleeing gunmen, a podcast host, a flow that names no one, nowhere and no cause', () => {
  for (const text of [
    'The gunmen fled the scene after the attack on the checkpoint.',
    'But we do not have people that even talk about it, he said in an interview with podcast host Hugh Hewitt.',
    'Both camps opened in the 1990s, offering havens to people fleeing civil wars.',
  ]) assert.deepEqual(findDisplacement(annotate(text, {}), []), [], text);
});

test('"millions remain uprooted" is a stock, not a flow', () => {
  const doc = annotate('Communities remain fractured and millions remain uprooted from their homes.', { quantities: [['millions', 'people', 2000000, null, null]] });
  assert.deepEqual(findDisplacement(doc, []).map((d) => d.kind), ['stock']);
});

test('HXL export: header row, hashtag row with IDMC-style tags, open ranges left empty', () => {
  const doc = annotate('Thousands of civilians have fled to Azaz.', { places: ['Azaz'], quantities: [['Thousands of civilians', 'fled', 2000, null, null]] });
  const csv = displacementHxl(findDisplacement(doc, [])).trim().split('\n');
  assert.equal(csv.length, 3);
  const tags = csv[1].split(',');
  for (const t of ['#affected+idps', '#adm1+name+dest', '#date+start', '#meta+source']) assert.ok(tags.includes(t), t);
  const row = csv[2].split(',');
  assert.equal(row[tags.indexOf('#affected+idps+min')], '2000');
  assert.equal(row[tags.indexOf('#affected+idps+max')], '');
  assert.equal(row[tags.indexOf('#loc+name+dest')], 'Azaz');
});
