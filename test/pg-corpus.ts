/**
 * A deterministic corpus for the multi-worker test and bench:scale: real
 * Voice of America stories (examples/voa_stories.jsonl), short reports of
 * invented events written here (several outlets, wordings and figures per
 * event), and republished copies of both (the same text under another URL,
 * exact or with page litter), shuffled. `groupOf` maps every document id to
 * the document it copies, so stores fed in different orders can be compared.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawDocument } from '../src/ingest/index.ts';
import { mulberry32 } from '../bench/random.ts';

const VOA = fileURLToPath(new URL('../examples/voa_stories.jsonl', import.meta.url));

/** [town, country, state forces, armed group] */
const PLACES = [
  ['Aleppo', 'Syria', 'Syrian army troops', 'Islamic State'], ['Mosul', 'Iraq', 'Iraqi forces', 'Islamic State'],
  ['Kandahar', 'Afghanistan', 'Afghan police', 'Taliban'], ['Maiduguri', 'Nigeria', 'Nigerian soldiers', 'Boko Haram'],
  ['Taiz', 'Yemen', 'government forces', 'Houthi'], ['Mogadishu', 'Somalia', 'Somali troops', 'al-Shabab'],
  ['Goma', 'DR Congo', 'Congolese troops', 'M23 rebels'], ['Kharkiv', 'Ukraine', 'Ukrainian forces', 'Russian forces'],
  ['Gao', 'Mali', 'Malian soldiers', 'jihadists'], ['Culiacan', 'Mexico', 'police', 'cartel gunmen'],
];
const OUTLETS = ['Reuters', 'AFP', 'AP', 'Al Jazeera', 'BBC', 'VOA', 'Anadolu', 'Xinhua'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Place = string[];
/** each under ~20 words: too short for MinHash, so only exact copies count as the same document */
const TEMPLATES: ((p: Place, n: number, day: Date) => string)[] = [
  (p, n, d) => `${p[3]} fighters attacked ${p[2]} in ${p[0]} on ${WEEKDAYS[d.getUTCDay()]}, killing ${n} people, officials said.`,
  (p, n, d) => `At least ${n} people were killed when ${p[3]} attacked ${p[2]} near ${p[0]}, ${p[1]}, on ${WEEKDAYS[d.getUTCDay()]}, a monitor said.`,
  (p, n, d) => `Clashes between ${p[2]} and ${p[3]} in ${p[0]} left ${n} dead on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, witnesses said.`,
  (p, n, d) => `${p[2]} fought ${p[3]} fighters outside ${p[0]} on ${WEEKDAYS[d.getUTCDay()]}; ${n} people were killed, a medic said.`,
  (p, n, d) => `${n} people died in fighting between ${p[3]} and ${p[2]} in ${p[0]} on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, residents said.`,
];

export interface Corpus {
  docs: (RawDocument & { id: string })[];
  /** document id → id of the document it is a copy of (itself for originals) */
  groupOf: Map<string, string>;
  composition: { voa: number; reports: number; events: number; copies: number };
}

/**
 * @example makeCorpus({total: 2000}).docs.length // 2000
 */
export function makeCorpus(o: { total: number; voa?: number; events?: number; reportsPerEvent?: number; seed?: number }): Corpus {
  const rnd = mulberry32(o.seed ?? 7);
  const originals: (RawDocument & { id: string })[] = [];
  const voa = readFileSync(VOA, 'utf8').trim().split('\n').slice(0, o.voa ?? 24).map((l) => JSON.parse(l) as Record<string, string>);
  for (const s of voa) originals.push({ id: `voa-${s.id}`, text: s.text, title: s.title, published: s.published, source: 'VOA', url: s.url });
  const events = o.events ?? 100;
  const per = o.reportsPerEvent ?? TEMPLATES.length;
  for (let e = 0; e < events; e++) {
    const place = PLACES[e % PLACES.length];
    // a week and a day apart: no two invented events share a merge window, whatever their place
    const day = new Date(Date.UTC(2021, 0, 4) + e * 8 * 86_400_000);
    // figures differ from event to event, so two events at one place never read alike
    const base = 5 + e * 3 + Math.floor(rnd() * 2);
    for (let r = 0; r < per; r++) {
      const published = new Date(day.getTime() + (1 + (r % 2)) * 86_400_000).toISOString().slice(0, 10) + 'T08:00:00Z';
      const outlet = OUTLETS[(e + r) % OUTLETS.length];
      originals.push({ id: `ev${e}-r${r}`, text: TEMPLATES[r % TEMPLATES.length](place, base + (r % 3), day), published, source: outlet, url: `https://${outlet.toLowerCase().replace(/\W/g, '')}.example/${e}/${r}` });
    }
  }
  const docs = [...originals];
  const groupOf = new Map(originals.map((d) => [d.id, d.id]));
  for (let c = 0; docs.length < o.total; c++) {
    const from = originals[Math.floor(rnd() * originals.length)];
    const id = `copy${c}-${from.id}`;
    // a wire story republished: same words under another URL, with page litter or trailing blank lines
    const text = from.text.length > 600 && c % 2 === 0 ? `${from.text}\n\nShare this story\nAdvertisement\nRelated stories` : `${from.text}\n\n`;
    docs.push({ ...from, id, text, url: `https://mirror${c % 7}.example/${id}` });
    groupOf.set(id, from.id);
  }
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [docs[i], docs[j]] = [docs[j], docs[i]];
  }
  return { docs, groupOf, composition: { voa: voa.length, reports: events * per, events, copies: docs.length - originals.length } };
}

/** An order-independent picture of a store's events: type, date and the source documents' groups. */
export function eventSignatures(events: { event_type: string; event_date: string | null; document_ids: string[] }[], groupOf: Map<string, string>): string[] {
  return events.map((e) => `${e.event_type}|${e.event_date}|${[...new Set(e.document_ids.map((d) => groupOf.get(d) ?? d))].sort().join(',')}`).sort();
}
