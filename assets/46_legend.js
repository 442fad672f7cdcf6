// The globe's legend for each colour mode: Dash components of the colours the primitive draws.
(function (root) {
  'use strict';

  const primitive = root.orbitalPrimitive;

  function item(colour, label) {
    return [
      { namespace: 'dash_html_components', type: 'Span', props: { children: '●', style: { color: colour } } },
      { namespace: 'dash_html_components', type: 'Span', props: { children: ` ${label}  ` } },
    ];
  }

  // The legend of colour mode `mode` ('illumination' or 'power').
  function items(mode) {
    const colours = primitive.COLOURS;
    if (mode === 'power') {
      return [].concat(item(colours.umbra, '0%'), item(colours.penumbra, '→'),
        item(colours.sunlit, '100% of full-sun array power'));
    }
    return [].concat(item(colours.sunlit, 'sunlit'), item(colours.penumbra, 'penumbra'), item(colours.umbra, 'umbra'));
  }

  root.orbitalLegend = { items };
}(window));
