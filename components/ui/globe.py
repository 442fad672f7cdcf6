"""The Cesium globe: its container, the compact data it is fed, and its clientside wiring.

Data moves between the browser and Dash only through the declared outputs below and the one
set_props seam, assets/dash.mjs (selection, time-slider, globe-lod, tour-caption, url).
"""

import base64

import numpy as np
from dash import ClientsideFunction, Input, Output, State, dcc, html, no_update
from dash.exceptions import PreventUpdate

import orbital

from .callbacks import Callbacks
from .overlays import overlay_bar
from ..jobs.results import shared
from ..model.state import ViewState, parse_query

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def b64(array, dtype):
    """Base64 of a numpy array's bytes as `dtype` (little-endian), for typed arrays in the browser."""
    return base64.b64encode(np.ascontiguousarray(array, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()).decode()


def regular_layout(raan_rad, arg_latitude_rad, planes):
    """A shell's elements as a lattice, or None when they are not one.

    Satellite i = p × S + s (plane p of `planes`, slot s of S = count / planes) has node
    raan0 + p × raan_step and argument of latitude u0 + s × u_slot_step + p × u_plane_step (rad):
    Walker and sun-synchronous shells are such lattices, so a browser can rebuild every element
    from these six numbers.
    """
    count = raan_rad.size
    if planes < 1 or count % planes:
        return None
    per_plane = count // planes

    def wrapped(x):
        return np.angle(np.exp(1j * x))

    raan = raan_rad.reshape(planes, per_plane)
    u = arg_latitude_rad.reshape(planes, per_plane)
    layout = {"planes": planes, "per_plane": per_plane, "raan0_rad": float(raan[0, 0]),
              "raan_step_rad": float(wrapped(raan[1, 0] - raan[0, 0])) if planes > 1 else 0.0,
              "u0_rad": float(u[0, 0]),
              "u_slot_step_rad": float(wrapped(u[0, 1] - u[0, 0])) if per_plane > 1 else 0.0,
              "u_plane_step_rad": float(wrapped(u[1, 0] - u[0, 0])) if planes > 1 else 0.0}
    p, slot = np.arange(planes)[:, None], np.arange(per_plane)[None, :]
    raan_fit = layout["raan0_rad"] + p * layout["raan_step_rad"]
    u_fit = layout["u0_rad"] + slot * layout["u_slot_step_rad"] + p * layout["u_plane_step_rad"]
    if np.abs(wrapped(raan - raan_fit)).max() > 1e-9 or np.abs(wrapped(u - u_fit)).max() > 1e-9:
        return None
    return layout


PER_SATELLITE_KEYS = ("raan_rad", "arg_latitude_rad", "semi_major_axis_km", "inclination_rad", "node_rate_rad_s",
                      "u_rate_rad_s")


def group_payload(group):
    """One group of orbital.mean_elements for the browser: a lattice shell as a few numbers, another
    shell's elements as base64 float32 (8 bytes a satellite), a catalogue's refitted orbits as base64
    float32 (24 bytes a satellite)."""
    out = {key: group[key] for key in ("name", "offset", "count", "semi_major_axis_km", "inclination_rad",
                                       "node_rate_rad_s", "u_rate_rad_s")}
    if "per_satellite" in group:
        out["layout"] = None
        out["per_satellite"] = {key: b64(group["per_satellite"][key], "float32") for key in PER_SATELLITE_KEYS}
        return out
    out["layout"] = regular_layout(group["raan_rad"], group["arg_latitude_rad"], group["planes"])
    if out["layout"] is None:
        out["raan_rad"] = b64(group["raan_rad"], "float32")
        out["arg_latitude_rad"] = b64(group["arg_latitude_rad"], "float32")
    return out


def globe_payload(view):
    """The globe's data for a ViewState (elements_payload of its constellation over its window)."""
    return elements_payload(orbital.mean_elements(view.constellation(), view.window()), view.start, view.window_s,
                            view.step_s)


def elements_payload(elements, start, window_s, step_s):
    """The globe's data from orbital.mean_elements: every group's elements (group_payload), the Earth's
    rotation angle at `start`, the Sun's direction over the window, the shadow model's constants (from
    orbital/, so the browser copies none), and the clock's window and step (s)."""
    return {
        "start": start,
        "window_s": window_s,
        "step_s": step_s,
        "gmst_rad": elements["gmst_rad"],
        "count": elements["count"],
        "groups": [group_payload(group) for group in elements["groups"]],
        "sun_seconds": b64(elements["sun_seconds"], "float32"),
        "sun_teme_unit": b64(elements["sun_teme_unit"], "float32"),
        "constants": elements["constants"],
    }


def payload_shape(value):
    """Whether a stored payload is what globe_payload writes (the keys the browser reads)."""
    keys = {"start": str, "window_s": float, "step_s": float, "gmst_rad": float, "count": int, "groups": list,
            "sun_seconds": str, "sun_teme_unit": str, "constants": dict}
    return (isinstance(value, dict) and all(isinstance(value.get(k), kind) for k, kind in keys.items())
            and all(isinstance(group, dict) and isinstance(group.get("offset"), int) for group in value["groups"]))


def globe_card():
    """The globe, its legend and status line (the clock goes right below it: layout.py)."""
    return html.Section(className="card globe-card", children=[
        html.Div(id="globe", className="globe"),
        html.Div(id="globe-legend", className="legend"),
        html.Div(className="status", children=[html.Span(id="globe-status"), " · ", html.Span(id="globe-lod")]),
    ])


def globe_tools():
    """What the globe draws: colour and orbit toggles, the satellite search and the shell checklist;
    and the globe's data."""
    return html.Section(className="card globe-tools", children=[
        html.Div(className="globe-bar", children=[
            dcc.RadioItems(id="colour-mode", value="illumination", inline=True,
                           options=[{"label": " illumination", "value": "illumination"},
                                    {"label": " solar power", "value": "power"}]),
            dcc.Checklist(id="show-orbits", inline=True, value=["satellite"],
                          options=[{"label": " selected orbit", "value": "satellite"},
                                   {"label": " its shell's planes", "value": "shell"}]),
            dcc.Input(id="globe-search", type="search", debounce=True, maxLength=SEARCH_MAX_CHARS,
                      placeholder="Find a satellite: name or number", className="search"),
            html.Span(id="search-message", className="message", role="alert"),
        ]),
        dcc.Checklist(id="shells", inline=True, className="shells", value=[], options=[]),
        overlay_bar(),
        dcc.Store(id="globe-data"),
        dcc.Store(id="globe-key"),
        dcc.Store(id="approaches", data=[]),
        dcc.Store(id="clock-window"),
    ])


def shell_label(group):
    """A shell's checklist label: its name and count."""
    return f" {group['name']} ({group['count']:,})"


@callback(Output("globe-data", "data"), Output("clock-window", "data"), Output("shells", "options"),
          Output("shells", "value"), Output("globe-key", "data"), Input("scenario", "data"), State("globe-key", "data"))
def feed_globe(scenario, drawn_key):
    """The globe's payload for the view (shared), the clock's window and step, and a checkbox per shell;
    nothing when the view's constellation is the one drawn (a price or PUE changed), so the browser
    does not rebuild a million satellites the verdict's numbers would wait behind."""
    view = ViewState.from_store(scenario)
    if view.constellation_key() == drawn_key:
        raise PreventUpdate
    payload = shared("globe", view, globe_payload, check=payload_shape)
    options = [{"label": shell_label(g), "value": k} for k, g in enumerate(payload["groups"])]
    window = {"window_s": payload["window_s"], "step_s": payload["step_s"]}
    return payload, window, options, list(range(len(options))), view.constellation_key()


# The viewer is built as the page loads, so a scenario's data is drawn as soon as it arrives.
clientside_callback(ClientsideFunction("globe", "init"), Output("globe", "className"), Input("globe", "id"))
clientside_callback(ClientsideFunction("globe", "load"), Output("globe-status", "children"),
                    Input("globe-data", "data"), State("selection", "data"))
clientside_callback(ClientsideFunction("globe", "select"), Input("selection", "data"))
clientside_callback(ClientsideFunction("globe", "showShells"), Input("shells", "value"))
clientside_callback(ClientsideFunction("globe", "showApproaches"), Input("approaches", "data"))
clientside_callback(ClientsideFunction("globe", "colourMode"), Output("globe-legend", "children"),
                    Input("colour-mode", "value"))
clientside_callback(ClientsideFunction("globe", "showOrbits"), Input("show-orbits", "value"))


# Longest text the satellite search reads.
SEARCH_MAX_CHARS = 200


@callback(Output("selection", "data", allow_duplicate=True), Output("search-message", "children"),
          Input("globe-search", "value"), State("scenario", "data"), prevent_initial_call=True)
def find_satellite(text, scenario):
    """Selects the satellite the search names (Constellation.find: number, name, part of a catalogue
    name, or a shell's name); else says none is found and keeps the selection."""
    text = (text or "").strip()[:SEARCH_MAX_CHARS]
    if not text:
        return no_update, ""
    constellation = ViewState.from_store(scenario).constellation()
    index = constellation.find(text)
    if index is None:
        return no_update, (f"No satellite is named “{text}”: give a number from 0 to {constellation.count - 1:,} "
                           "or a name as the globe's tooltip shows it")
    return index, ""


# The globe's toggles a link may set (Copy link writes them): colour mode and orbit toggles.
COLOUR_MODES = ("illumination", "power")
ORBIT_MODES = ("satellite", "shell")


@callback(Output("colour-mode", "value"), Output("show-orbits", "value"), Input("url", "search"))
def toggles_from_link(search):
    """`?colour=power&orbits=satellite,shell` sets the globe's toggles; values it does not know are left
    as they are."""
    query = parse_query(search)
    colour = query.get("colour", [None])[0]
    orbits = query.get("orbits", [None])[0]
    modes = [mode for mode in orbits.split(",") if mode] if orbits is not None else None
    return (colour if colour in COLOUR_MODES else no_update,
            modes if modes is not None and set(modes) <= set(ORBIT_MODES) else no_update)
