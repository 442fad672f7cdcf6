"""The verdict strip: the scenario's answer in a few big numbers, each with one line of context and a
link to the panel that explains it, always at the top of the page (the numbers: model/verdict.py)."""

from urllib.parse import urlsplit

import flask
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate

import orbital

from .callbacks import Callbacks
from ..model.engine import traffic_if_screened, yearly
from ..model.state import LINK_FIELDS, linked_view, parse_query, view_from_controls
from ..model.verdict import rules_title, traffic_item, verdict_items

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def strip_children(result, traffic=None):
    """The strip's items as links to their panels; each one's title (hover) its context, the rules item's
    each broken rule in plain words."""
    titles = {"Rules broken": rules_title(result.rules, result.reentry)}
    return [html.A(className="verdict", href=f"#{target}", title=titles.get(label, context), children=[
        html.Span(label, className="verdict-label"), html.B(value, className="verdict-value"),
        html.Span(context, className="verdict-context")]) for label, value, context, target in [*verdict_items(result), traffic_item(traffic)]]


def verdict_strip():
    """The strip, filled with the page for the view its link asks for (so the verdict arrives with the
    first answer, not behind the globe's start-up), then for each scenario by fill_strip."""
    return html.Div([html.Nav(id="verdict-strip", className="strip", children=first_strip(),
                              **{"aria-label": "the verdict"}), dcc.Store(id="strip-scenario"),
                      dcc.Store(id="panels-scenario")])


def page_query():
    """The parsed query of the page being laid out: Dash asks for the layout from the page, whose
    address (with its link's query) is the request's referrer; {} outside a request."""
    if not flask.has_request_context():
        return {}
    return parse_query(urlsplit(flask.request.referrer or "").query)


def first_strip():
    """The strip's items for the page's link, or none (fill_strip fills it) when the link's view is not
    yet known to this server (a catalogue not on file)."""
    try:
        view = linked_view(page_query())
        return strip_children(yearly(view), traffic_if_screened(view))
    except orbital.OrbitalError:
        return []


@callback(Output("verdict-strip", "children"), Output("strip-scenario", "data"),
          *(Input(control_id, "value") for control_id in LINK_FIELDS), Input("traffic-message", "children"))
def fill_strip(*values):
    """The big numbers of the controls' view (again when a traffic job ends), and that view's store.
    Read from the controls beside controls.validate_scenario, not after it: the scenario's round trip
    and the page's re-render of every control's message never stand before the verdict. A view the
    controls cannot make leaves the strip as it is (validate_scenario says why, and marks it stale)."""
    try:
        view = view_from_controls(values[:len(LINK_FIELDS)])
    except orbital.OrbitalError:
        raise PreventUpdate from None
    return strip_children(yearly(view), traffic_if_screened(view)), view.to_store()


# The panels' view follows the strip's: once the strip shows a scenario's verdict, panels-scenario
# takes that scenario (components/ui/panels.py draws from it), so the verdict is on screen first.
clientside_callback(ClientsideFunction("links", "afterStrip"), Output("panels-scenario", "data"),
                    Input("verdict-strip", "children"), State("strip-scenario", "data"),
                    State("panels-scenario", "data"))
