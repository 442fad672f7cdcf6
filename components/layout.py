"""The page: controls, globe with its clock, and the panels, sharing one scenario, clock and selection."""

from urllib.parse import parse_qs

from dash import Input, Output, callback, dcc, html, no_update

from orbital.scenario import CUSTOM, Scenario

from .clock import clock_bar
from .controls import FIELDS, controls_card, link_value
from .globe import globe_card
from .panels import panels_card
from .presentation import share_bar


def page(scenario=Scenario()):
    return html.Div(className="page", children=[
        html.Header(className="header", children=[
            html.H1("Orbital Compute Dashboard"),
            html.P("Is it always sunny in orbit? Sunlight, compute and energy of a satellite constellation, "
                   "computed from the orbits."),
        ]),
        html.Div(className="main", children=[
            controls_card(scenario),
            html.Div(className="centre", children=[globe_card(), clock_bar(), share_bar()]),
            panels_card(),
        ]),
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="scenario"),
        dcc.Store(id="selection", data=0),
        dcc.Store(id="link-applied", data=None),
    ])


@callback(Output("custom-shell", "disabled"), Input("preset", "value"))
def enable_custom_shell(preset):
    return preset != CUSTOM


@callback(*(Output(control_id, "value") for control_id in FIELDS), Input("url", "search"))
def controls_from_link(search):
    """`?preset=NAME&satellites=…` in the link sets those controls (names as the controls' ids)."""
    query = parse_qs((search or "").lstrip("?"))
    return [link_value(control_id, query[control_id][0]) if control_id in query else no_update
            for control_id in FIELDS]


@callback(Output("selection", "data", allow_duplicate=True), Input("url", "search"), prevent_initial_call="initial_duplicate")
def selection_from_link(search):
    """`?sat=N` in the link selects satellite N."""
    text = parse_qs((search or "").lstrip("?")).get("sat", [None])[0]
    return int(text) if text is not None and text.isdigit() else no_update
