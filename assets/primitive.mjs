// The custom Cesium primitive that draws every satellite on the GPU: one vertex buffer of
// elements, one index buffer of what to draw this frame. The vertex shader moves each satellite
// (circular orbit + secular drift, as orbital/ does), hides it behind the Earth and colours it with
// the conical shadow test of orbital/shadow.py; the shadow's constants come from the payload.
// Positions in km, as everywhere in the browser; the shader turns them into Cesium's metres with
// units.mjs's M_PER_KM.

import { wrap } from './orbit.mjs';
import { M_PER_KM } from './units.mjs';

export const DRAW_BUDGET_MAX = 1000000; // satellites one frame can draw (the index buffer's size)
export const DRAW_BUDGET_START = 60000; // satellites drawn per frame at most until the frame time is known
export const MAX_GROUPS = 48; // size of the shader's per-group uniform arrays: 4 × 48 of WebGL 2's 256 vertex uniform vectors (spacex-odc has 36 groups)
// Okabe–Ito yellow, vermillion and sky blue: apart for protan, deutan and tritan viewers too
// (tests/test_presentation.py checks it with colorspacious's CVD simulation).
// "Solar power" is a continuous scale of three viridis stops (0 %, 50 %, 100 % of full-sun power).
export const COLOURS = { sunlit: '#F0E442', penumbra: '#D55E00', umbra: '#56B4E9', power: ['#3B528B', '#21918C', '#FDE725'] };

const VERTEX_SHADER = `
  in vec3 elements; // node (rad) and argument of latitude (rad) at the window's start, group index
  in vec4 motion; // catalogues: radius (km), inclination (rad), node and latitude rates (rad/s); else 0
  uniform float u_seconds; // clock time from the window's start, s
  uniform vec4 u_orbit[${MAX_GROUPS}]; // semi-major axis (km), cos i, sin i
  uniform vec2 u_shift[${MAX_GROUPS}]; // Earth-fixed node shift and argument-of-latitude shift (rad) now
  uniform vec2 u_reference[${MAX_GROUPS}]; // a reference satellite's node and argument of latitude at the start (rad)
  uniform vec4 u_referenceNow[${MAX_GROUPS}]; // cos, sin of its Earth-fixed node and of its argument of latitude now
  uniform vec3 u_sun; // Earth-fixed unit vector to the Sun
  uniform vec4 u_shadow; // Earth's equatorial radius (km), edge margin (km), penumbra slope, AU (km)
  uniform vec2 u_bodies; // Sun's radius (km), radius of the occluding sphere (km)
  uniform float u_pointSize;
  uniform float u_powerMode; // 1: colour by array power; 0: sunlit / penumbra / umbra
  uniform vec3 u_sunlit;
  uniform vec3 u_penumbra;
  uniform vec3 u_umbra;
  uniform vec3 u_power0;
  uniform vec3 u_power1;
  uniform vec3 u_power2;
  out vec3 v_colour;
  const float M_PER_KM = ${M_PER_KM.toFixed(1)};

  // Visible fraction of the solar disc (Montenbruck & Gill 3.4.2), as orbital/shadow.py; r in km.
  float visibleFraction(vec3 r, vec3 sun) {
    float along = dot(r, sun);
    float r2 = dot(r, r);
    float reach = u_shadow.x + u_shadow.y - u_shadow.z * along;
    if (along >= 0.0 || r2 - along * along >= reach * reach) return 1.0;
    vec3 toSun = sun - r / u_shadow.w; // Sun direction from the satellite, in AU
    float dEarth = sqrt(r2);
    float a = asin(u_bodies.x / (u_shadow.w * length(toSun)));
    float b = asin(min(u_shadow.x / dEarth, 1.0));
    float c = acos(clamp(-dot(r, toSun) / (dEarth * length(toSun)), -1.0, 1.0));
    if (c >= a + b) return 1.0;
    if (c <= b - a) return 0.0;
    float x = (c * c + a * a - b * b) / (2.0 * c);
    float y = sqrt(max(a * a - x * x, 0.0));
    float hidden = a * a * acos(clamp(x / a, -1.0, 1.0)) + b * b * acos(clamp((c - x) / b, -1.0, 1.0)) - c * y;
    return clamp(1.0 - hidden / (czm_pi * a * a), 0.0, 1.0);
  }

  // cos and sin of x (rad): a series where |x| is small (hardware sin and cos err by ~1e-7 to 1e-6 rad
  // whatever the angle, which the series does not), else the built-ins.
  vec2 cosSin(float x) {
    if (abs(x) > 0.02) return vec2(cos(x), sin(x));
    float x2 = x * x;
    return vec2(1.0 - x2 * (0.5 - x2 / 24.0), x * (1.0 - x2 * (1.0 / 6.0 - x2 / 120.0)));
  }

  void main() {
    int g = int(elements.z + 0.5);
    vec3 orbit = u_orbit[g].xyz;
    float cn; float sn; float cu; float su;
    if (motion.x > 0.0) {
      orbit = vec3(motion.x, cos(motion.y), sin(motion.y));
      float node = elements.x + u_shift[g].x + motion.z * u_seconds;
      float u = elements.y + u_shift[g].y + motion.w * u_seconds;
      cn = cos(node); sn = sin(node); cu = cos(u); su = sin(u);
    } else {
      // Angles from the group's reference satellite, whose sines and cosines the CPU gives in double
      // precision: a formation's satellites lie ~1e-4 rad apart, where float32 trigonometry of the
      // whole angle errs by hundreds of metres under software WebGL.
      float dn = elements.x - u_reference[g].x; float du = elements.y - u_reference[g].y;
      vec4 ref = u_referenceNow[g];
      vec2 n = cosSin(dn); vec2 l = cosSin(du);
      cn = ref.x * n.x - ref.y * n.y; sn = ref.y * n.x + ref.x * n.y;
      cu = ref.z * l.x - ref.w * l.y; su = ref.w * l.x + ref.z * l.y;
    }
    vec3 r = orbit.x * vec3(cn * cu - sn * su * orbit.y, sn * cu + cn * su * orbit.y, su * orbit.z);
    // Behind the Earth: the segment from the camera to the satellite crosses the occluding sphere.
    vec3 camera = czm_viewerPositionWC / M_PER_KM;
    vec3 d = r - camera;
    vec3 closest = camera + clamp(-dot(camera, d) / dot(d, d), 0.0, 1.0) * d;
    if (dot(closest, closest) < u_bodies.y * u_bodies.y) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: not drawn
      gl_PointSize = 1.0;
      v_colour = vec3(0.0);
      return;
    }
    gl_Position = czm_viewProjection * vec4(r * M_PER_KM, 1.0);
    gl_PointSize = u_pointSize;
    float lit = visibleFraction(r, u_sun);
    v_colour = u_powerMode > 0.5
      ? (lit < 0.5 ? mix(u_power0, u_power1, 2.0 * lit) : mix(u_power1, u_power2, 2.0 * lit - 1.0))
      : (lit >= 1.0 ? u_sunlit : (lit <= 0.0 ? u_umbra : u_penumbra));
  }`;

const FRAGMENT_SHADER = `
  in vec3 v_colour;
  uniform float u_pointSize;
  uniform float u_alpha;
  void main() {
    vec2 p = gl_PointCoord - vec2(0.5);
    if (u_pointSize > 3.0 && dot(p, p) > 0.25) discard; // round points, where big enough to tell
    out_FragColor = vec4(v_colour, u_alpha);
  }`;

function colourVector(css) {
  const c = Cesium.Color.fromCssColorString(css);
  return new Cesium.Cartesian3(c.red, c.green, c.blue);
}

export function SatelliteLayer() {
  this.elements = null; // Float32Array, 3 per satellite
  this.motion = null; // Float32Array, 4 per satellite, when a catalogue is drawn
  this.indices = new Uint32Array(DRAW_BUDGET_MAX);
  this.count = 0;
  this.uniforms = {
    orbit: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian4()),
    shift: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian2()),
    reference: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian2()),
    referenceNow: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian4(1, 0, 1, 0)),
    sun: new Cesium.Cartesian3(1, 0, 0), pointSize: 2, alpha: 1, powerMode: 0, seconds: 0,
    shadow: new Cesium.Cartesian4(), bodies: new Cesium.Cartesian2(),
    sunlit: colourVector(COLOURS.sunlit), penumbra: colourVector(COLOURS.penumbra),
    umbra: colourVector(COLOURS.umbra), power: COLOURS.power.map(colourVector),
  };
  this._newElements = false;
  this._command = null;
  this._vertexArray = null;
}

// New satellites to draw: elements and motion (Float32Arrays), the shadow model's constants (the
// payload's `constants`, from orbital/) and the groups (orbit.mjs prepare), whose first satellites,
// as the vertex buffer holds them, the shader takes angles from.
SatelliteLayer.prototype.setElements = function (elements, motion, constants, groups = []) {
  groups.forEach((group, g) => {
    this.uniforms.reference[g] = new Cesium.Cartesian2(elements[3 * group.offset] || 0,
      elements[3 * group.offset + 1] || 0);
  });
  this.elements = elements;
  this.motion = motion || null;
  this.count = 0;
  this._newElements = true;
  if (constants) {
    const u = this.uniforms;
    u.shadow = new Cesium.Cartesian4(constants.earth_radius_km, constants.edge_margin_km, constants.penumbra_slope,
      constants.au_km);
    u.bodies = new Cesium.Cartesian2(constants.sun_radius_km, constants.occluding_radius_km);
  }
};

// The reference satellites' Earth-fixed node and argument of latitude t s from the window's start
// (GMST `theta` rad), as cos and sin in double precision.
SatelliteLayer.prototype.placeReferences = function (groups, t, theta) {
  groups.forEach((group, g) => {
    const node = this.uniforms.reference[g].x + group.node_rate_rad_s * t - theta;
    const lat = this.uniforms.reference[g].y + group.u_rate_rad_s * t;
    this.uniforms.referenceNow[g] = new Cesium.Cartesian4(Math.cos(node), Math.sin(node), Math.cos(lat), Math.sin(lat));
  });
};

SatelliteLayer.prototype._build = function (context) {
  if (this._vertexArray) this._vertexArray.destroy();
  const vertexBuffer = Cesium.Buffer.createVertexBuffer({
    context, typedArray: this.elements, usage: Cesium.BufferUsage.STATIC_DRAW });
  const indexBuffer = Cesium.Buffer.createIndexBuffer({
    context, sizeInBytes: DRAW_BUDGET_MAX * 4, usage: Cesium.BufferUsage.STREAM_DRAW,
    indexDatatype: Cesium.IndexDatatype.UNSIGNED_INT });
  this._vertexArray = new Cesium.VertexArray({
    context, indexBuffer,
    attributes: [
      { index: 0, vertexBuffer, componentsPerAttribute: 3, componentDatatype: Cesium.ComponentDatatype.FLOAT },
      this.motion
        ? { index: 1, componentsPerAttribute: 4, componentDatatype: Cesium.ComponentDatatype.FLOAT,
          vertexBuffer: Cesium.Buffer.createVertexBuffer({
            context, typedArray: this.motion, usage: Cesium.BufferUsage.STATIC_DRAW }) }
        : { index: 1, componentsPerAttribute: 4, value: [0, 0, 0, 0] },
    ],
  });
  const u = this.uniforms;
  this._command = new Cesium.DrawCommand({
    vertexArray: this._vertexArray,
    primitiveType: Cesium.PrimitiveType.POINTS,
    shaderProgram: Cesium.ShaderProgram.fromCache({
      context, vertexShaderSource: VERTEX_SHADER, fragmentShaderSource: FRAGMENT_SHADER,
      attributeLocations: { elements: 0, motion: 1 } }),
    // Blended: a dense view draws its points translucent (lod.pointStyle); opaque ones are drawn as they are.
    renderState: Cesium.RenderState.fromCache({ depthTest: { enabled: false }, depthMask: false,
      blending: Cesium.BlendingState.ALPHA_BLEND }),
    uniformMap: {
      u_orbit: () => u.orbit, u_shift: () => u.shift, u_reference: () => u.reference,
      u_referenceNow: () => u.referenceNow, u_sun: () => u.sun, u_shadow: () => u.shadow,
      u_bodies: () => u.bodies, u_pointSize: () => u.pointSize, u_alpha: () => u.alpha, u_powerMode: () => u.powerMode,
      u_seconds: () => u.seconds, u_sunlit: () => u.sunlit, u_penumbra: () => u.penumbra, u_umbra: () => u.umbra,
      u_power0: () => u.power[0], u_power1: () => u.power[1], u_power2: () => u.power[2],
    },
    boundingVolume: new Cesium.BoundingSphere(Cesium.Cartesian3.ZERO, 5e7),
    pass: Cesium.Pass.OPAQUE,
    owner: this,
  });
  this._newElements = false;
};

SatelliteLayer.prototype.update = function (frameState) {
  // Picking is done on the CPU (pick.mjs), so only the render pass draws.
  if (!this.elements || !frameState.passes.render) return;
  if (this._newElements) this._build(frameState.context);
  if (this.count === 0) return;
  this._vertexArray.indexBuffer.copyFromArrayView(this.indices.subarray(0, this.count), 0);
  this._command.count = this.count;
  frameState.commandList.push(this._command);
};

SatelliteLayer.prototype.isDestroyed = function () { return false; };
SatelliteLayer.prototype.destroy = function () {
  if (this._vertexArray) this._vertexArray.destroy();
  return Cesium.destroyObject(this);
};

// Vertex buffer of every satellite: node and argument of latitude at the start, group index.
export function buildElements(groups, count) {
  const elements = new Float32Array(3 * count);
  groups.forEach((group, g) => {
    const layout = group.layout;
    let v = 3 * group.offset;
    if (!layout) {
      for (let k = 0; k < group.count; k += 1, v += 3) {
        elements[v] = group.raan[k]; elements[v + 1] = group.u[k]; elements[v + 2] = g;
      }
      return;
    }
    for (let p = 0; p < layout.planes; p += 1) {
      const raan = wrap(layout.raan0_rad + p * layout.raan_step_rad);
      const u0 = layout.u0_rad + p * layout.u_plane_step_rad;
      for (let s = 0; s < layout.per_plane; s += 1, v += 3) {
        elements[v] = raan; elements[v + 1] = wrap(u0 + s * layout.u_slot_step_rad); elements[v + 2] = g;
      }
    }
  });
  return elements;
}

// Second vertex buffer, only when a catalogue is drawn: each satellite's own orbit (0 elsewhere).
export function buildMotion(groups, count) {
  if (!groups.some((group) => group.orbits)) return null;
  const motion = new Float32Array(4 * count);
  for (const group of groups.filter((g) => g.orbits)) {
    const o = group.orbits;
    for (let k = 0, v = 4 * group.offset; k < group.count; k += 1, v += 4) {
      motion[v] = o.a[k]; motion[v + 1] = o.inclination[k]; motion[v + 2] = o.nodeRate[k]; motion[v + 3] = o.uRate[k];
    }
  }
  return motion;
}

