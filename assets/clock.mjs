// The clock link: the Cesium clock spans the scenario's window, follows the scrubber and the play
// button, and a running clock moves the scrubber (dash.mjs's send) on the scenario's step. Dash's
// `clock` clientside functions are setTime and play.

import { send } from './dash.mjs';
import * as viewer from './viewer.mjs';

const SLIDER_PUSH_MS = 500; // how often a running clock moves the scrubber
let stepS = null; // the scenario's step, s; null until a scenario is loaded
let lastPush = 0;

// The clock's time (s) on the scenario's step.
function onStep(seconds, step) {
  return Math.round(seconds / step) * step;
}

// Seconds from the window's start to Cesium's JulianDate `time`.
export function secondsAt(time) {
  return Cesium.JulianDate.secondsDifference(time, viewer.clock().startTime);
}

// Seconds from the window's start to the clock's time now.
export function secondsNow() {
  return secondsAt(viewer.clock().currentTime);
}

// The window's start as ISO 8601 UTC.
export function startIso() {
  return Cesium.JulianDate.toIso8601(viewer.clock().startTime);
}

// A scenario's window: the clock starts at `start` (ISO 8601), loops over windowS s, and pushes the
// scrubber on its step (step s).
export function startWindow(start, windowS, step) {
  const clock = viewer.clock();
  const t0 = Cesium.JulianDate.fromIso8601(start);
  clock.startTime = t0.clone();
  clock.currentTime = t0.clone();
  clock.stopTime = Cesium.JulianDate.addSeconds(t0, windowS, new Cesium.JulianDate());
  clock.clockRange = Cesium.ClockRange.LOOP_STOP;
  stepS = step;
}

// Cesium's tick: a running clock pushes the scrubber every SLIDER_PUSH_MS.
export function onTick(clock) {
  if (stepS === null) return;
  const now = Date.now();
  if (clock.shouldAnimate && now - lastPush > SLIDER_PUSH_MS) {
    lastPush = now;
    send('time-slider', onStep(secondsNow(), stepS));
  }
}

// The scrubber moved (or a new window came): the Cesium clock goes there; the label says when.
export function setTime(seconds) {
  if (stepS === null || seconds === undefined || seconds === null) return '';
  const clock = viewer.clock();
  // A running clock pushes the scrubber; only a real move by the user resets the clock.
  if (!clock.shouldAnimate || Math.abs(seconds - secondsNow()) > stepS + 2 * clock.multiplier) {
    clock.currentTime = Cesium.JulianDate.addSeconds(clock.startTime, seconds, new Cesium.JulianDate());
  }
  const iso = Cesium.JulianDate.toIso8601(clock.currentTime, 0).replace('T', ' ').replace('Z', ' UTC');
  return `${iso} (+${Math.round(seconds / 60)} min)`;
}

export function play(clicks, speed) {
  const clock = viewer.clock();
  if (!clock) return 'Play';
  clock.multiplier = speed || 60;
  clock.shouldAnimate = (clicks || 0) % 2 === 1;
  return clock.shouldAnimate ? 'Pause' : 'Play';
}
