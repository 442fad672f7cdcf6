"""What the dashboard's network panel draws over a window: the fleet's downlink at each step (clear sky and
with weather) and round trips between the cities at a few steps, on a sample of each large shell (every
k-th plane and slot, so its +Grid keeps its shape with k times longer links)."""

import numpy as np

from ..constellation import Catalogue, Shell, combine
from ..propagation import propagate
from .graph import group_edges
from .ground import ELEVATION_MASK_DEG, contacts, read_table
from .latency import ground_ecef_km, ground_teme_km, path_lengths_km, rtt_s

# Largest group the panel propagates whole; larger ones are thinned to about this many satellites.
GROUP_SAMPLE_MAX = 2000
# Steps of the window at which the city round trips are computed (the downlink takes every step).
LATENCY_STEPS = 7


def thin_indices(group, most=GROUP_SAMPLE_MAX):
    """(local indices kept, planes) of `group`: all of it if it has at most `most` satellites, else every
    k-th plane and every k-th slot of a +Grid shell (every k-th satellite of anything else, as one plane),
    k = ⌈√(count ÷ most)⌉."""
    if group.count <= most:
        return np.arange(group.count), getattr(group, "planes", 1)
    k = int(np.ceil(np.sqrt(group.count / most)))
    if isinstance(group, Shell) and group.count % group.planes == 0 and group.kind != "formation":
        per_plane = group.count // group.planes
        index = (np.arange(0, group.planes, k)[:, None] * per_plane + np.arange(0, per_plane, k)[None, :]).ravel()
        return index, len(range(0, group.planes, k))
    return np.arange(0, group.count, max(1, group.count // most)), 1


def thin_group(group, most=GROUP_SAMPLE_MAX):
    """The satellites of `group` that thin_indices keeps, as a group of their own (a +Grid shell stays one)."""
    if group.count <= most:
        return group
    index, planes = thin_indices(group, most)
    if isinstance(group, Shell):
        return Shell(group.name, group.altitude_km, group.inclination_deg, group.raan_rad[index],
                     group.arg_latitude_rad[index], group.epoch, planes, group.kind, group.description)
    return Catalogue(group.name, [group.satrecs[i] for i in index], [group.satellite_names[i] for i in index],
                     group.kind, group.description)


def city_round_trips(sample, r_km, t, elevation_mask_deg):
    """Round trips (steps, cities, cities), s, at each of Time array `t` (inf: unreachable)."""
    cities = read_table("cities.csv")
    ground = ground_teme_km(ground_ecef_km(cities["lat_deg"], cities["lon_deg"]), t)
    edges = np.concatenate([group_edges(g, r_km[lo:hi, 0]) + lo for g, lo, hi in
                            zip(sample.groups, sample.offsets[:-1], sample.offsets[1:])])
    return np.stack([rtt_s(path_lengths_km(r_km[:, k], edges, ground[:, k], elevation_mask_deg=elevation_mask_deg))
                     for k in range(len(t))])


def network_window(constellation, t, elevation_mask_deg=ELEVATION_MASK_DEG):
    """The panel's data over Time array `t`: minutes (T,), downlink clear and weather (T,) bit/s, each
    station's contact share, the city names, populations (thousands) and round trips (steps, C, C) s at
    `latency_minutes`, and the satellites propagated (sampled: fewer than the constellation's)."""
    sample = combine(*(thin_group(g) for g in constellation.groups), name=constellation.name)
    r_km = propagate(sample, t).r_teme_km
    stations = read_table("ground_stations.csv")
    seen = contacts(stations, r_km, t, elevation_mask_deg)
    rate = stations["rate_bps"][:, None] * seen
    steps = np.unique(np.linspace(0, len(t) - 1, min(LATENCY_STEPS, len(t))).round().astype(int))
    cities = read_table("cities.csv")
    minutes = (t.tt - t.tt[0]) * 1440.0
    return {"minutes": minutes, "downlink_clear_bps": rate.sum(axis=0),
            "downlink_weather_bps": (rate * stations["clear_sky_fraction"][:, None]).sum(axis=0),
            "station_names": stations["name"].tolist(), "station_contact": seen.mean(axis=1),
            "city_names": cities["name"].tolist(), "population_thousands": cities["population_thousands"],
            "latency_minutes": minutes[steps], "rtt_s": city_round_trips(sample, r_km[:, steps], t[steps],
                                                                          elevation_mask_deg),
            "satellites": constellation.count, "satellites_sampled": sample.count}
