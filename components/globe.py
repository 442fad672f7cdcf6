"""The Cesium globe: its container, the compact data it is fed, and the clientside wiring."""

import base64

import numpy as np
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from orbital.scenario import Scenario, globe_elements


def b64(array, dtype):
    """Base64 of a numpy array's bytes as `dtype` (little-endian), for typed arrays in the browser."""
    return base64.b64encode(np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()).decode()


def globe_payload(scenario):
    """The globe's data for a Scenario: typed arrays as base64, the rest as small JSON."""
    elements = globe_elements(scenario)
    return {
        "start": scenario.start,
        "window_s": elements["window_s"],
        "gmst_rad": elements["gmst_rad"],
        "shells": elements["shells"],
        "count": int(elements["index"].size),
        "index": b64(elements["index"], "int32"),
        "shell": b64(elements["shell"], "uint16"),
        "raan_rad": b64(elements["raan_rad"], "float32"),
        "arg_latitude_rad": b64(elements["arg_latitude_rad"], "float32"),
        "sun_seconds": b64(elements["sun_seconds"], "float32"),
        "sun_teme_unit": b64(elements["sun_teme_unit"], "float32"),
    }


def globe_card():
    return html.Section(className="card globe-card", children=[
        html.Div(id="globe", className="globe"),
        html.Div(id="globe-legend", className="legend"),
        html.Div(className="globe-bar", children=[
            dcc.RadioItems(id="colour-mode", value="illumination", inline=True,
                           options=[{"label": " illumination", "value": "illumination"},
                                    {"label": " solar power", "value": "power"}]),
            dcc.Checklist(id="show-orbits", inline=True, value=["satellite"],
                          options=[{"label": " selected orbit", "value": "satellite"},
                                   {"label": " its shell's planes", "value": "shell"}]),
        ]),
        dcc.Checklist(id="shells", inline=True, className="shells", value=[], options=[]),
        html.Div(id="globe-status", className="status"),
        dcc.Store(id="globe-data"),
    ])


def shell_label(shell):
    drawn = "" if shell["drawn"] == shell["count"] else f", {shell['drawn']:,} drawn"
    return f" {shell['name']} ({shell['count']:,}{drawn})"


@callback(Output("globe-data", "data"), Output("shells", "options"), Output("shells", "value"),
          Input("scenario", "data"))
def feed_globe(scenario):
    payload = globe_payload(Scenario(**scenario))
    options = [{"label": shell_label(s), "value": k} for k, s in enumerate(payload["shells"])]
    return payload, options, list(range(len(options)))


clientside_callback(ClientsideFunction("globe", "load"), Output("globe-status", "children"),
                    Input("globe-data", "data"))
clientside_callback(ClientsideFunction("globe", "select"), Output("globe", "title"),
                    Input("selection", "data"), State("globe-data", "data"))
clientside_callback(ClientsideFunction("globe", "showShells"), Output("shells", "title"), Input("shells", "value"))
clientside_callback(ClientsideFunction("globe", "colourMode"), Output("globe-legend", "children"),
                    Input("colour-mode", "value"))
clientside_callback(ClientsideFunction("globe", "showOrbits"), Output("show-orbits", "title"),
                    Input("show-orbits", "value"))
