"""The Cesium globe: its container, the compact data it is fed, and the clientside wiring."""

import base64

import numpy as np
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html

from orbital.scenario import Scenario, globe_elements

from .results import shared


def b64(array, dtype):
    """Base64 of a numpy array's bytes as `dtype` (little-endian), for typed arrays in the browser."""
    return base64.b64encode(np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()).decode()


def globe_payload(scenario):
    """The globe's data for a Scenario: lattice shells as a few numbers, other groups' elements as
    base64 float32 (8 bytes a satellite; 24 for catalogues, whose orbits differ), the rest as small JSON."""
    elements = globe_elements(scenario)
    groups = []
    for group in elements["groups"]:
        group = dict(group)
        for key in ("raan_rad", "arg_latitude_rad"):
            if key in group:
                group[key] = b64(group[key], "float32")
        if "per_satellite" in group:
            group["per_satellite"] = {key: b64(values, "float32") for key, values in group["per_satellite"].items()}
        groups.append(group)
    return {
        "start": scenario.start,
        "window_s": elements["window_s"],
        "gmst_rad": elements["gmst_rad"],
        "count": elements["count"],
        "groups": groups,
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
        html.Div(className="status", children=[html.Span(id="globe-status"), " · ", html.Span(id="globe-lod")]),
        dcc.Store(id="globe-data"),
    ])


def shell_label(group):
    return f" {group['name']} ({group['count']:,})"


@callback(Output("globe-data", "data"), Output("shells", "options"), Output("shells", "value"),
          Input("scenario", "data"))
def feed_globe(scenario):
    payload = shared("globe", Scenario(**scenario), globe_payload)
    options = [{"label": shell_label(g), "value": k} for k, g in enumerate(payload["groups"])]
    return payload, options, list(range(len(options)))


# The viewer is built as the page loads, so a scenario's data is drawn as soon as it arrives.
clientside_callback(ClientsideFunction("globe", "init"), Output("globe", "className"), Input("globe", "id"))
clientside_callback(ClientsideFunction("globe", "load"), Output("globe-status", "children"),
                    Input("globe-data", "data"), State("selection", "data"))
clientside_callback(ClientsideFunction("globe", "select"), Output("globe", "title"),
                    Input("selection", "data"), State("globe-data", "data"))
clientside_callback(ClientsideFunction("globe", "showShells"), Output("shells", "title"), Input("shells", "value"))
clientside_callback(ClientsideFunction("globe", "colourMode"), Output("globe-legend", "children"),
                    Input("colour-mode", "value"))
clientside_callback(ClientsideFunction("globe", "showOrbits"), Output("show-orbits", "title"),
                    Input("show-orbits", "value"))
