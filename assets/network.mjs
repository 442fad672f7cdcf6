// The network overlays' words and shapes, without Cesium: the colour of a link's data rate and its
// legend in plain words (SI-prefixed bit/s), the stations' marks, and small circles on the sphere (a
// footprint's or a horizon's ground ring, from the half-angle orbital/ computes).

// Link colours by data rate each way (bit/s), highest first; a link beyond optical range carries none.
export const RATE_CLASSES = [
  { min: 1e12, colour: '#ffffff', label: '1 Tb/s or more' },
  { min: 1e11, colour: '#30d158', label: '100 Gb/s to 1 Tb/s' },
  { min: 1e10, colour: '#ffd60a', label: '10 to 100 Gb/s' },
  { min: Number.MIN_VALUE, colour: '#ff9f0a', label: 'under 10 Gb/s' },
  { min: 0, colour: '#8e8e93', label: 'none: beyond optical range' },
];
export const STATION_COLOURS = { optical: '#bf5af2', rf: '#64d2ff' };
export const PATH_COLOUR = '#ff375f';
export const SITE_COLOUR = '#ffd60a';

// The class (index of RATE_CLASSES) of a rate in bit/s.
export function rateClass(bps) {
  const k = RATE_CLASSES.findIndex((c) => bps >= c.min);
  return k < 0 ? RATE_CLASSES.length - 1 : k;
}

const PREFIXES = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, '']];

// A rate in bit/s with an SI prefix and three significant figures at most: '800 Gb/s', '12.8 Tb/s'.
export function rateText(bps) {
  if (!(bps > 0)) return '0 b/s';
  const [scale, prefix] = PREFIXES.find(([s]) => bps >= s) || PREFIXES[PREFIXES.length - 1];
  return `${Number((bps / scale).toPrecision(3))} ${prefix}b/s`;
}

// A station's mark: its colour and its kind in words.
export function stationMark(kind) {
  if (kind === 'optical') return { colour: STATION_COLOURS.optical, word: 'optical' };
  return { colour: STATION_COLOURS.rf, word: 'RF' };
}

const DEG = Math.PI / 180;

// The small circle at Earth-central angle `angleRad` around (latDeg, lonDeg): `points` + 1 [lon, lat]
// pairs in degrees, closed (the last is the first).
export function smallCircle(latDeg, lonDeg, angleRad, points = 96) {
  const lat = latDeg * DEG;
  const lon = lonDeg * DEG;
  const out = [];
  for (let k = 0; k <= points; k += 1) {
    const bearing = (2 * Math.PI * (k % points)) / points;
    const sinLat = Math.sin(lat) * Math.cos(angleRad) + Math.cos(lat) * Math.sin(angleRad) * Math.cos(bearing);
    const lat2 = Math.asin(Math.max(-1, Math.min(1, sinLat)));
    const lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(angleRad) * Math.cos(lat),
      Math.cos(angleRad) - Math.sin(lat) * sinLat);
    out.push([((lon2 / DEG + 540) % 360) - 180, lat2 / DEG]);
  }
  return out;
}

function span(children, style) {
  return { namespace: 'dash_html_components', type: 'Span', props: style ? { children, style } : { children } };
}

function swatch(colour) {
  return { namespace: 'dash_html_components', type: 'Span',
    props: { className: 'swatch', style: { background: colour }, 'aria-hidden': 'true' } };
}

// What the links drawn are, in words: '4 links of satellite #7, 57 Gb/s to 800 Gb/s each way'.
export function linksSentence(links) {
  const n = links.edges.length;
  const whose = links.cluster ? `its cluster (${links.group})` : `satellite #${links.satellite}`;
  if (!n) return `no links of ${whose}`;
  const low = Math.min(...links.rate_bps);
  const high = Math.max(...links.rate_bps);
  const range = low === high ? rateText(low) : `${rateText(low)} to ${rateText(high)}`;
  return `${n} link${n === 1 ? '' : 's'} of ${whose}, ${range} each way`;
}

// The overlays' legend as Dash components: the links' colour key and sentence, the stations' marks, the
// path's and the site's colours; [] when nothing is drawn.
export function legend(payload) {
  if (!payload) return [];
  const items = [];
  if (payload.links) {
    items.push(span(`Links by data rate each way (${linksSentence(payload.links)}): `));
    RATE_CLASSES.forEach((c) => items.push(swatch(c.colour), span(` ${c.label}  `)));
  }
  if (payload.stations) {
    items.push(span(' Ground stations: '), swatch(STATION_COLOURS.optical), span(' optical  '),
      swatch(STATION_COLOURS.rf), span(' RF, each with its footprint and lines to satellites in view  '));
  }
  if (payload.path) items.push(swatch(PATH_COLOUR), span(` path from ${payload.path.city}  `));
  if (payload.site) items.push(swatch(SITE_COLOUR), span(` ${payload.site.name}: horizon and 30° rings`));
  return items;
}
