"""The decades-ahead panel: LEO's population over the years with and without the fleet, and the days to
a collision if every manoeuvre stopped (orbital.population_outlook, shared per view)."""

import json

from dash import Input, Output, dcc, html
from plotly.io.json import to_json_plotly

from .callbacks import Callbacks
from .tables import html_table
from ..jobs.results import shared
from ..model.engine import population_outlook
from ..model.figures import GRAPH_CONFIG
from ..model.safety_figures import outlook_figure, outlook_rows
from ..model.state import ViewState

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def safety_panel():
    """The decades-ahead panel: the population chart and its table."""
    return html.Div(className="panel", id="safety-panel", children=[
        html.H2("Decades ahead: debris with and without the fleet"),
        dcc.Graph(id="outlook-graph", config=GRAPH_CONFIG, className="graph", style={"height": "300px"}),
        html.Div(id="outlook-table"),
        html.P("Source–sink model of MOCAT's kind (docs/model.md, 'Decades ahead'): a first-order comparison, "
               "not a forecast.", className="note")])


@callback(Output("outlook-graph", "figure"), Output("outlook-table", "children"), Output("safety-panel", "className"),
          Input("panels-scenario", "data"), prevent_initial_call=True)
def safety_answer(scenario_data):
    """The view's outlook chart and table (shared: one computation for every viewer of the view)."""
    view = ViewState.from_store(scenario_data)
    return *json.loads(shared("outlook-panel", view, outlook_answer, check=lambda value: isinstance(value, str))), \
        "panel drawn"


def outlook_answer(view):
    """safety_answer's figure and table for `view`, as the JSON text Dash sends."""
    outlook = population_outlook(view)
    table = html_table(("", "with the fleet", "without"), outlook_rows(outlook))
    return to_json_plotly([outlook_figure(outlook), table])
