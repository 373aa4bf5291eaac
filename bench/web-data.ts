/**
 * Synthetic events for the dashboard benchmark: plausible spread over the
 * world's conflict areas, types, actors, dates and fatality figures, made
 * from a fixed seed. Written through the store's own addDocument, so the
 * dashboard reads them exactly as it reads coded reports.
 */
import type { EventRecord } from '../src/events/types.ts';
import type { DocumentBundle, Store } from '../src/store/index.ts';
import { contentHash, stableId } from '../src/store/index.ts';
import { mulberry32 } from './random.ts';

const AREAS: [string, string, string, number, number, string[]][] = [
  ['Syria', 'SYR', 'Aleppo', 36.2, 37.15, ['Islamic State (Syria)', 'Opposition Rebels (Syria)', 'Military Forces of Syria (2000-2024)', 'Civilians (Syria)']],
  ['Syria', 'SYR', 'Idlib', 35.93, 36.63, ['Hayat Tahrir al-Sham', 'Military Forces of Russia (2000-)', 'Civilians (Syria)']],
  ['Syria', 'SYR', 'Homs', 34.73, 36.72, ['Military Forces of Syria (2000-2024)', 'Islamic State (Syria)']],
  ['Iraq', 'IRQ', 'Nineveh', 36.34, 43.13, ['Islamic State (Iraq)', 'Military Forces of Iraq (2014-)', 'Civilians (Iraq)']],
  ['Iraq', 'IRQ', 'Anbar', 33.42, 43.3, ['Islamic State (Iraq)', 'Popular Mobilization Forces']],
  ['Yemen', 'YEM', 'Taizz', 13.58, 44.02, ['Houthi Movement', 'Military Forces of Yemen (2012-)', 'Civilians (Yemen)']],
  ['Yemen', 'YEM', "Sa'ada", 16.94, 43.76, ['Houthi Movement', 'Military Forces of Saudi Arabia (2015-)']],
  ['Afghanistan', 'AFG', 'Helmand', 31.58, 64.36, ['Taliban', 'Military Forces of Afghanistan (2014-2021)']],
  ['Afghanistan', 'AFG', 'Kunduz', 36.73, 68.86, ['Taliban', 'Military Forces of Afghanistan (2014-2021)', 'Civilians (Afghanistan)']],
  ['Libya', 'LBY', 'Benghazi', 32.12, 20.07, ['Libyan National Army', 'Shura Council of Benghazi Revolutionaries']],
  ['Libya', 'LBY', 'Tripoli', 32.89, 13.19, ['Government of National Accord', 'Protesters (Libya)']],
  ['Nigeria', 'NGA', 'Borno', 11.85, 13.16, ['Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad', 'Military Forces of Nigeria (2015-2023)', 'Civilians (Nigeria)']],
  ['Nigeria', 'NGA', 'Lagos', 6.52, 3.38, ['Protesters (Nigeria)', 'Police Forces of Nigeria (2015-2023)']],
  ['India', 'IND', 'Jammu and Kashmir', 34.08, 74.8, ['Military Forces of India (2014-)', 'Protesters (India)', 'Rioters (India)']],
  ['Mexico', 'MEX', 'Guerrero', 17.55, -99.5, ['Unidentified Armed Group (Mexico)', 'Police Forces of Mexico (2012-2018)', 'Civilians (Mexico)']],
  ['Mexico', 'MEX', 'Sinaloa', 24.8, -107.39, ['Sinaloa Cartel', 'Military Forces of Mexico (2012-2018)']],
  ['Somalia', 'SOM', 'Lower Shabelle', 1.87, 44.83, ['Al Shabaab', 'AMISOM: African Union Mission in Somalia (2007-2022)']],
  ['Ukraine', 'UKR', 'Donetsk', 48.0, 37.8, ['Military Forces of Ukraine (2014-2019)', 'DNR: Donetsk People\'s Republic']],
  ['South Sudan', 'SSD', 'Upper Nile', 9.53, 31.66, ['SPLA-IO', 'Military Forces of South Sudan (2011-)']],
  ['DR Congo', 'COD', 'North Kivu', -0.7, 29.2, ['ADF: Allied Democratic Forces', 'Military Forces of the Democratic Republic of Congo (2001-2019)', 'Civilians (Democratic Republic of Congo)']],
];

const TYPES: [string, string[], number][] = [
  ['Battles', ['Armed clash', 'Non-state actor overtakes territory', 'Government regains territory'], 0.32],
  ['Explosions/Remote violence', ['Air/drone strike', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Suicide bomb'], 0.27],
  ['Violence against civilians', ['Attack', 'Abduction/forced disappearance'], 0.15],
  ['Protests', ['Peaceful protest', 'Protest with intervention'], 0.13],
  ['Riots', ['Violent demonstration', 'Mob violence'], 0.06],
  ['Strategic developments', ['Arrests', 'Looting/property destruction', 'Agreement'], 0.07],
];

const DAY = 86_400_000;
const START = Date.parse('2014-01-01');
const SPAN_DAYS = 1826;

export function syntheticBundle(i: number, random = mulberry32(i + 1)): DocumentBundle {
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const [country, iso3, admin1, lat0, lon0, actors] = AREAS[Math.floor(random() ** 1.3 * AREAS.length)];
  let r = random();
  const type = TYPES.find((t) => (r -= t[2]) < 0) ?? TYPES[0];
  const sub = pick(type[1]);
  const date = new Date(START + Math.floor(random() * SPAN_DAYS) * DAY).toISOString().slice(0, 10);
  // spread over ~5° so that, as in real data, few reports fall in one merge block
  const lat = +(lat0 + (random() - 0.5) * 5).toFixed(4);
  const lon = +(lon0 + (random() - 0.5) * 5).toFixed(4);
  const a1 = pick(actors);
  const a2 = random() < 0.7 ? pick(actors.filter((a) => a !== a1)) ?? null : null;
  const killed = type[0] === 'Protests' || random() < 0.35 ? null : Math.floor(Math.exp(random() * 5));
  const place = `${admin1} district ${i % 97}`;
  const sentence = `${a1} ${type[0] === 'Protests' ? 'held a protest' : 'attacked'}${a2 ? ` ${a2}` : ''} near ${place} on ${date}${killed !== null ? `, killing ${killed} people` : ''}.`;
  const text = `${sentence} Report ${i}.`;
  const docId = `bench-${i}`;
  const record: EventRecord = {
    id: stableId('claim-rec', docId),
    document_id: docId,
    event_date: date,
    date: { start: date, end: date, precision: 1, text: `on ${date}` },
    event_type: type[0],
    sub_event_type: sub,
    disorder_type: type[0] === 'Protests' ? 'Demonstrations' : 'Political violence',
    actor1: { name: a1, inter: 2, text: a1 },
    actor2: a2 ? { name: a2, inter: 1, text: a2 } : null,
    assoc_actors: [],
    interaction: a2 ? 12 : 20,
    civilian_targeting: type[0] === 'Violence against civilians',
    location: { text: place, name: place, geonameid: null, lat, lon, admin1, admin2: null, country, iso3, geo_precision: 2 },
    fatalities: killed === null ? null : { low: killed, best: killed, high: killed, text: `killing ${killed} people` },
    injuries: null,
    sources: [{ outlet: 'Bench Wire', claimed_by: null, document_id: docId, sentence, start: 0, end: sentence.length }],
    confidence: +(0.3 + random() * 0.65).toFixed(2),
    notes: sentence,
    plover: { event: 'ASSAULT', mode: null },
  };
  return {
    document: {
      id: docId, title: `Bench report ${i}`, source: 'Bench Wire', url: null, canonical_url: null, published: `${date}T12:00:00Z`,
      language: 'en', text, content_hash: contentHash(text), minhash: null, warnings: [],
    },
    sentences: [{ start: 0, end: sentence.length }],
    spans: [],
    claims: [{ id: stableId('claim', docId), document_id: docId, outlet: 'Bench Wire', claimed_by: null, sentence, start: 0, end: sentence.length, record }],
    records: [],
  };
}

/**
 * Adds synthetic reports until the store holds `n` events (reports of the
 * same event merge, so a few more reports than events are written). Each
 * batch goes in newest first: the store's merge blocking scans events by type
 * up to a date, so date order would make every insert scan all older events.
 */
export async function fillStore(store: Store, n: number, onProgress?: (done: number) => void): Promise<void> {
  for (;;) {
    const { events, documents } = await store.counts();
    if (events >= n) return;
    const batch = Math.ceil((n - events) * 1.03) + 10;
    const bundles = Array.from({ length: batch }, (_, k) => syntheticBundle(documents + k));
    bundles.sort((a, b) => b.claims[0].record.event_date!.localeCompare(a.claims[0].record.event_date!));
    for (let i = 0; i < bundles.length; i++) {
      await store.addDocument(bundles[i]);
      if (onProgress && (documents + i) % 5000 === 4999) onProgress(documents + i + 1);
    }
  }
}
