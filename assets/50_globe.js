// The globe: one Cesium viewer, the satellite primitive (40_primitive.js) fed with the server's
// payload, and the frame loop that re-bases the drift in double precision per group and picks what
// to draw (20_lod.js). The Dash clientside functions of namespace `globe` are defined here; data
// leaves for Dash only through their declared outputs and orbitalDash.send (05_dash.js).
// Units: km and rad in JavaScript, metres where Cesium wants them.
(function (root) {
  'use strict';

  const orbit = root.orbitalOrbit;
  const lod = root.orbitalLod;
  const pick = root.orbitalPick;
  const primitive = root.orbitalPrimitive;
  const overlays = root.orbitalOverlays;
  const approaches = root.orbitalApproaches;
  const legend = root.orbitalLegend;
  const framing = root.orbitalFraming;
  const hover = root.orbitalHover;
  const LOD_SAY_MS = 500; // how often the status line says what is drawn
  const FRAME_TIMES_KEPT = 240; // recent frame timestamps, for benchmarks

  const state = {
    viewer: null, layer: null, highlight: null, orbits: null, data: null, shown: null, stepS: 60,
    selected: -1, partner: null, colourMode: 'illumination', orbitModes: ['satellite'], lastLod: 0,
    budget: primitive.DRAW_BUDGET_START, budgetPinned: false, lastAdapt: 0, frames: 0, frameTimes: [],
    loadedAt: 0, loadToFrameMs: null,
    lod: { inView: 0, drawn: 0, stride: 1 }, approaches: [], approachMarks: null,
  };
  const links = () => root.orbitalLinks;

  const metres = overlays.metres;
  const secondsNow = () => root.orbitalClock.secondsNow();

  function cameraKm() {
    const p = state.viewer.scene.camera.positionWC;
    return [p.x / 1000, p.y / 1000, p.z / 1000];
  }

  function occludingKm() {
    return state.data.constants.occluding_radius_km;
  }

  // Canvas position [x, y] of satellite `index` now, or null when hidden or off the canvas.
  function screenPosition(index, t, camera) {
    const r = orbit.positionKm(state.data, index, t);
    if (pick.behindEarth(r, camera, occludingKm())) return null;
    const p = Cesium.SceneTransforms.worldToWindowCoordinates(state.viewer.scene, metres(r));
    const canvas = state.viewer.scene.canvas;
    if (!p || p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) return null;
    return [p.x, p.y];
  }

  // The drawn satellite nearest to a click (30_pick.js), or −1.
  function pickAt(x, y) {
    const t = secondsNow();
    const camera = cameraKm();
    return pick.nearest(x, y, state.layer.indices, state.layer.count, (index) => screenPosition(index, t, camera));
  }

  // Each frame: re-base the drift, the Sun and the level of detail for the clock's time.
  function beforeRender(scene, time) {
    const d = state.data;
    if (!d) return;
    const t = Cesium.JulianDate.secondsDifference(time, state.viewer.clock.startTime);
    const theta = orbit.earthAngle(d, t);
    const u = state.layer.uniforms;
    d.groups.forEach((group, g) => {
      u.shift[g].x = orbit.wrap(group.node_rate_rad_s * t - theta);
      u.shift[g].y = orbit.wrap(group.u_rate_rad_s * t);
    });
    state.layer.placeReferences(d.groups, t, theta);
    const s = orbit.sunEarthFixed(d, t);
    u.sun.x = s[0]; u.sun.y = s[1]; u.sun.z = s[2];
    u.powerMode = state.colourMode === 'power' ? 1 : 0;
    u.seconds = t;
    const camera = cameraKm();
    const view = state.viewer.scene.camera;
    const planes = view.frustum.computeCullingVolume(view.positionWC, view.directionWC, view.upWC).planes.slice(0, 4);
    const runs = lod.visibleRuns(d, state.shown, t, (aKm) => lod.viewConstraints(aKm, camera, planes, occludingKm()),
      (r) => lod.inView(r, camera, planes, occludingKm()));
    state.lod = lod.chooseSatellites(runs, state.budget, state.layer.indices);
    state.layer.count = state.lod.drawn;
    u.pointSize = state.lod.drawn > 5000 ? 2 : 5;
    overlays.placeHighlight(state, t, camera);
    approaches.place(state, t, camera);
    if (state.orbitModes.length && state.selected >= 0) overlays.drawOrbits(state, t);
  }

  function afterRender() {
    state.frames += 1;
    state.frameTimes.push(performance.now());
    if (state.frameTimes.length > FRAME_TIMES_KEPT) state.frameTimes.shift();
    if (state.loadedAt && state.loadToFrameMs === null && state.layer.count > 0) {
      state.loadToFrameMs = performance.now() - state.loadedAt;
    }
    const now = Date.now();
    // A presentation renders the same pixels every time: its budget stays where it starts.
    const pinned = state.budgetPinned || links().links.present;
    if (!pinned && now - state.lastAdapt > lod.ADAPT_MS) {
      state.lastAdapt = now;
      state.budget = lod.adaptBudget(state.budget, state.frameTimes, state.lod.stride > 1, primitive.DRAW_BUDGET_MAX);
    }
    if (state.data && now - state.lastLod > LOD_SAY_MS) {
      state.lastLod = now;
      root.orbitalDash.send('globe-lod', lod.statusText(state.lod, pinned));
    }
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
    state.layer = viewer.scene.primitives.add(new primitive.SatelliteLayer());
    state.orbits = viewer.scene.primitives.add(new Cesium.PolylineCollection());
    state.highlight = viewer.scene.primitives.add(new Cesium.PointPrimitiveCollection());
    state.highlight.add({ pixelSize: 12, color: Cesium.Color.WHITE.withAlpha(0.0), outlineColor: Cesium.Color.CYAN,
      outlineWidth: 2, show: false });
    state.highlight.add({ pixelSize: 12, color: Cesium.Color.WHITE.withAlpha(0.0),
      outlineColor: Cesium.Color.fromCssColorString(overlays.PARTNER_COLOUR), outlineWidth: 2, show: false });
    state.approachMarks = viewer.scene.primitives.add(new Cesium.PointPrimitiveCollection());
    viewer.clock.onTick.addEventListener((clock) => root.orbitalClock.onTick(clock));
    viewer.scene.preRender.addEventListener(beforeRender);
    viewer.scene.postRender.addEventListener(afterRender);
    const handler = new Cesium.ScreenSpaceEventHandler(viewer.scene.canvas);
    handler.setInputAction((click) => {
      // A close approach's marker selects its pair (the first as the selection, the second as its
      // partner, ringed and with its orbit); else the nearest satellite drawn.
      const t = secondsNow();
      const camera = cameraKm();
      const row = approaches.at(state, click.position.x, click.position.y, 12,
        (index) => screenPosition(index, t, camera));
      const index = row ? row.first : pickAt(click.position.x, click.position.y);
      state.partner = row ? { first: row.first, second: row.second } : null;
      if (index >= 0) root.orbitalDash.send('selection', index);
    }, Cesium.ScreenSpaceEventType.LEFT_CLICK);
    hover.attach(viewer, container, state, pickAt, secondsNow);
    state.viewer = viewer;
    return viewer;
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
    if (!payload) return root.dash_clientside.no_update;
    if (typeof Cesium === 'undefined') return 'Cesium is not installed: run `npm ci` (make run does).';
    state.loadedAt = performance.now();
    state.loadToFrameMs = null;
    const viewer = state.viewer || createViewer();
    if (payload.groups.length > primitive.MAX_GROUPS) return `the globe draws at most ${primitive.MAX_GROUPS} groups`;
    const data = orbit.prepare(payload);
    state.data = data;
    state.stepS = payload.step_s;
    data.groups.forEach((group, g) => {
      state.layer.uniforms.orbit[g] = new Cesium.Cartesian4(group.semi_major_axis_km, group.cosI, group.sinI, 0);
    });
    state.shown = new Set(data.groups.map((_, g) => g));
    state.layer.setElements(primitive.buildElements(data.groups, payload.count),
      primitive.buildMotion(data.groups, payload.count), payload.constants, data.groups);
    const start = Cesium.JulianDate.fromIso8601(payload.start);
    viewer.clock.startTime = start.clone();
    viewer.clock.currentTime = start.clone();
    viewer.clock.stopTime = Cesium.JulianDate.addSeconds(start, payload.window_s, new Cesium.JulianDate());
    viewer.clock.clockRange = Cesium.ClockRange.LOOP_STOP;
    state.orbits.removeAll();
    state.partner = null;
    approaches.set(state, []);
    state.selected = links().clampSelection(selection, payload.count);
    const camera = links().takeCamera();
    if (camera) links().setCamera(viewer.camera, camera);
    else framing.frameCompact(viewer.camera, data);
    viewer.scene.requestRender();
    return `ready: ${payload.count.toLocaleString('en-US')} satellites`;
  }

  function select(index) {
    if (!state.data) return;
    state.selected = links().clampSelection(index, state.data.count);
    if (!state.partner || state.partner.first !== state.selected) state.partner = null;
    const t = secondsNow();
    overlays.drawOrbits(state, t);
    // A camera given by a link or a presentation stays where it was put.
    const contract = links().links;
    if (!contract.present && !contract.cameraFromLink && state.selected >= 0) {
      const r = orbit.positionKm(state.data, state.selected, t);
      state.viewer.camera.flyTo({ destination: metres(r.map((x) => 2.6 * x)), duration: 1.0 });
    }
    contract.cameraFromLink = false;
  }

  // The traffic job's closest approaches (rows of orbital.traffic's `approaches`), or none.
  function showApproaches(rows) {
    if (state.viewer && state.data) approaches.set(state, rows);
  }

  function showShells(visible) {
    if (state.data) state.shown = new Set(visible || []);
  }

  function colourMode(mode) {
    state.colourMode = mode;
    return legend.items(mode);
  }

  function showOrbits(modes) {
    state.orbitModes = modes || [];
    if (state.data) overlays.drawOrbits(state, secondsNow());
  }

  // The globe as a PNG data URL with its title, instant and legend (52_globe_image.js).
  function globePng() {
    return root.orbitalGlobeImage.render(state.viewer, state.data, secondsNow(), state.colourMode, primitive.COLOURS);
  }

  // For tests, benchmarks and embedding.
  root.orbitalGlobe = {
    state,
    frames() { return state.frames; },
    // Earth-fixed position (km) of a satellite at t s from the window's start: the shader's model.
    positionKm(index, t) { return orbit.positionKm(state.data, index, t); },
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
    // Close-approach markers shown now.
    approachesShown() { return (state.approaches || []).filter((_, k) => state.approachMarks.get(k).show).length; },
    // The first close-approach marker shown now: its pair and its place on the canvas, or null.
    approachOnCanvas() { return approaches.firstShown(state, (index) => screenPosition(index, secondsNow(), cameraKm())); },
    // The satellite selected with the selection (the other of a close approach's pair), or -1.
    partner() { return state.partner ? state.partner.second : -1; },
    // Satellites drawn per frame at most (1 … DRAW_BUDGET_MAX), fixed from then on (the frame time no
    // longer moves it).
    setBudget(count) {
      state.budget = Math.min(Math.max(Math.round(count), 1), primitive.DRAW_BUDGET_MAX);
      state.budgetPinned = true;
    },
  };

  root.dash_clientside = Object.assign({}, root.dash_clientside, {
    globe: { init, load, select, showShells, colourMode, showOrbits, showApproaches },
  });
}(window));
