// The one seam through which the browser writes into Dash outside a callback's declared outputs.
// Each write is listed here, with why it cannot be an output:
//   selection.data          a click on the globe picks a satellite (a Cesium event, not a prop change)
//   time-slider.value       the running Cesium clock moves the scrubber
//   globe-lod.children      the level of detail, measured after each render
//   tour-caption.children   a key press steps the tour (a window event)
//   url.search              the tour's step sets the link, which drives the controls and the clock
(function (root) {
  'use strict';

  const WRITES = {
    selection: 'data', 'time-slider': 'value', 'globe-lod': 'children', 'tour-caption': 'children', url: 'search',
  };

  // Sets `id`'s declared property to `value` through dash_clientside.set_props.
  function send(id, value) {
    const prop = WRITES[id];
    if (!prop) throw new Error(`orbitalDash.send: ${id} is not a declared write`);
    root.dash_clientside.set_props(id, { [prop]: value });
  }

  root.orbitalDash = { WRITES, send };
}(typeof window !== 'undefined' ? window : globalThis));
