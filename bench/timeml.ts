/**
 * TimeBank + AQUAINT (TempEval-3 TBAQ-cleaned, TimeML) as plain texts with
 * their TIMEX3 spans: the gold of bench:timex, and news text other benches
 * may read. Evaluation data only: read from ../shared, never copied.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The corpus as ../shared holds it. */
export const TIMEML_DIR = join(import.meta.dirname, '../../shared/bench/timex/TBAQ-cleaned');

/** The .tml files of TimeBank and AQUAINT under `dir`, in a stable order; none when it is missing. */
export function timeMLFiles(dir = TIMEML_DIR): string[] {
  return ['TimeBank', 'AQUAINT'].flatMap((sub) => {
    const d = join(dir, sub);
    return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.tml')).sort().map((f) => join(d, f)) : [];
  });
}

export interface Gold {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Plain text of a TimeML <TEXT> element and the TIMEX3 spans in it. */
export function parseTimeML(xml: string): { dct: string | null; text: string; gold: Gold[] } {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Gold[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (!m[1]) {
        const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m![3])?.[1] ?? '';
        open = { start: text.length, type: attr('type'), value: attr('value') };
      } else if (open) {
        gold.push({ ...open, end: text.length, text: text.slice(open.start) });
        open = null;
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  return { dct, text, gold };
}

