// The view contract in the browser (its server side is components/state.py): the link's fields
// (sent by the server), the clock's step (from the payload), the selection (clamped once, here),
// the camera, and what builds on links: Copy link, embeds, presentation and its tour, Globe PNG.
(function (root) {
  'use strict';

  const links = {
    fields: [], present: false, tour: [], tourStep: -1, pendingCamera: null, cameraFromLink: false, keys: false,
  };

  // The selection as every user of it sees it: a whole number in 0 … count − 1, else 0 (−1 when
  // there are no satellites), as components/state.py's selected_satellite.
  function clampSelection(value, count) {
    if (!count) return -1;
    return Number.isInteger(value) && value >= 0 && value < count ? value : 0;
  }

  // The clock's time (s) on the scenario's step.
  function onStep(seconds, stepS) {
    return Math.round(seconds / stepS) * stepS;
  }

  // Camera as 'longitude°,latitude°,height m,heading°,pitch°,roll°'.
  function cameraText(camera) {
    const where = camera.positionCartographic;
    const deg = Cesium.Math.toDegrees;
    return [deg(where.longitude).toFixed(4), deg(where.latitude).toFixed(4), where.height.toFixed(0),
      deg(camera.heading).toFixed(2), deg(camera.pitch).toFixed(2), deg(camera.roll).toFixed(2)].join(',');
  }

  // Puts the camera where `text` says (cameraText's form); false when it is not that form.
  function setCamera(camera, text) {
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
  function takeCamera() {
    const text = links.pendingCamera;
    links.pendingCamera = null;
    return text;
  }

  // Fields that only a custom shell, or only an uploaded catalogue, uses: a preset's link leaves them out.
  const CUSTOM_FIELDS = ['altitude', 'inclination', 'sso', 'ltan', 'satellites', 'planes'];

  // The query of the current view: every control that applies (values in links.fields order), then
  // the clock, the selection, the globe's colour mode and orbit toggles, and the camera.
  function viewQuery(values, camera) {
    const ids = links.fields;
    const params = new URLSearchParams();
    const preset = values[ids.indexOf('preset')];
    ids.forEach((id, k) => {
      const value = values[k];
      if (CUSTOM_FIELDS.includes(id) && preset !== 'custom') return;
      if (id === 'catalogue' && preset !== 'catalogue') return;
      if (id === 'sso') params.set(id, value && value.length ? '1' : '0');
      else if (value !== null && value !== undefined && value !== '') params.set(id, value);
    });
    const [t, sat, colour, orbits] = values.slice(ids.length);
    params.set('t', t || 0);
    params.set('sat', sat || 0);
    params.set('colour', colour || 'illumination');
    params.set('orbits', (orbits || []).join(','));
    if (camera) params.set('camera', cameraText(camera));
    if (links.present) params.set('present', '1');
    return params.toString();
  }

  // The address of the current view, copied to the clipboard where the page may.
  function shareLink(clicks, ...values) {
    const viewer = root.orbitalGlobe && root.orbitalGlobe.state.viewer;
    const link = `${root.location.origin}${root.location.pathname}?${viewQuery(values, viewer && viewer.camera)}`;
    if (navigator.clipboard && root.isSecureContext) navigator.clipboard.writeText(link).catch(() => {});
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

  // The globe as a PNG download (the report and panels are exported by a server job).
  function exportView() {
    if (root.orbitalGlobe.state.viewer) root.orbitalGlobe.globePng().then((url) => download(url, 'orbital-globe.png'));
  }

  // Applies a tour step: its link drives the controls and clock; its camera waits for the data.
  function tourStep(step) {
    const view = links.tour[step];
    if (!view) return;
    links.tourStep = step;
    links.pendingCamera = view.camera;
    links.cameraFromLink = true;
    root.orbitalDash.send('tour-caption', `${step + 1}/${links.tour.length} ${view.caption}`);
    root.orbitalDash.send('url', `${view.search}${links.present ? '&present=1' : ''}`);
  }

  function onKey(event) {
    if (!links.present || event.target.tagName === 'INPUT') return;
    if (event.key === 'ArrowRight' || event.key === ' ' || event.key === 'PageDown') tourStep(links.tourStep + 1);
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') tourStep(Math.max(links.tourStep - 1, 0));
  }

  // Page mode from the address: /embed/<view> or ?embed=1 (no controls or chrome), ?present=1
  // (camera and clock pinned; the tour's keys), ?camera=… (the view a link was copied from).
  function pageMode(pathname, search, tour, fields) {
    const params = new URLSearchParams(search || '');
    const embed = (pathname || '').match(/^\/embed\/(globe|solar|compute|energy)\/?$/);
    const classes = [];
    if (embed || params.get('embed') === '1') classes.push('embed');
    if (embed) classes.push(`embed-${embed[1]}`);
    links.present = params.get('present') === '1';
    if (links.present) classes.push('present');
    if (links.present && links.tourStep < 0) {
      root.orbitalDash.send('tour-caption', `Press → or space for the tour (${(tour || []).length} steps); ← goes back`);
    }
    document.body.className = classes.join(' ');
    links.tour = tour || [];
    links.fields = fields || [];
    if (params.get('camera') && links.tourStep < 0) {
      links.pendingCamera = params.get('camera');
      links.cameraFromLink = true;
    }
    if (!links.keys) {
      root.addEventListener('keydown', onKey);
      links.keys = true;
    }
    return classes.join(' ');
  }

  // A link the server cleaned (its ignored fields dropped) replaces the address bar's, so a reload
  // does not repeat what was ignored; history keeps no copy of the bad one.
  function replaceQuery(search) {
    if (typeof search === 'string' && root.history && search !== root.location.search) {
      root.history.replaceState(root.history.state, '', root.location.pathname + search + root.location.hash);
    }
  }

  root.orbitalLinks = { links, clampSelection, onStep, cameraText, setCamera, takeCamera, viewQuery };
  root.dash_clientside = Object.assign({}, root.dash_clientside, {
    links: { shareLink, exportView, pageMode, replaceQuery },
  });
}(typeof window !== 'undefined' ? window : globalThis));
