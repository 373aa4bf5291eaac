/**
 * Territorial control: who holds which place since when, from takeover and
 * regain events, and from roads cut "between A and B".
 */
import type { Doc } from '../text/index.ts';
import type { ControlRecord, EventRecord } from './types.ts';
import type { EventHooks } from './draft.ts';
import { stableId } from './assemble.ts';

const TAKEOVER = new Set(['Non-state actor overtakes territory', 'Government regains territory', 'Non-violent transfer of territory']);
const ROAD = /\b(?:cut(?:ting)? off|cut|severed|severing|seized|seizing|blocked|blocking|closed|controls?|took control of)\s+(?:\w+\s+){0,3}?(?:road|highway|route|supply line|corridor)s?\s+between\s+/gi;

/**
 * Control records implied by the document's events.
 * @example findControl(doc, events, hooks)[0].place.kind // 'road'
 */
export function findControl(doc: Doc, events: EventRecord[], hooks: EventHooks): ControlRecord[] {
  const out: ControlRecord[] = [];
  for (const e of events) {
    if (!TAKEOVER.has(e.sub_event_type) || !e.actor1) continue;
    for (const src of e.sources) {
      for (const m of src.sentence.matchAll(ROAD)) {
        const at = src.start + (m.index ?? 0) + m[0].length;
        const ends = doc.mentions.places.filter((p) => p.start >= at && p.start < at + 60 && p.resolved).slice(0, 2);
        if (ends.length < 2) continue;
        out.push({
          record: 'control',
          id: stableId('control', doc.id, ends[0].start, ends[1].end),
          document_id: doc.id,
          place: { ...hooks.toLocation(ends[0]), kind: 'road', to: hooks.toLocation(ends[1]) },
          controller: e.actor1.name,
          since: e.date.start,
          until: null,
          evidence: [e.id],
          confidence: Math.round(e.confidence * 0.9 * 100) / 100,
        });
      }
    }
    if (e.location) {
      out.push({
        record: 'control',
        id: stableId('control', doc.id, e.location.start ?? 0, e.location.end ?? 0) + e.id.slice(0, 4),
        document_id: doc.id,
        place: { ...e.location, kind: e.location.geo_precision === 1 ? 'point' : 'area' },
        controller: e.actor1.name,
        since: e.date.start,
        until: null,
        evidence: [e.id],
        confidence: e.confidence,
      });
    }
  }
  return out;
}
