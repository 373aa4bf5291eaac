/**
 * The generated `notes` sentence, in the manner of ACLED's coders:
 * "On 27 May 2016, Islamic State (Syria) took territory from Opposition
 * Rebels (Syria) in Mari` (Aleppo, Syria). 0 fatalities."
 */
import { acledFatalities } from './counts.ts';
import type { EventRecord } from './types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function opening(e: EventRecord): string {
  if (!e.event_date) return 'On an unknown date';
  if (e.date.precision === 1 && e.date.text) return `On ${longDate(e.event_date)}`;
  return `Around ${longDate(e.event_date)} (as reported)`;
}

function place(e: EventRecord): string {
  const l = e.location;
  if (!l) return '';
  const where = [l.admin1, l.country].filter((x) => x && x !== l.name).join(', ');
  return ` in ${l.name ?? l.text}${where ? ` (${where})` : ''}`;
}

function count(n: number | null, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Fills a taxonomy template with the event's fields.
 * @example writeNotes(event, '{actor1} shelled {actor2}{place}') // 'On 29 May 2016, ... shelled Islamic State (Syria) in Aleppo (Syria). At least 28 fatalities.'
 */
export function writeNotes(e: EventRecord, template: string): string {
  let body = template
    .replace('{actor1}', e.actor1?.name ?? 'unidentified actors')
    .replace('{actor2}', e.actor2?.name ?? 'unidentified targets')
    .replace('{place}', place(e));
  body = body.replace(/ (?:with|from|against|on|at|of|by) unidentified targets/, '');
  let tail = '';
  if (e.fatalities) {
    const low = e.fatalities.low ?? 0;
    // "killed an unknown number", "incurring fatalities": ACLED's notes say so and give the figure coded
    if (low === 0 && e.fatalities.best === null) tail += ` Unknown number of fatalities, coded as ${acledFatalities(e.fatalities)}.`;
    else tail += ` ${e.fatalities.high === null || e.fatalities.best === null ? 'At least ' + count(low, 'fatality', 'fatalities') : count(low, 'fatality', 'fatalities')}.`;
  }
  if (e.injuries && (e.injuries.low ?? 0) > 0) tail += ` ${count(e.injuries.low, 'person', 'people')} injured.`;
  return `${opening(e)}, ${body}.${tail}`;
}
