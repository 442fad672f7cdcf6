// The network overlays on the globe (components/ui/overlays.py sends what to draw; network.mjs words and
// colours it): the selected satellite's links coloured by rate, the ground stations with their footprints
// and contacts, a city's path, and the Sky site with its horizon and 30° rings. Lines that end on a
// satellite follow it each frame with the orbit model of orbit.mjs; ground rings stay Earth-fixed.

import * as orbit from './orbit.mjs';
import { PATH_COLOUR, RATE_CLASSES, SITE_COLOUR, rateClass, smallCircle, stationMark } from './network.mjs';
import { metres } from './units.mjs';

const RING_HEIGHT_M = 2000; // ground rings drawn this high, above the globe's surface
const CONTACT_ALPHA = 0.7;
const LABEL_FONT = '12px sans-serif';

function material(css, alpha = 1) {
  return Cesium.Material.fromType('Color', { color: Cesium.Color.fromCssColorString(css).withAlpha(alpha) });
}

function ground(latDeg, lonDeg) {
  return Cesium.Cartesian3.fromDegrees(lonDeg, latDeg, 0);
}

function ring(latDeg, lonDeg, angleRad) {
  return Cesium.Cartesian3.fromDegreesArrayHeights(
    smallCircle(latDeg, lonDeg, angleRad).flatMap(([lon, lat]) => [lon, lat, RING_HEIGHT_M]));
}

export class NetworkLayer {
  constructor(add) {
    this.moving = add(new Cesium.PolylineCollection());
    this.rings = add(new Cesium.PolylineCollection());
    this.marks = add(new Cesium.PointPrimitiveCollection());
    this.labels = add(new Cesium.LabelCollection());
    this.lines = []; // { polyline, ends: satellite indices (numbers) and ground points (Cartesian3) }
    this.drawn = { links: 0, contacts: 0, stations: 0, path: 0, rings: 0 };
  }

  // A line through `ends` (satellite indices or ground Cartesian3), placed each frame.
  line(ends, width, css, alpha) {
    this.lines.push({ ends, polyline: this.moving.add({ positions: [], width, material: material(css, alpha) }) });
  }

  clear() {
    [this.moving, this.rings, this.marks, this.labels].forEach((c) => c.removeAll());
    this.lines = [];
    this.drawn = { links: 0, contacts: 0, stations: 0, path: 0, rings: 0 };
  }

  // What `payload` (overlay-data) asks for, on a scenario of `count` satellites (indices beyond are skipped).
  set(payload, count) {
    this.clear();
    if (!payload) return;
    const ok = (i) => Number.isInteger(i) && i >= 0 && i < count;
    (payload.links ? payload.links.edges : []).forEach(([a, b], k) => {
      if (!ok(a) || !ok(b)) return;
      this.line([a, b], 2, RATE_CLASSES[rateClass(payload.links.rate_bps[k])].colour, 1);
      this.drawn.links += 1;
    });
    (payload.stations || []).forEach((s) => this.station(s, ok));
    if (payload.path) this.path(payload.path, ok);
    if (payload.site) this.site(payload.site);
  }

  station(s, ok) {
    const mark = stationMark(s.kind);
    const where = ground(s.lat_deg, s.lon_deg);
    this.marks.add({ position: where, pixelSize: s.kind === 'optical' ? 9 : 7, outlineWidth: 1,
      color: Cesium.Color.fromCssColorString(mark.colour), outlineColor: Cesium.Color.BLACK });
    this.rings.add({ positions: ring(s.lat_deg, s.lon_deg, s.footprint_rad), width: 1,
      material: material(mark.colour, 0.8) });
    s.contacts.filter(ok).forEach((i) => {
      this.line([where, i], 1, mark.colour, CONTACT_ALPHA);
      this.drawn.contacts += 1;
    });
    this.drawn.stations += 1;
    this.drawn.rings += 1;
  }

  path(p, ok) {
    const city = ground(p.lat_deg, p.lon_deg);
    this.marks.add({ position: city, pixelSize: 8, color: Cesium.Color.fromCssColorString(PATH_COLOUR) });
    this.labels.add({ position: city, text: p.city, font: LABEL_FONT, pixelOffset: new Cesium.Cartesian2(8, -8) });
    const hops = p.satellites.filter(ok);
    if (!hops.length) return;
    const end = p.end_lat_deg === null ? [] : [ground(p.end_lat_deg, p.end_lon_deg)];
    this.line([city, ...hops, ...end], 3, PATH_COLOUR, 1);
    this.drawn.path = hops.length;
  }

  site(s) {
    const where = ground(s.lat_deg, s.lon_deg);
    this.marks.add({ position: where, pixelSize: 9, color: Cesium.Color.fromCssColorString(SITE_COLOUR) });
    this.labels.add({ position: where, text: s.name, font: LABEL_FONT, pixelOffset: new Cesium.Cartesian2(8, 8) });
    s.rings.forEach((r, k) => {
      this.rings.add({ positions: ring(s.lat_deg, s.lon_deg, r.half_angle_rad), width: 2 - k,
        material: material(SITE_COLOUR, 1 - 0.4 * k) });
      this.drawn.rings += 1;
    });
  }

  // Each frame: the lines' satellite ends where orbit.mjs puts them at t s.
  place(data, t) {
    if (!data) return;
    for (const { ends, polyline } of this.lines) {
      polyline.positions = ends.map((e) => (typeof e === 'number' ? metres(orbit.positionKm(data, e, t)) : e));
    }
  }
}
