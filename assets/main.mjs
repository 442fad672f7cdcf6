// The browser's entry module: registers every clientside function Dash calls (the namespaces are
// listed in dash.mjs, the seam) and the globe's probe. app.py starts Dash's renderer once this
// module and all it imports have run.

import * as a11y from './a11y.mjs';
import * as clock from './clock.mjs';
import { expose, register } from './dash.mjs';
import * as globe from './globe.mjs';
import * as links from './links.mjs';
import * as upload from './upload.mjs';

register('globe', {
  init: globe.init, load: globe.load, select: globe.select, showShells: globe.showShells,
  colourMode: globe.colourMode, showOrbits: globe.showOrbits, showApproaches: globe.showApproaches,
  showOverlays: globe.showOverlays,
});
register('clock', { setTime: clock.setTime, play: clock.play });
register('links', {
  shareLink: links.shareLink, pageMode: links.pageMode, replaceQuery: links.replaceQuery, afterStrip: links.afterStrip,
  drawerOpen: links.drawerOpen,
  exportView: globe.exportView,
});
register('upload', { send: upload.send });
expose({ ...globe.probe, present: links.presenting });
a11y.watch(globalThis.document);
