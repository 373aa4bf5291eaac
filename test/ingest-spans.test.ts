/**
 * The source view shows every mention of a stored document: the times,
 * figures and sources of sentences that hold no record too, though
 * extraction finds those only when a record reads them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestDocument, lazyExtractor } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';

const TEXT = 'Rebels shelled Marea on Friday, killing four civilians, the Syrian Observatory said.\n' +
  'The town had 16,000 people before the war, according to the United Nations, which counted them on 1 March 2011.';

test('a stored document keeps the times, quantities and sources of sentences with no record', async () => {
  const store = openStore(':memory:');
  const added = await ingestDocument(store, { id: 'd', text: TEXT, published: '2016-05-29', source: 'Wire' }, lazyExtractor());
  assert.equal(added.events.length, 1);
  const spans = (await store.getDocument('d'))!.spans;
  const second = TEXT.indexOf('\n');
  const later = (kind: string) => spans.filter((s) => s.kind === kind && s.start > second).map((s) => TEXT.slice(s.start, s.end));
  assert.deepEqual(later('time'), ['1 March 2011']);
  assert.ok(later('quantity').some((q) => q.includes('16,000')), JSON.stringify(later('quantity')));
  assert.ok(later('source').length > 0, JSON.stringify(spans.filter((s) => s.kind === 'source')));
  await store.close();
});
