/**
 * The ACLED dev file the benches score against (../shared/bench/acled, for
 * evaluation only): its rows keyed by column, and ACLED's day format.
 */
import { existsSync, readFileSync } from 'node:fs';

export const ACLED_DEV = new URL('../../shared/bench/acled/acled-2020-dev.csv', import.meta.url);

export type AcledRow = Record<string, string>;

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The dev rows, or null when ../shared is not beside the repo. */
export function acledRows(file: URL = ACLED_DEV): AcledRow[] | null {
  if (!existsSync(file)) return null;
  const [header, ...body] = parseCsv(readFileSync(file, 'utf8'));
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** "9-May-20" → "2020-05-09"; null for anything else. */
export function acledDay(s: string): string | null {
  const m = /^(\d{1,2})-([A-Z][a-z]{2})-(\d{2})$/.exec(s);
  return m && MONTHS[m[2]] ? `20${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}` : null;
}

/** The publication time a row's note is coded against: its timestamp. */
export function acledPublished(r: AcledRow): string {
  return new Date(Number(r.timestamp) * 1000).toISOString();
}
