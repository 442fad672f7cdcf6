// The globe's legend for each colour mode: Dash components of the colours the primitive draws.

import { COLOURS } from './primitive.mjs';

function item(colour, label) {
  return [
    { namespace: 'dash_html_components', type: 'Span', props: { children: '●', style: { color: colour } } },
    { namespace: 'dash_html_components', type: 'Span', props: { children: ` ${label}  ` } },
  ];
}

// A continuous scale: a bar of the shader's gradient between its two end labels.
function scale(colours, low, high) {
  return [
    { namespace: 'dash_html_components', type: 'Span', props: { children: `${low} ` } },
    { namespace: 'dash_html_components', type: 'Span', props: { className: 'legend-scale',
      style: { background: `linear-gradient(to right, ${colours.join(', ')})` } } },
    { namespace: 'dash_html_components', type: 'Span', props: { children: ` ${high}` } },
  ];
}

// The legend of colour mode `mode` ('illumination' or 'power').
export function items(mode) {
  const colours = COLOURS;
  if (mode === 'power') return scale(colours.power, '0 %', '100 % of full-sun array power');
  return [].concat(item(colours.sunlit, 'sunlit'), item(colours.penumbra, 'penumbra'), item(colours.umbra, 'umbra'));
}

