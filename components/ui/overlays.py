"""The globe's network overlays at the clock's instant: the selected satellite's links (its cluster's in a
formation), the ground stations with their footprints and contacts, a city's shortest path and the Sky
panel's site with its horizon. Toggled by a checklist (none by default); their data reaches the browser
only through the declared output `overlay-data` (assets/netlayer.mjs draws it, assets/network.mjs words
the legend)."""

import datetime
import functools
import math

from dash import ClientsideFunction, Input, Output, dcc, html, no_update

import orbital

from .callbacks import Callbacks
from ..model.state import OVERLAY_NAMES, ViewState, link_overlays, parse_query

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

OVERLAYS = tuple(zip(OVERLAY_NAMES, (" links of the selected satellite (its cluster's)",
                                    " ground stations, footprints and contacts", " path from a city",
                                    " the Sky site's horizon")))
DEFAULT_CITY = "Tokyo"
# Elevations (deg) of the Sky site's rings: its horizon and the 30° that Hainaut & Williams count above.
SITE_ELEVATIONS_DEG = (0.0, 30.0)


def overlay_bar():
    """The overlays' checklist, the city picker with its round trip, and the links' legend."""
    return html.Div(className="globe-bar overlay-bar", children=[
        dcc.Checklist(id="globe-overlays", inline=True, value=[],
                      options=[{"label": label, "value": value} for value, label in OVERLAYS]),
        html.Label(className="path-city", children=[
            "Path from ", dcc.Dropdown(id="path-city", options=orbital.city_names(), value=DEFAULT_CITY,
                                       clearable=False)]),
        html.Span(id="path-rtt", className="selection", role="status"),
        html.Div(id="overlay-legend", className="overlay-legend"),
        dcc.Store(id="overlay-data"),
    ])


def clock_instant(view, seconds):
    """The view's start plus the clock's seconds (clamped to its window) as a UTC datetime."""
    ok = isinstance(seconds, (int, float)) and math.isfinite(seconds)
    seconds = min(max(float(seconds), 0.0), view.window_s) if ok else 0.0
    return orbital.at(view.start).utc_datetime() + datetime.timedelta(seconds=seconds)


def altitude_km(constellation, index, when):
    """The selected satellite's shell altitude (km), or its own altitude at `when` in a catalogue."""
    group = constellation.groups[int(constellation.group_index()[index])]
    if isinstance(group, orbital.Shell):
        return float(group.altitude_km)
    return float(orbital.propagate(constellation.subset([index]), orbital.at(when)).alt_km[0, 0])


def links_part(constellation, index, when):
    """The selected satellite's links: its index, whether they are its cluster's, edges, distances, rates."""
    links = orbital.satellite_links(constellation, index, when)
    group = constellation.groups[int(constellation.group_index()[index])]
    return {"satellite": index, "cluster": getattr(group, "kind", "") == "formation", "group": group.name,
            "edges": links["edges"].tolist(), "distance_km": links["distance_km"].tolist(),
            "rate_bps": links["rate_bps"].tolist()}


# Instants whose stations' contacts and cities' paths are kept (a selection or city changed at the same
# instant, another user at it): each is one propagation of the constellation (~0.1 s at a million).
INSTANTS_KEPT = 8


@functools.lru_cache(maxsize=INSTANTS_KEPT)
def station_contacts(constellation, when):
    """orbital.station_contacts at `when`, kept for the last few instants (the caller must not change it)."""
    return orbital.station_contacts(constellation, when)


@functools.lru_cache(maxsize=INSTANTS_KEPT)
def city_path(constellation, city, when):
    """orbital.city_path at `when`, kept for the last few instants and cities (the caller must not change it)."""
    return orbital.city_path(constellation, city, when)


def stations_part(constellation, when, shell_km):
    """Every station with its kind, place, footprint's half-angle for the selected shell and its contacts."""
    seen = station_contacts(constellation, when)
    footprint_rad = float(orbital.footprint_half_angle_rad(shell_km, seen["elevation_mask_deg"]))
    return [{"name": name, "kind": kind, "lat_deg": float(lat), "lon_deg": float(lon), "footprint_rad": footprint_rad,
             "in_view": int(count), "contacts": contacts}
            for name, kind, lat, lon, count, contacts in zip(seen["name"], seen["kind"], seen["lat_deg"],
                                                             seen["lon_deg"], seen["in_view"], seen["contacts"])]


def site_part(site_key, shell_km):
    """The Sky site and the half-angles of its rings (horizon and 30°) for the selected shell."""
    where = orbital.sky_site(site_key if isinstance(site_key, str) and site_key in orbital.SKY_SITES else "rubin")
    return {"name": where.name, "lat_deg": where.lat_deg, "lon_deg": where.lon_deg,
            "rings": [{"elevation_deg": e, "half_angle_rad": float(orbital.footprint_half_angle_rad(shell_km, e))}
                      for e in SITE_ELEVATIONS_DEG]}


def path_text(path):
    """The path's round trip in words, next to the city picker."""
    if path["rtt_s"] is None:
        whither = "a ground station" if path["end_lat_deg"] is not None else f"the {path['end']} cluster"
        return f"{path['city']}: no path at this instant (no satellite it sees links on to {whither})"
    sampled = (f"; searched on every {path['sampled_every']}th plane and slot of the large shells"
               if path["sampled_every"] > 1 else "")
    return (f"{path['city']} → {path['end']}: {path['rtt_s'] * 1e3:,.1f} ms round trip over "
            f"{len(path['satellites'])} satellites{sampled}")


@callback(Output("overlay-data", "data"), Output("path-rtt", "children"), Input("globe-overlays", "value"),
          Input("selection", "data"), Input("time-slider", "value"), Input("path-city", "value"),
          Input("sky-site", "value"), Input("scenario", "data"))
def overlay_data(overlays, selection, seconds, city, site_key, scenario):
    """What the checked overlays draw at the clock's instant (None when none is checked), and the path's
    round trip in words."""
    overlays = [o for o in overlays if isinstance(o, str) and o in dict(OVERLAYS)] if isinstance(overlays, list) else []
    if not overlays or not scenario:
        return None, ""
    view = ViewState.from_store(scenario)
    constellation = view.constellation()
    index = selection if isinstance(selection, int) and 0 <= selection < constellation.count else 0
    when = clock_instant(view, seconds)
    shell_km = altitude_km(constellation, index, when)
    data, words = {"seconds": (when - orbital.at(view.start).utc_datetime()).total_seconds()}, ""
    if "links" in overlays:
        data["links"] = links_part(constellation, index, when)
    if "stations" in overlays:
        data["stations"] = stations_part(constellation, when, shell_km)
    if "path" in overlays:
        path = dict(city_path(constellation, city if isinstance(city, str) and city in orbital.city_names()
                              else DEFAULT_CITY, when))
        path.update({key: path[key] if math.isfinite(path[key]) else None for key in ("rtt_s", "length_km")})
        data["path"], words = path, path_text(path)
    if "site" in overlays:
        data["site"] = site_part(site_key, shell_km)
    return data, words


@callback(Output("globe-overlays", "value"), Output("path-city", "value"), Input("url", "search"))
def overlays_from_link(search):
    """`?overlays=links,path&city=Delhi` checks those overlays and picks the path's city (Copy link writes
    them); what the link leaves out, or names wrongly (the link's notice says so), stays as it is."""
    overlays, city = link_overlays(parse_query(search))
    return (no_update if overlays is None else overlays), (no_update if city is None else city)


clientside_callback(ClientsideFunction("globe", "showOverlays"), Output("overlay-legend", "children"),
                    Input("overlay-data", "data"))
