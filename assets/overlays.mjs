// What is drawn around the selected satellite: its highlight ring, its orbit and its shell's planes,
// Earth-fixed at the clock's instant (the orbit model of orbit.mjs, in double precision). The
// selection's partner (the other satellite of a close approach) gets a ring and orbit of its own.

import * as orbit from './orbit.mjs';
import { behindEarth } from './pick.mjs';
import { metres } from './units.mjs';

const PARTNER_COLOUR = '#ff9f0a';

// Rings of one orbit period in the inertial frame, drawn Earth-fixed at the current instant.
function ring(data, index, t) {
  const positions = [];
  for (let j = 0; j <= 90; j += 1) positions.push(metres(orbit.positionKm(data, index, t, orbit.TWO_PI * j / 90)));
  return positions;
}

// The overlays' own Cesium collections, added to the scene through add(primitive) (viewer.mjs).
export class Overlays {
  constructor(add) {
    this.orbits = add(new Cesium.PolylineCollection());
    this.rings = add(new Cesium.PointPrimitiveCollection());
    [Cesium.Color.CYAN, Cesium.Color.fromCssColorString(PARTNER_COLOUR)].forEach((outlineColor) => this.rings.add({
      pixelSize: 12, color: Cesium.Color.WHITE.withAlpha(0.0), outlineColor, outlineWidth: 2, show: false }));
  }

  // No orbits drawn.
  clear() {
    this.orbits.removeAll();
  }

  // The orbits of `selected` and `partner` (−1: none) and the planes of the selection's shell, as
  // `modes` ('satellite', 'shell') ask, at t s.
  drawOrbits(data, selected, partner, modes, t) {
    this.clear();
    if (selected < 0 || !data) return;
    if (modes.includes('shell')) {
      const group = data.groups[orbit.groupOf(data, selected)];
      const planes = group.layout ? group.layout.planes : 1;
      const perPlane = group.layout ? group.layout.per_plane : group.count;
      const every = Math.max(1, Math.ceil(planes / 72));
      for (let p = 0; p < planes; p += every) {
        this.orbits.add({ positions: ring(data, group.offset + p * perPlane, t), width: 1,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.WHITE.withAlpha(0.25) }) });
      }
    }
    if (modes.includes('satellite')) {
      this.orbits.add({ positions: ring(data, selected, t), width: 2,
        material: Cesium.Material.fromType('Color', { color: Cesium.Color.CYAN }) });
      if (partner >= 0) {
        this.orbits.add({ positions: ring(data, partner, t), width: 2,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.fromCssColorString(PARTNER_COLOUR) }) });
      }
    }
  }

  // The rings around `selected` and `partner` (−1: none) at t s, hidden behind the Earth as seen
  // from cameraKm.
  placeRings(data, selected, partner, t, cameraKm) {
    [selected, partner].forEach((index, k) => {
      const point = this.rings.get(k);
      if (index < 0) { point.show = false; return; }
      const r = orbit.positionKm(data, index, t);
      point.show = !behindEarth(r, cameraKm, data.constants.occluding_radius_km);
      point.position = metres(r);
    });
  }
}
