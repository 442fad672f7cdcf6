"""The sweep panel: a year of sunlight for sun-synchronous shells over altitude × local time, run as a
background job (components/jobs.py) with a progress bar and a cancel button."""

from dash import Input, Output, State, callback, dcc, html

from orbital.scenario import Scenario
from orbital.sweep import sso_sweep

from .figures import sweep_figure
from .jobs import STATUS
from .results import shared

ALTITUDES_KM = tuple(range(400, 2001, 200))
LTANS_H = tuple(range(6, 19, 2))


def sweep_card():
    return html.Div(className="panel", id="sweep-panel", children=[
        html.H2("Sweep: is it always sunny?"),
        html.Div(className="share", children=[
            html.Button("Run sweep", id="run-sweep", n_clicks=0, type="button"),
            html.Button("Cancel", id="cancel-sweep", n_clicks=0, type="button", disabled=True),
            html.Progress(id="sweep-progress", value="0", max=str(len(ALTITUDES_KM))),
            html.Span(id="sweep-message", className="unit"),
        ]),
        html.Div(STATUS, id="jobs-status", className="status"),
        dcc.Graph(id="sweep-graph", config={"displaylogo": False, "responsive": True}, className="graph",
                  style={"height": "320px"}),
    ])


def sweep(year, progress=None):
    """The panel's grid for `year`: sunlit fraction (altitudes, local times)."""
    return sso_sweep(ALTITUDES_KM, LTANS_H, year, progress)


@callback(Output("sweep-graph", "figure"), Output("sweep-message", "children"),
          Input("run-sweep", "n_clicks"), State("scenario", "data"),
          background=True, prevent_initial_call=True,
          running=[(Output("run-sweep", "disabled"), True, False), (Output("cancel-sweep", "disabled"), False, True)],
          cancel=[Input("cancel-sweep", "n_clicks")],
          progress=[Output("sweep-progress", "value"), Output("sweep-progress", "max")])
def run_sweep(set_progress, clicks, scenario_data):
    """Computed once for all viewers (shared results); the progress bar counts altitude rows."""
    year = int(Scenario(**scenario_data).start[:4])
    set_progress(("0", str(len(ALTITUDES_KM))))
    grid = shared("sweep", year, lambda y: sweep(y, lambda done, total: set_progress((str(done), str(total)))))
    return sweep_figure(ALTITUDES_KM, LTANS_H, grid), f"{len(ALTITUDES_KM) * len(LTANS_H)} shells, year {year}"
