/** The cue files of data/derive: provenance comment, lists of distinct lower-case phrases. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import control from '../data/derive/control.json' with { type: 'json' };
import displacement from '../data/derive/displacement.json' with { type: 'json' };

for (const [name, file] of Object.entries({ control, displacement }) as [string, Record<string, unknown>][]) {
  test(`data/derive/${name}.json: provenance and clean phrase lists`, () => {
    assert.match(String(file.$comment), /Source:.*Reviewed: sitrep derive \d{4}-\d{2}-\d{2}/s);
    for (const [key, value] of Object.entries(file)) {
      if (key === '$comment' || !Array.isArray(value)) continue;
      assert.ok(value.length > 0, `${key} is empty`);
      for (const phrase of value) {
        assert.equal(typeof phrase, 'string', `${key}: ${phrase}`);
        assert.equal(phrase, phrase.toLowerCase().trim(), `${key}: "${phrase}" must be lower-case and trimmed`);
      }
      assert.equal(new Set(value).size, value.length, `${key} has duplicates`);
    }
  });
}

test('data/derive/control.json: every transfer maps an ACLED sub-event type to a kind', () => {
  for (const [sub, kind] of Object.entries(control.transfers)) assert.ok(sub.length > 0 && ['takeover', 'regain', 'transfer'].includes(kind), sub);
});
