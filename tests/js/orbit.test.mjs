// The browser's orbit model and visible-arc solver (assets/10_orbit.js, 20_lod.js) against numbers
// computed by orbital/ (tests/js/orbit_fixture.json, written by tests/js/fixture.py).
// Run: node --test tests/js/   (make test runs it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
require('../../assets/10_orbit.js');
require('../../assets/20_lod.js');
require('../../assets/30_pick.js');
const { orbitalOrbit: orbit, orbitalLod: lod, orbitalPick: pick } = globalThis;
const fixture = JSON.parse(readFileSync(new URL('./orbit_fixture.json', import.meta.url)));

for (const c of fixture.cases) {
  test(`${c.name}: positions agree with orbital/ within ${c.tolerance_km} km`, () => {
    const data = orbit.prepare(c.payload);
    let worst = 0;
    c.indices.forEach((index, i) => {
      c.seconds.forEach((t, k) => {
        const r = orbit.positionKm(data, index, t);
        const want = c.positions_km[i][k];
        worst = Math.max(worst, Math.hypot(r[0] - want[0], r[1] - want[1], r[2] - want[2]));
      });
    });
    assert.ok(worst < c.tolerance_km, `worst ${worst.toFixed(4)} km`);
  });

  test(`${c.name}: the visible-arc solver finds exactly the satellites inside each cap`, () => {
    const data = orbit.prepare(c.payload);
    const shown = new Set(data.groups.map((_, g) => g));
    for (const cap of c.caps) {
      const runs = lod.visibleRuns(data, shown, cap.seconds, () => ({ centre: cap.centre, cosRadius: cap.cos_radius }));
      const found = new Set(lod.runIndices(runs));
      const catalogue = data.groups.every((group) => group.orbits);
      if (catalogue) {
        assert.equal(found.size, data.count, 'every catalogue satellite is a candidate');
        continue;
      }
      for (const index of cap.inside) assert.ok(found.has(index), `satellite ${index} is inside but not found`);
      const allowed = new Set([...cap.inside, ...cap.edge]);
      for (const index of found) assert.ok(allowed.has(index), `satellite ${index} is found but outside`);
    }
  });
}

test('the draw budget thins evenly and counts what is in view', () => {
  const runs = [[0, 0, 1000, 1000], [5000, 990, 20, 1000]];
  const indices = new Uint32Array(100);
  const chosen = lod.chooseSatellites(runs, 100, indices);
  // 1,020 in view over a budget of 100: every 11th, 93 of them, each a different satellite of the runs.
  assert.deepEqual(chosen, { inView: 1020, drawn: 93, stride: 11 });
  const drawn = [...indices.subarray(0, chosen.drawn)];
  assert.equal(new Set(drawn).size, 93);
  assert.ok(drawn.every((i) => i < 1000 || (i >= 5990 && i < 6000) || (i >= 5000 && i < 5010)));
});

test('a satellite behind the Earth is hidden; one in front is not', () => {
  const camera = [20000, 0, 0];
  assert.equal(pick.behindEarth([-7000, 0, 0], camera, 6371), true);
  assert.equal(pick.behindEarth([7000, 0, 0], camera, 6371), false);
  assert.equal(pick.behindEarth([0, 7000, 0], camera, 6371), false);
});

test('a click picks the nearest drawn satellite within the pick radius', () => {
  const where = { 3: [10, 10], 7: [14, 10], 9: null };
  const project = (index) => where[index];
  assert.equal(pick.nearest(13, 10, [3, 7, 9], 3, project), 7);
  assert.equal(pick.nearest(100, 100, [3, 7, 9], 3, project), -1);
});
