"""The network package against references nobody here wrote: Suncatcher's bench link, Starlink's laser
rates, a hand-built graph's minimum cut, the bent-pipe floor and Hypatia's Kuiper-630 round-trip times."""

import math
from pathlib import Path

import numpy as np
import pytest

from orbital.network.graph import bisection_bps, cut_bps, plus_grid_edges
from orbital.network.latency import (bent_pipe_floor_s, great_circle_km, ground_ecef_km, ground_teme_km,
                                     path_lengths_km, rtt_s)
from orbital.network.links import rate_bps
from orbital.parameters import OpticalLink

HYPATIA = Path(__file__).parent / "data" / "hypatia_kuiper_630"


def test_link_budget_reproduces_suncatchers_bench_link():
    # Suncatcher (arXiv:2511.19468 §2.2): one transceiver pair, 800 Gb/s each way (1.6 Tb/s total) on the bench.
    one_pair = OpticalLink(spatial_channels_max=1)
    assert rate_bps(0.15, one_pair) == pytest.approx(800e9, rel=1e-9)
    # At formation range the link is transceiver-limited, spatial multiplexing reaches "tens of Tb/s".
    assert 10e12 <= rate_bps(0.15) <= 100e12


def test_link_budget_at_starlink_ranges_is_its_published_100_to_200_gbps():
    # SpaceX, SPIE Photonics West 2024: ~100–200 Gb/s per laser link over ~1,000–2,000 km (secondary).
    rates = rate_bps(np.array([1000.0, 2000.0]))
    assert 100e9 <= rates.min() and rates.max() <= 1000e9
    assert rate_bps(2000.0) == pytest.approx(rate_bps(1000.0) / 4)  # photon-limited: inverse square


def test_minimum_cut_of_a_hand_built_ladder():
    # 2 × 4 ladder 0-1-2-3 / 4-5-6-7, rails 10, rungs 1; halves {0,1,4,5} | {2,3,6,7}: cut = rails 1-2, 5-6 = 20.
    edges = np.array([[0, 1], [1, 2], [2, 3], [4, 5], [5, 6], [6, 7], [0, 4], [1, 5], [2, 6], [3, 7]])
    cap = np.array([10, 10, 10, 10, 10, 10, 1, 1, 1, 1]) * 1e9
    side = np.array([1, 1, 0, 0, 1, 1, 0, 0], dtype=bool)
    assert cut_bps(8, edges, cap, side) == pytest.approx(20e9)
    # Geometric bisection picks the cheaper split between the rails: 4 rungs = 4 Gb/s.
    r = np.array([[x, y, 0.0] for y in (0.0, 0.3) for x in range(4)])
    assert bisection_bps(r, edges, cap) == pytest.approx(4e9)


def test_plus_grid_is_four_links_per_satellite():
    edges = plus_grid_edges(34, 34)
    assert len(edges) == 2 * 34 * 34
    assert np.all(np.bincount(edges.ravel()) == 4)


def test_bent_pipe_floor_and_great_circle_bound():
    # Paris–Berlin over a 550 km Walker shell: no path beats 4 h / c, nor the great circle at c.
    from orbital.constellation import walker
    from orbital.constellation import combine
    from orbital.propagation import propagate
    from orbital.timeutil import at

    c = combine(walker(550, 53.0, 1584, 72, 17, epoch="2026-01-01T00:00:00Z"))
    t = at("2026-01-01T00:00:00Z")
    st = propagate(c, t)
    cities = np.array([[48.86, 2.35], [52.52, 13.40]])
    ground = ground_teme_km(ground_ecef_km(cities[:, 0], cities[:, 1]), st.t)[:, 0]
    lengths = path_lengths_km(st.r_teme_km[:, 0], plus_grid_edges(72, 22), ground, elevation_mask_deg=25.0)
    rtt = rtt_s(lengths[0, 1])
    assert rtt >= bent_pipe_floor_s(550.0)
    assert rtt >= rtt_s(great_circle_km(*cities[0], *cities[1]))
    assert rtt < 0.05


def kuiper_630(times):
    """Hypatia's Kuiper-630 (satgen generate_tles_from_scratch_manual): positions (1156, T, 3) TEME, km."""
    from sgp4.api import WGS72, Satrec, jday

    from orbital.constellation import Catalogue, combine
    from orbital.propagation import propagate

    satrecs = []
    for orbit in range(34):
        shift = 360.0 / 68.0 if orbit % 2 else 0.0
        for n in range(34):
            jd, fr = jday(2000, 1, 1, 0, 0, 0)
            s = Satrec()
            s.sgp4init(WGS72, "i", len(satrecs) + 1, jd + fr - 2433281.5, 0.0, 0.0, 0.0, 1e-7, 0.0,
                       math.radians(51.9), math.radians(shift + n * 360 / 34), 14.80 * 60 / 13750.9870831397,
                       math.radians(orbit * 360.0 / 34))
            satrecs.append(s)
    c = combine(Catalogue("Kuiper-630", satrecs, [str(i) for i in range(1156)]))
    return propagate(c, times)


def test_reproduces_hypatia_kuiper_630_round_trip_times():
    from orbital.timeutil import timescale

    steps = np.arange(0, 2000, 10)
    t = timescale().utc(2000, 1, 1, 0, 0, steps * 0.1)
    state = kuiper_630(t)
    # Manila (17), Saint Petersburg (73), Dalian (85) of Hypatia's top-100 cities: nodes 1173, 1229, 1241.
    wgs72 = ground_ecef_km([14.6042, 59.929858, 38.913811], [120.9822, 30.326228, 121.602322],
                           radius_km=6378.135, flattening=1 / 298.26)
    ground = ground_teme_km(wgs72, t)
    slant_max_km = math.hypot(630.0 / math.tan(math.radians(30.0)), 630.0)
    edges = plus_grid_edges(34, 34)
    index = {1173: 0, 1229: 1, 1241: 2}
    pairs = [(1173, 1241), (1229, 1173), (1229, 1241)]
    ours = {p: [] for p in pairs}
    for k in range(len(steps)):
        lengths = path_lengths_km(state.r_teme_km[:, k], edges, ground[:, k], slant_max_km=slant_max_km)
        for a, b in pairs:
            ours[(a, b)].append(rtt_s(lengths[index[a], index[b]]) * 1e9)
    for a, b in pairs:
        theirs = np.loadtxt(HYPATIA / f"networkx_rtt_{a}_to_{b}.txt", delimiter=",")[steps, 1]
        mine = np.array(ours[(a, b)])
        unreachable = theirs == 0.0
        assert np.array_equal(unreachable, ~np.isfinite(mine)), (a, b)
        assert np.allclose(mine[~unreachable], theirs[~unreachable], rtol=0.01), (a, b)


def test_network_command_reports_suncatcher_and_refuses_bad_input(capsys):
    import orjson

    from orbital.cli import main

    assert main(["network", "--preset", "suncatcher", "--json"]) == 0
    report = orjson.loads(capsys.readouterr().out)
    # 81 satellites on a 9 × 9 grid: 8 × 9 × 2 sides + 8 × 8 × 2 diagonals = 272 links.
    assert report["links"] == 272
    assert report["bisection_bps"] > report["pods_bps"]["TPU v6e pod (256 chips)"]
    # The costs stage's verdict per workload rides along: the 81-satellite cluster trains (its links carry
    # 1e-4 bit/FLOP), but it is over a ground station a few % of the time, so interactive work idles.
    rows = {row["workload"]: row for row in report["workloads"]}
    assert rows["training"]["verdict"] == "fits" and rows["text inference"]["binding"] == "weather"
    assert rows["text inference"]["network_factor"] == pytest.approx(report["capacity"]["availability"])
    assert main(["network", "--preset", "nope"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_ground_links_respect_the_elevation_mask():
    # A satellite at 550 km seen at elevation ε lies at slant ρ = √(r² − R² cos² ε) − R sin ε (plane geometry).
    from orbital.network.latency import ground_links

    big_r, r = 6378.137, 6378.137 + 550.0
    ground = np.array([[big_r, 0.0, 0.0]])
    sats = []
    for elevation_deg in (90.0, 30.0, 20.0):
        e = math.radians(elevation_deg)
        rho = math.sqrt(r**2 - (big_r * math.cos(e)) ** 2) - big_r * math.sin(e)
        sats.append([big_r + rho * math.sin(e), rho * math.cos(e), 0.0])
    _, seen, length = ground_links(ground, np.array(sats), elevation_mask_deg=25.0)
    assert sorted(seen.tolist()) == [0, 1]
    assert length[seen.tolist().index(0)] == pytest.approx(550.0)


def test_closed_form_contact_matches_the_propagated_geometry():
    # A 120-satellite 53° shell over two days: the share of time each station sees a satellite above 25°,
    # closed form (network.budget, what the costs stage uses) against the propagated positions.
    from orbital.constellation import combine, walker
    from orbital.network.budget import station_contact
    from orbital.network.ground import contacts
    from orbital.propagation import propagate
    from orbital.timeutil import times

    c = combine(walker(550, 53.0, 120, 12, epoch="2026-01-01T00:00:00Z"))
    t = times("2026-01-01T00:00:00Z", hours=48.0, step_s=120.0)
    sites = {"lat_deg": np.array([0.0, 20.0, 35.0, 45.0, 60.0, 70.0]), "lon_deg": np.array([0, 10, -100, 40, 0, 0.0])}
    seen = contacts(sites, propagate(c, t).r_teme_km, t, 25.0).mean(axis=1)
    closed = station_contact(c, [550.0], [53.0], sites["lat_deg"], 25.0)
    assert np.allclose(closed, seen, atol=0.12)
    assert closed[-1] == 0.0 == seen[-1]  # 70° is beyond a 53° shell's reach at 25°


def test_closed_form_contact_sees_a_dawn_dusk_family_twice_a_day():
    # 2,000 satellites on 100 planes whose nodes span one hour of local time (spacex-odc's sun-synchronous
    # shells): seen only while Earth turns a station under the terminator, not all day as a Walker shell.
    from orbital.constellation import combine, sun_synchronous
    from orbital.network.budget import station_contact
    from orbital.network.ground import contacts
    from orbital.propagation import propagate
    from orbital.timeutil import times

    c = combine(sun_synchronous(1400, 18.0, 2000, 100, 1, epoch="2026-06-21T00:00:00Z", plane_spread_h=1.0))
    t = times("2026-06-21T00:00:00Z", hours=24.0, step_s=600.0)
    sites = {"lat_deg": np.array([0.0, 28.3, 48.1, 78.2, -72.0]), "lon_deg": np.array([0, -16.5, 11.3, 15.4, 2.5])}
    seen = contacts(sites, propagate(c, t).r_teme_km, t, 25.0).mean(axis=1)
    closed = station_contact(c, [1400.0], [c.groups[0].inclination_deg], sites["lat_deg"], 25.0)
    assert np.allclose(closed, seen, atol=0.05)
    assert seen[1] < 0.5


def test_closed_form_torus_bisection_bounds_the_graphs_minimum_cut():
    # 16 × 16 +Grid at 550 km: the cut between halves of the planes or of the slots, by maximum flow over the
    # propagated link lengths every minute of an orbit; the closed form takes every link at its longest.
    from orbital.constellation import combine, walker
    from orbital.network.budget import grid_bisection_bps
    from orbital.propagation import propagate
    from orbital.timeutil import times

    c = combine(walker(550, 53.0, 256, 16, epoch="2026-01-01T00:00:00Z"))
    t = times("2026-01-01T00:00:00Z", hours=1.6, step_s=60.0)
    r = propagate(c, t).r_teme_km
    edges = plus_grid_edges(16, 16)
    halves = [np.arange(256) // 16 < 8, np.arange(256) % 16 < 8]
    cuts = [min(cut_bps(256, edges, rate_bps(np.linalg.norm(r[edges[:, 0], k] - r[edges[:, 1], k], axis=1)), side)
                for side in halves) for k in range(len(t))]
    closed = grid_bisection_bps(c.groups[0])
    assert 0.7 * min(cuts) <= closed <= min(cuts)


def test_closed_form_formation_bisection_matches_the_graphs_minimum_cut():
    # Suncatcher's 81 satellites at 150 m: the closed form (a 9 × 9 grid's 9 sides and 16 diagonals, the costs
    # stage's) against the maximum-flow cut of the link graph built from the propagated positions, whose
    # median split crosses a row (32 links at the epoch, 26 in June): a lower bound within 30 %.
    from orbital.network.budget import shell_bisection_bps
    from orbital.network.graph import link_graph
    from orbital.presets import suncatcher
    from orbital.propagation import propagate
    from orbital.timeutil import at

    c = suncatcher()
    r = propagate(c, at("2026-01-01T00:00:00Z")).r_teme_km
    edges, _, rate = link_graph(c, r)
    cut = bisection_bps(r[:, 0], edges, rate[:, 0])
    assert 0.7 * cut <= shell_bisection_bps(c.groups[0]) <= cut
