"""Engine throughput in satellite·epochs per second, against skyfield's per-satellite path and raw SatrecArray.

Run: make bench  (or .venv/bin/python benchmarks/bench_engine.py). Prints one row per workload and
the ratios between them, all measured in this run.
"""

import time

import numpy as np
from sgp4.api import WGS72, SatrecArray, Satrec
from skyfield.api import EarthSatellite, wgs84

import orbital
from orbital.constellation import Catalogue, combine
from orbital.propagation import _utc_jd
from orbital.sun import ephemeris
from orbital.timeutil import timescale

START = "2026-06-21T00:00:00Z"


def best_of(repeats, work):
    """Smallest wall time of `repeats` calls, seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def engine_work(constellation, t):
    def work():
        state = orbital.propagate(constellation, t)
        orbital.illumination(state)
        state.lat_deg
    return work


def satrecs_like(shell):
    """SGP4 records with a designed shell's elements (same orbits for every path)."""
    out = []
    n_rad_min = np.sqrt(398600.4418 / shell.semi_major_axis_km**3) * 60.0
    epoch = shell.epoch
    days = epoch.whole + epoch.tai_fraction - epoch._leap_seconds() / 86400.0 - 2433281.5
    for node, u in zip(shell.raan_rad, shell.arg_latitude_rad):
        s = Satrec()
        s.sgp4init(WGS72, "i", 1, days, 0.0, 0.0, 0.0, 1e-4, 0.0, np.radians(shell.inclination_deg), u, n_rad_min, node)
        out.append(s)
    return out


def main():
    rows = []
    million = orbital.preset("spacex-odc")
    t1 = orbital.at(START)
    seconds = best_of(3, engine_work(million, t1))
    rows.append(("engine, 1,000,000 sats × 1 epoch (positions + lat/lon/alt + illumination)", million.count, seconds))

    shell = orbital.walker(550, 53, 10_000, 100, 1, epoch=START)
    t_day = orbital.times(START, hours=24, step_s=60)[:1440]
    seconds = best_of(2, engine_work(combine(shell), t_day))
    rows.append(("engine, 10,000 sats × 1,440 epochs, analytic J2", 10_000 * 1440, seconds))

    satrecs = satrecs_like(shell)
    catalogue = combine(Catalogue("sgp4", satrecs, ["x"] * len(satrecs)))
    seconds = best_of(2, engine_work(catalogue, t_day))
    rows.append(("engine, 10,000 sats × 1,440 epochs, SGP4 catalogue path", 10_000 * 1440, seconds))

    whole, fraction = _utc_jd(t_day)
    array = SatrecArray(satrecs)
    seconds = best_of(2, lambda: array.sgp4(whole, fraction))
    rows.append(("raw SatrecArray.sgp4, 10,000 × 1,440 (TEME positions only)", 10_000 * 1440, seconds))

    ts, eph = timescale(), ephemeris()
    subset = [EarthSatellite.from_satrec(s, ts) for s in satrecs[:25]]

    def skyfield_work():
        for satellite in subset:
            position = satellite.at(t_day)
            position.is_sunlit(eph)
            wgs84.latlon_of(position)
            wgs84.height_of(position)

    seconds = best_of(1, skyfield_work)
    rows.append(("skyfield EarthSatellite.at().is_sunlit() per satellite, 25 × 1,440", 25 * 1440, seconds))

    one = [EarthSatellite.from_satrec(s, ts) for s in satrecs[:200]]

    def skyfield_instant():
        for satellite in one:
            position = satellite.at(t1)
            position.is_sunlit(eph)
            wgs84.latlon_of(position)
            wgs84.height_of(position)

    seconds = best_of(1, skyfield_instant)
    rows.append(("skyfield per satellite, 200 × 1 epoch (extrapolates to 1,000,000)", 200, seconds))

    print(f"{'workload':78s} {'sat·epochs':>12s} {'seconds':>9s} {'sat·epochs/s':>14s}")
    rate = {}
    for label, samples, seconds in rows:
        rate[label] = samples / seconds
        print(f"{label:78s} {samples:12,d} {seconds:9.3f} {samples / seconds:14,.0f}")
    rate = [samples / seconds for _, samples, seconds in rows]
    print()
    print(f"1,000,000 satellites at one instant: {rows[0][2]:.3f} s (goal: under 1 s); skyfield's "
          f"per-satellite path would take {1e6 / rate[5]:,.0f} s: engine ×{rate[0] / rate[5]:,.0f}")
    print(f"10,000 × 1,440 analytic: ×{rate[1] / rate[4]:,.1f} skyfield vectorised over time per satellite, "
          f"×{rate[1] / rate[5]:,.0f} skyfield per satellite and epoch, ×{rate[1] / rate[3]:.2f} raw SatrecArray")
    print(f"10,000 × 1,440 SGP4 catalogue: ×{rate[2] / rate[4]:,.1f} skyfield vectorised over time, "
          f"×{rate[2] / rate[3]:.2f} raw SatrecArray (which computes positions only)")


if __name__ == "__main__":
    main()
