"""Shareable state, embedding and presentation: what a link carries beyond the controls (clock time,
selected satellite, camera), the "copy link" control, exports (the report and panels as a background
job, the globe from its canvas), embed views, and the scripted tour."""

import time

from dash import ClientsideFunction, Input, Output, State, ctx, dcc, html

from .callbacks import Callbacks
from .background import STARTED, background_job
from ..jobs.manager import one_at_a_time, where_this_runs
from ..model.report import panel_figures, panels_zip, report_html
from ..model.state import LINK_FIELDS, ViewState, clock_seconds, selected_satellite

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

# Buttons that start an export job: the report, every panel as PNG, as SVG (export-FORMAT for images).
EXPORT_BUTTONS = ["export-report", "export-png", "export-svg"]

# The talk's tour: each step is a link (controls, clock, selection) and a camera (longitude °,
# latitude °, height m, heading °, pitch °, roll °; None frames the constellation, as for a compact
# one); → or space advances, ← goes back.
TOUR = [
    {"caption": "A million satellites: 600,000 in dawn–dusk orbits, 400,000 at 30°",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "-60,20,42000000,0,-90,0"},
    {"caption": "Dawn–dusk shells ride the terminator: sunlit more than 99% of the time",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "90,0,30000000,0,-90,0"},
    {"caption": "The 30° shells dip into the Earth's shadow on every orbit: 64–69% sunlit",
     "search": "?preset=spacex-odc&t=2400&sat=600000", "camera": "0,0,25000000,0,-90,0"},
    {"caption": "Google's Suncatcher cluster: 81 satellites within a kilometre",
     "search": "?preset=suncatcher&t=0&sat=40", "camera": None},
]


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
        dcc.Store(id="tour", data=TOUR),
        dcc.Store(id="link-fields", data=list(LINK_FIELDS)),
        html.Div(id="page-mode", hidden=True),
    ])


# A link of the current view: every control, the clock, the selection, the globe's toggles and the camera.
clientside_callback(ClientsideFunction("links", "shareLink"), Output("share-link", "value"),
                    Input("copy-link", "n_clicks"),
                    *(State(control_id, "value") for control_id in LINK_FIELDS),
                    State("time-slider", "value"), State("selection", "data"), State("colour-mode", "value"),
                    State("show-orbits", "value"), prevent_initial_call=True)
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
