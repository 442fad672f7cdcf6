"""A year of sunlight for a whole fleet, every orbit plane of it: the heavy computation behind the
dashboard's "Fleet year" job (a million satellites in ~3,600 planes).

Satellites of a designed shell that share an orbit plane (node) differ only in their phase along it;
over a year that phase is sampled evenly (the step is incommensurate with the orbital period), so they
share the plane's yearly sunlit fraction, eclipses and energy. One satellite stands for each plane;
catalogue satellites each stand for themselves.
"""


import numpy as np

from .constants import HOURS_PER_YEAR
from .constellation import Shell
from .errors import OrbitalError
from .parameters import SolarArray
from . import settings
from .statistics import sunlight_statistics
from .timeutil import year_times

# Step over the year, s: ten minutes, incommensurate with orbital periods (so phases are sampled
# evenly) and short against eclipses (entry and exit are interpolated between samples).
FLEET_YEAR_STEP_S = 600.0
# Planes propagated per chunk: progress is reported after each.
PLANES_PER_CHUNK = 200
# Most plane-samples one fleet year may propagate (ORBITAL_MAX_PLANE_SAMPLES): the default 1.2e9 is
# ~9 minutes at the ~2.2 M samples/s of one core measured here (spacex-odc's 3,600 planes every 600 s
# are 1.9e8).
MAX_PLANE_SAMPLES = settings.MAX_PLANE_SAMPLES.value()
# A catalogue satellite's sample (SGP4) costs this many designed-plane samples: 0.83 against 2.2 M
# samples/s on one core here (benchmarks' synthetic catalogue of 400, a year every 600 s).
SGP4_SAMPLE_COST = 2.6
# Edges of the sunlit-fraction histogram: 1 % bins from 0.5 (a circular orbit above 200 km is lit
# more than half of every orbit).
SUNLIT_BIN_EDGES = np.linspace(0.5, 1.0, 51)


def plane_representatives(constellation):
    """(indices, counts): the first satellite of each orbit plane of each shell (every satellite of a
    catalogue), and how many satellites each stands for; shapes (planes,)."""
    indices, counts = [], []
    for g, group in enumerate(constellation.groups):
        if isinstance(group, Shell):
            _, first, count = np.unique(group.raan_rad, return_index=True, return_counts=True)
        else:
            first, count = np.arange(group.count), np.ones(group.count, dtype=np.int64)
        order = np.argsort(first)
        indices.append(constellation.offsets[g] + first[order])
        counts.append(count[order])
    return np.concatenate(indices), np.concatenate(counts)


PLANE_KEYS = ("sunlit_fraction", "eclipse_max_s", "mean_power_w")


def plane_statistics(constellation, index, t, array=SolarArray()):
    """PLANE_KEYS of the satellites at `index` (one a plane) over Time array `t`: dict of (len(index),)."""
    stats = sunlight_statistics(constellation.subset(index), t, array)
    return {key: stats[key] for key in PLANE_KEYS}


def serial_chunks(chunks, compute, progress=None):
    """compute(chunk) for each chunk in turn, calling progress(done, total) after each."""
    results = []
    for done, chunk in enumerate(chunks, 1):
        results.append(compute(chunk))
        if progress:
            progress(done, len(chunks))
    return results


def weighted_totals(satellites, sunlit_fraction, mean_power_w):
    """(sunlit fraction, array energy in TWh a year) of planes standing for `satellites` each: the
    satellite-weighted mean fraction, and mean power × a Julian year summed over the satellites."""
    return (float(satellites @ sunlit_fraction / satellites.sum()),
            float(satellites @ mean_power_w) * HOURS_PER_YEAR / 1e12)


def fleet_year(constellation, year, array=SolarArray(), step_s=FLEET_YEAR_STEP_S, progress=None,
               run_chunks=serial_chunks):
    """Sunlight and array energy of every satellite over calendar `year`, plane by plane.

    Returns a dict: by_plane, a dict of (planes,) arrays: index (satellite standing for the plane),
    group, satellites, sunlit_fraction, eclipse_max_s, mean_power_w; for the fleet: satellites,
    planes, sunlit_fraction (satellite-weighted), energy_twh_per_year (mean power × a Julian year),
    and histogram (groups, bins) of satellites by yearly sunlit fraction over SUNLIT_BIN_EDGES
    (fractions below its first edge, possible only for eccentric catalogue orbits, count in the first bin).
    The planes are worked through in chunks of PLANES_PER_CHUNK by run_chunks(chunks, compute,
    progress) (serial_chunks, or one that shares them out) calling `progress(done, total)`.
    """
    t = year_times(year, step_s)
    index, satellites = plane_representatives(constellation)
    catalogued = sum(g.count for g in constellation.groups if not isinstance(g, Shell))
    if (index.size + (SGP4_SAMPLE_COST - 1.0) * catalogued) * len(t) > MAX_PLANE_SAMPLES:
        raise OrbitalError(f"fleet year: {index.size:,} planes (a catalogue satellite counts as one, at "
                           f"{SGP4_SAMPLE_COST:g}× the cost) × {len(t):,} steps is more than one job may "
                           f"propagate ({MAX_PLANE_SAMPLES:.2g} plane-samples, ~9 minutes); use a larger step "
                           "or fewer planes", parameter="step_s")
    chunks = [index[start:start + PLANES_PER_CHUNK] for start in range(0, index.size, PLANES_PER_CHUNK)]
    results = run_chunks(chunks, lambda chunk: plane_statistics(constellation, chunk, t, array), progress)
    planes = {key: np.concatenate([np.asarray(r[key], dtype=float) for r in results]) for key in PLANE_KEYS}
    group = constellation.group_index()[index]
    bins = np.clip(np.digitize(planes["sunlit_fraction"], SUNLIT_BIN_EDGES) - 1, 0, SUNLIT_BIN_EDGES.size - 2)
    histogram = np.zeros((len(constellation.groups), SUNLIT_BIN_EDGES.size - 1), dtype=np.int64)
    np.add.at(histogram, (group, bins), satellites)
    sunlit_fraction, energy_twh_per_year = weighted_totals(satellites, planes["sunlit_fraction"],
                                                           planes["mean_power_w"])
    return {
        "year": int(year),
        "step_s": float(step_s),
        "by_plane": {"index": index, "group": group, "satellites": satellites, **planes},
        "satellites": int(satellites.sum()),
        "planes": int(index.size),
        "sunlit_fraction": sunlit_fraction,
        "energy_twh_per_year": energy_twh_per_year,
        "histogram": histogram,
        "group_names": [g.name for g in constellation.groups],
    }


def fleet_year_chunk(constellation, index, year, array=SolarArray(), step_s=FLEET_YEAR_STEP_S):
    """One chunk of fleet_year, for a worker that computes it apart: plane_statistics of the planes
    standing at `index` (satellite indices) over calendar `year`."""
    return plane_statistics(constellation, np.asarray(index, dtype=np.int64), year_times(year, step_s), array)


def shell_rows(result):
    """Per shell of a fleet_year result: satellites, planes, sunlit fraction (satellite mean, least and
    most of its planes), longest eclipse (min) and array energy (TWh a year); a list of dicts."""
    planes = result["by_plane"]
    rows = []
    for g, name in enumerate(result["group_names"]):
        mine = planes["group"] == g
        satellites, sunlit = planes["satellites"][mine], planes["sunlit_fraction"][mine]
        sunlit_fraction, energy_twh_per_year = weighted_totals(satellites, sunlit, planes["mean_power_w"][mine])
        rows.append({"shell": name, "satellites": int(satellites.sum()), "planes": int(mine.sum()),
                     "sunlit_fraction": sunlit_fraction, "sunlit_least": float(sunlit.min()),
                     "sunlit_most": float(sunlit.max()),
                     "longest_eclipse_min": float(planes["eclipse_max_s"][mine].max() / 60.0),
                     "energy_twh_per_year": energy_twh_per_year})
    return rows
