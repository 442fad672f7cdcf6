// The one seam between the browser's modules and Dash: no other module touches Dash's globals or
// sets a global of its own.
//
// How the page starts: Dash does not load these modules (app.py: assets_ignore); its renderer is
// started by app.py only once main.mjs, and so every module it imports, has run, so every function
// below is in place before Dash first calls one. CesiumJS is a classic script (/cesium/Cesium.js) that
// globe.mjs adds once the page has painted its first answer.
//
// Dash → browser: the clientside callbacks of components/ (ClientsideFunction(namespace, name)) call
// window.dash_clientside[namespace][name], registered by main.mjs through register():
//   globe   init, load, select, showShells, colourMode, showOrbits, showApproaches,  globe.mjs
//           showOverlays
//   clock   setTime, play                                                            clock.mjs
//   links   shareLink, pageMode, replaceQuery, afterStrip, drawerOpen                links.mjs
//           exportView                                                               globe.mjs
//   upload  send                                                                     upload.mjs
//
// Browser → Dash outside a callback's declared outputs: send(id, value), through
// dash_clientside.set_props. Each write is in WRITES, with why it cannot be an output:
//   selection.data          a click on the globe picks a satellite (a Cesium event, not a prop change)
//   time-slider.value       the running Cesium clock moves the scrubber
//   globe-lod.children      the level of detail, measured after each render
//   globe-status.children   a scenario drawn once CesiumJS has loaded, after the page's first answer
//   tour-caption.children   presentation mode's first caption (how to start the tour)
//   tour-step.data          a key press steps the tour (a window event); the server words its caption
//   url.search              the tour's step sets the link, which drives the controls and the clock
//
// Tests, benchmarks and embedding pages: window.orbitalGlobe, a probe of the globe (globe.mjs's
// `probe`, and whether the page presents), set by expose() and read, never written, by the page.

const root = globalThis;

const WRITES = {
  selection: 'data', 'time-slider': 'value', 'globe-lod': 'children', 'globe-status': 'children',
  'tour-caption': 'children', 'tour-step': 'data', url: 'search',
};

// Sets `id`'s declared property to `value` through dash_clientside.set_props.
export function send(id, value) {
  const prop = WRITES[id];
  if (!prop) throw new Error(`send: ${id} is not a declared write to Dash`);
  root.dash_clientside.set_props(id, { [prop]: value });
}

// Dash's "leave this output as it is".
export function noUpdate() {
  return root.dash_clientside.no_update;
}

// Makes `functions` Dash's clientside namespace `namespace`, keeping every other namespace.
export function register(namespace, functions) {
  root.dash_clientside = Object.assign({}, root.dash_clientside, { [namespace]: Object.freeze({ ...functions }) });
}

// The probe of the globe for tests, benchmarks and embedding pages: window.orbitalGlobe.
export function expose(probe) {
  root.orbitalGlobe = Object.freeze({ ...probe });
}
