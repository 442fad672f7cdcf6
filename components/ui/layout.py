"""The page: controls, globe with its clock, and the panels, sharing one scenario, clock and selection."""

from urllib.parse import urlencode

from dash import ClientsideFunction, Input, Output, dcc, html, no_update

from .callbacks import Callbacks
from .clock import clock_bar
from .controls import controls_card
from .globe import globe_card, globe_tools
from .panels import panels_card
from .presentation import embed_caption, share_bar
from .strip import verdict_strip
from orbital import OrbitalError

from ..model.state import (CUSTOM, LINK_FIELDS, ViewState, ignored_link_extras, ignored_notice, link_controls,
                           link_selection, linked_view, parse_query)

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def page(view=ViewState()):
    """The whole dashboard, its controls set to `view`."""
    return html.Div(className="page", children=[
        html.Header(className="header", children=[
            html.H1("Orbital Compute Dashboard"),
            html.P("Is it always sunny in orbit? Sunlight, compute and energy of a satellite constellation, "
                   "computed from the orbits."),
            html.P(id="link-notice", className="notice", role="status"),
        ]),
        html.P(id="stale-mark", className="notice stale-mark", role="status"),
        verdict_strip(),
        embed_caption(),
        html.Main(className="main", children=[
            html.Details(id="drawer", className="drawer", open=True, children=[
                html.Summary("Scenario", className="drawer-handle", title="show or hide the scenario's controls"),
                controls_card(view)]),
            html.Div(className="centre", children=[globe_card(), clock_bar(), globe_tools(), share_bar()]),
            panels_card(),
        ]),
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="scenario"),
        dcc.Store(id="selection", data=0),
        dcc.Store(id="link-applied", data=None),
        dcc.Store(id="link-clean", data=None),
    ])


@callback(Output("custom-shell", "disabled"), Input("preset", "value"))
def enable_custom_shell(preset):
    """The custom shell's fields apply only to the custom preset."""
    return preset != CUSTOM


@callback(*(Output(control_id, "value") for control_id in LINK_FIELDS), Output("link-notice", "children"),
          Output("link-clean", "data"), Input("url", "search"))
def controls_from_link(search):
    """`?preset=NAME&satellites=…` in the link sets those controls (names as the controls' ids); a value
    that is unknown, unreadable or makes the view invalid is ignored (its control keeps its default),
    said in a notice, and dropped from the address bar."""
    query = parse_query(search)
    values, ignored = link_controls(query)
    try:
        ignored += ignored_link_extras(query, linked_view(query))
    except OrbitalError:  # the link's view is not known here (a catalogue not on file): nothing more to say
        pass
    bad = {control_id for control_id, _ in ignored}
    clean = no_update
    if ignored:
        kept = [(key, value) for key, texts in query.items() if key not in bad for value in texts]
        clean = "?" + urlencode(kept) if kept else ""
    return [*(values.get(control_id, no_update) for control_id in LINK_FIELDS), ignored_notice(ignored), clean]


clientside_callback(ClientsideFunction("links", "replaceQuery"), Input("link-clean", "data"), prevent_initial_call=True)
# The controls' drawer starts closed where the window is narrow (the globe takes the room), or as the link says.
clientside_callback(ClientsideFunction("links", "drawerOpen"), Output("drawer", "open"), Input("drawer", "id"))


@callback(Output("selection", "data", allow_duplicate=True), Input("url", "search"), prevent_initial_call="initial_duplicate")
def selection_from_link(search):
    """`?sat=N` in the link selects satellite N."""
    index = link_selection(parse_query(search))
    return no_update if index is None else index
