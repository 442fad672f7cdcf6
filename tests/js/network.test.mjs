// The network overlays' words and shapes (assets/network.mjs): rate classes and SI text, the legend's
// sentence, and small circles on the sphere checked by the haversine distance from their centre.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { RATE_CLASSES, legend, linksSentence, rateClass, rateText, smallCircle } from '../../assets/network.mjs';

test('a rate takes its class and its SI-prefixed words', () => {
  assert.deepEqual([12.8e12, 1e12, 800e9, 56.9e9, 3e9, 0].map(rateClass), [0, 0, 1, 2, 3, 4]);
  assert.equal(RATE_CLASSES[4].label, 'none: beyond optical range');
  assert.deepEqual([12.8e12, 800e9, 56.93417e9, 2e9, 4.5e6, 0].map(rateText),
    ['12.8 Tb/s', '800 Gb/s', '56.9 Gb/s', '2 Gb/s', '4.5 Mb/s', '0 b/s']);
});

test('the legend says how many links are drawn, whose, and their rates', () => {
  const links = { satellite: 7, cluster: false, group: 'demo', edges: [[6, 7], [7, 8], [1, 7], [7, 13]],
    rate_bps: [800e9, 800e9, 56.9e9, 0] };
  assert.equal(linksSentence(links), '4 links of satellite #7, 0 b/s to 800 Gb/s each way');
  assert.equal(linksSentence({ ...links, cluster: true, group: 'Suncatcher', edges: [[0, 1]], rate_bps: [12.8e12] }),
    '1 link of its cluster (Suncatcher), 12.8 Tb/s each way');
  const words = legend({ links }).map((item) => item.props.children || '').join('');
  assert.match(words, /^Links by data rate each way \(4 links of satellite #7/);
  for (const c of RATE_CLASSES) assert.ok(words.includes(c.label), c.label);
  assert.deepEqual(legend(null), []);
});

// Great-circle angle (rad) between two [lon, lat] points in degrees (haversine).
function angle([lon1, lat1], [lon2, lat2]) {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2
    + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * Math.asin(Math.sqrt(h));
}

test('a small circle lies at its angle from its centre, closed, across the date line and near a pole', () => {
  for (const [lat, lon, a] of [[-30.2444, -70.7494, 0.3499], [28.3, -16.51, 0.1477], [10, 179, 0.2], [85, 0, 0.15]]) {
    const circle = smallCircle(lat, lon, a, 64);
    assert.equal(circle.length, 65);
    assert.deepEqual(circle[0], circle[64]);
    for (const p of circle) {
      assert.ok(Math.abs(angle([lon, lat], p) - a) < 1e-9, `${p} from ${[lat, lon]}`);
      assert.ok(p[0] >= -180 && p[0] <= 180 && Math.abs(p[1]) <= 90);
    }
  }
});
