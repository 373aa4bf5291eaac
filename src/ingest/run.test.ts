/**
 * The batch ingest commits several documents at a time: batches of 1, 2,
 * 4, … up to its document bound, or fewer when its time bound passes (a
 * slow source does not hold extracted documents back), reporting each
 * after its commit, in input order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { ingestAll } from './run.ts';
import type { Extractor } from './document.ts';
import type { Item } from './read.ts';
import { emptyMentions } from '../mentions/types.ts';

const extract: Extractor = (input) => ({
  doc: { id: input.id, text: input.text, sentences: [], mentions: emptyMentions(), language: 'en' } as never,
  result: { events: [], displacement: [], control: [], warnings: [] } as never,
});

/** The store, counting its commits and what each held. */
function counted(store: Store): { store: Store; commits: number[] } {
  const commits: number[] = [];
  const s = Object.create(store) as Store;
  s.addDocuments = async (bundles) => {
    commits.push(bundles.length);
    return store.addDocuments!(bundles);
  };
  return { store: s, commits };
}

const doc = (i: number) => ({ origin: `d${i}`, doc: { id: `d${i}`, text: `Report number ${i}: shelling hit the town.` } });

test('batches double up to the document bound; documents are reported in order after their commit', async () => {
  const base = openStore(':memory:');
  const { store, commits } = counted(base);
  async function* items(): AsyncGenerator<Item> {
    for (let i = 0; i < 10; i++) yield doc(i);
    yield { origin: 'bad', id: null, error: Object.assign(new Error('line 8 is not valid JSON'), { code: 'bad_input' }) as never };
    yield doc(10);
  }
  const seen: string[] = [];
  const tally = await ingestAll(store, items(), async () => extract, {}, (o) => {
    seen.push(o.origin);
    // a document reported is already stored
    if (!o.error) assert.ok(commits.length > 0);
  }, { documents: 3, ms: 60_000 });
  assert.deepEqual(commits, [1, 2, 3, 3, 2], 'the read error takes a place in its batch but is not written');
  assert.deepEqual(seen, ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'bad', 'd10']);
  assert.deepEqual([tally.documents, tally.stored, tally.errors], [12, 11, 1]);
  assert.equal((await base.counts()).documents, 11);
  await base.close();
});

test('a slow source does not hold extracted documents back past the time bound', async () => {
  const base = openStore(':memory:');
  const { store, commits } = counted(base);
  const reported: number[] = [];
  async function* items(): AsyncGenerator<Item> {
    // the first batch is one document; the next waits for a second
    yield doc(0);
    yield doc(1);
    // which is slow to come (a fetch): the one before it is committed meanwhile
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(commits, [1, 1]);
    yield doc(2);
  }
  await ingestAll(store, items(), async () => extract, {}, (o) => reported.push(Number(o.origin.slice(1))), { documents: 100, ms: 50 });
  assert.deepEqual(commits, [1, 1, 1]);
  assert.deepEqual(reported, [0, 1, 2]);
  await base.close();
});

test('a source that fails part-way leaves the documents before it stored', async () => {
  const store = openStore(':memory:');
  async function* items(): AsyncGenerator<Item> {
    yield doc(0);
    yield doc(1);
    throw new Error('the feed went away');
  }
  await assert.rejects(ingestAll(store, items(), async () => extract, {}, () => {}, { documents: 100, ms: 60_000 }), /the feed went away/);
  assert.equal((await store.counts()).documents, 2);
  await store.close();
});
