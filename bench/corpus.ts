/**
 * The ingest benches' corpus: the seed and the VOA stories bundled in
 * `examples/`, then the GeoWebNews and LGL article texts when ../shared is
 * beside the repo. Each document says which of these it came from.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RawDocument } from '../src/ingest/index.ts';

const ROOT = new URL('..', import.meta.url);

export type CorpusDocument = RawDocument & { group: string };

export function ingestCorpus(): CorpusDocument[] {
  const docs: CorpusDocument[] = [{ group: 'seed', id: 'seed', text: readFileSync(new URL('examples/aleppo-2016-05.txt', ROOT), 'utf8'), published: '2016-05-29' }];
  for (const line of readFileSync(new URL('examples/voa_stories.jsonl', ROOT), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    docs.push({ group: 'VOA', id: `voa-${r.id}`, text: r.text, published: r.published, title: r.title, url: r.url, source: 'VOA' });
  }
  for (const name of ['GeoWebNews_GWN.xml', 'lgl.xml']) {
    const file = new URL(`../shared/bench/geoparsing/${name}`, ROOT);
    if (!existsSync(file)) continue;
    let i = 0;
    for (const m of readFileSync(file, 'utf8').matchAll(/<text>([\s\S]*?)<\/text>/g)) {
      const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(m[1].trim());
      const text = cdata ? cdata[1] : m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      docs.push({ group: name.replace(/\.xml$/, ''), id: `${name}-${i++}`, text, published: null });
    }
  }
  return docs;
}
