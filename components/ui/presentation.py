"""Shareable state, embedding and presentation: what a link carries beyond the controls (clock time,
selected satellite, camera), the "copy link" control, exports (the report and panels as a background
job, the globe from its canvas), embed views, and the scripted tour."""

import time

import numpy as np
from dash import ClientsideFunction, Input, Output, State, ctx, dcc, html, no_update

from .callbacks import Callbacks
from .background import STARTED, background_job
from ..jobs.manager import one_at_a_time, where_this_runs
from ..model.engine import satellite_power
from ..model.report import panel_figures, panels_zip, report_html
from ..model.state import (LINK_FIELDS, ViewState, clock_seconds, link_selection, parse_query, selected_satellite,
                           view_from_link)

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

# Buttons that start an export job: the report, every panel as PNG, as SVG (export-FORMAT for images).
EXPORT_BUTTONS = ["export-report", "export-png", "export-svg"]

# The talk's tour: each step is a link (controls, clock, selection), a camera (longitude °, latitude °,
# height m, heading °, pitch °, roll °; None frames the constellation, as for a compact one) and a
# caption whose figures tour_caption fills in from the step's view, as its panels compute them:
# {count} satellites, the selected satellite's {name}, {sunlit} share of the window in sunlight and
# {beta} angle (the solar panel's), the window's {hours}. → or space advances, ← goes back.
TOUR = [
    {"caption": "{count:,} satellites: dawn–dusk shells and 30° shells",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "-60,20,42000000,0,-90,0"},
    {"caption": "Dawn–dusk shells ride the terminator: {name} is sunlit {sunlit} of these {hours} h (β = {beta})",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "90,0,30000000,0,-90,0"},
    {"caption": "The 30° shells dip into the Earth's shadow on every orbit: {name} is sunlit {sunlit} of these {hours} h",
     "search": "?preset=spacex-odc&t=2400&sat=600000", "camera": "0,0,25000000,0,-90,0"},
    {"caption": "Google's Suncatcher cluster: {count:,} satellites within a kilometre",
     "search": "?preset=suncatcher&t=0&sat=40", "camera": None},
]


def tour_figures(step):
    """The figures tour step `step`'s caption may name, from its view and selection as the panels
    beside it compute them (engine.satellite_power: the solar panel's series and β)."""
    query = parse_query(TOUR[step]["search"])
    view = view_from_link(query)
    count = view.constellation().count
    data = satellite_power(view, selected_satellite(link_selection(query), count))
    return {"count": count, "name": data["name"], "sunlit": f"{float(np.mean(data['lit'])):.1%}",
            "beta": f"{data['beta_deg']:.1f}°", "hours": f"{view.window_h:g}"}


def share_bar():
    """Copy link, the exports with their job's progress, and the tour's caption."""
    return html.Div(className="share", children=[
        html.Button("Copy link", id="copy-link", n_clicks=0, type="button"),
        dcc.Input(id="share-link", readOnly=True, value="", className="share-link", debounce=True),
        html.Span("Export:", className="unit"),
        html.Button("Report", id="export-report", n_clicks=0, type="button", title="self-contained HTML"),
        html.Button("Panels PNG", id="export-png", n_clicks=0, type="button"),
        html.Button("Panels SVG", id="export-svg", n_clicks=0, type="button"),
        html.Span(id="export-job", hidden=True, children=[
            html.Button("Cancel", id="export-cancel", n_clicks=0, type="button", disabled=True),
            html.Progress(id="export-progress", value="0", max="1")]),
        html.Span(id="export-message", className="unit"),
        dcc.Download(id="export-download"),
        html.Button("Globe PNG", id="export-globe", n_clicks=0, type="button"),
        html.Span(id="tour-caption", className="caption"),
        dcc.Store(id="tour", data=[{key: step[key] for key in ("search", "camera")} for step in TOUR]),
        dcc.Store(id="tour-step"),
        dcc.Store(id="link-fields", data=list(LINK_FIELDS)),
        html.Div(id="page-mode", hidden=True),
    ])


# A link of the current view: every control, the clock, the selection, the globe's toggles and overlays
# (with the path's city) and the camera.
clientside_callback(ClientsideFunction("links", "shareLink"), Output("share-link", "value"),
                    Input("copy-link", "n_clicks"),
                    *(State(control_id, "value") for control_id in LINK_FIELDS),
                    State("time-slider", "value"), State("selection", "data"), State("colour-mode", "value"),
                    State("show-orbits", "value"), State("globe-overlays", "value"), State("path-city", "value"),
                    prevent_initial_call=True)
# The globe's export: read from its canvas in the browser.
clientside_callback(ClientsideFunction("links", "exportView"), Input("export-globe", "n_clicks"),
                    prevent_initial_call=True)


@callback(**background_job("export", [Output("export-download", "data"), Output("export-message", "children")],
                           [Input(button, "n_clicks") for button in EXPORT_BUTTONS]
                           + [State("scenario", "data"), State("selection", "data"), State("time-slider", "value")],
                           EXPORT_BUTTONS, [(Output("export-job", "hidden"), False, True)]))
def run_export(set_progress, report, png, svg, scenario_data, selection, clock_s):
    """The report or every panel (PNG or SVG, in a zip) of the scenario, with the clock and selection
    as the page shows them, rendered as a background job."""
    started = time.perf_counter()
    set_progress(STARTED)
    view = ViewState.from_store(scenario_data)
    index = selected_satellite(selection, view.constellation().count)
    seconds = clock_seconds(clock_s, view.window_s)
    with one_at_a_time("export"):
        if ctx.triggered_id == "export-report":
            name, data = "orbital-report.html", report_html(view, index, seconds).encode()
        else:
            image_format = ctx.triggered_id.removeprefix("export-")
            name, data = (f"orbital-panels-{image_format}.zip",
                          panels_zip(panel_figures(view, index, seconds), image_format))
    set_progress(("1", "1"))
    return dcc.send_bytes(data, name), (f"{name}: {len(data) / 1000:,.0f} kB "
                                        f"({time.perf_counter() - started:.1f} s on {where_this_runs()})")


# Embed views, presentation mode and the tour's keys, from the page's address.
clientside_callback(ClientsideFunction("links", "pageMode"), Output("page-mode", "children"),
                    Input("url", "pathname"), Input("url", "search"), State("tour", "data"),
                    State("link-fields", "data"))


@callback(Output("tour-caption", "children"), Input("tour-step", "data"), prevent_initial_call=True)
def tour_caption(step):
    """Tour step `step`'s caption (the step set by a key press, assets/links.mjs), numbered ('2/4 …'),
    its figures filled in; a step there is not leaves the caption as it is."""
    if step is None or not 0 <= step < len(TOUR):
        return no_update
    return f"{step + 1}/{len(TOUR)} " + TOUR[step]["caption"].format(**tour_figures(step))


def embed_caption():
    """An embed's caption (?caption=1 on /embed/<view> or ?embed=1): the scenario and its date."""
    return html.P(id="embed-caption", className="embed-caption")


@callback(Output("embed-caption", "children"), Input("scenario", "data"), State("url", "search"))
def fill_embed_caption(scenario_data, search):
    """'spacex-odc · 1,000,000 satellites · 2026-06-21, 6 h from 00:00 UTC' where the link asks for a caption."""
    if parse_query(search).get("caption") != ["1"]:
        return ""
    view = ViewState.from_store(scenario_data)
    constellation = view.constellation()
    return (f"{constellation.name} · {constellation.count:,} satellites · {view.start[:10]}, "
            f"{view.window_h:g} h from {view.start[11:16]} UTC")
