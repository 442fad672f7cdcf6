// The scale bar's round distances: the longest 1, 2 or 5 × 10ⁿ m that fits the bar, and its length.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BAR_MAX_PX, niceScale } from '../../assets/scalebar.mjs';

test('the bar shows the longest round distance that fits, at its true length', () => {
  assert.equal(BAR_MAX_PX, 120);
  // Whole Earth in ~600 px: ~21 km a pixel, so at most 2,550 km fits; 2,000 km shows, 94 px long.
  const earth = niceScale(12_742_000 / 600);
  assert.deepEqual([earth.metres, earth.label], [2_000_000, '2,000 km']);
  assert.ok(Math.abs(earth.px - 2_000_000 / (12_742_000 / 600)) < 1e-9 && earth.px <= 120);
  assert.deepEqual([niceScale(1000).metres, niceScale(1000).label, niceScale(1000).px], [100_000, '100 km', 100]);
  assert.deepEqual([niceScale(37.5).label, niceScale(0.5).label, niceScale(0.5).px], ['2 km', '50 m', 100]);
  for (const perPx of [0.013, 0.9, 7, 420, 3.3e4]) {
    const scale = niceScale(perPx);
    assert.ok(scale.px <= 120 && scale.px > 120 / 2.5 - 1e-9, `${perPx} m/px: ${scale.px} px`);
    assert.match(String(scale.metres / 10 ** Math.floor(Math.log10(scale.metres))), /^[125]$/);
  }
});
