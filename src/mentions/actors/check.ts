/**
 * Consistency checks of the codebook beyond what the JSON Schema can say:
 * unique ids and countries, known country codes, known kinds and actors named
 * by countries, and no alias that names two different actors in the same
 * country over overlapping dates.
 */
import { keepsCase, tokenize } from './tokens.ts';
import type { ActorEntry, CodebookFiles } from './types.ts';

function key(phrase: string): string {
  return tokenize(phrase).map((t) => (keepsCase(phrase) ? t.raw : t.norm)).join(' ');
}

function overlaps(a: ActorEntry, b: ActorEntry): boolean {
  return (a.from ?? '0') < (b.to ?? '9') && (b.from ?? '0') < (a.to ?? '9');
}

/** Countries where an entry's aliases apply: its home and where it operates ("INT" when stateless and placeless). */
export function scopeOf(a: ActorEntry): string[] {
  const where = [...(a.country ? [a.country] : []), ...(a.operates ?? [])];
  return where.length > 0 ? where : ['INT'];
}

/** Every problem found, as readable sentences; empty when the codebook is sound. */
export function codebookProblems(files: CodebookFiles): string[] {
  const problems: string[] = [];
  const isos = new Set<string>();
  for (const c of files.countries) {
    if (isos.has(c.iso2)) problems.push(`country ${c.iso2} listed twice`);
    isos.add(c.iso2);
  }
  const ids = new Map<string, string>();
  const byAlias = new Map<string, { a: ActorEntry; phrase: string }[]>();
  for (const { file, entries } of files.actors) {
    for (const a of entries) {
      if (ids.has(a.id)) problems.push(`${file}: id ${a.id} already used in ${ids.get(a.id)}`);
      ids.set(a.id, file);
      for (const iso of scopeOf(a)) if (iso !== 'INT' && !isos.has(iso)) problems.push(`${file}: ${a.id}: unknown country ${iso}`);
      if (/\{(military|police|government)\}/.test(a.name) && !a.country) problems.push(`${file}: ${a.id}: a state template name needs a country`);
      const seen = new Set<string>();
      for (const phrase of [...a.aliases, ...(a.contextAliases ?? [])]) {
        const k = key(phrase);
        if (seen.has(k)) continue;
        seen.add(k);
        const list = byAlias.get(k) ?? [];
        list.push({ a, phrase });
        byAlias.set(k, list);
      }
    }
  }
  for (const { file, entries } of files.actors) {
    for (const a of entries) if (a.partOf && !ids.has(a.partOf)) problems.push(`${file}: ${a.id}: partOf names unknown actor ${a.partOf}`);
  }
  for (const c of files.countries) {
    if (c.crimeKind && !files.generic.kinds[c.crimeKind]) problems.push(`country ${c.iso2}: crimeKind names unknown kind ${c.crimeKind}`);
    for (const l of c.frontLines ?? []) {
      if (!ids.has(l.nonState)) problems.push(`country ${c.iso2}: front line names unknown actor ${l.nonState}`);
      const both = l.nonStateHeld.filter((p) => l.stateHeld.some((q) => key(q) === key(p)));
      if (both.length > 0) problems.push(`country ${c.iso2}: front line puts ${both.join(', ')} on both sides`);
    }
  }
  for (const list of byAlias.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [p, q] = [list[x].a, list[y].a];
        const shared = scopeOf(p).filter((c) => scopeOf(q).includes(c));
        if (shared.length > 0 && overlaps(p, q)) {
          problems.push(`alias "${list[x].phrase}" names both ${p.id} and ${q.id} in ${shared.join(',')}`);
        }
      }
    }
  }
  const kindOf = new Map<string, string>();
  for (const [kind, rule] of Object.entries(files.generic.kinds)) {
    for (const p of rule.standalone ?? []) {
      const k = 'standalone ' + key(p);
      if (kindOf.has(k) && kindOf.get(k) !== kind) problems.push(`generic phrase "${p}" is in kinds ${kindOf.get(k)} and ${kind}`);
      kindOf.set(k, kind);
    }
    for (const p of rule.heads ?? []) {
      const k = 'head ' + key(p);
      if (kindOf.has(k) && kindOf.get(k) !== kind) problems.push(`generic head "${p}" is in kinds ${kindOf.get(k)} and ${kind}`);
      kindOf.set(k, kind);
    }
  }
  return problems;
}
