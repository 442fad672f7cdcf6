// The globe's scale bar: how long a round distance (1, 2 or 5 × 10ⁿ m) is at the centre of the view,
// measured along the Earth's surface (WGS-84) between two points picked either side of the centre;
// hidden when the centre of the view is off the Earth. Cesium is the page's global, used only when called.

// Longest the bar is drawn, CSS px; the span the scale is measured over, px.
export const BAR_MAX_PX = 120;
const SPAN_PX = 100;

// The round distance a bar at most `maxPx` long shows at `metresPerPixel`: {metres, px, label}.
export function niceScale(metresPerPixel, maxPx = BAR_MAX_PX) {
  const longest = metresPerPixel * maxPx;
  const power = 10 ** Math.floor(Math.log10(longest));
  const metres = [5, 2, 1].map((k) => k * power).find((m) => m <= longest);
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('en-US')} km`
    : `${metres.toLocaleString('en-US', { maximumSignificantDigits: 3 })} m`;
  return { metres, px: metres / metresPerPixel, label };
}

// Metres of the Earth's surface per CSS pixel at canvas position (x, y) of `scene`, or null off the Earth.
export function metresPerPixel(scene, x, y) {
  const ellipsoid = Cesium.Ellipsoid.WGS84;
  const a = scene.camera.pickEllipsoid(new Cesium.Cartesian2(x - SPAN_PX / 2, y), ellipsoid);
  const b = scene.camera.pickEllipsoid(new Cesium.Cartesian2(x + SPAN_PX / 2, y), ellipsoid);
  if (!a || !b) return null;
  const path = new Cesium.EllipsoidGeodesic(ellipsoid.cartesianToCartographic(a), ellipsoid.cartesianToCartographic(b));
  return path.surfaceDistance / SPAN_PX;
}

// The bar's element in `container` (the globe's), built once.
export function attach(container) {
  const bar = document.createElement('div');
  bar.className = 'scale-bar';
  bar.setAttribute('role', 'img');
  bar.innerHTML = '<span class="scale-bar-line"></span><span class="scale-bar-label"></span>';
  container.appendChild(bar);
  return bar;
}

// Sets `bar` to the scale at the centre of `scene`'s canvas (hidden off the Earth); returns its label.
export function update(bar, scene) {
  const canvas = scene.canvas;
  const perPx = metresPerPixel(scene, canvas.clientWidth / 2, canvas.clientHeight / 2);
  if (!perPx) {
    bar.hidden = true;
    return '';
  }
  const scale = niceScale(perPx);
  bar.hidden = false;
  bar.firstChild.style.width = `${scale.px.toFixed(0)}px`;
  bar.lastChild.textContent = scale.label;
  bar.setAttribute('aria-label', `scale: ${scale.label} at the centre of the view`);
  return scale.label;
}
