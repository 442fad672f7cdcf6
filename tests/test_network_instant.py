"""The network at one instant (what the globe draws) against the whole link graph of orbital.network.graph,
the KD-tree ground links of orbital.network.latency, and the footprint's closed form from spherical
geometry (Wertz, Space Mission Engineering: λ = 90° − ε − η, sin η = R cos ε ⁄ (R + h))."""

import time

import numpy as np
import pytest

import orbital
from orbital.constants import EARTH_RADIUS_KM
from orbital.network.graph import link_graph
from orbital.network.ground import read_table
from orbital.network.instant import instant
from orbital.network.latency import ground_ecef_km, ground_links, ground_teme_km, path_lengths_km

WHEN = "2026-06-21T00:10:00Z"


def whole_graph(constellation):
    """link_graph of every satellite at WHEN: edges, distance_km (E,), rate_bps (E,)."""
    r_km = orbital.propagate(constellation, instant(WHEN)).r_teme_km
    edges, distance_km, rate = link_graph(constellation, r_km)
    return edges, distance_km[:, 0], rate[:, 0]


@pytest.mark.parametrize("name, indices", [("starlink", [0, 21, 1583, 4407]), ("suncatcher", [40])])
def test_a_satellites_links_are_the_whole_graphs_links_of_it(name, indices):
    constellation = orbital.preset(name)
    edges, distance_km, rate = whole_graph(constellation)
    for index in indices:
        mine = orbital.satellite_links(constellation, index, WHEN)
        # A shell's satellite: its own +Grid links (4: wraps included) and its links to the shells either
        # side in altitude; a formation's: its whole cluster's.
        rows = (edges == index).any(axis=1) if name == "starlink" else np.ones(len(edges), dtype=bool)
        rows = np.flatnonzero(rows)[np.lexsort(edges[rows].T[::-1])]
        order = np.lexsort(mine["edges"].T[::-1])
        assert mine["edges"][order].tolist() == edges[rows].tolist()
        assert np.allclose(mine["distance_km"][order], distance_km[rows], rtol=1e-9)
        assert np.allclose(mine["rate_bps"][order], rate[rows], rtol=1e-9)
        group = np.searchsorted(constellation.offsets, mine["edges"], side="right")
        within = int(np.sum(group[:, 0] == group[:, 1]))
        assert within == (4 if name == "starlink" else len(edges))


def test_a_satellites_links_at_a_million_come_from_its_lattice_not_an_all_pairs_search():
    shell = orbital.walker(550.0, 53.0, 1_000_000, 1000, 1, epoch="2026-06-21T00:00:00Z")
    constellation = orbital.combine(shell)
    started = time.perf_counter()
    links = orbital.satellite_links(constellation, 123_456, WHEN)
    assert time.perf_counter() - started < 0.5
    # Plane 123, slot 456 of 1,000 × 1,000: slots 455 and 457 of its plane, slot 456 of planes 122 and 124.
    assert sorted(np.unique(links["edges"]).tolist()) == [122_456, 123_455, 123_456, 123_457, 124_456]


@pytest.mark.parametrize("altitude_km, mask_deg", [(550.0, 25.0), (630.0, 30.0), (1200.0, 0.0), (35786.0, 10.0)])
def test_a_stations_footprint_is_the_closed_form_and_its_edge_sees_the_satellite_at_the_mask(altitude_km, mask_deg):
    e = np.radians(mask_deg)
    eta = np.arcsin(EARTH_RADIUS_KM * np.cos(e) / (EARTH_RADIUS_KM + altitude_km))
    half_angle = orbital.footprint_half_angle_rad(altitude_km, mask_deg)
    assert half_angle == pytest.approx(np.pi / 2 - e - eta, rel=1e-12)
    # A satellite at the footprint's edge, seen from its centre: elevation = the mask.
    station = np.array([EARTH_RADIUS_KM, 0.0, 0.0])
    satellite = (EARTH_RADIUS_KM + altitude_km) * np.array([np.cos(half_angle), np.sin(half_angle), 0.0])
    look = satellite - station
    elevation = np.degrees(np.arcsin(look @ station / np.linalg.norm(look) / EARTH_RADIUS_KM))
    assert elevation == pytest.approx(mask_deg, abs=1e-9)


def test_contacts_at_an_instant_are_the_ground_links_above_the_mask():
    constellation = orbital.preset("starlink")
    seen = orbital.station_contacts(constellation, WHEN, elevation_mask_deg=25.0, most=3)
    table = read_table("ground_stations.csv")
    t = instant(WHEN)
    ground = ground_teme_km(ground_ecef_km(table["lat_deg"], table["lon_deg"]), t)[:, 0]
    r_km = orbital.propagate(constellation, t).r_teme_km[:, 0]
    g, s, _ = ground_links(ground, r_km, elevation_mask_deg=25.0)
    assert seen["in_view"].tolist() == np.bincount(g, minlength=len(ground)).tolist()
    assert seen["in_view"].sum() > 0
    for k, listed in enumerate(seen["contacts"]):
        assert len(listed) == min(3, seen["in_view"][k]) and set(listed) <= set(s[g == k].tolist())
        # The highest in the station's sky, highest first (the local vertical: the ground point's radius).
        look = r_km[s[g == k]] - ground[k]
        sin_elevation = look @ (ground[k] / np.linalg.norm(ground[k])) / np.linalg.norm(look, axis=1)
        assert listed == s[g == k][np.argsort(-sin_elevation)][:3].tolist()


def test_a_citys_path_is_the_shortest_path_and_no_shorter_than_the_ground_under_it():
    constellation = orbital.preset("starlink")
    path = orbital.city_path(constellation, "Tokyo", WHEN)
    assert path["satellites"] and np.isfinite(path["rtt_s"]) and path["sampled_every"] == 1
    # The same length as latency.path_lengths_km's between the city and the station it ends at.
    cities, stations = read_table("cities.csv"), read_table("ground_stations.csv")
    end = stations["name"].tolist().index(path["end"])
    lat = [cities["lat_deg"][0], stations["lat_deg"][end]]
    lon = [cities["lon_deg"][0], stations["lon_deg"][end]]
    t = instant(WHEN)
    ground = ground_teme_km(ground_ecef_km(lat, lon), t)[:, 0]
    edges, _, _ = whole_graph(constellation)
    r_km = orbital.propagate(constellation, t).r_teme_km[:, 0]
    assert path["length_km"] == pytest.approx(path_lengths_km(r_km, edges, ground, 25.0)[0, 1], rel=1e-9)
    # Every hop is a link, and the round trip is above the bent-pipe floor and the great-circle bound.
    linked = {tuple(e) for e in edges.tolist()}
    assert all(tuple(sorted(pair)) in linked for pair in zip(path["satellites"], path["satellites"][1:]))
    chord_km = np.linalg.norm(ground[0] - ground[1])
    assert path["rtt_s"] >= max(orbital.bent_pipe_floor_s(540.0), 2 * chord_km / 299792.458)
