// The globe's hover tooltip: the satellite under the pointer, with its name, altitude and sunlight at
// the clock's instant. A plain element over the canvas; nothing goes to Dash.

import * as orbit from './orbit.mjs';

// The pointer is looked at no more often than this, ms (a pick projects every satellite drawn).
const EVERY_MS = 120;

function pad(n) {
  return String(n).padStart(3, '0');
}

// Name of satellite `index`: 'SHELL P003 S017' for a shell of planes (as orbital/ names it), else the
// group's name and the satellite's number.
export function satelliteName(data, index) {
  const group = data.groups[orbit.groupOf(data, index)];
  const local = index - group.offset;
  if (!group.layout) return `${group.name} #${local}`;
  const plane = Math.floor(local / group.layout.per_plane);
  return `${group.name} P${pad(plane)} S${pad(local - plane * group.layout.per_plane)}`;
}

// 'sunlit', 'umbra' or 'penumbra (62 % of the Sun)' from the visible fraction of the Sun's disc.
function sunlightWords(fraction) {
  if (fraction >= 1) return 'sunlit';
  if (fraction <= 0) return 'umbra (eclipse)';
  return `penumbra (${Math.round(100 * fraction)} % of the Sun)`;
}

// What the tooltip says about satellite `index` at t s from the window's start.
export function describe(data, index, t) {
  const r = orbit.positionKm(data, index, t);
  const altitudeKm = Math.hypot(r[0], r[1], r[2]) - data.constants.earth_radius_km; // as orbital/ measures it
  const lit = orbit.visibleFraction(r, orbit.sunEarthFixed(data, t), data.constants);
  return `${satelliteName(data, index)} (#${index}) · ${Math.round(altitudeKm).toLocaleString('en-US')} km · `
    + sunlightWords(lit);
}

// A tooltip in `container` that follows the pointer and says textAt(x, y) (a string, or null for
// nothing there; looked at no more often than EVERY_MS). Returns the pointer's handlers, which the
// viewer calls (viewer.mjs): move(x, y) in canvas pixels, and leave().
export function tooltip(container, textAt) {
  const tip = document.createElement('div');
  tip.className = 'globe-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  container.appendChild(tip);
  let last = 0;
  return {
    move(x, y) {
      const now = performance.now();
      if (now - last < EVERY_MS) return;
      last = now;
      const text = textAt(x, y);
      tip.hidden = !text;
      if (!text) return;
      tip.textContent = text;
      tip.style.left = `${x + 14}px`;
      tip.style.top = `${y + 14}px`;
    },
    leave() { tip.hidden = true; },
  };
}
