/** The events the whole pipeline codes from a short made-up report, resources loaded once per test file. */
import { loadResources, extract, type Resources } from '../src/pipeline.ts';
import type { EventRecord } from '../src/events/types.ts';

let res: Resources | null = null;

export function code(text: string, published: string | null = '2020-05-10'): EventRecord[] {
  res ??= loadResources();
  return extract({ id: 'case', text, published }, res).result.events;
}
