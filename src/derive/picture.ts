/**
 * The derived picture of a whole store: every live event, the control
 * periods and the displacement records, read through the Store interface and
 * recomputed from scratch (so merges, splits and reviewer corrections are
 * always reflected). Used by the API (src/serve/derived.ts) and the CLI export.
 */
import type { Store, StoredEvent } from '../store/index.ts';
import type { DisplacementRecord, EventRecord } from '../events/types.ts';
import { controlTimeline, historyIndex, type ControlPeriod } from './timeline.ts';
import type { CountClaim } from './tallies.ts';

export interface Picture {
  /** events a reviewer has not rejected */
  events: StoredEvent[];
  /** the reports' fatality figures of merged events whose reports disagree, by event id */
  claims: Map<string, CountClaim[]>;
  periods: ControlPeriod[];
  /** periods by every name of their place */
  history: Map<string, ControlPeriod[]>;
  displacement: DisplacementRecord[];
}

/**
 * Reads and derives the whole picture.
 * @example const {periods} = await readPicture(openStore('sitrep.db')); controlGeoJSON(controlAt(periods, '2016-05-28'))
 */
export async function readPicture(store: Store): Promise<Picture> {
  const events: StoredEvent[] = [];
  for await (const e of store.eachEvent({})) events.push(e);
  const [stored, storedFlows] = await Promise.all([store.listRecords('control'), store.listRecords('displacement')]);
  // a record tied to events a reviewer has since rejected falls with them; one that stood on its own text stays
  const live = new Set(events.map((e) => e.id));
  const control = stored
    .map((r) => ({ ...r, evidence: r.evidence.filter((id) => live.has(id)) }))
    .filter((r, i) => r.evidence.length > 0 || stored[i].evidence.length === 0);
  const displacement = storedFlows.map((r) => (r.cause_event_id && !live.has(r.cause_event_id) ? { ...r, cause_event_id: null } : r));
  const periods = controlTimeline(events, control);
  return { events, claims: await fatalityClaims(store, events), periods, history: historyIndex(periods), displacement };
}

/** The claims a tally should fuse for an event of the picture. */
export function claimsIn(picture: Pick<Picture, 'claims'>): (e: EventRecord) => readonly (CountClaim | null)[] {
  return (e) => picture.claims.get(e.id) ?? [e.fatalities];
}

/**
 * The separate reports' figures of merged events, so tallies fuse them
 * (fuseCounts) rather than trust one merged figure; a reviewer's correction
 * of the figure wins over the reports.
 */
async function fatalityClaims(store: Store, events: readonly StoredEvent[]): Promise<Map<string, CountClaim[]>> {
  const out = new Map<string, CountClaim[]>();
  for (const e of events) {
    // reports that agree on one exact figure fuse to that figure: no need to read them
    const exact = e.fatalities === null || (e.fatalities.low === e.fatalities.high && e.fatalities.best === e.fatalities.low);
    if (e.source_count < 2 || exact || e.review.corrected_fields.includes('fatalities')) continue;
    const detail = await store.getEvent(e.id);
    if (!detail) continue;
    out.set(e.id, detail.claims.flatMap((c) => (c.fields.fatalities ? [{ ...c.fields.fatalities, document_id: c.document_id, outlet: c.outlet, claimed_by: c.claimed_by }] : [])));
  }
  return out;
}
