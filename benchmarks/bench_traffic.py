"""Close-approach screening: the k-d tree stepper against all-pairs brute force, how both screeners grow
with the number of satellites, and one day of spacex-odc end to end (its rigid shells in closed form).
The stepped screener's cost per step grows with the candidate pairs, ~N² in a thin shell: a million
satellites of one band are screened in closed form or not at all.

Run: .venv/bin/python benchmarks/bench_traffic.py [--quick]. Every figure and ratio is measured in this run.
"""

import math
import sys
import time

import numpy as np
from scipy.spatial import cKDTree
from sgp4.api import WGS72, Satrec

import orbital
from orbital.constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from orbital.constellation import Catalogue, Constellation, combine, walker
from orbital.parameters import Model
from orbital.traffic import screen, stepped_approaches, traffic

T0 = orbital.at("2026-06-21T00:00:00Z")
SCREEN_KM = 5.0


def random_catalogue(count, altitude_km=550.0, thickness_km=50.0, seed=1):
    """Near-circular SGP4 satellites, isotropic planes, altitudes uniform over a band."""
    rng = np.random.default_rng(seed)
    satrecs = []
    for k in range(count):
        a_km = EARTH_RADIUS_KM + altitude_km + rng.uniform(0.0, thickness_km)
        satrec = Satrec()
        satrec.sgp4init(WGS72, "i", k + 1, 26104.0, 0.0, 0.0, 0.0, 1e-5, 0.0, math.acos(rng.uniform(-1, 1)),
                        rng.uniform(0, 2 * np.pi), math.sqrt(MU_EARTH_KM3_S2 / a_km ** 3) * 60.0,
                        rng.uniform(0, 2 * np.pi))
        satrecs.append(satrec)
    return Constellation((Catalogue("random", satrecs, [f"R{k}" for k in range(count)]),), name="random")


def timed(work):
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


def candidates_brute(positions, radius_km):
    """Pairs within `radius_km` by every pair's distance (the brute-force reference)."""
    first, second = np.triu_indices(len(positions), 1)
    keep = np.zeros(first.size, dtype=bool)
    for block in range(0, first.size, 5_000_000):
        rows = slice(block, block + 5_000_000)
        keep[rows] = np.sum((positions[first[rows]] - positions[second[rows]]) ** 2, axis=1) < radius_km ** 2
    return np.stack([first[keep], second[keep]], axis=1)


def main():
    quick = "--quick" in sys.argv
    print("Finding the candidate pairs of one step: k-d tree against all pairs (query radius 84 km)")
    for count in (2000, 5000) if quick else (2000, 5000, 10000):
        positions = orbital.propagate(random_catalogue(count), T0).r_teme_km[:, 0]
        brute_s, brute = timed(lambda: candidates_brute(positions, 84.0))
        tree_s, tree = timed(lambda: cKDTree(positions).query_pairs(84.0, output_type="ndarray"))
        same = sorted(map(tuple, brute.tolist())) == sorted(map(tuple, np.sort(tree, axis=1).tolist()))
        print(f"  {count:>7,} satellites: all pairs {brute_s * 1e3:8.1f} ms, k-d tree {tree_s * 1e3:6.1f} ms "
              f"({brute_s / tree_s:6.0f}× faster), same pairs: {same}")

    print("\nStepped screening (SGP4 positions, k-d tree, Hermite refinement), 10 s steps:")
    for count, minutes in ((10_000, 30), (100_000, 5)) if quick else ((10_000, 60), (30_000, 20), (100_000, 5)):
        crowd = random_catalogue(count)
        seconds, found = timed(lambda: stepped_approaches(crowd, T0, minutes * 60.0, SCREEN_KM))
        steps = minutes * 6 + 1
        print(f"  {count:>9,} satellites × {steps:>4} steps: {seconds:7.1f} s, "
              f"{seconds / (count * steps) * 1e9:7.0f} ns per satellite-step, {found['first'].size:,} approaches")

    print("\nRigid shells in closed form, one day (the pairs that come within 5 km, every pass counted):")
    for total, planes in ((10_000, 100), (100_000, 400)):
        shell = combine(walker(550.0, 53.0, total, planes, 1))
        seconds, found = timed(lambda: screen(shell, T0, 86400.0, SCREEN_KM))
        print(f"  {total:>9,} satellites (53°, {planes} planes, f = 1): {seconds:6.1f} s, "
              f"{found['passes'].sum():,} approaches in {found['first'].size:,} pairs")

    if not quick:
        print("\nOne day of spacex-odc (1,000,000 satellites), in-process:")
        constellation = orbital.preset("spacex-odc")
        seconds, result = timed(lambda: traffic(constellation, T0, 86400.0, Model()))
        print(f"  {seconds:.1f} s: {result['approaches_per_day']:,.0f} approaches a day within 5 km, "
              f"{result['manoeuvres_per_day']:,.0f} manoeuvres a day at Pc ≥ 1e-4, "
              f"{result['manoeuvres_per_satellite_per_year']:,.0f} per satellite a year "
              f"(Starlink reported ~{result['starlink_reported_manoeuvres_per_satellite_per_year']:.0f})")


if __name__ == "__main__":
    main()
