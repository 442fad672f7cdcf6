// The orbit model, as orbital/ computes it: circular orbits with secular J2 drift, Earth-fixed
// through a linearly advancing GMST, and the Sun's direction between the server's samples.
// Pure functions of the payload (components/globe.py); no Cesium, no DOM. Units: km, rad, s.
// Imported by the page's modules and by Node's test runner (tests/js/).

export const TWO_PI = 2 * Math.PI;

function decode(text, Type) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Type(bytes.buffer);
}

export function wrap(angle) {
  const x = angle % TWO_PI;
  return x < 0 ? x + TWO_PI : x;
}

// The payload's groups, decoded: float32 elements as typed arrays, cos/sin of inclination, and a
// catalogue's own orbits. Returns { count, groups, gmst, earthRate, sunSeconds, sunUnit, constants }.
export function prepare(payload) {
  const groups = payload.groups.map((group) => {
    const own = group.per_satellite;
    const orbits = own ? {
      raan: decode(own.raan_rad, Float32Array), u: decode(own.arg_latitude_rad, Float32Array),
      a: decode(own.semi_major_axis_km, Float32Array), inclination: decode(own.inclination_rad, Float32Array),
      nodeRate: decode(own.node_rate_rad_s, Float32Array), uRate: decode(own.u_rate_rad_s, Float32Array),
    } : null;
    return Object.assign({}, group, {
      cosI: Math.cos(group.inclination_rad), sinI: Math.sin(group.inclination_rad), orbits,
      raan: orbits ? orbits.raan : (group.raan_rad ? decode(group.raan_rad, Float32Array) : null),
      u: orbits ? orbits.u : (group.arg_latitude_rad ? decode(group.arg_latitude_rad, Float32Array) : null),
    });
  });
  return {
    count: payload.count, groups, gmst: payload.gmst_rad, constants: payload.constants,
    earthRate: payload.constants.earth_rotation_rate_rad_s,
    sunSeconds: decode(payload.sun_seconds, Float32Array), sunUnit: decode(payload.sun_teme_unit, Float32Array),
  };
}

// GMST (rad) at t s from the window's start.
export function earthAngle(data, t) {
  return data.gmst + data.earthRate * t;
}

// Index of the group holding satellite `index` (groups are in offset order).
export function groupOf(data, index) {
  const groups = data.groups;
  let lo = 0;
  let hi = groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid].offset <= index) lo = mid; else hi = mid - 1;
  }
  return lo;
}

// Node and argument of latitude (rad) of satellite `local` of a group at the window's start.
function startElements(group, local) {
  const layout = group.layout;
  if (!layout) return [group.raan[local], group.u[local]];
  const p = Math.floor(local / layout.per_plane);
  const s = local - p * layout.per_plane;
  return [layout.raan0_rad + p * layout.raan_step_rad,
    layout.u0_rad + s * layout.u_slot_step_rad + p * layout.u_plane_step_rad];
}

// Earth-fixed position (km) of satellite `index` at t s from the window's start, du rad further along.
export function positionKm(data, index, t, du) {
  const group = data.groups[groupOf(data, index)];
  const local = index - group.offset;
  const [raan, u0] = startElements(group, local);
  const own = group.orbits; // a catalogue's satellites each have their own orbit
  const a = own ? own.a[local] : group.semi_major_axis_km;
  const cosI = own ? Math.cos(own.inclination[local]) : group.cosI;
  const sinI = own ? Math.sin(own.inclination[local]) : group.sinI;
  const node = raan + (own ? own.nodeRate[local] : group.node_rate_rad_s) * t - earthAngle(data, t);
  const u = u0 + (own ? own.uRate[local] : group.u_rate_rad_s) * t + (du || 0);
  const cn = Math.cos(node); const sn = Math.sin(node); const cu = Math.cos(u); const su = Math.sin(u);
  return [a * (cn * cu - sn * su * cosI), a * (sn * cu + cn * su * cosI), a * su * sinI];
}

// Sun unit vector (TEME) at t seconds, linear between the server's samples.
function sunTeme(data, t) {
  const times = data.sunSeconds;
  const sun = data.sunUnit;
  let k = 0;
  while (k < times.length - 2 && times[k + 1] < t) k += 1;
  const span = times.length > 1 ? times[k + 1] - times[k] : 1;
  const w = times.length > 1 ? Math.min(Math.max((t - times[k]) / span, 0), 1) : 0;
  const j = times.length > 1 ? k + 1 : k;
  const v = [0, 1, 2].map((c) => sun[3 * k + c] * (1 - w) + sun[3 * j + c] * w);
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

// Sun unit vector, Earth-fixed, at t seconds.
export function sunEarthFixed(data, t) {
  const s = sunTeme(data, t);
  const theta = earthAngle(data, t);
  const c = Math.cos(theta); const sn = Math.sin(theta);
  return [c * s[0] + sn * s[1], -sn * s[0] + c * s[1], s[2]];
}

// Visible fraction of the Sun's disc (1 sunlit, 0 umbra, between: penumbra) at position `r` (km) with
// the Sun along unit vector `sun` (same frame), as the shader and orbital/shadow.py compute it.
export function visibleFraction(r, sun, constants) {
  const along = r[0] * sun[0] + r[1] * sun[1] + r[2] * sun[2];
  const r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  const reach = constants.earth_radius_km + constants.edge_margin_km - constants.penumbra_slope * along;
  if (along >= 0 || r2 - along * along >= reach * reach) return 1;
  const toSun = sun.map((s, k) => s - r[k] / constants.au_km); // from the satellite, in AU
  const sunDistance = Math.hypot(toSun[0], toSun[1], toSun[2]);
  const earthDistance = Math.sqrt(r2);
  const a = Math.asin(constants.sun_radius_km / (constants.au_km * sunDistance));
  const b = Math.asin(Math.min(constants.earth_radius_km / earthDistance, 1));
  const cosC = -(r[0] * toSun[0] + r[1] * toSun[1] + r[2] * toSun[2]) / (earthDistance * sunDistance);
  const c = Math.acos(Math.min(Math.max(cosC, -1), 1));
  if (c >= a + b) return 1;
  if (c <= b - a) return 0;
  const x = (c * c + a * a - b * b) / (2 * c);
  const y = Math.sqrt(Math.max(a * a - x * x, 0));
  const hidden = a * a * Math.acos(Math.min(Math.max(x / a, -1), 1))
    + b * b * Math.acos(Math.min(Math.max((c - x) / b, -1), 1)) - c * y;
  return Math.min(Math.max(1 - hidden / (Math.PI * a * a), 0), 1);
}

