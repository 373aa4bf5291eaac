import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileCues, compileTaxonomy, loadLexicon, LexiconError } from './lexicon.ts';
import { classify } from './classify.ts';

const dataDir = new URL('../../data/events/', import.meta.url);

test('data/events files load, carry a provenance header and validate', () => {
  for (const name of ['cues.json', 'taxonomy.json']) {
    const about = JSON.parse(readFileSync(new URL(name, dataDir), 'utf8'))._about;
    for (const key of ['source', 'reviewer', 'date', 'licence']) assert.ok(about?.[key], `${name}: _about.${key}`);
  }
  const lex = loadLexicon();
  assert.equal(lex.subEvents.size, 25);
  assert.equal(new Set([...lex.subEvents.values()].map((s) => s.eventType)).size, 6);
  const used = new Set(lex.rules.map((r) => r.sub));
  // every sub-event type but the catch-all "Other" can be reached by a rule
  for (const name of lex.subEvents.keys()) if (name !== 'Other') assert.ok(used.has(name), `no rule gives "${name}"`);
});

test('malformed cue entries are rejected with the entry named', () => {
  const ok = { id: 'a', cue: 'air', pattern: 'airstrike', anchor: true, strength: 0.5, reviewer: 'x', date: '2026-01-01' };
  assert.equal(compileCues([ok]).length, 1);
  assert.throws(() => compileCues([ok, ok]), /duplicate id/);
  assert.throws(() => compileCues([{ ...ok, pattern: '(' }]), LexiconError);
  assert.throws(() => compileCues([{ ...ok, strength: 2 }]), /strength/);
  assert.throws(() => compileCues([{ ...ok, date: 'May' }]), /date/);
  assert.throws(() => compileCues([{ ...ok, cue: 'nosuch' }], new Set(['air'])), /no classification rule/);
});

test('the taxonomy must hold 25 unique sub-event types', () => {
  const file = JSON.parse(readFileSync(new URL('taxonomy.json', dataDir), 'utf8'));
  assert.equal(compileTaxonomy(file).subEvents.size, 25);
  const broken = structuredClone(file);
  broken.event_types[0].sub_event_types.pop();
  assert.throws(() => compileTaxonomy(broken), /25 sub-event types/);
  const badRule = structuredClone(file);
  badRule.rules.list.push({ sub: 'Picnic', any: ['air'] });
  assert.throws(() => compileTaxonomy(badRule), /unknown sub-event type/);
});

test('classification follows weapon, target and agent', () => {
  const lex = loadLexicon();
  const c = (cues: string[], target: 'civilian' | 'armed' | null = null, actor1Inter: number | null = null, anchorText = '') =>
    classify(lex, { cues: new Set(cues), target, actor1Inter, anchorText })?.sub.name;
  assert.equal(c(['air', 'violence'], 'civilian'), 'Air/drone strike');
  assert.equal(c(['violence'], 'civilian'), 'Attack');
  assert.equal(c(['violence'], 'armed'), 'Armed clash');
  assert.equal(c(['protest', 'intervention']), 'Protest with intervention');
  assert.equal(c(['protest', 'lethal_force']), 'Excessive force against protesters');
  assert.equal(c(['protest', 'riot']), 'Violent demonstration');
  assert.equal(c(['territory'], null, 1), 'Government regains territory');
  assert.equal(c(['territory'], null, 2), 'Non-state actor overtakes territory');
  assert.equal(c(['territory'], null, null, 'recaptured'), 'Government regains territory');
  assert.equal(c(['victim']), undefined);
});
