// Globe PNG: the globe's canvas with a title, the clock's instant and the colour legend drawn on, at
// the canvas's own resolution (a slide's 16:9 when the globe is), so the image explains itself.

const BAND_PX = 44;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

// Legend entries of colour mode `mode`: [[colour, label]] for classes, or a scale's stops and ends.
function legendOf(mode, colours) {
  if (mode === 'power') return { stops: colours.power, low: '0 %', high: '100 % of full-sun array power' };
  return { items: [[colours.sunlit, 'sunlit'], [colours.penumbra, 'penumbra'], [colours.umbra, 'umbra']] };
}

// The title line: satellites and shells of the scenario drawn.
export function titleOf(data) {
  const names = data.groups.map((group) => group.name);
  const shells = names.length <= 3 ? names.join(', ') : `${names.length} shells`;
  return `${data.count.toLocaleString('en-US')} satellites (${shells})`;
}

// The clock's instant in words: '2026-06-21 02:00 UTC (+120 min)'.
export function whenOf(startIso, seconds) {
  const at = new Date(Date.parse(startIso) + 1000 * seconds);
  const text = at.toISOString().slice(0, 16).replace('T', ' ');
  return `${text} UTC (+${Math.round(seconds / 60).toLocaleString('en-US')} min)`;
}

function drawLegend(context, legend, x, y) {
  context.textBaseline = 'middle';
  if (legend.items) {
    legend.items.forEach(([colour, label]) => {
      context.fillStyle = colour;
      context.beginPath();
      context.arc(x + 6, y, 6, 0, 2 * Math.PI);
      context.fill();
      context.fillStyle = '#ffffff';
      context.fillText(label, x + 16, y);
      x += 28 + context.measureText(label).width;
    });
    return;
  }
  context.fillStyle = '#ffffff';
  context.fillText(legend.low, x, y);
  x += context.measureText(legend.low).width + 8;
  const gradient = context.createLinearGradient(x, 0, x + 140, 0);
  legend.stops.forEach((colour, k) => gradient.addColorStop(k / (legend.stops.length - 1), colour));
  context.fillStyle = gradient;
  context.fillRect(x, y - 6, 140, 12);
  context.fillStyle = '#ffffff';
  context.fillText(legend.high, x + 148, y);
}

// A PNG data URL of `canvas` with a band on top (title, instant) and one at the bottom (legend).
function compose(canvas, { title, when, mode, colours }) {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const context = out.getContext('2d');
  context.drawImage(canvas, 0, 0);
  const scale = Math.max(1, canvas.width / 960);
  context.scale(scale, scale);
  const width = canvas.width / scale;
  const height = canvas.height / scale;
  context.fillStyle = 'rgba(11, 16, 32, 0.78)';
  context.fillRect(0, 0, width, BAND_PX);
  context.fillRect(0, height - BAND_PX + 12, width, BAND_PX - 12);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.font = `600 17px ${FONT}`;
  context.fillText(title, 14, BAND_PX / 2);
  context.font = `15px ${FONT}`;
  context.textAlign = 'right';
  context.fillText(when, width - 14, BAND_PX / 2);
  context.textAlign = 'left';
  context.font = `14px ${FONT}`;
  drawLegend(context, legendOf(mode, colours), 14, height - (BAND_PX - 12) / 2);
  return out.toDataURL('image/png');
}

// The scene's canvas as a PNG data URL (a Promise), read right after a render so the drawing buffer
// need not be preserved; with `caption` ({ title, when, mode, colours }: titleOf, whenOf, the colour
// mode and the primitive's colours), its bands drawn on.
export function render(scene, caption) {
  return new Promise((resolve) => {
    const grab = () => {
      scene.postRender.removeEventListener(grab);
      resolve(caption ? compose(scene.canvas, caption) : scene.canvas.toDataURL('image/png'));
    };
    scene.postRender.addEventListener(grab);
    scene.requestRender();
  });
}

// Saves `href` (a data URL) as a download named `filename`.
export function save(href, filename) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
