// Picking on the CPU with the shader's own model: whether a satellite is hidden behind the Earth,
// and the drawn satellite nearest a click. The projection to the canvas is given by the caller.

const PICK_RADIUS_PX = 9; // a click selects the nearest drawn satellite within this distance

// Whether the segment from the camera (km) to r (km) crosses the occluding sphere (radius km).
export function behindEarth(r, cameraKm, occludingKm) {
  const d = [r[0] - cameraKm[0], r[1] - cameraKm[1], r[2] - cameraKm[2]];
  const along = -(cameraKm[0] * d[0] + cameraKm[1] * d[1] + cameraKm[2] * d[2]) / (d[0] ** 2 + d[1] ** 2 + d[2] ** 2);
  const k = Math.min(Math.max(along, 0), 1);
  const c = [cameraKm[0] + k * d[0], cameraKm[1] + k * d[1], cameraKm[2] + k * d[2]];
  return c[0] ** 2 + c[1] ** 2 + c[2] ** 2 < occludingKm ** 2;
}

// The index among `indices` (the first `count`) whose canvas position project(index) ([x, y] or
// null) is nearest (x, y), within PICK_RADIUS_PX; −1 when none is.
export function nearest(x, y, indices, count, project) {
  let best = -1;
  let bestDistance = PICK_RADIUS_PX;
  for (let k = 0; k < count; k += 1) {
    const p = project(indices[k]);
    if (!p) continue;
    const distance = Math.hypot(p[0] - x, p[1] - y);
    if (distance < bestDistance) { best = indices[k]; bestDistance = distance; }
  }
  return best;
}

