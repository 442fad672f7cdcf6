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
require('../../assets/49_hover.js');
const { orbitalOrbit: orbit, orbitalLod: lod, orbitalPick: pick, orbitalHover: hover } = globalThis;
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

// A camera 9,000 km up over (lon, lat) looking down, tilted by `tiltDeg` towards the north, with a
// 60° × 40° view: its four side planes ({x, y, z, w}, metres, inside n · p + w ≥ 0), as Cesium gives them.
function frustumPlanes(camera, tiltDeg) {
  const norm = (v) => { const n = Math.hypot(...v); return v.map((x) => x / n); };
  const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const down = norm(camera.map((x) => -x));
  const east = norm(cross([0, 0, 1], camera));
  const north = cross(norm(camera), east);
  const tilt = (tiltDeg * Math.PI) / 180;
  const forward = down.map((x, k) => Math.cos(tilt) * x + Math.sin(tilt) * north[k]);
  const up = norm(cross(east, forward));
  const sides = [[east, 30], [east.map((x) => -x), 30], [up, 20], [up.map((x) => -x), 20]];
  return sides.map(([axis, halfDeg]) => {
    const h = (halfDeg * Math.PI) / 180;
    const n = norm(forward.map((x, k) => Math.sin(h) * x - Math.cos(h) * axis[k]));
    return { x: n[0], y: n[1], z: n[2], w: -1000 * (n[0] * camera[0] + n[1] * camera[1] + n[2] * camera[2]) };
  });
}

// The demo's payload with a dense Walker lattice added (100 planes × 100 slots at 1,200 km, 70°), so
// that many satellites sit near every edge of the view.
function withDenseShell(payload) {
  const dense = { name: 'dense', offset: payload.count, count: 10000, semi_major_axis_km: 7578.137,
    inclination_rad: 70 * Math.PI / 180, node_rate_rad_s: -1e-7, u_rate_rad_s: 9.6e-4,
    layout: { planes: 100, per_plane: 100, raan0_rad: 0.1, raan_step_rad: 2 * Math.PI / 100, u0_rad: 0.2,
      u_slot_step_rad: 2 * Math.PI / 100, u_plane_step_rad: 2 * Math.PI * 37 / 10000 } };
  return { ...payload, count: payload.count + dense.count, groups: [...payload.groups, dense] };
}

const viewCases = [...fixture.cases, { name: 'demo and a dense lattice', payload: withDenseShell(fixture.cases[0].payload) }];
for (const c of viewCases) {
  test(`${c.name}: satellites in view (horizon and frustum) are found exactly, zoomed in and tilted`, () => {
    const data = orbit.prepare(c.payload);
    const shown = new Set(data.groups.map((_, g) => g));
    const R = data.constants.occluding_radius_km;
    let seen = 0;
    const r0 = orbit.positionKm(data, 0, 0);
    const over0 = [Math.atan2(r0[1], r0[0]) * 180 / Math.PI, Math.asin(r0[2] / Math.hypot(...r0)) * 180 / Math.PI];
    for (const [lon, lat, tilt, t] of [[-75, 35, 0, 0], [-75, 35, 70, 1234.5], [20, -10, 40, 7200], [140, 60, 85, 21600],
      [...over0, 10, 0]]) {
      const rad = Math.PI / 180;
      const radius = R + 9000;
      const camera = [radius * Math.cos(lat * rad) * Math.cos(lon * rad), radius * Math.cos(lat * rad) * Math.sin(lon * rad),
        radius * Math.sin(lat * rad)];
      const planes = frustumPlanes(camera, tilt);
      const runs = lod.visibleRuns(data, shown, t, (aKm) => lod.viewConstraints(aKm, camera, planes, R),
        (r) => lod.inView(r, camera, planes, R));
      const found = new Set(lod.runIndices(runs));
      for (let index = 0; index < data.count; index += 1) {
        const r = orbit.positionKm(data, index, t);
        const margin = Math.min(...planes.map((p) => 1000 * (p.x * r[0] + p.y * r[1] + p.z * r[2]) + p.w)) / 1000;
        if (Math.abs(margin) < 1e-6) continue; // on a plane: either way
        assert.equal(found.has(index), lod.inView(r, camera, planes, R), `satellite ${index} at ${t} s, tilt ${tilt}°`);
      }
      seen += found.size;
    }
    assert.ok(seen > 0, 'some satellites are in view');
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
