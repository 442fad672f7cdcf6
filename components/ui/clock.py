"""The one simulation clock: play/pause, speed and a scrubber; Cesium's clock follows it and drives it."""

from dash import ClientsideFunction, Input, Output, State, dcc, html

from .callbacks import Callbacks
from ..model.state import ViewState, clock_seconds, parse_query

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

SPEEDS = [1, 10, 60, 300, 600]


def clock_bar():
    """Play/pause, speed, the scrubber over the window (on the scenario's step; its box in seconds from
    the window's start, said beside it) and the time."""
    return html.Section(className="card clock", children=[
        html.Button("Play", id="play", n_clicks=0, className="play"),
        dcc.Dropdown(id="speed", value=60, clearable=False, className="speed",
                     options=[{"label": f"{s}×", "value": s} for s in SPEEDS]),
        html.Div(className="scrubber", children=[
            dcc.Slider(id="time-slider", min=0, max=ViewState().window_s, step=ViewState.step_s, value=0, updatemode="drag",
                       marks=None, tooltip={"placement": "bottom", "always_visible": False}),
            html.Span("s from start", className="unit", title="seconds from the window's start (00:00 UTC)"),
        ]),
        html.Span(id="clock-label", className="clock-label"),
    ])


@callback(Output("time-slider", "max"), Output("time-slider", "value", allow_duplicate=True),
          Output("link-applied", "data"), Input("clock-window", "data"), State("url", "search"),
          State("link-applied", "data"), prevent_initial_call="initial_duplicate")
def fit_scrubber(window, search, applied):
    """The scrubber spans the new window and restarts at 0, or at `?t=SECONDS` the first time a link is shown."""
    start = 0
    if search != applied:
        start = clock_seconds(parse_query(search).get("t", ["0"])[0], window["window_s"], window["step_s"])
    return window["window_s"], start, search


clientside_callback(ClientsideFunction("clock", "setTime"), Output("clock-label", "children"),
                    Input("time-slider", "value"), Input("globe-data", "data"))
clientside_callback(ClientsideFunction("clock", "play"), Output("play", "children"),
                    Input("play", "n_clicks"), Input("speed", "value"))
