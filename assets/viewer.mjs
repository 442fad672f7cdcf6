// The one owner of the Cesium viewer: builds it offline (CesiumJS and its imagery from the app's own
// /cesium/ route, never Ion or a CDN; a lean scene for software WebGL), holds it, and hands out
// what others need of it: its clock, camera and scene, the camera's place and view in km, where a
// position in km falls on the canvas, and a way to add primitives. Its events go to the handlers
// given to create(), so no other module listens to Cesium's input.

import { kilometres, metres, planesKm } from './units.mjs';

let viewer = null;

// Builds the viewer in `container`. handlers: onTick(clock) each clock tick, preRender(time) and
// postRender() around each frame, click(x, y), move(x, y) and leave() of the pointer (canvas pixels).
export function create(container, handlers) {
  globalThis.CESIUM_BASE_URL = '/cesium/'; // Cesium's workers and assets: the app's own route (app.py)
  viewer = new Cesium.Viewer(container, {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(
      Cesium.TileMapServiceImageryProvider.fromUrl(Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
    baseLayerPicker: false, geocoder: false, homeButton: false, sceneModePicker: false,
    navigationHelpButton: false, animation: false, timeline: false, fullscreenButton: false,
    infoBox: false, selectionIndicator: false, skyBox: false, skyAtmosphere: false,
    msaaSamples: 1, shouldAnimate: false,
  });
  const scene = viewer.scene;
  scene.moon = undefined;
  scene.fog.enabled = false;
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = true; // day and night from Cesium's Sun at the clock's time
  viewer.clock.onTick.addEventListener(handlers.onTick);
  scene.preRender.addEventListener((_, time) => handlers.preRender(time));
  scene.postRender.addEventListener(() => handlers.postRender());
  const input = new Cesium.ScreenSpaceEventHandler(scene.canvas);
  input.setInputAction((click) => handlers.click(click.position.x, click.position.y),
    Cesium.ScreenSpaceEventType.LEFT_CLICK);
  input.setInputAction((move) => handlers.move(move.endPosition.x, move.endPosition.y),
    Cesium.ScreenSpaceEventType.MOUSE_MOVE);
  scene.canvas.addEventListener('mouseleave', () => handlers.leave());
}

export function exists() {
  return viewer !== null;
}

export function clock() {
  return viewer && viewer.clock;
}

export function camera() {
  return viewer && viewer.camera;
}

export function scene() {
  return viewer && viewer.scene;
}

// Adds `primitive` to the scene; returns it.
export function add(primitive) {
  return viewer.scene.primitives.add(primitive);
}

export function requestRender() {
  viewer.scene.requestRender();
}

// The camera's position, Earth-fixed, km.
export function cameraKm() {
  return kilometres(viewer.scene.camera.positionWC);
}

// The four side planes of the camera's view ({x, y, z, w}: n · p + w ≥ 0 inside, km).
export function viewPlanesKm() {
  const view = viewer.scene.camera;
  return planesKm(view.frustum.computeCullingVolume(view.positionWC, view.directionWC, view.upWC).planes.slice(0, 4));
}

// Canvas position [x, y] of position rKm (Earth-fixed, km), or null off the canvas.
export function canvasPosition(rKm) {
  const p = Cesium.SceneTransforms.worldToWindowCoordinates(viewer.scene, metres(rKm));
  const canvas = viewer.scene.canvas;
  if (!p || p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) return null;
  return [p.x, p.y];
}

// Flies the camera to rKm (Earth-fixed, km) in `seconds`.
export function flyTo(rKm, seconds) {
  viewer.camera.flyTo({ destination: metres(rKm), duration: seconds });
}
