/**
 * The record formats of INTERFACE.md: a contract with users' scripts.
 * Field names are snake_case because they are the wire format.
 */

export interface EvidenceSource {
  /** the outlet that published the document */
  outlet: string | null;
  /** whom the outlet cites for it ("Syrian Observatory for Human Rights") */
  claimed_by: string | null;
  document_id: string;
  sentence: string;
  start: number;
  end: number;
  /** what this sentence alone says of the date, so disagreements between reports stay visible */
  date?: DateField | null;
  /** what this sentence alone says of the fatalities */
  fatalities?: CountField | null;
}

export interface DateField {
  start: string | null;
  end: string | null;
  precision: 1 | 2 | 3;
  text: string | null;
}

export interface ActorField {
  name: string;
  inter: number;
  text: string;
  start?: number;
  end?: number;
}

export interface LocationField {
  text: string;
  name: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  admin1: string | null;
  admin2: string | null;
  country: string | null;
  iso3: string | null;
  geo_precision: 1 | 2 | 3;
  start?: number;
  end?: number;
}

export interface CountField {
  low: number | null;
  best: number | null;
  high: number | null;
  /** the single figure ACLED's conventions give: the lowest reported number; 10 for "several" or an unknown number, 12 for "dozens" */
  acled?: number;
  text: string;
  start?: number;
  end?: number;
}

export interface EventRecord {
  record?: 'event';
  id: string;
  document_id: string;
  event_date: string | null;
  date: DateField;
  event_type: string;
  sub_event_type: string;
  disorder_type: string;
  actor1: ActorField | null;
  actor2: ActorField | null;
  assoc_actors: ActorField[];
  interaction: number | null;
  civilian_targeting: boolean;
  location: LocationField | null;
  fatalities: CountField | null;
  injuries: CountField | null;
  sources: EvidenceSource[];
  confidence: number;
  notes: string;
  plover: { event: string; mode: string | null };
}

export interface DisplacementRecord {
  record: 'displacement';
  id: string;
  document_id: string;
  /** flow: people moving; stock: a statistic of people displaced at a date, never summed with flows */
  kind: 'flow' | 'stock';
  from: LocationField | null;
  to: LocationField[];
  /** free text of the destination when it is not a place ("territory controlled by …") */
  to_text: string | null;
  people: CountField | null;
  cause_event_id: string | null;
  date: DateField;
  sources: EvidenceSource[];
}

export interface ControlRecord {
  record: 'control';
  id: string;
  document_id: string;
  place: LocationField & { kind: 'point' | 'area' | 'road'; to?: LocationField | null };
  controller: string;
  since: string | null;
  until: string | null;
  evidence: string[];
  confidence: number;
  /** the sentences that state or imply the control, with who claims it */
  sources?: EvidenceSource[];
}

/** A JSONL line that could not be processed. */
export interface ErrorRecord {
  document_id: string | null;
  error: string;
}

export interface ExtractResult {
  document_id: string;
  events: EventRecord[];
  displacement: DisplacementRecord[];
  control: ControlRecord[];
  /** warnings about the document (non-English, no article text …) */
  warnings: string[];
}
