/** The pipeline's stages run in an order where each reads only what an earlier one wrote. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STAGES } from '../src/pipeline.ts';

test('every stage reads only what the stages before it wrote', () => {
  const written = new Set<string>();
  for (const stage of STAGES) {
    for (const read of stage.reads) assert.ok(written.has(read), `${stage.name} reads ${read} before any stage writes it`);
    written.add(stage.writes);
  }
  assert.deepEqual(STAGES.map((s) => s.name).slice(0, 3), ['text', 'places', 'actors']);
});
