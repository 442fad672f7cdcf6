// Catalogue uploads: the file chosen in dcc.Upload goes to the server's /upload route as raw bytes
// (at most 16 MB; never through a callback request, which the server keeps to a few KB), and the
// answer fills the declared outputs: the catalogue's key, the preset, the message and the status.
(function (root) {
  'use strict';

  // [catalogue key, preset, message, status] for an upload's data URL `contents` (skipBad: skip bad records).
  async function send(contents, filename, skipBad) {
    const none = root.dash_clientside.no_update;
    if (!contents) return [none, none, none, none];
    const name = filename || 'upload';
    let bytes;
    try {
      const binary = atob(contents.slice(contents.indexOf(',') + 1));
      bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    } catch (error) {
      return [none, none, `${name}: the upload arrived damaged; try again`, ''];
    }
    let response;
    try {
      const skip = skipBad && skipBad.length ? '&skip=1' : '';
      response = await fetch(`/upload?name=${encodeURIComponent(name)}${skip}`, {
        method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
    } catch (error) {
      return [none, none, `${name}: the server could not be reached; try again`, ''];
    }
    if (!response.ok) return [none, none, (await response.text()).trim(), ''];
    const answer = await response.json();
    const skipped = answer.skipped ? ` (${answer.skipped.toLocaleString('en-US')} bad records skipped)` : '';
    return [answer.key, 'catalogue', '', `${name}${skipped}`];
  }

  root.dash_clientside = Object.assign({}, root.dash_clientside, { upload: { send } });
}(window));
