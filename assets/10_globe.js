// The globe: one Cesium viewer, one point collection, satellites moved in the browser.
//
// The server sends each drawn satellite's circular-orbit elements once (typed arrays as base64);
// every frame this file moves the points with the same secular-drift model as orbital/ and
// colours them with the same conical shadow test. Units: km and rad here, metres for Cesium.
(function () {
  'use strict';

  const EARTH_RADIUS_KM = 6378.137;
  const SUN_RADIUS_KM = 696000.0;
  const AU_KM = 149597870.7;
  const EARTH_RATE_RAD_S = 7.292115146706979e-5; // GMST 1982 rate, as in orbital/propagation.py
  const PENUMBRA_SLOPE = 0.005; // orbital/shadow.py: candidate region for the exact overlap
  const EDGE_MARGIN_KM = 50.0;
  const COLOURS = { sunlit: '#f2b705', penumbra: '#e67e22', umbra: '#4a5a8c' };
  const SLIDER_PUSH_MS = 500; // how often a running clock moves the scrubber
  const PICK_SIZE_PX = 9; // a click picks the nearest point within this square

  const state = {
    viewer: null, points: null, orbits: null, data: null, visibleShells: null,
    selected: -1, colourMode: 'illumination', orbitModes: ['satellite'], lastPush: 0,
    frames: 0,
  };

  function decode(text, Type) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return new Type(bytes.buffer);
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
    state.points = viewer.scene.primitives.add(new Cesium.PointPrimitiveCollection());
    state.orbits = viewer.scene.primitives.add(new Cesium.PolylineCollection());
    viewer.clock.onTick.addEventListener(onTick);
    viewer.scene.postRender.addEventListener(() => { state.frames += 1; });
    const handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction((click) => {
      // Orbit lines can lie over a point: take the first satellite under the cursor.
      const picked = viewer.scene.drillPick(click.position, 5, PICK_SIZE_PX, PICK_SIZE_PX)
        .find((p) => p.collection === state.points && Number.isInteger(p.id));
      if (picked) window.dash_clientside.set_props('selection', { data: picked.id });
    }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
    state.viewer = viewer;
    return viewer;
  }

  function secondsNow() {
    const clock = state.viewer.clock;
    return Cesium.JulianDate.secondsDifference(clock.currentTime, clock.startTime);
  }

  // Sun unit vector (TEME) at t seconds, linear between the server's samples.
  function sunAt(t) {
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

  // Visible fraction of the solar disc (Montenbruck & Gill §3.4.2), as in orbital/shadow.py.
  function visibleFraction(x, y, z, sun) {
    const along = x * sun[0] + y * sun[1] + z * sun[2];
    const r2 = x * x + y * y + z * z;
    const reach = EARTH_RADIUS_KM + EDGE_MARGIN_KM - PENUMBRA_SLOPE * along;
    if (along >= 0 || r2 - along * along >= reach * reach) return 1;
    const sx = sun[0] * AU_KM - x; const sy = sun[1] * AU_KM - y; const sz = sun[2] * AU_KM - z;
    const dSun = Math.hypot(sx, sy, sz); const dEarth = Math.sqrt(r2);
    const a = Math.asin(SUN_RADIUS_KM / dSun);
    const b = Math.asin(Math.min(EARTH_RADIUS_KM / dEarth, 1));
    const c = Math.acos(Math.min(Math.max(-(x * sx + y * sy + z * sz) / (dEarth * dSun), -1), 1));
    if (c >= a + b) return 1;
    if (c <= b - a) return 0;
    const px = (c * c + a * a - b * b) / (2 * c);
    const py = Math.sqrt(Math.max(a * a - px * px, 0));
    const hidden = a * a * Math.acos(Math.min(Math.max(px / a, -1), 1))
      + b * b * Math.acos(Math.min(Math.max((c - px) / b, -1), 1)) - c * py;
    return Math.min(Math.max(1 - hidden / (Math.PI * a * a), 0), 1);
  }

  // TEME position (km) of drawn satellite k at t seconds from the window's start, du rad further along.
  function temeKm(k, t, out, du) {
    const d = state.data;
    const shell = d.shells[d.shell[k]];
    const node = d.raan[k] + shell.node_rate_rad_s * t;
    const u = d.u[k] + shell.u_rate_rad_s * t + (du || 0);
    const cn = Math.cos(node); const sn = Math.sin(node); const cu = Math.cos(u); const su = Math.sin(u);
    const ci = Math.cos(shell.inclination_rad); const si = Math.sin(shell.inclination_rad);
    const a = shell.semi_major_axis_km;
    out[0] = a * (cn * cu - sn * su * ci);
    out[1] = a * (sn * cu + cn * su * ci);
    out[2] = a * su * si;
    return out;
  }

  // TEME km → Earth-fixed metres, turning by the GMST angle (orbital/propagation.py geodetic()).
  function fixedMetres(r, t, result) {
    const theta = state.data.gmst + EARTH_RATE_RAD_S * t;
    const c = Math.cos(theta); const s = Math.sin(theta);
    return Cesium.Cartesian3.fromElements(
      1000 * (c * r[0] + s * r[1]), 1000 * (-s * r[0] + c * r[1]), 1000 * r[2], result);
  }

  function colourFor(fraction) {
    if (state.colourMode === 'power') {
      return Cesium.Color.lerp(Cesium.Color.fromCssColorString(COLOURS.umbra),
        Cesium.Color.fromCssColorString(COLOURS.sunlit), fraction, new Cesium.Color());
    }
    const key = fraction >= 1 ? 'sunlit' : (fraction <= 0 ? 'umbra' : 'penumbra');
    return Cesium.Color.fromCssColorString(COLOURS[key]);
  }

  function placePoints(t) {
    const d = state.data;
    if (!d) return;
    const sun = sunAt(t);
    const r = [0, 0, 0];
    const count = state.points.length;
    for (let k = 0; k < count; k += 1) {
      const point = state.points.get(k);
      if (!point.show) continue;
      temeKm(k, t, r);
      point.position = fixedMetres(r, t, point.position);
      const fraction = visibleFraction(r[0], r[1], r[2], sun);
      if (fraction !== d.fraction[k]) {
        d.fraction[k] = fraction;
        point.color = colourFor(fraction);
      }
    }
  }

  function onTick(clock) {
    if (!state.data) return;
    const t = secondsNow();
    placePoints(t);
    if (state.orbitModes.length && state.selected >= 0) drawOrbits(t);
    const now = Date.now();
    if (clock.shouldAnimate && now - state.lastPush > SLIDER_PUSH_MS) {
      state.lastPush = now;
      window.dash_clientside.set_props('time-slider', { value: Math.round(t / 60) * 60 });
    }
  }

  // Rings of one orbit period in the inertial frame, drawn Earth-fixed at the current instant.
  function ring(k, t) {
    const r = [0, 0, 0];
    const positions = [];
    for (let j = 0; j <= 90; j += 1) {
      temeKm(k, t, r, 2 * Math.PI * j / 90);
      positions.push(fixedMetres(r, t));
    }
    return positions;
  }

  function drawOrbits(t) {
    state.orbits.removeAll();
    const k = state.selected;
    if (k < 0 || !state.data) return;
    if (state.orbitModes.includes('shell')) {
      const seen = new Set();
      const shellIndex = state.data.shell[k];
      for (let j = 0; j < state.data.count && seen.size < 72; j += 1) {
        if (state.data.shell[j] !== shellIndex) continue;
        const key = Math.round(state.data.raan[j] * 1000);
        if (seen.has(key)) continue;
        seen.add(key);
        state.orbits.add({ positions: ring(j, t), width: 1,
          material: Cesium.Material.fromType('Color', { color: Cesium.Color.WHITE.withAlpha(0.25) }) });
      }
    }
    if (state.orbitModes.includes('satellite')) {
      state.orbits.add({ positions: ring(k, t), width: 2,
        material: Cesium.Material.fromType('Color', { color: Cesium.Color.CYAN }) });
    }
  }

  function drawnIndexOf(globalIndex) {
    const index = state.data ? state.data.index : [];
    for (let k = 0; k < index.length; k += 1) if (index[k] === globalIndex) return k;
    return -1;
  }

  function load(payload) {
    if (!payload) return window.dash_clientside.no_update;
    if (typeof Cesium === 'undefined') return 'Cesium is not installed: run `npm ci` (make run does).';
    const viewer = state.viewer || createViewer();
    const d = {
      count: payload.count, shells: payload.shells, gmst: payload.gmst_rad,
      index: decode(payload.index, Int32Array), shell: decode(payload.shell, Uint16Array),
      raan: decode(payload.raan_rad, Float32Array), u: decode(payload.arg_latitude_rad, Float32Array),
      sunSeconds: decode(payload.sun_seconds, Float32Array), sunUnit: decode(payload.sun_teme_unit, Float32Array),
      fraction: new Float32Array(payload.count).fill(-1),
    };
    state.data = d;
    const start = Cesium.JulianDate.fromIso8601(payload.start);
    viewer.clock.startTime = start.clone();
    viewer.clock.currentTime = start.clone();
    viewer.clock.stopTime = Cesium.JulianDate.addSeconds(start, payload.window_s, new Cesium.JulianDate());
    viewer.clock.clockRange = Cesium.ClockRange.LOOP_STOP;
    state.points.removeAll();
    state.orbits.removeAll();
    const size = d.count > 5000 ? 2 : 5;
    for (let k = 0; k < d.count; k += 1) {
      state.points.add({ id: d.index[k], pixelSize: size, color: Cesium.Color.WHITE });
    }
    state.selected = d.count ? 0 : -1;
    placePoints(0);
    viewer.scene.requestRender();
    return `ready: ${d.count} satellites drawn`;
  }

  function select(globalIndex) {
    if (!state.data || !Number.isInteger(globalIndex)) return window.dash_clientside.no_update;
    const previous = state.selected >= 0 ? state.points.get(state.selected) : null;
    if (previous) { previous.pixelSize = state.data.count > 5000 ? 2 : 5; previous.outlineWidth = 0; }
    const k = drawnIndexOf(globalIndex);
    state.selected = k;
    if (k < 0) return `selected satellite ${globalIndex} is not drawn`;
    const point = state.points.get(k);
    point.pixelSize = 12;
    point.outlineColor = Cesium.Color.CYAN;
    point.outlineWidth = 2;
    const t = secondsNow();
    drawOrbits(t);
    const target = Cesium.Cartesian3.multiplyByScalar(point.position, 2.6, new Cesium.Cartesian3());
    state.viewer.camera.flyTo({ destination: target, duration: 1.0 });
    return `selected ${globalIndex}`;
  }

  function setTime(seconds, payload) {
    if (!state.viewer || !state.data || seconds === undefined || seconds === null) return '';
    const clock = state.viewer.clock;
    const t = secondsNow();
    // A running clock pushes the scrubber; only a real move by the user resets the clock.
    if (!clock.shouldAnimate || Math.abs(seconds - t) > 60 + 2 * clock.multiplier) {
      clock.currentTime = Cesium.JulianDate.addSeconds(clock.startTime, seconds, new Cesium.JulianDate());
      placePoints(seconds);
      if (state.selected >= 0) drawOrbits(seconds);
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
    const on = new Set(visible || []);
    for (let k = 0; k < state.data.count; k += 1) state.points.get(k).show = on.has(state.data.shell[k]);
    placePoints(secondsNow());
    return `${on.size} shells shown`;
  }

  function legendItem(colour, label) {
    return [
      { namespace: 'dash_html_components', type: 'Span', props: { children: '●', style: { color: colour } } },
      { namespace: 'dash_html_components', type: 'Span', props: { children: ` ${label}  ` } },
    ];
  }

  function colourMode(mode) {
    state.colourMode = mode;
    if (state.data) {
      state.data.fraction.fill(-1);
      placePoints(secondsNow());
    }
    if (mode === 'power') {
      return [].concat(legendItem(COLOURS.umbra, '0%'), legendItem(COLOURS.penumbra, '→'),
        legendItem(COLOURS.sunlit, '100% of full-sun array power'));
    }
    return [].concat(legendItem(COLOURS.sunlit, 'sunlit'), legendItem(COLOURS.penumbra, 'penumbra'),
      legendItem(COLOURS.umbra, 'umbra'));
  }

  function showOrbits(modes) {
    state.orbitModes = modes || [];
    if (state.data) {
      state.orbits.removeAll();
      drawOrbits(secondsNow());
    }
    return state.orbitModes.join(',');
  }

  // For tests and embedding: where a drawn satellite is on the canvas, and how many frames rendered.
  window.orbitalGlobe = {
    state,
    screenPosition(k) {
      const p = Cesium.SceneTransforms.worldToWindowCoordinates(state.viewer.scene, state.points.get(k).position);
      return p ? [p.x, p.y] : null;
    },
    frames() { return state.frames; },
  };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    globe: { load, select, setTime, play, showShells, colourMode, showOrbits },
  });
}());
