// Cesium loads its workers and assets from the app's own /cesium/ route (see app.py); never a CDN.
window.CESIUM_BASE_URL = '/cesium/';
