// What is drawn around the selected satellite: its highlight ring, its orbit and its shell's planes,
// Earth-fixed at the clock's instant (the orbit model of 10_orbit.js, in double precision).
(function (root) {
  'use strict';

  const orbit = root.orbitalOrbit;
  const pick = root.orbitalPick;

  // The ring and orbit of the selection's partner (the other satellite of a close approach).
  const PARTNER_COLOUR = '#ff9f0a';

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
      if (state.partner) {
        state.orbits.add({ positions: ring(state.data, state.partner.second, t), width: 2,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.fromCssColorString(PARTNER_COLOUR) }) });
      }
    }
  }

  // The rings around the selected satellite and its partner, hidden behind the Earth.
  function placeHighlight(state, t, camera) {
    [state.selected, state.partner ? state.partner.second : -1].forEach((index, k) => {
      const point = state.highlight.get(k);
      if (index < 0) { point.show = false; return; }
      const r = orbit.positionKm(state.data, index, t);
      point.show = !pick.behindEarth(r, camera, state.data.constants.occluding_radius_km);
      point.position = metres(r);
    });
  }

  root.orbitalOverlays = { PARTNER_COLOUR, metres, drawOrbits, placeHighlight };
}(window));
