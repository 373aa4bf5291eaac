import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileScope, inScope, type ScopeFile } from './scope.ts';
import type { ActorField, EventRecord } from './types.ts';

const file: ScopeFile = {
  crime_not_coded: ['USA'],
  ordinary_actors: '^(?:Unidentified Armed Group \\(|Civilians \\(|Police Forces of )',
  ordinary_inter: [0, 7],
  political_context: 'synagogues?|protesters',
  kept_event_types: ['Protests'],
  kept_sub_event_types: ['Air/drone strike'],
  agent_required: ['Arrests'],
};
const known = { types: new Set(['Protests', 'Air/drone strike', 'Arrests', 'Attack']), countries: new Set(['USA', 'MEX']) };
const scope = compileScope(file, known);
const actor = (name: string): ActorField => ({ name, inter: 3, text: name });

function event(over: Partial<EventRecord>, sentence = 'A man was shot dead.'): EventRecord {
  return {
    id: 'e', document_id: 'd', event_date: null, date: { start: null, end: null, precision: 1, text: null },
    event_type: 'Violence against civilians', sub_event_type: 'Attack', disorder_type: 'Political violence',
    actor1: actor('Unidentified Armed Group (United States)'), actor2: actor('Civilians (United States)'), assoc_actors: [],
    interaction: 37, civilian_targeting: true, location: null, fatalities: null, injuries: null,
    sources: [{ outlet: null, claimed_by: null, document_id: 'd', sentence, start: 0, end: sentence.length }],
    confidence: 0.5, notes: '', plover: { event: 'ASSAULT', mode: null }, ...over,
  };
}

test('an ordinary killing is out of scope only where crime is not coded, and only when every country named is such', () => {
  assert.equal(inScope(event({}), scope, ['USA']), false);
  assert.equal(inScope(event({}), scope, ['MEX']), true);
  assert.equal(inScope(event({}), scope, ['USA', 'MEX']), true, 'a place of the sentence in a country that codes crime');
  assert.equal(inScope(event({}), scope, ['USA', null]), true, 'a country not known');
});

test('a party, a type or the sentence can make it political', () => {
  assert.equal(inScope(event({ actor1: actor('Proud Boys') }), scope, ['USA']), true);
  assert.equal(inScope(event({ actor1: { ...actor('Women (United States)'), inter: 0 } }), scope, ['USA']), false, 'a group people are named by is no party');
  assert.equal(inScope(event({ event_type: 'Protests', sub_event_type: 'Peaceful protest' }), scope, ['USA']), true);
  assert.equal(inScope(event({ sub_event_type: 'Air/drone strike' }), scope, ['USA']), true);
  assert.equal(inScope(event({}, 'A man shot dead two worshippers at a synagogue.'), scope, ['USA']), true);
});

test('an arrest needs the party that made it, in every country', () => {
  assert.equal(inScope(event({ event_type: 'Strategic developments', sub_event_type: 'Arrests', actor1: null, actor2: null }), scope, ['MEX']), false);
  assert.equal(inScope(event({ event_type: 'Strategic developments', sub_event_type: 'Arrests', actor1: actor('Police Forces of Mexico (2018-)'), actor2: null }), scope, ['MEX']), true);
});

test('a name the taxonomy or ACLED does not know is refused at load', () => {
  assert.throws(() => compileScope({ ...file, agent_required: ['Arrest'] }, known), /"Arrest" is no ACLED/);
  assert.throws(() => compileScope({ ...file, crime_not_coded: ['UK'] }, known), /"UK" is no country/);
});
