// What is drawn around the selected satellite: its highlight ring, its orbit and its shell's planes,
// Earth-fixed at the clock's instant (the orbit model of 10_orbit.js, in double precision).
(function (root) {
  'use strict';

  const orbit = root.orbitalOrbit;
  const pick = root.orbitalPick;

  function metres(r) {
    return new Cesium.Cartesian3(1000 * r[0], 1000 * r[1], 1000 * r[2]);
  }

  // Rings of one orbit period in the inertial frame, drawn Earth-fixed at the current instant.
  function ring(data, index, t) {
    const positions = [];
    for (let j = 0; j <= 90; j += 1) positions.push(metres(orbit.positionKm(data, index, t, orbit.TWO_PI * j / 90)));
    return positions;
  }

  // The globe's polylines (state.orbits) for the selection and the orbit modes ('satellite', 'shell').
  function drawOrbits(state, t) {
    state.orbits.removeAll();
    const index = state.selected;
    if (index < 0 || !state.data) return;
    if (state.orbitModes.includes('shell')) {
      const group = state.data.groups[orbit.groupOf(state.data, index)];
      const planes = group.layout ? group.layout.planes : 1;
      const perPlane = group.layout ? group.layout.per_plane : group.count;
      const every = Math.max(1, Math.ceil(planes / 72));
      for (let p = 0; p < planes; p += every) {
        state.orbits.add({ positions: ring(state.data, group.offset + p * perPlane, t), width: 1,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.WHITE.withAlpha(0.25) }) });
      }
    }
    if (state.orbitModes.includes('satellite')) {
      state.orbits.add({ positions: ring(state.data, index, t), width: 2,
        material: Cesium.Material.fromType('Color', { color: Cesium.Color.CYAN }) });
    }
  }

  // The ring around the selected satellite, hidden behind the Earth.
  function placeHighlight(state, t, camera) {
    const point = state.highlight.get(0);
    if (state.selected < 0) { point.show = false; return; }
    const r = orbit.positionKm(state.data, state.selected, t);
    point.show = !pick.behindEarth(r, camera, state.data.constants.occluding_radius_km);
    point.position = metres(r);
  }

  root.orbitalOverlays = { metres, drawOrbits, placeHighlight };
}(window));
