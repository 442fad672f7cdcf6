"""Cost of one network time step against N: the +Grid link graph and shortest paths from 30 cities
(scipy Dijkstra) for a Walker shell of N satellites. Run: python benchmarks/bench_network.py [N ...]

Expected ~N log N per step (Dijkstra on a graph of degree 4), not N²; memory ~ a few hundred bytes a satellite."""

import sys
import time

import numpy as np

from orbital.constellation import combine, walker
from orbital.network.graph import plus_grid_edges
from orbital.network.ground import read_table
from orbital.network.latency import ground_ecef_km, ground_teme_km, path_lengths_km
from orbital.propagation import propagate
from orbital.timeutil import at


def step_seconds(total):
    """Seconds for links + shortest paths of one step, for a 53° Walker shell of `total` satellites."""
    planes = int(round(np.sqrt(total)))
    per_plane = total // planes
    shell = walker(550.0, 53.0, planes * per_plane, planes, 1, epoch="2026-01-01T00:00:00Z")
    t = at("2026-01-01T00:00:00Z")
    state = propagate(combine(shell), t)
    cities = read_table("cities.csv")
    ground = ground_teme_km(ground_ecef_km(cities["lat_deg"], cities["lon_deg"]), state.t)[:, 0]
    start = time.perf_counter()
    edges = plus_grid_edges(planes, per_plane)
    lengths = path_lengths_km(state.r_teme_km[:, 0], edges, ground, elevation_mask_deg=25.0)
    elapsed = time.perf_counter() - start
    assert np.isfinite(lengths).any()
    return elapsed


def main(sizes):
    step_seconds(1_000)  # warm up: scipy's imports and caches
    step_seconds(1_000)  # warm up: scipy imports and caches
    print(f"{'N':>9}  {'s/step':>8}  {'µs per N·log2 N':>16}")
    for n in sizes:
        s = step_seconds(n)
        print(f"{n:>9,}  {s:8.3f}  {s / (n * np.log2(n)) * 1e6:16.4f}", flush=True)


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [1_000, 10_000, 100_000, 1_000_000])
