"""Cost of one network time step against N: the link graph (+Grid in each shell and links between the two
adjacent shells, network.graph.link_graph) and shortest paths from 30 cities (scipy Dijkstra) for two 53°
Walker shells of N/2 satellites each, 10 km apart in altitude. Run: python benchmarks/bench_network.py [N ...]

Each step is timed and its peak memory taken (tracemalloc: numpy's and Python's allocations, not scipy's
C++ internals), against a baseline measured in the same run: sorting N float64 (numpy's introsort,
N log N). Expected ~N log N per step (k-d tree queries, Dijkstra on a graph of degree ~5), not N²;
memory ~ a few hundred bytes a satellite."""

import sys
import time
import tracemalloc

import numpy as np

from orbital.constellation import combine, walker
from orbital.network.graph import link_graph
from orbital.network.ground import read_table
from orbital.network.latency import ground_ecef_km, ground_teme_km, path_lengths_km
from orbital.propagation import propagate
from orbital.timeutil import at

EPOCH = "2026-01-01T00:00:00Z"


def two_shells(total):
    """Two 53° Walker shells of about total/2 satellites each (√ planes × √ slots), at 550 and 560 km."""
    half = total // 2
    planes = int(round(np.sqrt(half)))
    per_plane = half // planes
    return combine(*(walker(h, 53.0, planes * per_plane, planes, 1, epoch=EPOCH, name=f"{h} km") for h in (550, 560)))


def step(total):
    """(seconds, peak bytes) of links + shortest paths of one step for two_shells(total)."""
    constellation = two_shells(total)
    state = propagate(constellation, at(EPOCH))
    r_km = state.r_teme_km  # (satellites, 1, 3)
    cities = read_table("cities.csv")
    ground = ground_teme_km(ground_ecef_km(cities["lat_deg"], cities["lon_deg"]), state.t)[:, 0]
    tracemalloc.start()
    start = time.perf_counter()
    edges, _, rate = link_graph(constellation, r_km)
    lengths = path_lengths_km(r_km[:, 0], edges[rate[:, 0] > 0], ground, elevation_mask_deg=25.0)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert np.isfinite(lengths).any()
    return elapsed, peak


def baseline(total):
    """Seconds to sort `total` random float64: the N log N yardstick of this machine in this run."""
    values = np.random.default_rng(0).random(total)
    start = time.perf_counter()
    np.sort(values)
    return time.perf_counter() - start


def main(sizes):
    step(1_000)  # warm up: scipy's imports and caches
    print(f"{'N':>9}  {'s/step':>8}  {'peak MB':>8}  {'bytes/sat':>9}  {'µs/(N·log2 N)':>14}  {'÷ sort(N)':>9}")
    for n in sizes:
        seconds, peak = step(n)
        sort_s = baseline(n)
        print(f"{n:>9,}  {seconds:8.3f}  {peak / 1e6:8.1f}  {peak / n:9.0f}  {seconds / (n * np.log2(n)) * 1e6:14.4f}"
              f"  {seconds / sort_s:9.0f}", flush=True)


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
