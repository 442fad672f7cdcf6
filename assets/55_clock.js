// The clock link: the Cesium clock follows the scrubber and the play button, and a running clock
// moves the scrubber (through 05_dash.js) on the scenario's step. Dash's `clock` clientside functions.
(function (root) {
  'use strict';

  const SLIDER_PUSH_MS = 500; // how often a running clock moves the scrubber
  const state = () => root.orbitalGlobe.state;
  let lastPush = 0;

  function secondsNow() {
    const clock = state().viewer.clock;
    return Cesium.JulianDate.secondsDifference(clock.currentTime, clock.startTime);
  }

  // Cesium's tick: a running clock pushes the scrubber every SLIDER_PUSH_MS.
  function onTick(clock) {
    if (!state().data) return;
    const now = Date.now();
    if (clock.shouldAnimate && now - lastPush > SLIDER_PUSH_MS) {
      lastPush = now;
      root.orbitalDash.send('time-slider', root.orbitalLinks.onStep(secondsNow(), state().stepS));
    }
  }

  // The scrubber moved (or a new window came): the Cesium clock goes there; the label says when.
  function setTime(seconds) {
    const globe = state();
    if (!globe.viewer || !globe.data || seconds === undefined || seconds === null) return '';
    const clock = globe.viewer.clock;
    const t = secondsNow();
    // A running clock pushes the scrubber; only a real move by the user resets the clock.
    if (!clock.shouldAnimate || Math.abs(seconds - t) > globe.stepS + 2 * clock.multiplier) {
      clock.currentTime = Cesium.JulianDate.addSeconds(clock.startTime, seconds, new Cesium.JulianDate());
    }
    const iso = Cesium.JulianDate.toIso8601(clock.currentTime, 0).replace('T', ' ').replace('Z', ' UTC');
    return `${iso} (+${Math.round(seconds / 60)} min)`;
  }

  function play(clicks, speed) {
    const viewer = state().viewer;
    if (!viewer) return 'Play';
    viewer.clock.multiplier = speed || 60;
    viewer.clock.shouldAnimate = (clicks || 0) % 2 === 1;
    return viewer.clock.shouldAnimate ? 'Pause' : 'Play';
  }

  root.orbitalClock = { secondsNow, onTick };
  root.dash_clientside = Object.assign({}, root.dash_clientside, { clock: { setTime, play } });
}(window));
