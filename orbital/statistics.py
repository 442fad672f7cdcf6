"""Sunlight and power statistics over a time span, computed in satellite chunks to bound memory."""

import numpy as np

from .memo import orbit_key, remembered, times_key
from .parameters import SolarArray
from .power import energy_wh, mean_altitude_km, power_from_sunlight_w, sunlight_factor
from .propagation import propagate
from .shadow import illumination, longest_eclipse_s
from .timeutil import seconds_between

# Satellites × times per chunk: ~5 M samples keeps each chunk's arrays under ~1 GB.
CHUNK_SAMPLES = 5_000_000


# A constellation of more groups than this spreads the sample of this many over them (see sample_indices).
SAMPLED_GROUPS_MAX = 8
# Fewest satellites sampled of each group when the sample is spread.
SAMPLED_PER_GROUP_MIN = 3


def sample_indices(constellation, per_group):
    """Indices of at most `per_group` satellites of each group, evenly strided across the group; with more
    than SAMPLED_GROUPS_MAX groups (spacex-odc's 32 layers and 4 shells), per_group × SAMPLED_GROUPS_MAX
    spread over them (at least SAMPLED_PER_GROUP_MIN each), so that propagating the sample costs no more
    than with SAMPLED_GROUPS_MAX groups (a year's sunlight geometry stays within the orbit memo)."""
    groups = len(constellation.groups)
    if groups > SAMPLED_GROUPS_MAX:
        per_group = max(per_group * SAMPLED_GROUPS_MAX // groups, min(per_group, SAMPLED_PER_GROUP_MIN))
    picks = []
    for g, group in enumerate(constellation.groups):
        count = group.count
        take = min(count, per_group)
        picks.append(constellation.offsets[g] + np.unique(np.linspace(0, count - 1, take).round().astype(np.int64)))
    return np.concatenate(picks)


def sunlight_geometry(constellation, t, pointing):
    """What sunlight statistics need of the orbits alone, over Time array `t`: lit (satellites, times),
    the visible fraction of the solar disc; sunlight_factor (satellites, times), power.sunlight_factor for
    `pointing`; altitude_km (satellites,), the mean altitude; eclipse_max_s (satellites,), the longest
    umbra passage. Kept for the same orbits, times and pointing (memo.remembered), read-only."""
    def compute():
        state = propagate(constellation, t)
        lit = illumination(state)
        return {"lit": lit, "sunlight_factor": sunlight_factor(state, lit, pointing),
                "altitude_km": mean_altitude_km(state),
                "eclipse_max_s": longest_eclipse_s(state, lit, seconds_between(t[0], t))}
    return remembered("sunlight-geometry", compute, orbit_key(constellation), times_key(t), pointing)


def sunlight_statistics(constellation, t, array=SolarArray(), bus_w=None, compute_cap_w=None, bins=None,
                        aged_factor=1.0):
    """Per satellite over Time array `t`: dict of arrays of shape (satellites,).

    sunlit_fraction: share of valid samples with any part of the Sun visible;
    mean_illumination: mean visible fraction of the solar disc;
    eclipse_max_s: longest umbra passage (interpolated between samples);
    mean_power_w: mean array power; energy_wh: energy over the span.
    With `bus_w` and `compute_cap_w` (W, scalars or (satellites,)): mean_compute_w, the mean power
    left for compute after the bus, capped at the installed accelerators' draw, and compute_energy_wh;
    mean_compute_aged_w the same with the array's power scaled by `aged_factor` (scalar or (satellites,),
    e.g. end of life).
    With `bins` (times,), non-decreasing integer labels of consecutive runs of samples (e.g. months):
    sunlit_by_bin and power_by_bin_w, shaped (satellites, bins).
    """
    seconds = seconds_between(t[0], t)
    chunk = max(1, CHUNK_SAMPLES // len(t))
    keys = ["sunlit_fraction", "mean_illumination", "eclipse_max_s", "mean_power_w", "energy_wh"]
    if compute_cap_w is not None:
        keys += ["mean_compute_w", "compute_energy_wh", "mean_compute_aged_w"]
        bus_w = np.broadcast_to(np.asarray(bus_w, dtype=float), (constellation.count,))
        compute_cap_w = np.broadcast_to(np.asarray(compute_cap_w, dtype=float), (constellation.count,))
        aged_factor = np.broadcast_to(np.asarray(aged_factor, dtype=float), (constellation.count,))
    out = {key: np.empty(constellation.count) for key in keys}
    if bins is not None:
        starts = np.flatnonzero(np.diff(bins, prepend=bins[0] - 1))
        runs = np.diff(np.append(starts, len(bins)))
        out["sunlit_by_bin"] = np.empty((constellation.count, starts.size))
        out["power_by_bin_w"] = np.empty((constellation.count, starts.size))
    for start in range(0, constellation.count, chunk):
        part = constellation.subset(np.arange(start, min(start + chunk, constellation.count)))
        rows = slice(start, start + part.count)
        geometry = sunlight_geometry(part, t, array.pointing)
        lit = geometry["lit"]
        valid = np.isfinite(lit)
        samples = np.maximum(valid.sum(axis=1), 1)
        out["sunlit_fraction"][rows] = np.where(valid, lit > 0, False).sum(axis=1) / samples
        out["mean_illumination"][rows] = np.nansum(lit, axis=1) / samples
        out["eclipse_max_s"][rows] = geometry["eclipse_max_s"]
        power_w = power_from_sunlight_w(geometry["sunlight_factor"], geometry["altitude_km"], array)
        out["mean_power_w"][rows] = np.nansum(power_w, axis=1) / samples
        out["energy_wh"][rows] = energy_wh(power_w, seconds)
        if compute_cap_w is not None:
            compute_w = np.clip(np.nan_to_num(power_w) - bus_w[rows, None], 0.0, compute_cap_w[rows, None])
            out["mean_compute_w"][rows] = compute_w.sum(axis=1) / samples
            out["compute_energy_wh"][rows] = energy_wh(compute_w, seconds)
            aged_w = np.clip(aged_factor[rows, None] * np.nan_to_num(power_w) - bus_w[rows, None], 0.0, compute_cap_w[rows, None])
            out["mean_compute_aged_w"][rows] = aged_w.sum(axis=1) / samples
        if bins is not None:
            out["sunlit_by_bin"][rows] = np.add.reduceat(lit > 0, starts, axis=1) / runs
            out["power_by_bin_w"][rows] = np.add.reduceat(np.nan_to_num(power_w), starts, axis=1) / runs
    return out


def group_means(constellation, indices, values):
    """Mean of per-satellite `values` at `indices` within each group (groups,)."""
    group = constellation.group_index()[indices]
    sums = np.bincount(group, weights=values, minlength=len(constellation.groups))
    counts = np.bincount(group, minlength=len(constellation.groups))
    return sums / np.maximum(counts, 1)


def group_maxima(constellation, indices, values):
    """Maximum of per-satellite `values` at `indices` within each group (groups,)."""
    out = np.zeros(len(constellation.groups))
    np.maximum.at(out, constellation.group_index()[indices], values)
    return out
