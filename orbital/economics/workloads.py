"""The bill per workload: each workload's network factor (orbital.network.workloads) closes the orbit's
delivered-compute waterfall, so its share of the installed compute and its cost per delivered PFLOP-day
against the ground's (whose fibre carries any workload: network factor 1)."""

import numpy as np

from ..network.workloads import network_factor, verdict
from ..parameters import WORKLOADS
from ..record import Record, record


@record
class WorkloadCost(Record):
    """One workload in orbit: its network factor, what binds it, the share of installed peak it delivers
    (the waterfall with that factor), $ per delivered PFLOP-day, that ÷ the hyperscale ground's, and a
    verdict (fits, partly, does not fit) on the network factor."""

    workload: str
    network_factor: float
    binding: str
    delivered_fraction: float
    usd_per_pflop_day: float
    ratio_hyperscale: float
    verdict: str


def shell_compute_flop_s(fleet, waterfall):
    """Compute before the network per shell, FLOP/s: each shell's installed peak × the waterfall's product."""
    peak = np.asarray(fleet.shell_satellites * fleet.peak_pflops, dtype=float)
    return peak * waterfall.delivered_fraction * 1e15


def workload_costs(fleet, waterfall, orbit_usd_per_pflop_day, ground_usd_per_pflop_day, network):
    """WorkloadCost of every parameters.WORKLOADS entry: `waterfall` is the orbit's before the network
    (factor 1), the $/PFLOP-day both sides' at network 1, `network` a network.budget.NetworkCapacity."""
    compute = shell_compute_flop_s(fleet, waterfall)
    rows = []
    for name, job in WORKLOADS.items():
        factor, binding = network_factor(job, compute, network.shell_bisection_bps, network.shell_rtt_floor_s,
                                         network.downlink_weather_bps, network.availability)
        usd = orbit_usd_per_pflop_day / factor if factor > 0 else float("inf")
        rows.append(WorkloadCost(name, factor, binding, waterfall.delivered_fraction * factor, usd,
                                 usd / ground_usd_per_pflop_day, verdict(factor)))
    return tuple(rows)
