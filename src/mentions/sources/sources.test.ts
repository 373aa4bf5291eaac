import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeDoc } from '../../text/index.ts';
import { findSources, sourcesInText } from './index.ts';

function who(text: string) {
  return sourcesInText(text).map((s) => [s.name, s.kind, text.slice(s.start, s.end)]);
}

test('speakers before a reporting verb, with canonical names for known sources', () => {
  assert.deepEqual(who('IS captured territory on Friday, the Syrian Observatory for Human Rights reported.'), [
    ['Syrian Observatory for Human Rights', 'monitor', 'the Syrian Observatory for Human Rights reported'],
  ]);
  assert.deepEqual(who('Thousands have fled, a monitor said on Sunday.'), [['a monitor', 'monitor', 'a monitor said']]);
  assert.deepEqual(who('The Local Coordination Committees network said the strikes killed four.')[0].slice(0, 2), ['Local Coordination Committees', 'monitor']);
  assert.deepEqual(who('The group launched the offensive Thursday, Reuters reports.')[0].slice(0, 2), ['Reuters', 'outlet']);
  assert.deepEqual(who('“Civilians are caught in the cross-fire”, the statement said.')[0].slice(0, 2), ['the statement', 'unnamed']);
  assert.deepEqual(who('The health ministry said on Monday 12 people were killed.')[0].slice(0, 2), ['The health ministry', 'official']);
  assert.deepEqual(who('Residents said the army shelled the village.')[0].slice(0, 2), ['Residents', 'witness']);
  // a role word at the start of a sentence is no name to look up: "soldiers" after it does not make the witnesses officials
  const doc = makeDoc({ id: 'w', text: 'Witnesses said soldiers shot dead two protesters in Khartoum.' });
  assert.deepEqual(findSources(doc).map((s) => [s.name, s.kind]), [['Witnesses', 'witness']]);
});

test('according to, told, inverted speech and appositions', () => {
  assert.deepEqual(who('According to local sources, 5 people died.')[0].slice(0, 2), ['local sources', 'unnamed']);
  assert.deepEqual(who('Security sources told AFP that the bomb exploded.').map((s) => s.slice(0, 2)), [['Security sources', 'unnamed'], ['Agence France-Presse', 'outlet']]);
  assert.deepEqual(who('“It was a bomb,” said a U.S. Embassy official in Nairobi.')[0].slice(0, 2), ['a U.S. Embassy official', 'official']);
  assert.deepEqual(who('Ahmad Khan, a spokesman for the ministry, said 10 died.')[0][1], 'official');
  assert.deepEqual(who('He said the loss of the corridor would hurt Turkey.'), []);
  assert.deepEqual(who('The report was ignored.'), []);
});

test('noun uses and participles are no speakers; a bare name takes the role the story gave it', () => {
  assert.deepEqual(who('U.S. officials have yet to comment on the Iraqi claims.'), []);
  assert.deepEqual(who('Forces advanced on the town, saying the group was retreating.'), []);
  assert.deepEqual(who('The Islamist group al-Shabab immediately claimed the attack.')[0].slice(0, 2), ['The Islamist group al-Shabab', 'organisation']);
  assert.deepEqual(who('ECOWAS said the coup had failed.')[0].slice(0, 2), ['ECOWAS', 'organisation']);
  const doc = makeDoc({ id: 'd', text: 'U.S. Secretary of State Marco Rubio met the envoy.\nRubio said talks would go on.\nJian Badrakhan, a farmer, fled.\nBadrakhan told reporters the village burned.' });
  assert.deepEqual(findSources(doc).map((s) => [s.name, s.kind]), [['Rubio', 'official'], ['Badrakhan', 'witness']]);
});

test('findSources: spans slice back and name the sentence they back', () => {
  const doc = makeDoc({ id: 'd', text: 'Share\nIS took Marea on Friday, the Syrian Observatory for Human Rights reported. Rebels fled, a monitor said.' });
  const sources = findSources(doc);
  assert.deepEqual(sources.map((s) => [s.name, s.sentence]), [['Syrian Observatory for Human Rights', 0], ['a monitor', 1]]);
  for (const s of sources) assert.equal(doc.text.slice(s.start, s.end), s.text);
});

test('data/lexicon source files are well formed: kinds known, no alias names two sources', async () => {
  const read = async (name: string) => (await import(`../../../data/lexicon/${name}`, { with: { type: 'json' } })).default;
  const [known, verbs] = await Promise.all([read('known-sources.json'), read('reporting-verbs.json')]);
  const kinds = new Set(['monitor', 'outlet', 'official', 'witness', 'organisation', 'unnamed']);
  const aliasOf = new Map<string, string>();
  for (const e of known.entries) {
    assert.ok(kinds.has(e.kind), `${e.name}: unknown kind ${e.kind}`);
    assert.ok(e.aliases.includes(e.name) || e.aliases.length > 0);
    for (const a of e.aliases) {
      assert.ok(!aliasOf.has(a) || aliasOf.get(a) === e.name, `alias "${a}" names ${aliasOf.get(a)} and ${e.name}`);
      aliasOf.set(a, e.name);
    }
  }
  for (const k of Object.keys(known.roleWords)) assert.ok(kinds.has(k), `roleWords kind ${k}`);
  assert.equal(new Set(verbs.after).size, verbs.after.length, 'duplicate reporting verb');
});
