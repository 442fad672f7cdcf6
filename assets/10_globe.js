// The globe: one Cesium viewer and one custom primitive that draws every satellite on the GPU.
//
// The server sends each group of satellites once, as a lattice of a few numbers (Walker and
// sun-synchronous shells: any count costs the same bytes), as float32 elements (formations), or as
// float32 circular orbits refitted to SGP4 over the window (catalogues, each with its own orbit).
// The vertex buffer holds each satellite's node and argument of latitude at the window's start;
// the vertex shader moves it (circular orbit + secular J2 drift, as orbital/ does), hides it
// behind the Earth and colours it with the conical shadow test of orbital/shadow.py. Each frame
// the CPU only re-bases the drift in double precision (per group) and picks which satellites to
// draw: those the camera can see, thinned evenly to DRAW_BUDGET (the level of detail).
// Units: km and rad in JavaScript, metres where Cesium wants them.
(function () {
  'use strict';

  const EARTH_RADIUS_KM = 6378.137;
  const OCCLUDING_RADIUS_KM = 6371.0; // mean radius: the sphere that hides satellites behind the Earth
  const SUN_RADIUS_KM = 696000.0;
  const AU_KM = 149597870.7;
  const EARTH_RATE_RAD_S = 7.292115146706979e-5; // GMST 1982 rate, as in orbital/propagation.py
  const PENUMBRA_SLOPE = 0.005; // orbital/shadow.py: candidate region for the exact overlap
  const EDGE_MARGIN_KM = 50.0;
  const COLOURS = { sunlit: '#f2b705', penumbra: '#e67e22', umbra: '#6f82c4' };
  const SLIDER_PUSH_MS = 500; // how often a running clock moves the scrubber
  const PICK_RADIUS_PX = 9; // a click selects the nearest drawn satellite within this distance
  const DRAW_BUDGET = 60000; // satellites drawn per frame at most (default of state.budget)
  const MAX_GROUPS = 16; // size of the shader's per-group uniform arrays
  const CAP_MARGIN_RAD = 0.02; // widens the visible cap computed from a few screen rays
  const TWO_PI = 2 * Math.PI;
  const FRAME_TIMES_KEPT = 240; // recent frame timestamps, for benchmarks

  const VERTEX_SHADER = `
    in vec3 elements; // node (rad) and argument of latitude (rad) at the window's start, group index
    in vec4 motion; // catalogues: radius (km), inclination (rad), node and latitude rates (rad/s); else 0
    uniform float u_seconds; // clock time from the window's start, s
    uniform vec4 u_orbit[${MAX_GROUPS}]; // semi-major axis (km), cos i, sin i
    uniform vec2 u_shift[${MAX_GROUPS}]; // Earth-fixed node shift and argument-of-latitude shift (rad) now
    uniform vec3 u_sun; // Earth-fixed unit vector to the Sun
    uniform float u_pointSize;
    uniform float u_powerMode; // 1: colour by array power; 0: sunlit / penumbra / umbra
    uniform vec3 u_sunlit;
    uniform vec3 u_penumbra;
    uniform vec3 u_umbra;
    out vec3 v_colour;

    // Visible fraction of the solar disc (Montenbruck & Gill 3.4.2), as orbital/shadow.py; r in km.
    float visibleFraction(vec3 r, vec3 sun) {
      float along = dot(r, sun);
      float r2 = dot(r, r);
      float reach = ${EARTH_RADIUS_KM.toFixed(3)} + ${EDGE_MARGIN_KM.toFixed(1)} - ${PENUMBRA_SLOPE} * along;
      if (along >= 0.0 || r2 - along * along >= reach * reach) return 1.0;
      vec3 toSun = sun - r / ${AU_KM.toFixed(1)}; // Sun direction from the satellite, in AU
      float dEarth = sqrt(r2);
      float a = asin(${SUN_RADIUS_KM.toFixed(1)} / (${AU_KM.toFixed(1)} * length(toSun)));
      float b = asin(min(${EARTH_RADIUS_KM.toFixed(3)} / dEarth, 1.0));
      float c = acos(clamp(-dot(r, toSun) / (dEarth * length(toSun)), -1.0, 1.0));
      if (c >= a + b) return 1.0;
      if (c <= b - a) return 0.0;
      float x = (c * c + a * a - b * b) / (2.0 * c);
      float y = sqrt(max(a * a - x * x, 0.0));
      float hidden = a * a * acos(clamp(x / a, -1.0, 1.0)) + b * b * acos(clamp((c - x) / b, -1.0, 1.0)) - c * y;
      return clamp(1.0 - hidden / (czm_pi * a * a), 0.0, 1.0);
    }

    void main() {
      int g = int(elements.z + 0.5);
      vec3 orbit = u_orbit[g].xyz;
      float node = elements.x + u_shift[g].x;
      float u = elements.y + u_shift[g].y;
      if (motion.x > 0.0) {
        orbit = vec3(motion.x, cos(motion.y), sin(motion.y));
        node += motion.z * u_seconds;
        u += motion.w * u_seconds;
      }
      float cn = cos(node); float sn = sin(node); float cu = cos(u); float su = sin(u);
      vec3 r = orbit.x * vec3(cn * cu - sn * su * orbit.y, sn * cu + cn * su * orbit.y, su * orbit.z);
      // Behind the Earth: the segment from the camera to the satellite crosses the occluding sphere.
      vec3 camera = czm_viewerPositionWC / 1000.0;
      vec3 d = r - camera;
      vec3 closest = camera + clamp(-dot(camera, d) / dot(d, d), 0.0, 1.0) * d;
      if (dot(closest, closest) < ${(OCCLUDING_RADIUS_KM ** 2).toFixed(1)}) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: not drawn
        gl_PointSize = 1.0;
        v_colour = vec3(0.0);
        return;
      }
      gl_Position = czm_viewProjection * vec4(r * 1000.0, 1.0);
      gl_PointSize = u_pointSize;
      float lit = visibleFraction(r, u_sun);
      v_colour = u_powerMode > 0.5 ? mix(u_umbra, u_sunlit, lit)
        : (lit >= 1.0 ? u_sunlit : (lit <= 0.0 ? u_umbra : u_penumbra));
    }`;

  const FRAGMENT_SHADER = `
    in vec3 v_colour;
    uniform float u_pointSize;
    void main() {
      vec2 p = gl_PointCoord - vec2(0.5);
      if (u_pointSize > 3.0 && dot(p, p) > 0.25) discard; // round points, where big enough to tell
      out_FragColor = vec4(v_colour, 1.0);
    }`;

  const state = {
    viewer: null, layer: null, highlight: null, orbits: null, data: null, shown: null,
    selected: -1, colourMode: 'illumination', orbitModes: ['satellite'], lastPush: 0, lastLod: 0,
    budget: DRAW_BUDGET, linkFields: [], pendingCamera: null, present: false, tour: [], tourStep: -1, frames: 0, frameTimes: [], loadedAt: 0, loadToFrameMs: null, lod: { inView: 0, drawn: 0, stride: 1 },
  };

  function decode(text, Type) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return new Type(bytes.buffer);
  }

  function wrap(angle) {
    const x = angle % TWO_PI;
    return x < 0 ? x + TWO_PI : x;
  }

  // ---- The custom primitive: one vertex buffer of elements, one index buffer of what to draw.

  function SatelliteLayer() {
    this.elements = null; // Float32Array, 3 per satellite
    this.motion = null; // Float32Array, 4 per satellite, when a catalogue is drawn
    this.indices = new Uint32Array(DRAW_BUDGET);
    this.count = 0;
    this.uniforms = {
      orbit: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian4()),
      shift: Array.from({ length: MAX_GROUPS }, () => new Cesium.Cartesian2()),
      sun: new Cesium.Cartesian3(1, 0, 0), pointSize: 2, powerMode: 0, seconds: 0,
      sunlit: colourVector(COLOURS.sunlit), penumbra: colourVector(COLOURS.penumbra),
      umbra: colourVector(COLOURS.umbra),
    };
    this._newElements = false;
    this._command = null;
    this._vertexArray = null;
  }

  function colourVector(css) {
    const c = Cesium.Color.fromCssColorString(css);
    return new Cesium.Cartesian3(c.red, c.green, c.blue);
  }

  SatelliteLayer.prototype.setElements = function (elements, motion) {
    this.elements = elements;
    this.motion = motion || null;
    this.count = 0;
    this._newElements = true;
  };

  SatelliteLayer.prototype._build = function (context) {
    if (this._vertexArray) this._vertexArray.destroy();
    const vertexBuffer = Cesium.Buffer.createVertexBuffer({
      context, typedArray: this.elements, usage: Cesium.BufferUsage.STATIC_DRAW });
    const indexBuffer = Cesium.Buffer.createIndexBuffer({
      context, sizeInBytes: DRAW_BUDGET * 4, usage: Cesium.BufferUsage.STREAM_DRAW,
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
      renderState: Cesium.RenderState.fromCache({ depthTest: { enabled: false }, depthMask: false }),
      uniformMap: {
        u_orbit: () => u.orbit, u_shift: () => u.shift, u_sun: () => u.sun,
        u_pointSize: () => u.pointSize, u_powerMode: () => u.powerMode, u_seconds: () => u.seconds,
        u_sunlit: () => u.sunlit, u_penumbra: () => u.penumbra, u_umbra: () => u.umbra,
      },
      boundingVolume: new Cesium.BoundingSphere(Cesium.Cartesian3.ZERO, 5e7),
      pass: Cesium.Pass.OPAQUE,
      owner: this,
    });
    this._newElements = false;
  };

  SatelliteLayer.prototype.update = function (frameState) {
    // Picking is done on the CPU (pickAt), so only the render pass draws.
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

  // ---- The same motion on the CPU, in double precision: for picking, the selection and orbits.

  function earthAngle(t) {
    return state.data.gmst + EARTH_RATE_RAD_S * t;
  }

  function groupOf(index) {
    const groups = state.data.groups;
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
  function positionKm(index, t, du) {
    const group = state.data.groups[groupOf(index)];
    const local = index - group.offset;
    const [raan, u0] = startElements(group, local);
    const own = group.orbits; // a catalogue's satellites each have their own orbit
    const a = own ? own.a[local] : group.semi_major_axis_km;
    const cosI = own ? Math.cos(own.inclination[local]) : group.cosI;
    const sinI = own ? Math.sin(own.inclination[local]) : group.sinI;
    const node = raan + (own ? own.nodeRate[local] : group.node_rate_rad_s) * t - earthAngle(t);
    const u = u0 + (own ? own.uRate[local] : group.u_rate_rad_s) * t + (du || 0);
    const cn = Math.cos(node); const sn = Math.sin(node); const cu = Math.cos(u); const su = Math.sin(u);
    return [a * (cn * cu - sn * su * cosI), a * (sn * cu + cn * su * cosI), a * su * sinI];
  }

  function behindEarth(r, cameraKm) {
    const d = [r[0] - cameraKm[0], r[1] - cameraKm[1], r[2] - cameraKm[2]];
    const along = -(cameraKm[0] * d[0] + cameraKm[1] * d[1] + cameraKm[2] * d[2]) / (d[0] ** 2 + d[1] ** 2 + d[2] ** 2);
    const k = Math.min(Math.max(along, 0), 1);
    const c = [cameraKm[0] + k * d[0], cameraKm[1] + k * d[1], cameraKm[2] + k * d[2]];
    return c[0] ** 2 + c[1] ** 2 + c[2] ** 2 < OCCLUDING_RADIUS_KM ** 2;
  }

  function metres(r) {
    return new Cesium.Cartesian3(1000 * r[0], 1000 * r[1], 1000 * r[2]);
  }

  function cameraKm() {
    const p = state.viewer.scene.camera.positionWC;
    return [p.x / 1000, p.y / 1000, p.z / 1000];
  }

  // Canvas position [x, y] of satellite `index` now, or null when hidden or off the canvas.
  function screenPosition(index, t, camera) {
    const r = positionKm(index, t);
    if (behindEarth(r, camera)) return null;
    const p = Cesium.SceneTransforms.worldToWindowCoordinates(state.viewer.scene, metres(r));
    const canvas = state.viewer.scene.canvas;
    if (!p || p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) return null;
    return [p.x, p.y];
  }

  // Sun unit vector (TEME) at t seconds, linear between the server's samples.
  function sunTeme(t) {
    const times = state.data.sunSeconds;
    const sun = state.data.sunUnit;
    let k = 0;
    while (k < times.length - 2 && times[k + 1] < t) k += 1;
    const span = times.length > 1 ? times[k + 1] - times[k] : 1;
    const w = times.length > 1 ? Math.min(Math.max((t - times[k]) / span, 0), 1) : 0;
    const j = times.length > 1 ? k + 1 : k;
    const v = [0, 1, 2].map((c) => sun[3 * k + c] * (1 - w) + sun[3 * j + c] * w);
    const n = Math.hypot(v[0], v[1], v[2]);
    return [v[0] / n, v[1] / n, v[2] / n];
  }

  // ---- Level of detail: which satellites to draw this frame.

  const SCREEN_SAMPLES = [[0.5, 0.5], [0, 0], [0.5, 0], [1, 0], [1, 0.5], [1, 1], [0.5, 1], [0, 1], [0, 0.5]];
  const scratchPixel = new Cesium.Cartesian2();
  const scratchRay = new Cesium.Ray();

  // Positive distances along a ray (origin km, unit direction) to a sphere of radius a km.
  function sphereHits(o, d, a) {
    const b = o[0] * d[0] + o[1] * d[1] + o[2] * d[2];
    const disc = b * b - (o[0] ** 2 + o[1] ** 2 + o[2] ** 2 - a * a);
    if (disc < 0) return [];
    const q = Math.sqrt(disc);
    return [-b - q, -b + q].filter((x) => x > 0);
  }

  // The cap of a sphere of radius aKm that the camera can see: centre (unit vector) and cosine of
  // its angular radius. Screen rays give its extent; where one misses, the sphere's limb bounds it.
  function visibleCap(aKm, camera) {
    const scene = state.viewer.scene;
    const canvas = scene.canvas;
    const distance = Math.hypot(camera[0], camera[1], camera[2]);
    const towards = camera.map((x) => x / distance);
    const limb = Math.acos(Math.min(OCCLUDING_RADIUS_KM / distance, 1)) + Math.acos(Math.min(OCCLUDING_RADIUS_KM / aKm, 1));
    const points = [];
    let missed = false;
    for (const [fx, fy] of SCREEN_SAMPLES) {
      scratchPixel.x = fx * canvas.clientWidth;
      scratchPixel.y = fy * canvas.clientHeight;
      const ray = scene.camera.getPickRay(scratchPixel, scratchRay);
      if (!ray) { missed = true; continue; }
      const o = [ray.origin.x / 1000, ray.origin.y / 1000, ray.origin.z / 1000];
      const d = [ray.direction.x, ray.direction.y, ray.direction.z];
      const earth = sphereHits(o, d, OCCLUDING_RADIUS_KM);
      const hits = sphereHits(o, d, aKm).filter((x) => !earth.length || x <= earth[0]);
      if (!hits.length) missed = true;
      for (const x of hits) {
        const p = [o[0] + x * d[0], o[1] + x * d[1], o[2] + x * d[2]];
        points.push(p.map((v) => v / aKm));
      }
    }
    if (missed || !points.length) return { centre: towards, cosRadius: Math.cos(Math.min(limb + CAP_MARGIN_RAD, Math.PI)) };
    const centre = points[0];
    let widest = 0;
    for (const p of points) {
      widest = Math.max(widest, Math.acos(Math.min(Math.max(p[0] * centre[0] + p[1] * centre[1] + p[2] * centre[2], -1), 1)));
    }
    return { centre, cosRadius: Math.cos(Math.min(1.15 * widest + CAP_MARGIN_RAD, limb + CAP_MARGIN_RAD, Math.PI)) };
  }

  // Runs of satellites in view: [first index, first slot, length, slots per plane] per run.
  // A lattice shell is solved plane by plane in closed form (the arc of each orbit inside the cap);
  // other groups are tested satellite by satellite.
  function visibleRuns(t, camera) {
    const runs = [];
    const theta = earthAngle(t);
    state.data.groups.forEach((group, g) => {
      if (!state.shown.has(g)) return;
      // A catalogue's satellites fly at many radii: all are candidates; the shader culls.
      if (group.orbits) { runs.push([group.offset, 0, group.count, group.count]); return; }
      const cap = visibleCap(group.semi_major_axis_km, camera);
      const c = cap.centre;
      const nodeShift = group.node_rate_rad_s * t - theta;
      const uShift = group.u_rate_rad_s * t;
      const layout = group.layout;
      if (!layout) {
        for (let k = 0; k < group.count; k += 1) {
          const node = group.raan[k] + nodeShift;
          const u = group.u[k] + uShift;
          const cn = Math.cos(node); const sn = Math.sin(node); const cu = Math.cos(u); const su = Math.sin(u);
          const dot = c[0] * (cn * cu - sn * su * group.cosI) + c[1] * (sn * cu + cn * su * group.cosI) + c[2] * su * group.sinI;
          if (dot >= cap.cosRadius) runs.push([group.offset + k, 0, 1, 1]);
        }
        return;
      }
      const slots = layout.per_plane;
      const step = layout.u_slot_step_rad;
      for (let p = 0; p < layout.planes; p += 1) {
        const node = layout.raan0_rad + p * layout.raan_step_rad + nodeShift;
        const cn = Math.cos(node); const sn = Math.sin(node);
        // The orbit is cos u · e1 + sin u · e2; its angle ψ to the cap's centre obeys cos ψ = R cos(u − φ).
        const A = c[0] * cn + c[1] * sn;
        const B = -c[0] * sn * group.cosI + c[1] * cn * group.cosI + c[2] * group.sinI;
        const R = Math.hypot(A, B);
        if (R < cap.cosRadius) continue;
        const first = group.offset + p * slots;
        const whole = -R >= cap.cosRadius;
        if (whole || slots === 1 || step === 0) {
          const u = layout.u0_rad + p * layout.u_plane_step_rad + uShift;
          const inside = whole || R * Math.cos(u - Math.atan2(B, A)) >= cap.cosRadius;
          if (inside) runs.push([first, 0, slots, slots]);
          continue;
        }
        const half = Math.acos(cap.cosRadius / R);
        const base = layout.u0_rad + p * layout.u_plane_step_rad + uShift;
        const centre = Math.atan2(B, A);
        let lo = (centre - half - base) / step;
        let hi = (centre + half - base) / step;
        if (step < 0) [lo, hi] = [hi, lo];
        const start = Math.ceil(lo);
        const length = Math.min(Math.floor(hi) - start + 1, slots);
        if (length > 0) runs.push([first, ((start % slots) + slots) % slots, length, slots]);
      }
    });
    return runs;
  }

  // Fill the layer's index buffer: every satellite in view, or an even 1-in-k of them over budget.
  function chooseSatellites(t, camera) {
    const runs = visibleRuns(t, camera);
    let inView = 0;
    for (const run of runs) inView += run[2];
    const stride = Math.max(1, Math.ceil(inView / state.budget));
    const indices = state.layer.indices;
    let count = 0;
    let position = 0;
    for (const [first, slot, length, slots] of runs) {
      for (let j = (stride - (position % stride)) % stride; j < length && count < state.budget; j += stride) {
        const s = slot + j;
        indices[count] = first + (s >= slots ? s - slots : s);
        count += 1;
      }
      position += length;
    }
    state.layer.count = count;
    state.lod = { inView, drawn: count, stride };
  }

  // ---- Each frame: re-base the drift, the Sun and the level of detail for the clock's time.

  function beforeRender(scene, time) {
    const d = state.data;
    if (!d) return;
    const t = Cesium.JulianDate.secondsDifference(time, state.viewer.clock.startTime);
    const theta = earthAngle(t);
    const u = state.layer.uniforms;
    d.groups.forEach((group, g) => {
      u.shift[g].x = wrap(group.node_rate_rad_s * t - theta);
      u.shift[g].y = wrap(group.u_rate_rad_s * t);
    });
    const s = sunTeme(t);
    const c = Math.cos(theta); const sn = Math.sin(theta);
    u.sun.x = c * s[0] + sn * s[1]; u.sun.y = -sn * s[0] + c * s[1]; u.sun.z = s[2];
    u.powerMode = state.colourMode === 'power' ? 1 : 0;
    u.seconds = t;
    const camera = cameraKm();
    chooseSatellites(t, camera);
    u.pointSize = state.lod.drawn > 5000 ? 2 : 5;
    placeHighlight(t, camera);
    if (state.orbitModes.length && state.selected >= 0) drawOrbits(t);
  }

  function placeHighlight(t, camera) {
    const point = state.highlight.get(0);
    if (state.selected < 0) { point.show = false; return; }
    const r = positionKm(state.selected, t);
    point.show = !behindEarth(r, camera);
    point.position = metres(r);
  }

  function afterRender() {
    state.frames += 1;
    state.frameTimes.push(performance.now());
    if (state.frameTimes.length > FRAME_TIMES_KEPT) state.frameTimes.shift();
    if (state.loadedAt && state.loadToFrameMs === null && state.layer.count > 0) {
      state.loadToFrameMs = performance.now() - state.loadedAt;
    }
    const now = Date.now();
    if (state.data && now - state.lastLod > SLIDER_PUSH_MS) {
      state.lastLod = now;
      const { inView, drawn, stride } = state.lod;
      window.dash_clientside.set_props('globe-lod', { children: stride > 1
        ? `${drawn.toLocaleString()} of ${inView.toLocaleString()} satellites in view drawn (1 in ${stride}); zoom in for all`
        : `${drawn.toLocaleString()} satellites in view, all drawn` });
    }
  }

  function onTick(clock) {
    if (!state.data) return;
    const now = Date.now();
    if (clock.shouldAnimate && now - state.lastPush > SLIDER_PUSH_MS) {
      state.lastPush = now;
      window.dash_clientside.set_props('time-slider', { value: Math.round(secondsNow() / 60) * 60 });
    }
  }

  function secondsNow() {
    const clock = state.viewer.clock;
    return Cesium.JulianDate.secondsDifference(clock.currentTime, clock.startTime);
  }

  // The drawn satellite nearest to a click, within PICK_RADIUS_PX, nearest the camera on a tie.
  function pickAt(x, y) {
    const t = secondsNow();
    const camera = cameraKm();
    let best = -1;
    let bestDistance = PICK_RADIUS_PX;
    for (let k = 0; k < state.layer.count; k += 1) {
      const index = state.layer.indices[k];
      const p = screenPosition(index, t, camera);
      if (!p) continue;
      const distance = Math.hypot(p[0] - x, p[1] - y);
      if (distance < bestDistance) { best = index; bestDistance = distance; }
    }
    return best;
  }

  function createViewer() {
    const container = document.getElementById('globe');
    const viewer = new Cesium.Viewer(container, {
      baseLayer: Cesium.ImageryLayer.fromProviderAsync(
        Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
      terrainProvider: new Cesium.EllipsoidTerrainProvider(),
      baseLayerPicker: false, geocoder: false, homeButton: false, sceneModePicker: false,
      navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
      infoBox: false, selectionIndicator: false, skyBox: false, skyAtmosphere: false,
      msaaSamples: 1, shouldAnimate: false,
    });
    viewer.scene.moon = undefined;
    viewer.scene.fog.enabled = false;
    viewer.scene.globe.showGroundAtmosphere = false;
    viewer.scene.globe.enableLighting = true; // day and night from Cesium's Sun at the clock's time
    state.layer = viewer.scene.primitives.add(new SatelliteLayer());
    state.orbits = viewer.scene.primitives.add(new Cesium.PolylineCollection());
    state.highlight = viewer.scene.primitives.add(new Cesium.PointPrimitiveCollection());
    state.highlight.add({ pixelSize: 12, color: Cesium.Color.WHITE.withAlpha(0.0), outlineColor: Cesium.Color.CYAN,
      outlineWidth: 2, show: false });
    viewer.clock.onTick.addEventListener(onTick);
    viewer.scene.preRender.addEventListener(beforeRender);
    viewer.scene.postRender.addEventListener(afterRender);
    const handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction((click) => {
      const index = pickAt(click.position.x, click.position.y);
      if (index >= 0) window.dash_clientside.set_props('selection', { data: index });
    }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
    state.viewer = viewer;
    return viewer;
  }

  // Rings of one orbit period in the inertial frame, drawn Earth-fixed at the current instant.
  function ring(index, t) {
    const positions = [];
    for (let j = 0; j <= 90; j += 1) positions.push(metres(positionKm(index, t, TWO_PI * j / 90)));
    return positions;
  }

  function drawOrbits(t) {
    state.orbits.removeAll();
    const index = state.selected;
    if (index < 0 || !state.data) return;
    if (state.orbitModes.includes('shell')) {
      const group = state.data.groups[groupOf(index)];
      const planes = group.layout ? group.layout.planes : 1;
      const perPlane = group.layout ? group.layout.per_plane : group.count;
      const every = Math.max(1, Math.ceil(planes / 72));
      for (let p = 0; p < planes; p += every) {
        state.orbits.add({ positions: ring(group.offset + p * perPlane, t), width: 1,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.WHITE.withAlpha(0.25) }) });
      }
    }
    if (state.orbitModes.includes('satellite')) {
      state.orbits.add({ positions: ring(index, t), width: 2,
        material: Cesium.Material.fromType('Color', { color: Cesium.Color.CYAN }) });
    }
  }

  // Vertex buffer of every satellite: node and argument of latitude at the start, group index.
  function buildElements(groups, count) {
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
  function buildMotion(groups, count) {
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

  // Builds the viewer, and draws one hidden dummy satellite so that the shader is compiled before
  // a scenario's data arrives (compiling it in software WebGL takes a noticeable time).
  function init() {
    if (typeof Cesium === 'undefined' || state.viewer) return 'globe';
    createViewer();
    state.layer.setElements(new Float32Array(3)); // radius 0: inside the Earth, so never shown
    state.layer.indices[0] = 0;
    state.layer.count = 1;
    return 'globe';
  }

  function load(payload, selection) {
    if (!payload) return window.dash_clientside.no_update;
    if (typeof Cesium === 'undefined') return 'Cesium is not installed: run `npm ci` (make run does).';
    state.loadedAt = performance.now();
    state.loadToFrameMs = null;
    const viewer = state.viewer || createViewer();
    if (payload.groups.length > MAX_GROUPS) return `the globe draws at most ${MAX_GROUPS} groups`;
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
    state.data = {
      count: payload.count, groups, gmst: payload.gmst_rad,
      sunSeconds: decode(payload.sun_seconds, Float32Array), sunUnit: decode(payload.sun_teme_unit, Float32Array),
    };
    groups.forEach((group, g) => {
      state.layer.uniforms.orbit[g] = new Cesium.Cartesian4(group.semi_major_axis_km, group.cosI, group.sinI, 0);
    });
    state.shown = new Set(groups.map((_, g) => g));
    state.layer.setElements(buildElements(groups, payload.count), buildMotion(groups, payload.count));
    const start = Cesium.JulianDate.fromIso8601(payload.start);
    viewer.clock.startTime = start.clone();
    viewer.clock.currentTime = start.clone();
    viewer.clock.stopTime = Cesium.JulianDate.addSeconds(start, payload.window_s, new Cesium.JulianDate());
    viewer.clock.clockRange = Cesium.ClockRange.LOOP_STOP;
    state.orbits.removeAll();
    state.selected = Number.isInteger(selection) && selection >= 0 && selection < payload.count ? selection
      : (payload.count ? 0 : -1);
    if (state.pendingCamera) {
      setCamera(state.pendingCamera);
      state.pendingCamera = null;
    }
    viewer.scene.requestRender();
    return `ready: ${payload.count.toLocaleString('en-US')} satellites`;
  }

  function select(index) {
    if (!state.data || !Number.isInteger(index) || index < 0 || index >= state.data.count) {
      return window.dash_clientside.no_update;
    }
    state.selected = index;
    const t = secondsNow();
    drawOrbits(t);
    // A camera given by a link or a presentation stays where it was put.
    if (!state.present && !state.cameraFromLink) {
      const r = positionKm(index, t);
      state.viewer.camera.flyTo({ destination: metres(r.map((x) => 2.6 * x)), duration: 1.0 });
    }
    state.cameraFromLink = false;
    return `selected ${index}`;
  }

  function setTime(seconds) {
    if (!state.viewer || !state.data || seconds === undefined || seconds === null) return '';
    const clock = state.viewer.clock;
    const t = secondsNow();
    // A running clock pushes the scrubber; only a real move by the user resets the clock.
    if (!clock.shouldAnimate || Math.abs(seconds - t) > 60 + 2 * clock.multiplier) {
      clock.currentTime = Cesium.JulianDate.addSeconds(clock.startTime, seconds, new Cesium.JulianDate());
    }
    const iso = Cesium.JulianDate.toIso8601(clock.currentTime, 0).replace('T', ' ').replace('Z', ' UTC');
    return `${iso} (+${Math.round(seconds / 60)} min)`;
  }

  function play(clicks, speed) {
    if (!state.viewer) return 'Play';
    state.viewer.clock.multiplier = speed || 60;
    state.viewer.clock.shouldAnimate = (clicks || 0) % 2 === 1;
    return state.viewer.clock.shouldAnimate ? 'Pause' : 'Play';
  }

  function showShells(visible) {
    if (!state.data) return '';
    state.shown = new Set(visible || []);
    return `${state.shown.size} shells shown`;
  }

  function legendItem(colour, label) {
    return [
      { namespace: 'dash_html_components', type: 'Span', props: { children: '●', style: { color: colour } } },
      { namespace: 'dash_html_components', type: 'Span', props: { children: ` ${label}  ` } },
    ];
  }

  function colourMode(mode) {
    state.colourMode = mode;
    if (mode === 'power') {
      return [].concat(legendItem(COLOURS.umbra, '0%'), legendItem(COLOURS.penumbra, '→'),
        legendItem(COLOURS.sunlit, '100% of full-sun array power'));
    }
    return [].concat(legendItem(COLOURS.sunlit, 'sunlit'), legendItem(COLOURS.penumbra, 'penumbra'),
      legendItem(COLOURS.umbra, 'umbra'));
  }

  function showOrbits(modes) {
    state.orbitModes = modes || [];
    if (state.data) drawOrbits(secondsNow());
    return state.orbitModes.join(',');
  }

  // ---- Links, embedding and presentation.

  // Camera as 'longitude°,latitude°,height m,heading°,pitch°,roll°'.
  function cameraText() {
    const camera = state.viewer.camera;
    const where = camera.positionCartographic;
    const deg = Cesium.Math.toDegrees;
    return [deg(where.longitude).toFixed(4), deg(where.latitude).toFixed(4), where.height.toFixed(0),
      deg(camera.heading).toFixed(2), deg(camera.pitch).toFixed(2), deg(camera.roll).toFixed(2)].join(',');
  }

  function setCamera(text) {
    const v = String(text).split(',').map(Number);
    if (v.length !== 6 || v.some((x) => !Number.isFinite(x))) return false;
    const rad = Cesium.Math.toRadians;
    state.viewer.camera.setView({
      destination: Cesium.Cartesian3.fromDegrees(v[0], v[1], v[2]),
      orientation: { heading: rad(v[3]), pitch: rad(v[4]), roll: rad(v[5]) },
    });
    return true;
  }

  // The query of the current view: every control (values in state.linkFields order), the clock,
  // the selection and the camera.
  function viewQuery(values) {
    const ids = state.linkFields;
    const params = new URLSearchParams();
    ids.forEach((id, k) => {
      const value = values[k];
      if (id === 'sso') params.set(id, value && value.length ? '1' : '0');
      else if (value !== null && value !== undefined && value !== '') params.set(id, value);
    });
    params.set('t', values[ids.length] || 0);
    params.set('sat', values[ids.length + 1] || 0);
    if (state.viewer) params.set('camera', cameraText());
    return params.toString();
  }

  // The address of the current view, copied to the clipboard where the page may.
  function shareLink(clicks, ...values) {
    const link = `${window.location.origin}${window.location.pathname}?${viewQuery(values)}`;
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link).catch(() => {});
    return link;
  }

  function download(href, filename) {
    const a = document.createElement('a');
    a.href = href;
    if (filename) a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  // The globe as a PNG data URL, read right after a render so the drawing buffer need not be preserved.
  function globePng() {
    const scene = state.viewer.scene;
    return new Promise((resolve) => {
      const grab = () => {
        scene.postRender.removeEventListener(grab);
        resolve(scene.canvas.toDataURL('image/png'));
      };
      scene.postRender.addEventListener(grab);
      scene.requestRender();
    });
  }

  // The globe as a PNG download (the report and panels are exported by a server job).
  function exportView(clicks) {
    if (state.viewer) globePng().then((url) => download(url, 'orbital-globe.png'));
    return 'the globe as drawn now';
  }

  // Applies a tour step: its link drives the controls and clock; its camera waits for the data.
  function tourStep(step) {
    const view = state.tour[step];
    if (!view) return;
    state.tourStep = step;
    state.pendingCamera = view.camera;
    state.cameraFromLink = true;
    window.dash_clientside.set_props('tour-caption', { children: `${step + 1}/${state.tour.length} ${view.caption}` });
    window.dash_clientside.set_props('url', { search: `${view.search}${state.present ? '&present=1' : ''}` });
  }

  function onKey(event) {
    if (!state.present || event.target.tagName === 'INPUT') return;
    if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') tourStep(state.tourStep + 1);
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') tourStep(Math.max(state.tourStep - 1, 0));
  }

  // Page mode from the address: /embed/<view> or ?embed=1 (no controls or chrome), ?present=1
  // (camera and clock pinned; the tour's keys), ?camera=… (the view a link was copied from).
  function pageMode(pathname, search, tour, linkFields) {
    const params = new URLSearchParams(search || '');
    const embed = (pathname || '').match(/^\/embed\/(globe|solar|compute|energy)\/?$/);
    const classes = [];
    if (embed || params.get('embed') === '1') classes.push('embed');
    if (embed) classes.push(`embed-${embed[1]}`);
    state.present = params.get('present') === '1';
    if (state.present) classes.push('present');
    document.body.className = classes.join(' ');
    state.tour = tour || [];
    state.linkFields = linkFields || [];
    if (params.get('camera') && state.tourStep < 0) {
      state.pendingCamera = params.get('camera');
      state.cameraFromLink = true;
    }
    if (!state.keys) {
      window.addEventListener('keydown', onKey);
      state.keys = true;
    }
    return classes.join(' ');
  }

  // For tests, benchmarks and embedding.
  window.orbitalGlobe = {
    state,
    frames() { return state.frames; },
    // Earth-fixed position (km) of a satellite at t s from the window's start: the shader's model.
    positionKm(index, t) { return positionKm(index, t); },
    // Drawn satellites on the canvas now: [index, x, y] for at most `limit` of them.
    drawnOnCanvas(limit) {
      const t = secondsNow();
      const camera = cameraKm();
      const out = [];
      for (let k = 0; k < state.layer.count && out.length < limit; k += 1) {
        const p = screenPosition(state.layer.indices[k], t, camera);
        if (p) out.push([state.layer.indices[k], p[0], p[1]]);
      }
      return out;
    },
    pickAt,
    globePng,
    // Satellites drawn per frame at most (1 … DRAW_BUDGET): fewer for a sparser, faster view.
    setBudget(count) { state.budget = Math.min(Math.max(Math.round(count), 1), DRAW_BUDGET); },
  };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    globe: { init, load, select, setTime, play, showShells, colourMode, showOrbits, shareLink, pageMode, exportView },
  });
}());
