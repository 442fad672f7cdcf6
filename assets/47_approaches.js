// Close approaches on the globe: a marker at the pair's place for a while around each closest approach
// the traffic job found (its rows repeat every half orbit for rigid shells), hidden behind the Earth.
(function (root) {
  'use strict';

  const orbit = root.orbitalOrbit;
  const pick = root.orbitalPick;
  const overlays = root.orbitalOverlays;

  // A marker shows this long either side of its approach, s of the clock.
  const SHOW_S = 300;
  const COLOUR = '#ff3b30';

  // The approach of `row` nearest to clock time `t` (its repeats included), s.
  function nearestApproachS(row, t) {
    if (!(row.repeat_s > 0)) return row.tca_s;
    const k = Math.max(0, Math.min(row.passes - 1, Math.round((t - row.tca_s) / row.repeat_s)));
    return row.tca_s + k * row.repeat_s;
  }

  // Keep `rows` (from the traffic job, closest first) and make one marker each.
  function set(state, rows) {
    state.approaches = Array.isArray(rows) ? rows.filter((row) => row.first < (state.data ? state.data.count : 0)) : [];
    state.approachMarks.removeAll();
    state.approaches.forEach(() => state.approachMarks.add({
      pixelSize: 11, color: Cesium.Color.fromCssColorString(COLOUR).withAlpha(0.9),
      outlineColor: Cesium.Color.WHITE, outlineWidth: 2, show: false,
    }));
  }

  // Each frame: show the markers whose approach is within SHOW_S of `t`, at the first satellite.
  function place(state, t, camera) {
    const rows = state.approaches || [];
    for (let k = 0; k < rows.length; k += 1) {
      const mark = state.approachMarks.get(k);
      const near = Math.abs(nearestApproachS(rows[k], t) - t) <= SHOW_S;
      if (!near) { mark.show = false; continue; }
      const r = orbit.positionKm(state.data, rows[k].first, t);
      mark.show = !pick.behindEarth(r, camera, state.data.constants.occluding_radius_km);
      mark.position = overlays.metres(r);
    }
  }

  // The approach shown nearest the screen point (x, y) within `radiusPx`, or null.
  function at(state, x, y, radiusPx, toScreen) {
    let best = null;
    let bestD = radiusPx;
    (state.approaches || []).forEach((row, k) => {
      if (!state.approachMarks.get(k).show) return;
      const p = toScreen(row.first);
      if (!p) return;
      const d = Math.hypot(p[0] - x, p[1] - y);
      if (d < bestD) { bestD = d; best = row; }
    });
    return best;
  }

  // The first approach shown now, with its place on the canvas (toScreen(index) → [x, y] or null):
  // { first, second, x, y }, or null.
  function firstShown(state, toScreen) {
    const k = (state.approaches || []).findIndex((_, j) => state.approachMarks.get(j).show);
    const p = k < 0 ? null : toScreen(state.approaches[k].first);
    return p && { first: state.approaches[k].first, second: state.approaches[k].second, x: p[0], y: p[1] };
  }

  root.orbitalApproaches = { SHOW_S, nearestApproachS, set, place, at, firstShown };
}(window));
