// Level of detail: which satellites the camera can see, solved plane by plane in closed form, and
// which of them to draw within a budget. Pure functions (no Cesium): the camera enters as its
// position (km, Earth-fixed) and a few screen rays. Units: km, rad, s.
(function (root) {
  'use strict';

  const orbit = root.orbitalOrbit;
  const CAP_MARGIN_RAD = 0.02; // widens the visible cap computed from a few screen rays

  // Positive distances along a ray (origin km, unit direction) to a sphere of radius a km.
  function sphereHits(o, d, a) {
    const b = o[0] * d[0] + o[1] * d[1] + o[2] * d[2];
    const disc = b * b - (o[0] ** 2 + o[1] ** 2 + o[2] ** 2 - a * a);
    if (disc < 0) return [];
    const q = Math.sqrt(disc);
    return [-b - q, -b + q].filter((x) => x > 0);
  }

  // The cap of a sphere of radius aKm that the camera can see: centre (unit vector) and cosine of
  // its angular radius. `rays` are screen rays ({origin: km, direction: unit}, or null where the
  // screen has none); where one misses, the sphere's limb bounds the cap. `occludingKm` is the
  // radius of the sphere that hides what is behind the Earth.
  function visibleCap(aKm, camera, rays, occludingKm) {
    const distance = Math.hypot(camera[0], camera[1], camera[2]);
    const towards = camera.map((x) => x / distance);
    const limb = Math.acos(Math.min(occludingKm / distance, 1)) + Math.acos(Math.min(occludingKm / aKm, 1));
    const points = [];
    let missed = false;
    for (const ray of rays) {
      if (!ray) { missed = true; continue; }
      const o = ray.origin;
      const d = ray.direction;
      const earth = sphereHits(o, d, occludingKm);
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

  // Runs of satellites inside each shown group's cap at t s: [first index, first slot, length,
  // slots per plane] per run. A lattice shell is solved plane by plane in closed form (the arc of
  // each orbit inside the cap); other groups are tested satellite by satellite. capFor(aKm) gives
  // the cap ({centre, cosRadius}) at a radius.
  function visibleRuns(data, shown, t, capFor) {
    const runs = [];
    const theta = orbit.earthAngle(data, t);
    data.groups.forEach((group, g) => {
      if (!shown.has(g)) return;
      // A catalogue's satellites fly at many radii: all are candidates; the shader culls.
      if (group.orbits) { runs.push([group.offset, 0, group.count, group.count]); return; }
      const cap = capFor(group.semi_major_axis_km);
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

  // Satellite indices of the runs, one after the other (for tests and small runs).
  function runIndices(runs) {
    const out = [];
    for (const [first, slot, length, slots] of runs) {
      for (let j = 0; j < length; j += 1) out.push(first + ((slot + j) % slots));
    }
    return out;
  }

  // Fills `indices` (a Uint32Array of at least `budget`) with every satellite of the runs, or an
  // even 1-in-k of them over budget. Returns { inView, drawn, stride }.
  function chooseSatellites(runs, budget, indices) {
    let inView = 0;
    for (const run of runs) inView += run[2];
    const stride = Math.max(1, Math.ceil(inView / budget));
    let count = 0;
    let position = 0;
    for (const [first, slot, length, slots] of runs) {
      for (let j = (stride - (position % stride)) % stride; j < length && count < budget; j += stride) {
        const s = slot + j;
        indices[count] = first + (s >= slots ? s - slots : s);
        count += 1;
      }
      position += length;
    }
    return { inView, drawn: count, stride };
  }

  // The camera's rays through a few points of the screen (km, Earth-fixed), for visibleCap (in the
  // browser, with Cesium's `scene`).
  const SCREEN_SAMPLES = [[0.5, 0.5], [0, 0], [0.5, 0], [1, 0], [1, 0.5], [1, 1], [0.5, 1], [0, 1], [0, 0.5]];
  const scratch = {};
  function screenRays(scene) {
    scratch.pixel = scratch.pixel || new Cesium.Cartesian2();
    scratch.ray = scratch.ray || new Cesium.Ray();
    const canvas = scene.canvas;
    return SCREEN_SAMPLES.map(([fx, fy]) => {
      scratch.pixel.x = fx * canvas.clientWidth;
      scratch.pixel.y = fy * canvas.clientHeight;
      const ray = scene.camera.getPickRay(scratch.pixel, scratch.ray);
      if (!ray) return null;
      return { origin: [ray.origin.x / 1000, ray.origin.y / 1000, ray.origin.z / 1000],
        direction: [ray.direction.x, ray.direction.y, ray.direction.z] };
    });
  }

  root.orbitalLod = { sphereHits, visibleCap, visibleRuns, runIndices, chooseSatellites, screenRays };
}(typeof window !== 'undefined' ? window : globalThis));
