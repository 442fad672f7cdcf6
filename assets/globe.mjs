// The globe: the satellite primitive (primitive.mjs) fed with the server's payload, the frame loop
// that re-bases the drift in double precision per group and picks what to draw (lod.mjs), the
// selection and what is drawn around it. Dash's `globe` clientside functions are here, and `links`'
// exportView; data leaves for Dash only through their declared outputs and dash.mjs's send.
// Units: km and rad; units.mjs turns km into Cesium's metres.

import { Approaches } from './approaches.mjs';
import * as clock from './clock.mjs';
import { noUpdate, send } from './dash.mjs';
import { frameCompact } from './framing.mjs';
import * as globeImage from './globe_image.mjs';
import * as hover from './hover.mjs';
import * as legend from './legend.mjs';
import * as links from './links.mjs';
import * as lod from './lod.mjs';
import { NetworkLayer } from './netlayer.mjs';
import * as network from './network.mjs';
import * as orbit from './orbit.mjs';
import { Overlays } from './overlays.mjs';
import { behindEarth, nearest } from './pick.mjs';
import * as primitive from './primitive.mjs';
import * as scalebar from './scalebar.mjs';
import * as viewer from './viewer.mjs';

const LOD_SAY_MS = 500; // how often the status line says what is drawn
const FRAME_TIMES_KEPT = 240; // recent frame timestamps, for benchmarks
const APPROACH_PICK_PX = 12; // a click this near a close approach's marker selects its pair
const SCALE_MS = 250; // how often the scale bar is measured anew

let layer = null; // the satellites' primitive
let overlays = null; // the selection's rings and orbits
let approaches = null; // the close approaches' markers
let networkLayer = null; // the network overlays (netlayer.mjs)
let networkPayload = null; // what they draw (overlay-data), kept for the next scenario's load
let scaleBar = null; // the scale bar's element (scalebar.mjs)
let data = null; // the scenario drawn (orbit.mjs's prepared payload)
let shown = null; // the groups drawn, a Set of indices
let selected = -1;
let partner = null; // { first, second }: a close approach's pair, selected through its marker
let colour = 'illumination';
let orbitModes = ['satellite'];
// The draw budget and what the frames tell of it: frames drawn, their recent timestamps (ms), the last
// level of detail, the time from a payload's arrival to its first frame.
const frames = {
  count: 0, times: [], budget: primitive.DRAW_BUDGET_START, pinned: false, lastAdapt: 0, lastSay: 0,
  lod: { inView: 0, drawn: 0, stride: 1 }, loadedAt: 0, loadToFrameMs: null, lastScale: 0,
};

const partnerIndex = () => (partner ? partner.second : -1);

// Canvas position [x, y] of satellite `index` at t s seen from cameraKm, or null when hidden or off the canvas.
function screenPosition(index, t, cameraKm) {
  const r = orbit.positionKm(data, index, t);
  return behindEarth(r, cameraKm, data.constants.occluding_radius_km) ? null : viewer.canvasPosition(r);
}

// The drawn satellite nearest to a click (pick.mjs), or −1.
function pickAt(x, y) {
  if (!data) return -1;
  const t = clock.secondsNow();
  const camera = viewer.cameraKm();
  return nearest(x, y, layer.indices, layer.count, (index) => screenPosition(index, t, camera));
}

// Each frame: re-base the drift, the Sun and the level of detail for the clock's time.
function beforeRender(time) {
  if (!data) return;
  const t = clock.secondsAt(time);
  const theta = orbit.earthAngle(data, t);
  const u = layer.uniforms;
  data.groups.forEach((group, g) => {
    u.shift[g].x = orbit.wrap(group.node_rate_rad_s * t - theta);
    u.shift[g].y = orbit.wrap(group.u_rate_rad_s * t);
  });
  layer.placeReferences(data.groups, t, theta);
  const s = orbit.sunEarthFixed(data, t);
  u.sun.x = s[0]; u.sun.y = s[1]; u.sun.z = s[2];
  u.powerMode = colour === 'power' ? 1 : 0;
  u.seconds = t;
  const camera = viewer.cameraKm();
  const planes = viewer.viewPlanesKm();
  const occludingKm = data.constants.occluding_radius_km;
  const runs = lod.visibleRuns(data, shown, t, (aKm) => lod.viewConstraints(aKm, camera, planes, occludingKm),
    (r) => lod.inView(r, camera, planes, occludingKm));
  frames.lod = lod.chooseSatellites(runs, frames.budget, layer.indices);
  layer.count = frames.lod.drawn;
  const canvas = viewer.scene().canvas;
  const style = lod.pointStyle(frames.lod.drawn, canvas.clientWidth * canvas.clientHeight);
  u.pointSize = style.sizePx;
  u.alpha = style.alpha;
  overlays.placeRings(data, selected, partnerIndex(), t, camera);
  approaches.place(data, t, camera);
  networkLayer.place(data, t);
  if (orbitModes.length && selected >= 0) overlays.drawOrbits(data, selected, partnerIndex(), orbitModes, t);
}

function afterRender() {
  frames.count += 1;
  frames.times.push(performance.now());
  if (frames.times.length > FRAME_TIMES_KEPT) frames.times.shift();
  if (frames.loadedAt && frames.loadToFrameMs === null && layer.count > 0) {
    frames.loadToFrameMs = performance.now() - frames.loadedAt;
  }
  const now = Date.now();
  if (now - frames.lastScale > SCALE_MS) {
    frames.lastScale = now;
    scalebar.update(scaleBar, viewer.scene());
  }
  // A presentation renders the same pixels every time: its budget stays where it starts.
  const pinned = frames.pinned || links.presenting();
  if (!pinned && now - frames.lastAdapt > lod.ADAPT_MS) {
    frames.lastAdapt = now;
    frames.budget = lod.adaptBudget(frames.budget, frames.times, frames.lod.stride > 1, primitive.DRAW_BUDGET_MAX);
  }
  if (data && now - frames.lastSay > LOD_SAY_MS) {
    frames.lastSay = now;
    send('globe-lod', lod.statusText(frames.lod, pinned));
  }
}

// A click: a close approach's marker selects its pair (the first as the selection, the second as its
// partner, ringed and with its orbit); else the nearest satellite drawn.
function click(x, y) {
  if (!data) return;
  const t = clock.secondsNow();
  const camera = viewer.cameraKm();
  const row = approaches.at(x, y, APPROACH_PICK_PX, (index) => screenPosition(index, t, camera));
  const index = row ? row.first : pickAt(x, y);
  partner = row ? { first: row.first, second: row.second } : null;
  if (index >= 0) send('selection', index);
}

// The hover tooltip's text at (x, y): the satellite there, or null.
function describeAt(x, y) {
  const index = pickAt(x, y);
  return index < 0 ? null : hover.describe(data, index, clock.secondsNow());
}

// The viewer (viewer.mjs) and what the globe draws on it.
function build() {
  const container = document.getElementById('globe');
  const tip = hover.tooltip(container, describeAt);
  viewer.create(container, {
    onTick: clock.onTick, preRender: beforeRender, postRender: afterRender, click, move: tip.move, leave: tip.leave,
  });
  layer = viewer.add(new primitive.SatelliteLayer());
  overlays = new Overlays(viewer.add);
  approaches = new Approaches(viewer.add);
  networkLayer = new NetworkLayer(viewer.add);
  scaleBar = scalebar.attach(container);
}

// CesiumJS, from the app's own route (app.py), never a CDN. It is 6 MB that take about a second of the
// page's one thread to run, so it is fetched once the page has painted its first answer (the verdict
// comes with the page and must not wait for the globe); resolves to whether it loaded.
const CESIUM_SCRIPT = '/cesium/Cesium.js';
const NO_CESIUM = 'Cesium is not installed: run `npm ci` (make run does).';
let cesiumLoading = null;

function cesium() {
  if (typeof Cesium !== 'undefined') return Promise.resolve(true);
  if (!cesiumLoading) {
    cesiumLoading = new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = CESIUM_SCRIPT;
      script.onload = () => resolve(true);
      script.onerror = () => resolve(false);
      document.head.appendChild(script);
    });
  }
  return cesiumLoading;
}

// After the first paint: loads CesiumJS, builds the viewer, and draws one hidden dummy satellite so
// that the shader is compiled before a scenario's data arrives (slow in software WebGL).
export function init() {
  if (viewer.exists()) return 'globe';
  requestAnimationFrame(() => setTimeout(() => cesium().then((loaded) => { if (loaded) start(); }), 0));
  return 'globe';
}

function start() {
  if (viewer.exists()) return;
  build();
  layer.setElements(new Float32Array(3)); // radius 0: inside the Earth, so never shown
  layer.indices[0] = 0;
  layer.count = 1;
}

// A scenario's payload: drawn now, or once CesiumJS has loaded (its status line then said so).
export function load(payload, selection) {
  if (!payload) return noUpdate();
  if (typeof Cesium !== 'undefined') return draw(payload, selection);
  cesium().then((loaded) => send('globe-status', loaded ? draw(payload, selection) : NO_CESIUM));
  return 'loading the globe…';
}

function draw(payload, selection) {
  frames.loadedAt = performance.now();
  frames.loadToFrameMs = null;
  if (!viewer.exists()) build();
  if (payload.groups.length > primitive.MAX_GROUPS) return `the globe draws at most ${primitive.MAX_GROUPS} groups`;
  data = orbit.prepare(payload);
  data.groups.forEach((group, g) => {
    layer.uniforms.orbit[g] = new Cesium.Cartesian4(group.semi_major_axis_km, group.cosI, group.sinI, 0);
  });
  shown = new Set(data.groups.map((_, g) => g));
  layer.setElements(primitive.buildElements(data.groups, payload.count),
    primitive.buildMotion(data.groups, payload.count), payload.constants, data.groups);
  clock.startWindow(payload.start, payload.window_s, payload.step_s);
  overlays.clear();
  partner = null;
  approaches.set([], data.count);
  networkLayer.set(networkPayload, data.count);
  selected = links.clampSelection(selection, payload.count);
  const camera = links.takeCamera();
  if (camera) links.setCamera(viewer.camera(), camera);
  else frameCompact(viewer.camera(), data);
  viewer.requestRender();
  return `ready: ${payload.count.toLocaleString('en-US')} satellites`;
}

export function select(index) {
  if (!data) return;
  selected = links.clampSelection(index, data.count);
  if (!partner || partner.first !== selected) partner = null;
  const t = clock.secondsNow();
  overlays.drawOrbits(data, selected, partnerIndex(), orbitModes, t);
  // A camera given by a link or a presentation stays where it was put.
  if (!links.cameraHeld() && selected >= 0) viewer.flyTo(orbit.positionKm(data, selected, t).map((x) => 2.6 * x), 1.0);
}

// The traffic job's closest approaches (rows of orbital.traffic's `approaches`), or none.
export function showApproaches(rows) {
  if (data) approaches.set(rows, data.count);
}

// The network overlays at the clock's instant (components/ui/overlays.py), or none; returns their legend.
export function showOverlays(payload) {
  networkPayload = payload || null;
  if (networkLayer) networkLayer.set(networkPayload, data ? data.count : 0);
  return network.legend(networkPayload);
}

export function showShells(visible) {
  if (data) shown = new Set(visible || []);
}

export function colourMode(mode) {
  colour = mode;
  return legend.items(mode);
}

export function showOrbits(modes) {
  orbitModes = modes || [];
  if (data) overlays.drawOrbits(data, selected, partnerIndex(), orbitModes, clock.secondsNow());
}

// The globe as a PNG data URL (a Promise) with its title, instant and legend (globe_image.mjs).
function globePng() {
  const caption = data && {
    title: globeImage.titleOf(data), when: globeImage.whenOf(clock.startIso(), clock.secondsNow()),
    mode: colour, colours: primitive.COLOURS,
  };
  return globeImage.render(viewer.scene(), caption);
}

// The globe as a PNG download (the report and panels are exported by a server job).
export function exportView() {
  if (viewer.exists()) globePng().then((url) => globeImage.save(url, 'orbital-globe.png'));
}

// What tests, benchmarks and embedding pages may ask of the globe (dash.mjs exposes it).
export const probe = {
  frames: () => frames.count,
  hasViewer: () => viewer.exists(),
  hasData: () => data !== null,
  tilesLoaded: () => viewer.exists() && viewer.scene().globe.tilesLoaded,
  camera: () => viewer.camera(),
  secondsNow: () => clock.secondsNow(),
  selected: () => selected,
  // The satellite selected with the selection (the other of a close approach's pair), or −1.
  partner: partnerIndex,
  drawnCount: () => (layer ? layer.count : 0),
  lod: () => ({ ...frames.lod }),
  budget: () => frames.budget,
  frameTimes: () => [...frames.times],
  clearFrameTimes: () => { frames.times.length = 0; },
  loadToFrameMs: () => frames.loadToFrameMs,
  // Earth-fixed position (km) of a satellite at t s from the window's start: the shader's model.
  positionKm: (index, t) => orbit.positionKm(data, index, t),
  // Drawn satellites on the canvas now: [index, x, y] for at most `limit` of them.
  drawnOnCanvas(limit) {
    const t = clock.secondsNow();
    const camera = viewer.cameraKm();
    const out = [];
    for (let k = 0; k < layer.count && out.length < limit; k += 1) {
      const p = screenPosition(layer.indices[k], t, camera);
      if (p) out.push([layer.indices[k], p[0], p[1]]);
    }
    return out;
  },
  pickAt,
  globePng,
  // What the network overlays draw now: links, contacts, stations, path hops, ground rings.
  overlaysDrawn: () => (networkLayer ? { ...networkLayer.drawn } : null),
  // Close-approach markers shown now.
  approachesShown: () => approaches.shown().length,
  // The first close-approach marker shown now: its pair and its place on the canvas, or null.
  approachOnCanvas() {
    const t = clock.secondsNow();
    const camera = viewer.cameraKm();
    return approaches.firstShown((index) => screenPosition(index, t, camera));
  },
  // Satellites drawn per frame at most (1 … DRAW_BUDGET_MAX), fixed from then on (the frame time no
  // longer moves it).
  setBudget(count) {
    frames.budget = Math.min(Math.max(Math.round(count), 1), primitive.DRAW_BUDGET_MAX);
    frames.pinned = true;
  },
};
