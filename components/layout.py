"""The page: controls, globe with its clock, and the panels, sharing one scenario, clock and selection."""

from urllib.parse import parse_qs

from dash import Input, Output, callback, dcc, html, no_update

from orbital.presets import PRESETS
from orbital.scenario import CUSTOM, Scenario

from .clock import clock_bar
from .controls import controls_card
from .globe import globe_card
from .panels import panels_card


def page(scenario=Scenario()):
    return html.Div(className="page", children=[
        html.Header(className="header", children=[
            html.H1("Orbital Compute Dashboard"),
            html.P("Is it always sunny in orbit? Sunlight, compute and energy of a satellite constellation, "
                   "computed from the orbits."),
        ]),
        html.Div(className="main", children=[
            controls_card(scenario),
            html.Div(className="centre", children=[globe_card(), clock_bar()]),
            panels_card(),
        ]),
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="scenario"),
        dcc.Store(id="selection", data=0),
    ])


@callback(Output("custom-shell", "disabled"), Input("preset", "value"))
def enable_custom_shell(preset):
    return preset != CUSTOM


@callback(Output("preset", "value"), Input("url", "search"))
def preset_from_link(search):
    """`?preset=NAME` in the link opens that preset."""
    name = parse_qs((search or "").lstrip("?")).get("preset", [None])[0]
    return name if name in PRESETS or name == CUSTOM else no_update
