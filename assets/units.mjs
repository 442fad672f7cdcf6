// The one seam between kilometres and metres. The browser's modules work in km, as orbital/ and the
// payload do; Cesium works in metres. Every conversion goes through here, the shader's included
// (primitive.mjs writes M_PER_KM into its source). Cesium is the page's global, used only when called.

export const M_PER_KM = 1000;

// A position [x, y, z] in km as Cesium's Cartesian3 in metres.
export function metres(rKm) {
  return new Cesium.Cartesian3(M_PER_KM * rKm[0], M_PER_KM * rKm[1], M_PER_KM * rKm[2]);
}

// Cesium's Cartesian3 in metres as [x, y, z] in km.
export function kilometres(p) {
  return [p.x / M_PER_KM, p.y / M_PER_KM, p.z / M_PER_KM];
}

// Cesium's culling planes ({x, y, z, w}: n · p + w ≥ 0 inside, p and w in metres) with w in km.
export function planesKm(planes) {
  return planes.map((p) => ({ x: p.x, y: p.y, z: p.z, w: p.w / M_PER_KM }));
}
