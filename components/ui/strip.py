"""The verdict strip: the scenario's answer in a few big numbers, each with one line of context and a
link to the panel that explains it, always at the top of the page (the numbers: model/verdict.py)."""

from dash import Input, Output, html

from .callbacks import Callbacks
from ..model.engine import traffic_if_screened, yearly
from ..model.state import ViewState
from ..model.verdict import traffic_item, verdict_items

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def strip_children(result, traffic=None):
    """The strip's items as links to their panels."""
    return [html.A(className="verdict", href=f"#{target}", title=context, children=[
        html.Span(label, className="verdict-label"), html.B(value, className="verdict-value"),
        html.Span(context, className="verdict-context")]) for label, value, context, target in [*verdict_items(result), traffic_item(traffic)]]


def verdict_strip():
    """The strip, filled for each scenario."""
    return html.Nav(id="verdict-strip", className="strip", **{"aria-label": "the verdict"})


@callback(Output("verdict-strip", "children"), Input("scenario", "data"), Input("traffic-message", "children"))
def fill_strip(scenario_data, traffic_message):
    """The big numbers of the scenario on screen (again when a traffic job ends)."""
    view = ViewState.from_store(scenario_data)
    return strip_children(yearly(view), traffic_if_screened(view))
