"""The Sky panel: what an observatory sees of the plan through a night (lit satellites above the
horizon and above 30°, their brightness against SATCON-1's limit, an all-sky map at the clock's
instant) and what the fleet burns in the upper air each year (the reentry stage)."""

import datetime
import json
import math

from dash import Input, Output, dcc, html
from plotly.io.json import to_json_plotly

import orbital

from .callbacks import Callbacks
from .tables import html_table
from ..jobs.results import shared
from ..model.engine import yearly
from ..model.figures import GRAPH_CONFIG, empty_figure
from ..model.sky_figures import (MAP_POINTS, NIGHT_SATELLITES, every_for, map_figure, night_figure, night_rows,
                                 reentry_rows, satcon_figure, site_options)
from ..model.state import ViewState

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

# The night the view's clock falls in at Rubin (the window starts 2026-06-21 00:00 UTC: 19:17 local
# on the 20th); the picker offers any other.
DEFAULT_NIGHT = "2026-06-20"


def sky_panel():
    """The Sky panel: site and night pickers, the night's counts and brightness, the all-sky map at the
    clock's instant, and the re-entry ledger."""
    graph = dict(config=GRAPH_CONFIG, className="graph", style={"height": "260px"})
    return html.Div(className="panel", id="sky-panel", children=[
        html.H2("Night sky and the upper air"),
        html.Div(className="sky-pickers", children=[
            html.Label(["Site ", dcc.Dropdown(id="sky-site", options=site_options(), value="rubin",
                                              clearable=False)]),
            html.Label(["Night of ", dcc.Input(id="sky-night", type="text", value=DEFAULT_NIGHT, debounce=True,
                                               className="date", placeholder="YYYY-MM-DD",
                                               pattern=r"\d{4}-\d{2}-\d{2}")])]),
        html.Div(id="sky-message", className="selection"),
        dcc.Graph(id="sky-night-graph", **graph), dcc.Graph(id="sky-satcon-graph", **graph),
        html.Div(id="sky-table"), dcc.Graph(id="sky-map-graph", **{**graph, "style": {"height": "360px"}}),
        html.H3("Re-entry: what the fleet's replacement burns each year"), html.Div(id="reentry-table")])


@callback(Output("sky-night-graph", "figure"), Output("sky-satcon-graph", "figure"), Output("sky-table", "children"),
          Output("reentry-table", "children"), Output("sky-message", "children"), Output("sky-panel", "className"),
          Input("panels-scenario", "data"), Input("sky-site", "value"), Input("sky-night", "value"),
          prevent_initial_call=True)
def sky_night_panel(scenario_data, site_key, date):
    """The night at the picked site (shared: one computation for every viewer of the view, site and
    night), and the re-entry ledger of the view's yearly assessment."""
    view = ViewState.from_store(scenario_data)
    try:
        site, night = checked_site(site_key), str(date or "")[:10]
        answer = shared("sky-night", view, sky_night_answer, site, night, check=lambda value: isinstance(value, str))
    except orbital.OrbitalError as error:
        blank = empty_figure(str(error))
        return blank, blank, None, reentry_table(view), str(error), "panel"
    return *json.loads(answer), reentry_table(view), "", "panel drawn"


def sky_night_answer(view, site, night):
    """sky_night_panel's night outputs for `view` at `site` on `night`, as the JSON text Dash sends."""
    constellation = view.constellation()
    every = every_for(constellation.count, NIGHT_SATELLITES)
    result = orbital.night_sky(constellation, orbital.sky_site(site), night, view.model().sky, every)
    note = f" (1 in {every:,} satellites followed, counts scaled)" if every > 1 else ""
    table = html_table(("instant", "lit above the horizon", "above 30°", "brightest V", "over SATCON-1",
                        "streaks per 30 s Rubin exposure"), night_rows(result))
    return to_json_plotly([night_figure(result), satcon_figure(result), [table, html.P(f"{result['site']}{note}")]])


def reentry_table(view):
    """The reentry stage's figures for the view (its yearly assessment, shared with the other panels)."""
    return html_table(("quantity", "the plan", "beside it"), reentry_rows(yearly(view).reentry))


@callback(Output("sky-map-graph", "figure"), Input("time-slider", "value"), Input("panels-scenario", "data"),
          Input("sky-site", "value"), prevent_initial_call=True)
def sky_map(seconds, scenario_data, site_key):
    """The all-sky map of the lit satellites at the clock's instant (at most MAP_POINTS drawn)."""
    view = ViewState.from_store(scenario_data)
    try:
        where = orbital.sky_site(checked_site(site_key))
    except orbital.OrbitalError as error:
        return empty_figure(str(error))
    seconds = min(max(float(seconds), 0.0), view.window_s) if seconds is not None and math.isfinite(seconds) else 0.0
    when = orbital.at(view.start).utc_datetime() + datetime.timedelta(seconds=seconds)
    constellation = view.constellation()
    seen = orbital.sky_at(constellation, where, when, view.model().sky, every_for(constellation.count, MAP_POINTS))
    return map_figure(seen, when.strftime("%Y-%m-%d %H:%M"))


def checked_site(site_key):
    """A site key of orbital.SKY_SITES, or OrbitalError naming the site picker."""
    if not isinstance(site_key, str) or site_key not in orbital.SKY_SITES:
        raise orbital.OrbitalError(f"site: {site_key!r} is not one of {', '.join(orbital.SKY_SITES)}",
                                   parameter="site")
    return site_key
