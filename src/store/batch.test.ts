/**
 * Several documents in one transaction (Store.addDocuments, the batch
 * ingest's path) store exactly what one-by-one writes store: duplicates
 * within the batch are caught, and a bad document fails alone. On both
 * engines (PostgreSQL when SITREP_TEST_PG is set).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddResult, DocumentBundle, Store } from './index.ts';
import { bundle, event } from '../../test/store-fixtures.ts';
import { ENGINES } from '../../test/pg-engines.ts';

const A = 'IS swept through rebel-held territory near Marea on Friday, cutting the road to Azaz, a monitor said.';
const long = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: IS fighters advanced on villages north of Aleppo while rebels fell back toward the border crossing at Bab al-Salameh.`).join('\n');

function batch(): DocumentBundle[] {
  return [
    bundle('w1', long, [event({ id: 'x', document_id: 'w1', sentence: A })], { url: 'https://one.example/a', canonical_url: 'https://one.example/a' }),
    // the same text again, then a near copy with page litter, then the first URL with another text
    bundle('w1b', long, [event({ id: 'x', document_id: 'w1b', sentence: A })]),
    bundle('w2', 'Share\n' + long + '\nAdvertisement\nRead more at two.example', [], { url: 'https://two.example/b', canonical_url: 'https://two.example/b' }),
    bundle('w3', 'An unrelated report of shelling in Idlib on Friday.', [], { url: 'https://one.example/a', canonical_url: 'https://one.example/a' }),
    bundle('m2', 'Rebels said IS took Marea on Friday after a day of fighting.', [event({ id: 'y', document_id: 'm2', sentence: 'Rebels said IS took Marea on Friday.' })]),
  ];
}

async function stored(store: Store) {
  const events: string[] = [];
  for await (const e of store.eachEvent({})) events.push(`${e.id} ${[...e.document_ids].sort().join(',')}`);
  return { counts: await store.counts(), events: events.sort(), w1: (await store.getDocument('w1'))?.copies.map((c) => c.url).sort() };
}

const brief = (r: AddResult | Error) => (r instanceof Error ? `error ${(r as { code?: string }).code}` : `${r.document_id} ${r.duplicate_of ?? 'new'}`);

for (const engine of ENGINES) {
  test(`${engine.name}: a batch stores in one transaction what one-by-one writes store, catching duplicates inside it`, { skip: engine.skip }, async () => {
    const first = await engine.open();
    const one = first.store;
    const oneByOne: (AddResult | Error)[] = [];
    for (const b of batch()) {
      await one.findDuplicate(b.document);
      oneByOne.push(await one.addDocument(b).catch((e: Error) => e));
    }
    const second = await engine.open();
    const many = second.store;
    const bundles = batch();
    // the checks a batch ingest makes before extraction, all against the store as it was
    for (const b of bundles) assert.equal(await many.findDuplicate(b.document), null);
    const revision = await many.revision!();
    const together = await many.addDocuments!(bundles);
    assert.equal(await many.revision!(), revision + 1, 'one transaction (not undone and written one by one)');
    assert.deepEqual(together.map(brief), ['w1 new', 'w1 w1', 'w1 w1', 'w1 w1', 'm2 new']);
    assert.deepEqual(together.map(brief), oneByOne.map(brief));
    const [a, b] = [await stored(one), await stored(many)];
    assert.deepEqual(b, a);
    assert.deepEqual(b.counts, { documents: 2, claims: 2, events: 1 }, 'the second report joins the first event');
    await Promise.all([first.cleanup(), second.cleanup()]);
  });

  test(`${engine.name}: a bad document fails alone: the others of its batch are stored`, { skip: engine.skip }, async () => {
    const opened = await engine.open();
    const store = opened.store;
    await store.addDocument(bundle('w1', long, []));
    const results = await store.addDocuments!([
      bundle('b1', 'Shelling hit Idlib on Friday, a monitor said.', []),
      bundle('w1', 'A different story under a used id, about clashes in Homs.', []),
      bundle('b2', 'Rebels said IS took Marea on Friday after a day of fighting.', [event({ id: 'y', document_id: 'b2', sentence: 'Rebels said IS took Marea on Friday.' })]),
    ]);
    assert.deepEqual(results.map(brief), ['b1 new', 'error document_id_taken', 'b2 new']);
    assert.deepEqual(await store.counts(), { documents: 3, claims: 1, events: 1 });
    await opened.cleanup();
  });

  test(`${engine.name}: a check made before another writer committed is not trusted`, { skip: engine.skip }, async () => {
    const opened = await engine.open();
    const store = opened.store;
    const first = bundle('p1', long, []);
    assert.equal(await store.findDuplicate(first.document), null);
    // another write lands between the check and the batch
    await store.addDocument(bundle('p0', long + '\nUpdated.', []));
    const [r] = await store.addDocuments!([first]);
    assert.equal((r as AddResult).duplicate_of, 'p0');
    await opened.cleanup();
  });
}

for (const engine of ENGINES.filter((e) => e.name === 'postgres')) {
  test(`${engine.name}: findDuplicates answers in one query what findDuplicate answers for each document`, { skip: engine.skip }, async () => {
    const opened = await engine.open();
    const store = opened.store;
    try {
      await store.addDocuments!(batch().slice(0, 1));
      const keys = [...batch().map((b) => b.document), bundle('z', 'Nothing like the others: a flood in Sindh.', []).document];
      const each = await Promise.all(keys.map((k) => store.findDuplicate(k)));
      assert.deepEqual(await store.findDuplicates!(keys), each);
      assert.deepEqual(each.map((h) => h?.via ?? null), ['hash', 'hash', 'near', 'url', null, null]);
    } finally {
      await opened.cleanup();
    }
  });
}
