"""The operation stage: each shell's year as the sample propagates it, with the accelerators that
sizing installed: sunlight, array power and the compute it runs, month by month too."""

import numpy as np

from ..statistics import sunlight_statistics
from ..record import FloatArray, Record, record


@record
class Operation(Record):
    """Per shell ((shells,) arrays, W and PFLOP/s per satellite) over the span; months as 'YYYY-MM' and
    the sunlit fraction of each shell in each (shells, months)."""

    sunlit_fraction: FloatArray
    array_w: FloatArray
    compute_w: FloatArray
    compute_end_of_life_w: FloatArray
    installed_pflops: FloatArray
    delivered_pflops: FloatArray
    months: tuple[str, ...]
    monthly_sunlit_fraction: FloatArray


def month_labels(t):
    """Integer label year × 12 + month − 1 of each time (times,)."""
    year, month = t.utc[0], t.utc[1]
    return (np.asarray(year) * 12 + np.asarray(month) - 1).astype(np.int64)


def full_months(fleet, months, sunlit_by_bin):
    """(labels 'YYYY-MM', (shells, months) sunlit fractions) of the months the span covers for at least
    half as long as its typical month (drops a stray end sample)."""
    keys, samples = np.unique(months, return_counts=True)
    full = samples >= 0.5 * np.median(samples)
    monthly = np.stack([fleet.shell_mean(sunlit_by_bin[:, k]) for k in np.flatnonzero(full)], axis=1)
    return tuple(f"{k // 12}-{k % 12 + 1:02d}" for k in keys[full]), monthly


def operation(scenario, fleet, sizing) -> Operation:
    """The operation stage: in battery mode the accelerators run at their cap (at the end of life, on
    what the aged array sustains); else on what the array gives above the bus, sample by sample."""
    model, chip = scenario.model, scenario.model.processor()
    months = month_labels(scenario.t)
    stats = sunlight_statistics(scenario.constellation.subset(fleet.sample_index), scenario.t, model.array,
                                bus_w=sizing.bus_w, compute_cap_w=sizing.compute_cap_w[fleet.sample_shell],
                                bins=months, aged_factor=sizing.end_of_life_power_factor[fleet.sample_shell])
    if sizing.eclipse_mode == "battery":
        compute_w = sizing.compute_cap_w
        compute_eol_w = np.clip(sizing.sustained_load_w * sizing.end_of_life_power_factor - sizing.bus_w, 0.0,
                                sizing.compute_cap_w)
    else:
        compute_w = fleet.shell_mean(stats["mean_compute_w"])
        compute_eol_w = fleet.shell_mean(stats["mean_compute_aged_w"])
    labels, monthly = full_months(fleet, months, stats["sunlit_by_bin"])
    return Operation(sunlit_fraction=fleet.shell_mean(stats["sunlit_fraction"]),
                     array_w=fleet.shell_mean(stats["mean_power_w"]), compute_w=compute_w,
                     compute_end_of_life_w=compute_eol_w,
                     installed_pflops=sizing.accelerators_per_satellite * chip.bf16_pflops,
                     delivered_pflops=compute_w / chip.system_power_w * chip.bf16_pflops,
                     months=labels, monthly_sunlit_fraction=monthly)
