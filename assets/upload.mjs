// Catalogue uploads: the file chosen in dcc.Upload goes to the server's /upload route as raw bytes
// (never through a callback request, which the server keeps to a few KB), and the answer fills the
// declared outputs: the catalogue's key, the preset, the message, the status, and the "skip bad
// records" box (shown once a file is refused for records that skipping leaves others behind; ticking
// it sends the file again; hidden and unticked when skipping cannot help, e.g. for a file not text).

import { noUpdate } from './dash.mjs';

const MAX_UPLOAD_BYTES = 16 * 1024 * 1024; // the server's default ORBITAL_UPLOAD_MB; it checks too
const SHOWN = { display: 'inline-block' };
const HIDDEN = { display: 'none' };

// [catalogue key, preset, message, status, skip box style, skip box value] for an upload's data URL
// `contents`; the server's message and note list each bad record on a line of its own.
export async function send(contents, skipBad, filename) {
  const none = noUpdate();
  if (!contents) return [none, none, none, none, none, none];
  const name = filename || 'upload';
  const refuse = (message, skippable) => [none, none, message, '', skippable ? SHOWN : HIDDEN,
    skippable ? none : []];
  let bytes;
  try {
    const binary = atob(contents.slice(contents.indexOf(',') + 1));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch (error) {
    return refuse(`${name}: the upload arrived damaged; try again`);
  }
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return refuse(`${name}: more than the ${MAX_UPLOAD_BYTES.toLocaleString('en-US')} bytes allowed`);
  }
  const skip = skipBad && skipBad.length ? '&skip=1' : '';
  let answer;
  try {
    const response = await fetch(`/upload?name=${encodeURIComponent(name)}${skip}`, {
      method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
    answer = response.ok ? await response.json() : { refused: (await response.text()).trim() };
  } catch (error) {
    return refuse(`${name}: the server could not be reached; try again`);
  }
  if (answer.refused) return refuse(answer.refused, answer.skippable);
  return [answer.key, 'catalogue', '', answer.note || name, none, none];
}
