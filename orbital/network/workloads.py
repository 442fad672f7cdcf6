"""Workloads by what they move (parameters.WORKLOADS, sources in WORKLOAD_SOURCES) and the network factor of
the delivered-compute waterfall: the share of the compute before the network that a workload can use,
given the round trip to users, the bisection of the cluster it trains on and the fleet's downlink."""

import numpy as np

from ..errors import OrbitalError
from ..parameters import WORKLOADS

# A term this close to 1 binds nothing (a fleet always in view of some clear station is ~1 − 1e-12).
BINDING_TOLERANCE = 1e-6


def workload(name):
    """The parameters.Workload called `name` (a key of parameters.WORKLOADS)."""
    try:
        return WORKLOADS[name]
    except KeyError:
        raise OrbitalError(f"workload: {name!r} is unknown; choose one of {', '.join(WORKLOADS)}",
                           parameter="workload") from None


def downlink_factor(job, compute_flop_s, weather_bps, availability):
    """min(1, weather-mean downlink ÷ what `job` sends down) for work that waits for a clear station;
    min(availability, that) for interactive work, idle whenever no clear station is in contact
    (spacedc-mdao's min(1, rate ÷ need) × availability when one station is always in view)."""
    need_bps = compute_flop_s * job.downlink_bits_per_flop
    ceiling = 1.0 if job.waits == "yes" else availability
    return float(ceiling if need_bps <= 0 else min(ceiling, weather_bps / need_bps))


def interchip_factor(job, shell_compute_flop_s, shell_bisection_bps):
    """Each shell trains as one cluster: min(1, bisection ÷ half its all-reduce traffic), weighted by
    compute over the shells ((shells,) arrays, FLOP/s and bit/s one way)."""
    compute = np.asarray(shell_compute_flop_s, dtype=float)
    need_bps = compute * job.interchip_bits_per_flop / 2.0
    if job.interchip_bits_per_flop <= 0 or compute.sum() <= 0:
        return 1.0
    per_shell = np.minimum(1.0, np.asarray(shell_bisection_bps, dtype=float) / np.where(need_bps > 0, need_bps, 1.0))
    return float(np.sum(compute * per_shell) / compute.sum())


def network_factor(job, shell_compute_flop_s, shell_bisection_bps, shell_rtt_floor_s, downlink_weather_bps,
                   availability):
    """(factor 0..1, what binds) of `job` (Workload or name) on shells with compute before the network
    (FLOP/s), bisection (bit/s) and bent-pipe round trip (s), (shells,) each, sharing the fleet's
    weather-mean downlink (bit/s) and `availability` (share of time a clear station is in contact).
    Shells whose round trip exceeds the job's limit give it nothing; what binds is the least term
    ("latency", "links", "downlink", "weather"; "none" when all are 1)."""
    job = workload(job) if isinstance(job, str) else job
    compute = np.asarray(shell_compute_flop_s, dtype=float)
    near = np.asarray(shell_rtt_floor_s, dtype=float) <= job.rtt_max_s
    total = float(compute.sum())
    latency = float(compute[near].sum() / total) if total > 0 else 0.0
    links = interchip_factor(job, compute[near], np.asarray(shell_bisection_bps, dtype=float)[near])
    down = downlink_factor(job, float(compute[near].sum()) * links, downlink_weather_bps, availability)
    down_name = "weather" if job.waits == "no" and down == availability else "downlink"
    terms = {"latency": latency, "links": links, down_name: down}
    least = min(terms, key=terms.get)
    return latency * links * down, (least if terms[least] < 1.0 - BINDING_TOLERANCE else "none")


def verdict(factor):
    """A word for a network factor: fits (≥ 0.5), partly (≥ 0.05) or does not fit."""
    return "fits" if factor >= 0.5 else "partly" if factor >= 0.05 else "does not fit"
