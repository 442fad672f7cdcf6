// The browser's orbit model and visible-arc solver (assets/orbit.mjs, lod.mjs) against numbers
// computed by orbital/ (tests/js/orbit_fixture.json, written by tests/js/fixture.py).
// Run: node --test tests/js/   (make test runs it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import * as hover from '../../assets/hover.mjs';
import * as lod from '../../assets/lod.mjs';
import * as orbit from '../../assets/orbit.mjs';
import * as pick from '../../assets/pick.mjs';
import { planesKm } from '../../assets/units.mjs';
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

  test(`${c.name}: the Sun's visible fraction agrees with orbital/, penumbra included`, () => {
    const data = orbit.prepare(c.payload);
    // A position error of tolerance_km moves a satellite through ~1/75 of the ~75 km penumbra; the
    // browser takes the Sun's disc at 1 AU (0.4 % of the fraction in the penumbra in June, 1.016 AU).
    const tolerance = Math.min(1, 0.01 + c.tolerance_km / 75);
    const lit = (index, t) => orbit.visibleFraction(orbit.positionKm(data, index, t), orbit.sunEarthFixed(data, t),
      data.constants);
    c.indices.forEach((index, i) => c.seconds.forEach((t, k) => {
      assert.ok(Math.abs(lit(index, t) - c.lit[i][k]) <= tolerance, `satellite ${index} at ${t} s`);
    }));
    assert.ok(c.penumbra.length > 0);
    for (const [index, t, want] of c.penumbra) {
      const got = lit(index, t);
      assert.ok(Math.abs(got - want) <= tolerance, `penumbra: satellite ${index} at ${t} s: ${got} against ${want}`);
    }
  });

  test(`${c.name}: the hover tooltip names satellites of shells of planes as orbital/ does`, () => {
    const data = orbit.prepare(c.payload);
    const named = c.indices.filter((index) => data.groups[orbit.groupOf(data, index)].layout);
    named.forEach((index) => assert.equal(hover.satelliteName(data, index), c.names[c.indices.indexOf(index)]));
    if (c.name === 'demo') assert.equal(named.length, c.indices.length);
    assert.match(hover.describe(data, c.indices[0], 0), / · [\d,]+ km · (sunlit|umbra|penumbra)/);
  });

  test(`${c.name}: the visible-arc solver finds exactly the satellites inside each cap`, () => {
    const data = orbit.prepare(c.payload);
    const shown = new Set(data.groups.map((_, g) => g));
    for (const cap of c.caps) {
      const runs = lod.visibleRuns(data, shown, cap.seconds, () => [{ normal: cap.centre, min: cap.cos_radius }]);
      const found = new Set(lod.runIndices(runs));
      const catalogue = data.groups.every((group) => group.orbits);
      if (catalogue) {
        assert.equal(found.size, data.count, 'without a position test, every catalogue satellite is a candidate');
        continue;
      }
      for (const index of cap.inside) assert.ok(found.has(index), `satellite ${index} is inside but not found`);
      const allowed = new Set([...cap.inside, ...cap.edge]);
      for (const index of found) assert.ok(allowed.has(index), `satellite ${index} is found but outside`);
    }
  });
}

for (const c of fixture.cases) {
  test(`${c.name}: the satellites in view (horizon and frustum, zoomed in and tilted) are those orbital/ puts there`, () => {
    const data = orbit.prepare(c.payload);
    const shown = new Set(data.groups.map((_, g) => g));
    const R = data.constants.occluding_radius_km;
    for (const view of c.views) {
      const planes = planesKm(view.planes); // the fixture's planes are Cesium's, in metres
      const runs = lod.visibleRuns(data, shown, view.seconds,
        (aKm) => lod.viewConstraints(aKm, view.camera_km, planes, R),
        (r) => lod.inView(r, view.camera_km, planes, R));
      const found = new Set(lod.runIndices(runs));
      for (const index of view.inside) assert.ok(found.has(index), `satellite ${index} is in view but not found`);
      const allowed = new Set([...view.inside, ...view.edge]);
      for (const index of found) assert.ok(allowed.has(index), `satellite ${index} is found but not in view`);
      const chosen = lod.chooseSatellites(runs, data.count, new Uint32Array(data.count));
      assert.ok(Math.abs(chosen.inView - view.inside.length) <= view.edge.length, 'the in-view count');
    }
  });
}

test('the draw budget follows the frame time: up while fast and thinned, down while slow, within bounds', () => {
  const every = (ms, n = 31) => Array.from({ length: n }, (_, k) => 1000 + k * ms); // frame timestamps
  const max = 1000000;
  assert.equal(lod.BUDGET_MIN, 20000);
  assert.equal(lod.adaptBudget(60000, every(10), true, max), 90000);
  assert.equal(lod.adaptBudget(60000, every(10), false, max), 60000); // all drawn already
  assert.equal(lod.adaptBudget(900000, every(10), true, max), max);
  assert.equal(lod.adaptBudget(60000, every(80), true, max), 40000);
  assert.equal(lod.adaptBudget(25000, every(80), true, max), 20000);
  assert.equal(lod.adaptBudget(60000, every(2000), true, max), 60000); // paused, not slow
  assert.equal(lod.adaptBudget(60000, every(10, 3), true, max), 60000); // too few frames to tell
  assert.equal(lod.statusText({ inView: 35231, drawn: 20000, stride: 2 }, false),
    '20,000 of 35,231 satellites in view drawn (1 in 2, to keep the frame time under 33 ms)');
  assert.equal(lod.statusText({ inView: 81, drawn: 81, stride: 1 }, true), '81 satellites in view, all drawn');
});

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

test('point size and opacity follow how densely the satellites drawn fill the canvas', () => {
  assert.deepEqual(lod.pointStyle(72, 500000), { sizePx: 5, alpha: 1 }); // a few: large, opaque
  assert.deepEqual(lod.pointStyle(60000, 500000), { sizePx: 1, alpha: 1 }); // one pixel each, still room
  const slab = lod.pointStyle(1000000, 420000); // a million on a 1366 × 768 screen's globe
  assert.equal(slab.sizePx, 1);
  assert.ok(slab.alpha < 0.2, `${slab.alpha}`);
  let last = { sizePx: Infinity, alpha: Infinity };
  for (let drawn = 10; drawn <= 1e6; drawn *= 1.7) {
    const style = lod.pointStyle(drawn, 420000);
    assert.ok(style.sizePx <= last.sizePx && (style.sizePx < last.sizePx || style.alpha <= last.alpha), `${drawn}`);
    assert.ok((drawn * style.sizePx ** 2 * style.alpha) / 420000 <= 0.45 || style.alpha === 0.15, `${drawn}`);
    last = style;
  }
});
