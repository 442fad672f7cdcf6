// The camera's first view of a scenario: a constellation that fits in a small region (a formation,
// a single satellite) is framed from just above it at the window's start; anything larger keeps the
// whole-Earth view.

import * as orbit from './orbit.mjs';
import { metres } from './units.mjs';

const FRAME_SATELLITES_MAX = 5000;
const FRAME_EXTENT_KM = 2000;

// Sets `camera` above the satellites of `data` (orbit.mjs's prepared payload) when they are compact.
export function frameCompact(camera, data) {
  if (data.count > FRAME_SATELLITES_MAX) return;
  const centre = [0, 0, 0];
  const points = [];
  for (let i = 0; i < data.count; i += 1) {
    const r = orbit.positionKm(data, i, 0);
    points.push(r);
    for (let k = 0; k < 3; k += 1) centre[k] += r[k] / data.count;
  }
  const extent = Math.max(...points.map((r) => Math.hypot(r[0] - centre[0], r[1] - centre[1], r[2] - centre[2])));
  if (!(extent < FRAME_EXTENT_KM)) return;
  const radius = Math.hypot(...centre);
  const scale = 1 + Math.max(10 * extent, data.count === 1 ? 2000 : 0, 5) / radius;
  camera.setView({ destination: metres(centre.map((x) => x * scale)) });
}

