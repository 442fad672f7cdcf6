// Level of detail: which satellites the camera can see (over the horizon and inside the view
// frustum), solved plane by plane in closed form, and which of them to draw within a budget. Pure
// functions (no Cesium): the camera enters as its position (km, Earth-fixed) and the frustum's side
// planes (km, from units.mjs). Units: km, rad, s.

import * as orbit from './orbit.mjs';
import { behindEarth } from './pick.mjs';

// Catalogue satellites (each on its own orbit) are tested one by one up to this many a group; a
// larger catalogue's satellites are all candidates and the shader culls them.
const PER_SATELLITE_TEST_MAX = 100000;

// The half-spaces bounding what the camera sees, as constraints on a satellite's unit direction ŝ
// (Earth-fixed) at orbit radius aKm: [{normal, min}] with normal · ŝ ≥ min. The horizon: ŝ within
// acos(R/d) + acos(R/a) of the camera's direction (R the occluding radius, d the camera's distance);
// each side plane of the view frustum ({x, y, z, w}: n · p + w ≥ 0 inside, p and w in km).
export function viewConstraints(aKm, camera, planes, occludingKm) {
  const distance = Math.hypot(camera[0], camera[1], camera[2]);
  const limb = Math.acos(Math.min(occludingKm / distance, 1)) + Math.acos(Math.min(occludingKm / aKm, 1));
  const out = [{ normal: camera.map((x) => x / distance), min: Math.cos(Math.min(limb, Math.PI)) }];
  for (const plane of planes) out.push({ normal: [plane.x, plane.y, plane.z], min: -plane.w / aKm });
  return out;
}

// Whether position r (km, Earth-fixed) is in view: in front of the Earth and inside every plane.
export function inView(r, camera, planes, occludingKm) {
  if (behindEarth(r, camera, occludingKm)) return false;
  return planes.every((p) => p.x * r[0] + p.y * r[1] + p.z * r[2] + p.w >= 0);
}

// Slot intervals [start, end) within [0, slots) of the integer range lo … lo + length − 1 (mod slots).
function wrapped(lo, length, slots) {
  if (length <= 0) return [];
  if (length >= slots) return [[0, slots]];
  const start = ((lo % slots) + slots) % slots;
  return start + length <= slots ? [[start, start + length]] : [[start, slots], [0, start + length - slots]];
}

// The intervals common to two lists of slot intervals.
function intersect(a, b) {
  const out = [];
  for (const [s0, e0] of a) {
    for (const [s1, e1] of b) {
      const s = Math.max(s0, s1);
      const e = Math.min(e0, e1);
      if (e > s) out.push([s, e]);
    }
  }
  return out;
}

// Runs of satellites in view in each shown group at t s: [first index, first slot, length, slots
// per plane] per run. constraintsFor(aKm) gives the view's constraints at a radius (viewConstraints);
// a lattice shell is solved plane by plane in closed form (each constraint is an arc of the orbit,
// R cos(u − φ) ≥ min, and the slots in every arc are in view); a formation is tested satellite by
// satellite against the constraints; a catalogue with visibleAt(rKm), position by position.
export function visibleRuns(data, shown, t, constraintsFor, visibleAt) {
  const runs = [];
  const theta = orbit.earthAngle(data, t);
  data.groups.forEach((group, g) => {
    if (!shown.has(g)) return;
    if (group.orbits) {
      if (!visibleAt || group.count > PER_SATELLITE_TEST_MAX) { runs.push([group.offset, 0, group.count, group.count]); return; }
      let first = -1;
      for (let k = 0; k <= group.count; k += 1) {
        const seen = k < group.count && visibleAt(orbit.positionKm(data, group.offset + k, t));
        if (seen && first < 0) first = k;
        if (!seen && first >= 0) { runs.push([group.offset + first, 0, k - first, k - first]); first = -1; }
      }
      return;
    }
    const constraints = constraintsFor(group.semi_major_axis_km);
    const nodeShift = group.node_rate_rad_s * t - theta;
    const uShift = group.u_rate_rad_s * t;
    const layout = group.layout;
    if (!layout) {
      for (let k = 0; k < group.count; k += 1) {
        const node = group.raan[k] + nodeShift;
        const u = group.u[k] + uShift;
        const cn = Math.cos(node); const sn = Math.sin(node); const cu = Math.cos(u); const su = Math.sin(u);
        const s = [cn * cu - sn * su * group.cosI, sn * cu + cn * su * group.cosI, su * group.sinI];
        if (constraints.every((c) => c.normal[0] * s[0] + c.normal[1] * s[1] + c.normal[2] * s[2] >= c.min)) {
          runs.push([group.offset + k, 0, 1, 1]);
        }
      }
      return;
    }
    const slots = layout.per_plane;
    const step = layout.u_slot_step_rad;
    for (let p = 0; p < layout.planes; p += 1) {
      const node = layout.raan0_rad + p * layout.raan_step_rad + nodeShift;
      const cn = Math.cos(node); const sn = Math.sin(node);
      const base = layout.u0_rad + p * layout.u_plane_step_rad + uShift;
      let intervals = [[0, slots]];
      for (const c of constraints) {
        // The orbit is cos u · e1 + sin u · e2; its angle ψ to the normal obeys cos ψ = R cos(u − φ).
        const n = c.normal;
        const A = n[0] * cn + n[1] * sn;
        const B = -n[0] * sn * group.cosI + n[1] * cn * group.cosI + n[2] * group.sinI;
        const R = Math.hypot(A, B);
        if (R < c.min) { intervals = []; break; }
        if (-R >= c.min) continue;
        if (slots === 1 || step === 0) {
          if (R * Math.cos(base - Math.atan2(B, A)) < c.min) { intervals = []; break; }
          continue;
        }
        const half = Math.acos(c.min / R);
        const centre = Math.atan2(B, A);
        let lo = (centre - half - base) / step;
        let hi = (centre + half - base) / step;
        if (step < 0) [lo, hi] = [hi, lo];
        const start = Math.ceil(lo);
        intervals = intersect(intervals, wrapped(start, Math.min(Math.floor(hi) - start + 1, slots), slots));
        if (!intervals.length) break;
      }
      for (const [s0, e0] of intervals) runs.push([group.offset + p * slots, s0, e0 - s0, slots]);
    }
  });
  return runs;
}

// Satellite indices of the runs, one after the other (for tests and small runs).
export function runIndices(runs) {
  const out = [];
  for (const [first, slot, length, slots] of runs) {
    for (let j = 0; j < length; j += 1) out.push(first + ((slot + j) % slots));
  }
  return out;
}

// Fills `indices` (a Uint32Array of at least `budget`) with every satellite of the runs, or an
// even 1-in-k of them over budget. Returns { inView, drawn, stride }.
export function chooseSatellites(runs, budget, indices) {
  let inView = 0;
  for (const run of runs) inView += run[2];
  const stride = Math.max(1, Math.ceil(inView / budget));
  let count = 0;
  let position = 0;
  for (const [first, slot, length, slots] of runs) {
    for (let j = (stride - (position % stride)) % stride; j < length && count < budget; j += stride) {
      const s = slot + j;
      indices[count] = first + (s >= slots ? s - slots : s);
      count += 1;
    }
    position += length;
  }
  return { inView, drawn: count, stride };
}

// The draw budget follows the frame time: every ADAPT_MS, the median interval between the last
// frames (ms; pauses over IDLE_MS left out) against TARGET_FRAME_MS raises the budget by STEP while
// more is in view than drawn and frames are fast, and lowers it by STEP while they are slow, within
// [BUDGET_MIN, max]. So a GPU draws every satellite in view and software WebGL thins them.
const TARGET_FRAME_MS = 1000 / 30;
export const ADAPT_MS = 1000;
export const BUDGET_MIN = 20000;
const IDLE_MS = 500;
const STEP = 1.5;
export function adaptBudget(budget, frameTimesMs, thinned, max) {
  const last = frameTimesMs.slice(-31);
  const recent = last.slice(1).map((x, k) => x - last[k]).filter((x) => x < IDLE_MS).sort((a, b) => a - b);
  if (recent.length < 5) return budget;
  const median = recent[recent.length >> 1];
  if (median < 0.8 * TARGET_FRAME_MS && thinned) return Math.min(max, Math.round(budget * STEP));
  if (median > 1.25 * TARGET_FRAME_MS) return Math.max(BUDGET_MIN, Math.round(budget / STEP));
  return budget;
}

// Point size (px) and opacity of the satellites drawn, from how many are drawn on a canvas of
// `canvasPx` CSS pixels: each point as large as leaves them covering about COVER_SIZE of the canvas
// (SIZE_MIN … SIZE_MAX px, whole pixels so a point's colour is exact), and where even the smallest
// would cover more than COVER_OPAQUE, translucent in proportion (down to ALPHA_MIN), so a dense
// constellation reads as a cloud with the Earth beneath, not a slab of colour.
const COVER_SIZE = 0.25;
const COVER_OPAQUE = 0.4;
const SIZE_MIN = 1;
const SIZE_MAX = 5;
const ALPHA_MIN = 0.15;
export function pointStyle(drawn, canvasPx) {
  if (!(drawn > 0) || !(canvasPx > 0)) return { sizePx: SIZE_MAX, alpha: 1 };
  const sizePx = Math.min(SIZE_MAX, Math.max(SIZE_MIN, Math.floor(Math.sqrt((COVER_SIZE * canvasPx) / drawn))));
  const cover = (drawn * sizePx * sizePx) / canvasPx;
  return { sizePx, alpha: Math.max(ALPHA_MIN, Math.min(1, COVER_OPAQUE / cover)) };
}

// The status line: what is in view and what is drawn of it, and why (`pinned`: a fixed budget).
export function statusText({ inView, drawn, stride }, pinned) {
  if (stride <= 1) return `${inView.toLocaleString('en-US')} satellites in view, all drawn`;
  const why = pinned ? 'a fixed budget' : `the frame time under ${Math.round(TARGET_FRAME_MS)} ms`;
  return `${drawn.toLocaleString('en-US')} of ${inView.toLocaleString('en-US')} satellites in view drawn `
    + `(1 in ${stride}, to keep ${why})`;
}

