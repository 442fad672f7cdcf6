"""Sweeps: the yearly sunlit fraction of sun-synchronous shells over a grid of altitudes and local
times of the ascending node, the question behind "in space it is always sunny"."""

import numpy as np

from .constellation import combine, sun_synchronous
from .statistics import sunlight_statistics
from .timeutil import year_times

# Satellites in each swept shell (4 planes of 6): enough to average over the shell's planes.
SWEEP_SATELLITES, SWEEP_PLANES = 24, 4
SWEEP_STEP_S = 1800.0


def sso_sweep(altitudes_km, ltans_h, year=2026, progress=None):
    """Yearly sunlit fraction (altitudes, local times) of sun-synchronous shells.

    Each cell is a shell of SWEEP_SATELLITES in SWEEP_PLANES planes spread over one hour of local
    time around `ltans_h`, propagated over the calendar year every SWEEP_STEP_S with the conical
    shadow. `progress(done, total)` is called after each altitude row.
    """
    altitudes_km, ltans_h = np.asarray(altitudes_km, dtype=float), np.asarray(ltans_h, dtype=float)
    t = year_times(year, SWEEP_STEP_S)
    sunlit = np.empty((altitudes_km.size, ltans_h.size))
    for row, altitude_km in enumerate(altitudes_km):
        shells = [sun_synchronous(altitude_km, ltan, SWEEP_SATELLITES, SWEEP_PLANES, 1,
                                  epoch=f"{year}-01-01T00:00:00Z", plane_spread_h=1.0) for ltan in ltans_h]
        stats = sunlight_statistics(combine(*shells), t)
        sunlit[row] = stats["sunlit_fraction"].reshape(ltans_h.size, SWEEP_SATELLITES).mean(axis=1)
        if progress:
            progress(row + 1, altitudes_km.size)
    return sunlit
