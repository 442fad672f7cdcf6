"""The largest fleet orbital.population sustains in 200–900 km, beside MOCAT's ~12.6 million at a 7 %
failure rate (D'Ambrosio, Lifson & Linares, arXiv:2206.05345; docs/model.md, "Capacity").

    python benchmarks/population_capacity.py

A fleet of 1 t, 2 m, Cd A/m 0.022 m²/kg satellites (the intact objects' sizes), 5-year life, 90 %
disposal, deployed in a year among today's objects: each 50 km bin's own limit (bisection: the largest
fleet in that bin alone whose debris does not pass RUNAWAY_DEBRIS within 200 years), then all bins in
those proportions and spread evenly, with the fleet's failure share (MOCAT's: the share of satellites
lost to collisions before their end of life, c Δt / (1 + c Δt), c the collision losses a year per
satellite, the largest over the run). A few minutes on one core.
"""

import numpy as np

from orbital import population as pop
from orbital.parameters import Drag, Population

ALTITUDES_KM = np.arange(225.0, 900.0, 50.0)  # the centres of the 50 km bins of 200–900 km
LIFE_YEARS = 5.0


def outcome(counts):
    """(runaway year or None, largest failure share) of a fleet of `counts` satellites per bin ((14,))."""
    fleet = pop.FleetInputs(altitudes_km=ALTITUDES_KM, satellites=np.asarray(counts, float), mass_kg=1000.0,
                            radius_m=2.0, ballistic_m2_kg=0.022, life_years=LIFE_YEARS, deploy_years=1.0,
                            speed_km_s=10.0)
    system = pop.System(fleet, Drag(), Population(pmd_success=0.9))
    t, states = pop.run(system, True, 200.0)
    rates = np.array([system.pair_rates(x) for x in states])
    lost = (rates[:, pop.FLEET].sum(axis=(1, 2)) + rates[:, :, pop.FLEET].sum(axis=(1, 2))
            - rates[:, pop.FLEET, pop.FLEET].sum(axis=1))
    c = lost / np.maximum(states[:, pop.FLEET].sum(axis=1), 1.0)
    runaway = float(t[-1]) if states[-1, pop.DEBRIS].sum() > pop.RUNAWAY_DEBRIS else None
    return runaway, float((c * LIFE_YEARS / (1.0 + c * LIFE_YEARS)).max())


def bin_limit(k, low=1e3, high=1e8, halvings=7):
    """The largest fleet (satellites, within a factor (high/low)^(1/2^halvings)) bin k holds alone."""
    for _ in range(halvings):
        mid = np.sqrt(low * high)
        counts = np.zeros(ALTITUDES_KM.size)
        counts[k] = mid
        low, high = (low, mid) if outcome(counts)[0] is not None else (mid, high)
    return low


def main():
    limits = np.array([bin_limit(k) for k in range(ALTITUDES_KM.size)])
    for altitude, limit in zip(ALTITUDES_KM, limits):
        print(f"{altitude - 25:.0f}-{altitude + 25:.0f} km alone: {limit:.3g}")
    for label, shape, totals in (("in those proportions", limits / limits.sum(), (3e7, 6e7, 9e7, 1.2e8)),
                                 ("evenly", np.full(ALTITUDES_KM.size, 1 / ALTITUDES_KM.size), (3e5, 4e5, 5e5))):
        for total in totals:
            runaway, failure = outcome(total * shape)
            print(f"{total:.3g} {label}: runaway {runaway}, failure share {failure:.1%}")


if __name__ == "__main__":
    main()
