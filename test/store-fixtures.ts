/** Hand-written event records and bundles for store tests (no extraction needed). */
import type { EventRecord } from '../src/events/types.ts';
import { contentHash, minhash, stableId } from '../src/store/index.ts';
import type { DocumentBundle } from '../src/store/index.ts';

export function event(o: Partial<EventRecord> & { id: string; document_id: string; sentence: string }): EventRecord {
  const { sentence, ...rest } = o;
  return {
    event_date: '2016-05-27',
    date: { start: '2016-05-27', end: '2016-05-27', precision: 1, text: 'on Friday' },
    event_type: 'Battles',
    sub_event_type: 'Non-state actor overtakes territory',
    disorder_type: 'Political violence',
    actor1: { name: 'Islamic State (Syria)', inter: 2, text: 'IS' },
    actor2: { name: 'Opposition Rebels (Syria)', inter: 2, text: 'rebels' },
    assoc_actors: [],
    interaction: 22,
    civilian_targeting: false,
    location: { text: 'Marea', name: "Mare'", geonameid: 167245, lat: 36.48259, lon: 37.19709, admin1: 'Aleppo', admin2: null, country: 'Syria', iso3: 'SYR', geo_precision: 1 },
    fatalities: null,
    injuries: null,
    sources: [{ outlet: 'Test Wire', claimed_by: null, document_id: o.document_id, sentence, start: 0, end: sentence.length }],
    confidence: 0.7,
    notes: 'Islamic State fighters took territory from rebels near Marea.',
    plover: { event: 'ASSAULT', mode: null },
    ...rest,
  };
}

/** A document whose text is its sentences, with one claim per event. */
export function bundle(id: string, text: string, events: EventRecord[], extra: Partial<DocumentBundle['document']> = {}): DocumentBundle {
  return {
    document: { id, title: null, source: 'Test Wire', url: null, canonical_url: null, published: '2016-05-29', language: 'en', text, content_hash: contentHash(text), minhash: minhash(text), warnings: [], ...extra },
    sentences: [{ start: 0, end: text.length }],
    spans: [{ kind: 'actor', start: 0, end: 2, label: 'Islamic State (Syria)', sentence: 0 }],
    claims: events.map((e, i) => ({
      id: stableId('cl', id, e.id, String(i)), document_id: id, outlet: 'Test Wire', claimed_by: e.sources[0]?.claimed_by ?? null,
      sentence: e.sources[0]?.sentence ?? '', start: 0, end: text.length, record: e,
    })),
    records: [],
  };
}
