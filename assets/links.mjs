// The view contract in the browser (its server side is components/state.py): the link's fields
// (sent by the server), the selection (clamped once, here), the camera, and what builds on links:
// Copy link, embeds, presentation and its tour. Dash's `links` clientside functions shareLink,
// pageMode and replaceQuery are here.

import { noUpdate, send } from './dash.mjs';
import * as viewer from './viewer.mjs';

const contract = {
  fields: [], present: false, tour: [], tourStep: -1, pendingCamera: null, cameraFromLink: false, keys: false,
};

// The selection as every user of it sees it: a whole number in 0 … count − 1, else 0 (−1 when
// there are no satellites), as components/state.py's selected_satellite.
export function clampSelection(value, count) {
  if (!count) return -1;
  return Number.isInteger(value) && value >= 0 && value < count ? value : 0;
}

// Camera as 'longitude°,latitude°,height m,heading°,pitch°,roll°'.
function cameraText(camera) {
  const where = camera.positionCartographic;
  const deg = Cesium.Math.toDegrees;
  return [deg(where.longitude).toFixed(4), deg(where.latitude).toFixed(4), where.height.toFixed(0),
    deg(camera.heading).toFixed(2), deg(camera.pitch).toFixed(2), deg(camera.roll).toFixed(2)].join(',');
}

// Puts the camera where `text` says (cameraText's form); false when it is not that form.
export function setCamera(camera, text) {
  const v = String(text).split(',').map(Number);
  if (v.length !== 6 || v.some((x) => !Number.isFinite(x))) return false;
  const rad = Cesium.Math.toRadians;
  camera.setView({
    destination: Cesium.Cartesian3.fromDegrees(v[0], v[1], v[2]),
    orientation: { heading: rad(v[3]), pitch: rad(v[4]), roll: rad(v[5]) },
  });
  return true;
}

// The camera a link or tour step asked for, once (null when none is waiting).
export function takeCamera() {
  const text = contract.pendingCamera;
  contract.pendingCamera = null;
  return text;
}

// Whether the page presents (?present=1): camera and clock pinned, the tour's keys.
export function presenting() {
  return contract.present;
}

// Whether the camera stays where it is when a satellite is selected: always while presenting, and
// once after a link or tour step put it somewhere (its selection comes with it).
export function cameraHeld() {
  const held = contract.present || contract.cameraFromLink;
  contract.cameraFromLink = false;
  return held;
}

// Fields that only a custom shell, or only an uploaded catalogue, uses: a preset's link leaves them out.
const CUSTOM_FIELDS = ['altitude', 'inclination', 'sso', 'ltan', 'satellites', 'planes'];

// The query of a view: for each of `fields` (the link's fields, as the server lists them) its value
// in `values` where it applies, then the clock, the selection, the globe's colour mode and orbit
// toggles, its network overlays and the path's city (the rest of `values`), the camera (when given)
// and whether the page presents.
export function viewQuery(fields, values, camera, present) {
  const params = new URLSearchParams();
  const preset = values[fields.indexOf('preset')];
  fields.forEach((id, k) => {
    const value = values[k];
    if (CUSTOM_FIELDS.includes(id) && preset !== 'custom') return;
    if (id === 'catalogue' && preset !== 'catalogue') return;
    if (id === 'sso') params.set(id, value && value.length ? '1' : '0');
    else if (value !== null && value !== undefined && value !== '') params.set(id, value);
  });
  const [t, sat, colour, orbits, overlays, city] = values.slice(fields.length);
  params.set('t', t || 0);
  params.set('sat', sat || 0);
  params.set('colour', colour || 'illumination');
  params.set('orbits', (orbits || []).join(','));
  if (overlays && overlays.length) params.set('overlays', overlays.join(','));
  if (city) params.set('city', city);
  if (camera) params.set('camera', cameraText(camera));
  if (present) params.set('present', '1');
  return params.toString();
}

// The address of the current view, copied to the clipboard where the page may.
export function shareLink(clicks, ...values) {
  const { location } = globalThis;
  const drawer = globalThis.document.getElementById('drawer');
  const query = viewQuery(contract.fields, values, viewer.camera(), contract.present);
  const link = `${location.origin}${location.pathname}?${query}${drawer ? `&drawer=${drawer.open ? 1 : 0}` : ''}`;
  if (navigator.clipboard && globalThis.isSecureContext) navigator.clipboard.writeText(link).catch(() => {});
  return link;
}

// Applies a tour step: its link drives the controls and clock; its camera waits for the data.
function tourStep(step) {
  const view = contract.tour[step];
  if (!view) return;
  contract.tourStep = step;
  contract.pendingCamera = view.camera;
  contract.cameraFromLink = true;
  send('tour-step', step); // the server words its caption from the step's figures (presentation.py)
  send('url', `${view.search}${contract.present ? '&present=1' : ''}`);
}

function onKey(event) {
  if (!contract.present || event.target.tagName === 'INPUT') return;
  if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') tourStep(contract.tourStep + 1);
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') tourStep(Math.max(contract.tourStep - 1, 0));
}

// Page mode from the address: /embed/<view> or ?embed=1 (no controls or chrome; ?caption=1 adds the
// scenario and its date), ?present=1
// (camera and clock pinned; the tour's keys), ?camera=… (the view a link was copied from).
export function pageMode(pathname, search, tour, fields) {
  const params = new URLSearchParams(search || '');
  const embed = (pathname || '').match(/^\/embed\/(globe|solar|compute|energy|strip|tornado)\/?$/);
  const classes = [];
  if (embed || params.get('embed') === '1') classes.push('embed');
  if (embed) classes.push(`embed-${embed[1]}`);
  if (classes.includes('embed') && params.get('caption') === '1') classes.push('captioned');
  contract.present = params.get('present') === '1';
  if (contract.present) classes.push('present');
  if (contract.present && contract.tourStep < 0) {
    send('tour-caption', `Press → or space for the tour (${(tour || []).length} steps); ← goes back`);
  }
  document.body.className = classes.join(' ');
  contract.tour = tour || [];
  contract.fields = fields || [];
  if (params.get('camera') && contract.tourStep < 0) {
    contract.pendingCamera = params.get('camera');
    contract.cameraFromLink = true;
  }
  if (!contract.keys) {
    globalThis.addEventListener('keydown', onKey);
    contract.keys = true;
  }
  return classes.join(' ');
}

// The scenario the panels draw, once the strip shows its verdict (components/ui/strip.py): the strip's
// new children hand the scenario on; the same scenario again (a traffic job's line changed) is no news.
export function afterStrip(children, scenario, drawn) {
  if (!scenario || JSON.stringify(scenario) === JSON.stringify(drawn)) return noUpdate();
  return scenario;
}

// Whether the controls' drawer starts open: as the link says (drawer=1 or 0), else open only where the
// window is wide enough (DRAWER_OPEN_MIN_PX) for the globe to keep its room beside the controls.
const DRAWER_OPEN_MIN_PX = 1400;
export function drawerOpen() {
  const params = new URLSearchParams(globalThis.location.search);
  if (params.has('drawer')) return params.get('drawer') !== '0';
  return globalThis.innerWidth >= DRAWER_OPEN_MIN_PX;
}

// A link the server cleaned (its ignored fields dropped) replaces the address bar's, so a reload
// does not repeat what was ignored; history keeps no copy of the bad one.
export function replaceQuery(search) {
  const { history, location } = globalThis;
  if (typeof search === 'string' && history && search !== location.search) {
    history.replaceState(history.state, '', location.pathname + search + location.hash);
  }
}
