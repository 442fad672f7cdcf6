"""Exports of a scenario: each panel as PNG and SVG (kaleido, offline, through a local Chromium),
and a self-contained HTML report (figures, tables, sources) that opens without a server or network."""

import html
import io
import tempfile
import zipfile
from pathlib import Path

import plotly.io as pio
from plotly.offline import get_plotlyjs

import orbital
from orbital import OrbitalError

from .engine import energy_comparison, fleet_compute, satellite_power, satellite_scatter, snapshot, yearly
from .verdict import source_rows, verdict_items
from .figures import (compute_figure, cost_breakdown_figure, energy_figure, fact_rows, globe_figure, mass_figure,
                      scatter_figure, season_figure, selected_point, solar_figure, tornado_figure, waterfall_figure)

FORMATS = ("png", "svg")
# Size of an exported panel, CSS px, drawn at EXPORT_SCALE: a 1920 × 1080 PNG, a full slide.
EXPORT_WIDTH_PX, EXPORT_HEIGHT_PX, EXPORT_SCALE = 960, 540, 2


def panel_figures(view, selection=0, seconds=0.0):
    """The view's panel figures by name, as the dashboard draws them with the clock at `seconds` from
    the window's start; `selection` is clamped (state.selected_satellite) and marked in the scatter."""
    result = yearly(view)
    power = satellite_power(view, selection)
    scatter = scatter_figure(satellite_scatter(view), [s.name for s in result.shells.rows])
    scatter.data[-1].update(selected_point(power))
    return {
        "globe": globe_figure(*snapshot(view, selection, seconds)),
        "solar": solar_figure(power, seconds / 60.0),
        "season": season_figure(result),
        "satellites": scatter,
        "compute": compute_figure(fleet_compute(view), seconds / 60.0, view.accelerator),
        "mass": mass_figure(result),
        "energy": energy_figure(energy_comparison(view), result),
        "tornado": tornado_figure(result),
        "costs": cost_breakdown_figure(result),
        "waterfall": waterfall_figure(result),
    }


def panel_images(figures, image_format):
    """{name: bytes} of each figure as `image_format` (png or svg), rendered by kaleido in one batch."""
    if image_format not in FORMATS:
        raise OrbitalError(f"format: {image_format!r} is not one of {', '.join(FORMATS)}", parameter="format")
    with tempfile.TemporaryDirectory(prefix="orbital-export-") as folder:
        paths = [Path(folder) / f"{name}.{image_format}" for name in figures]
        try:
            pio.write_images(list(figures.values()), paths, format=image_format,
                             width=EXPORT_WIDTH_PX, height=EXPORT_HEIGHT_PX, scale=EXPORT_SCALE)
        except Exception as exc:  # kaleido and its browser driver raise their own error types
            if not type(exc).__module__.startswith(("kaleido", "choreographer")):
                raise
            raise OrbitalError(f"export: kaleido could not render the panels ({type(exc).__name__}); it needs "
                               "Chromium (Debian package chromium)", parameter="format") from None
        return {name: path.read_bytes() for name, path in zip(figures, paths)}


def panels_zip(figures, image_format):
    """A zip of every panel as `image_format`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in panel_images(figures, image_format).items():
            archive.writestr(f"{name}.{image_format}", data)
    return buffer.getvalue()


def _table(header, rows):
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def report_html(view, selection=0, seconds=0.0):
    """One HTML page with plotly.js inline: the scenario, every panel, the comparison, the per-satellite
    figures and every parameter with its source. No request leaves the page."""
    figures = panel_figures(view, selection, seconds)
    result = yearly(view)
    table = energy_comparison(view)
    plots = "".join(
        f'<section class="panel" id="{name}">'
        + pio.to_html(figure, include_plotlyjs=False, include_mathjax=False, full_html=False,
                      config={"displaylogo": False}, default_height="420px")
        + "</section>" for name, figure in figures.items())
    comparison = _table(["quantity", "unit", "orbit", "ground"],
                        [(r["quantity"], r["unit"], orbital.format_value(r["orbit"]), orbital.format_value(r["ground"])) for r in table["rows"]])
    facts = _table(["figure", "value", "from"], fact_rows(result))
    sources = _table(["group", "parameter", "value", "unit", "source"], source_rows(view))
    verdict = _table(["", "", ""], [(label, value, context) for label, value, context, _ in verdict_items(result)])
    constellation = view.constellation()
    title = f"Orbital Compute Dashboard — {html.escape(constellation.name)}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 24px; color: #1d2330; }}
table {{ border-collapse: collapse; font-size: 13px; margin: 8px 0 24px; }}
th, td {{ border-bottom: 1px solid #e5e7eb; padding: 3px 8px; text-align: left; vertical-align: top; }}
.panel {{ max-width: 1000px; }}
.modebar-container {{ opacity: 0; transition: opacity 0.2s; top: 34px !important; }}
.js-plotly-plot:hover .modebar-container {{ opacity: 1; }}
</style>
<script>{get_plotlyjs()}</script></head>
<body>
<h1>{title}</h1>
<p>{html.escape(constellation.description)}: {constellation.count:,} satellites; window from
{html.escape(view.start)} for {view.window_h:g} h; yearly figures over {result.operation.months[0][:4]};
{html.escape(result.sizing.accelerator)}, compute in eclipse: {html.escape(result.sizing.eclipse_mode)}.
Sunlit {result.sunlight.sunlit_fraction:.3f} of the time; sunlight per m² ×{table['sunlight_ratio']:.1f} a ground panel.</p>
<h2>The verdict</h2>{verdict}
{plots}
<h2>Orbit against the ground, same compute</h2>{comparison}
<h2>Per satellite</h2>{facts}
<h2>Sources: every parameter of the model</h2>{sources}
</body></html>
"""
