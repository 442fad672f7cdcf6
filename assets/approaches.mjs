// Close approaches on the globe: a marker at the pair's place for a while around each closest approach
// the traffic job found (its rows repeat every half orbit for rigid shells), hidden behind the Earth.

import * as orbit from './orbit.mjs';
import { behindEarth } from './pick.mjs';
import { metres } from './units.mjs';

// A marker shows this long either side of its approach, s of the clock.
const SHOW_S = 300;
const COLOUR = '#ff3b30';

// The approach of `row` nearest to clock time `t` (its repeats included), s.
function nearestApproachS(row, t) {
  if (!(row.repeat_s > 0)) return row.tca_s;
  const k = Math.max(0, Math.min(row.passes - 1, Math.round((t - row.tca_s) / row.repeat_s)));
  return row.tca_s + k * row.repeat_s;
}

// The approaches' rows and their markers, a Cesium collection added through add(primitive) (viewer.mjs).
export class Approaches {
  constructor(add) {
    this.rows = [];
    this.marks = add(new Cesium.PointPrimitiveCollection());
  }

  // Keep `rows` (from the traffic job, closest first) of satellites below `count`, one marker each.
  set(rows, count) {
    this.rows = Array.isArray(rows) ? rows.filter((row) => row.first < count) : [];
    this.marks.removeAll();
    this.rows.forEach(() => this.marks.add({
      pixelSize: 11, color: Cesium.Color.fromCssColorString(COLOUR).withAlpha(0.9),
      outlineColor: Cesium.Color.WHITE, outlineWidth: 2, show: false,
    }));
  }

  // Each frame: show the markers whose approach is within SHOW_S of `t`, at the first satellite.
  place(data, t, cameraKm) {
    this.rows.forEach((row, k) => {
      const mark = this.marks.get(k);
      if (Math.abs(nearestApproachS(row, t) - t) > SHOW_S) { mark.show = false; return; }
      const r = orbit.positionKm(data, row.first, t);
      mark.show = !behindEarth(r, cameraKm, data.constants.occluding_radius_km);
      mark.position = metres(r);
    });
  }

  // Rows whose marker shows now.
  shown() {
    return this.rows.filter((_, k) => this.marks.get(k).show);
  }

  // The approach shown nearest the screen point (x, y) within `radiusPx` (toScreen(index) → [x, y] or
  // null), or null.
  at(x, y, radiusPx, toScreen) {
    let best = null;
    let bestD = radiusPx;
    for (const row of this.shown()) {
      const p = toScreen(row.first);
      const d = p ? Math.hypot(p[0] - x, p[1] - y) : Infinity;
      if (d < bestD) { bestD = d; best = row; }
    }
    return best;
  }

  // The first approach shown now, with its place on the canvas: { first, second, x, y }, or null.
  firstShown(toScreen) {
    const row = this.shown()[0];
    const p = row ? toScreen(row.first) : null;
    return p && { first: row.first, second: row.second, x: p[0], y: p[1] };
  }
}
