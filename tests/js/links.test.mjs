// The link a view's Copy link writes (assets/links.mjs): a preset's link carries no custom-shell
// fields, a custom shell's does, and the globe's colour mode and orbit toggles travel with it.
// Run: node --test tests/js/   (make test runs it).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as links from '../../assets/links.mjs';

const FIELDS = ['preset', 'altitude', 'inclination', 'sso', 'ltan', 'satellites', 'planes', 'area', 'catalogue'];

function query(values) {
  return Object.fromEntries(new URLSearchParams(links.viewQuery(FIELDS, values, null, false)));
}

test('a preset link leaves the custom shell and catalogue out, and carries the toggles', () => {
  const q = query(['demo', 650, 53, ['yes'], 18, 1200, 24, 105, 'abc', 120, 3, 'power', ['satellite', 'shell']]);
  assert.deepEqual(q, { preset: 'demo', area: '105', t: '120', sat: '3', colour: 'power', orbits: 'satellite,shell' });
});

test('a custom link carries its shell; no orbit toggles is an empty list', () => {
  const q = query(['custom', 700, 53, [], 18, 48, 8, 105, '', 0, 0, 'illumination', []]);
  assert.equal(q.altitude, '700');
  assert.equal(q.sso, '0');
  assert.equal(q.planes, '8');
  assert.equal(q.orbits, '');
  assert.equal(q.catalogue, undefined);
});

test('the network overlays and the path city travel with the link; none checked writes neither', () => {
  const q = query(['demo', 650, 53, ['yes'], 18, 1200, 24, 105, '', 0, 0, 'illumination', [], ['stations', 'path'], 'Delhi']);
  assert.equal(q.overlays, 'stations,path');
  assert.equal(q.city, 'Delhi');
  const none = query(['demo', 650, 53, ['yes'], 18, 1200, 24, 105, '', 0, 0, 'illumination', [], [], null]);
  assert.equal(none.overlays, undefined);
  assert.equal(none.city, undefined);
});
