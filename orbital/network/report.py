"""The network front door: links, bisection, downlink and latency of a constellation over a window (an
analysis of its own, not a stage: seconds to minutes at a million satellites). The verdict per workload
is the costs stage's (network.budget's closed form; the command line adds it)."""

import numpy as np

from ..constants import SOLAR_IRRADIANCE_1AU_W_M2
from ..parameters import Model, OpticalLink
from ..propagation import propagate
from ..timeutil import times
from .graph import bisection_bps, link_graph
from .ground import contacts, downlink, read_table
from .latency import ground_ecef_km, ground_teme_km, path_lengths_km, rtt_s

# Training pods to compare a cluster's bisection with (bit/s).
PODS_BPS = {"TPU v6e pod (256 chips)": 25.6e12,  # Google Cloud TPU v6e docs (secondary, issue 25)
            "GB200 NVL72 (72 GPUs)": 130e12 * 8 / 2}  # NVIDIA datasheet: 130 TB/s all-to-all; half crosses a bisection
# Above this many satellites a group's bisection is taken at the first time step only.
BISECTION_EVERY_STEP_MAX = 20_000
# Most satellite × time samples held at once for the day of station contacts (~24 bytes each).
CONTACT_SAMPLES_MAX = 20_000_000


def installed_flop_s(count, model=Model()):
    """Installed peak compute (FLOP/s) of `count` satellites: array rating less the bus load, divided among
    accelerators at their power × system overhead (the engine's sizing, simplified)."""
    array_w = (model.array.area_m2 * SOLAR_IRRADIANCE_1AU_W_M2 * model.array.cell_efficiency
               * model.array.packing_factor)
    chips = array_w * (1.0 - model.satellite.bus_load_fraction) / (model.chip.power_w * model.chip.system_overhead)
    return count * chips * model.chip.bf16_tflops * 1e12


def largest_group_bisection(constellation, r_km, edges, rate):
    """Least bisection (bit/s) over time of the constellation's largest group (its cluster or shell)."""
    g = int(np.argmax(np.diff(constellation.offsets)))
    lo, hi = constellation.offsets[g], constellation.offsets[g + 1]
    mine = ((edges >= lo) & (edges < hi)).all(axis=1)
    steps = range(r_km.shape[1]) if hi - lo <= BISECTION_EVERY_STEP_MAX else range(1)
    return min(bisection_bps(r_km[lo:hi, k], edges[mine] - lo, rate[mine, k]) for k in steps)


def day_contacts(constellation, stations, start, elevation_mask_deg):
    """Station contacts (stations, steps) over a day from `start`, in blocks of at most
    CONTACT_SAMPLES_MAX satellite samples (the step widens for large fleets: 5 min up to 1 h)."""
    step_s = float(np.clip(constellation.count * 86400.0 / CONTACT_SAMPLES_MAX, 300.0, 3600.0))
    t = times(start, hours=24.0, step_s=step_s)
    block = max(1, CONTACT_SAMPLES_MAX // max(constellation.count, 1) // 4)
    return np.concatenate([contacts(stations, propagate(constellation, t[k:k + block]).r_teme_km, t[k:k + block],
                                    elevation_mask_deg) for k in range(0, len(t), block)], axis=1)


def city_latency(r_km, edges, t, elevation_mask_deg, rate=None):
    """Round-trip times (s) between every pair of cities at each step over the links that carry something
    at that step (rate (E, T) > 0; all when None), and the pair weights (population products), flattened
    over pairs and steps; inf where unreachable."""
    cities = read_table("cities.csv")
    ground = ground_teme_km(ground_ecef_km(cities["lat_deg"], cities["lon_deg"]), t)
    upper = np.triu_indices(len(cities["name"]), 1)
    weight = (cities["population_thousands"][:, None] * cities["population_thousands"][None, :])[upper]
    up = np.ones((len(edges), len(t)), dtype=bool) if rate is None else rate > 0
    rtts = [rtt_s(path_lengths_km(r_km[:, k], edges[up[:, k]], ground[:, k],
                                  elevation_mask_deg=elevation_mask_deg))[upper] for k in range(len(t))]
    return np.concatenate(rtts), np.tile(weight, len(t))


def weighted_percentiles(values, weights, quantiles):
    """Weighted percentiles of the finite values (s); NaN when none is finite."""
    ok = np.isfinite(values)
    if not ok.any():
        return [float("nan")] * len(quantiles)
    order = np.argsort(values[ok])
    cumulative = np.cumsum(weights[ok][order]) / weights[ok].sum()
    return [float(values[ok][order][np.searchsorted(cumulative, q)]) for q in quantiles]


def components(count, edges, carrying):
    """Connected components of the link graph (`count` satellites, the `edges` (E, 2) where `carrying`)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    e = edges[carrying]
    graph = csr_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(count, count))
    return int(connected_components(graph, directed=False)[0])


def network(constellation, start="2026-01-01T00:00:00Z", hours=1.5, step_s=900.0, elevation_mask_deg=25.0,
            link=OpticalLink(), model=Model(), between_shells=True):
    """Links, bisection, downlink and city latency of `constellation` (with links between adjacent shells
    unless `between_shells` is False)."""
    t = times(start, hours=hours, step_s=step_s)
    r_km = propagate(constellation, t).r_teme_km
    edges, distance_km, rate = link_graph(constellation, r_km, link, between_shells)
    bisection = largest_group_bisection(constellation, r_km, edges, rate)
    stations = read_table("ground_stations.csv")
    down = downlink(stations, day_contacts(constellation, stations, start, elevation_mask_deg))
    rtts, weights = city_latency(r_km, edges, t, elevation_mask_deg, rate)
    p50, p90, p99 = weighted_percentiles(rtts, weights, (0.5, 0.9, 0.99))
    compute = installed_flop_s(constellation.count, model)
    between = np.searchsorted(constellation.offsets, edges[:, 0], side="right") != np.searchsorted(
        constellation.offsets, edges[:, 1], side="right")
    return {"constellation": constellation.name, "satellites": constellation.count, "links": int(len(edges)),
            "links_between_shells": int(between.sum()),
            "components_first_step": components(constellation.count, edges, rate[:, 0] > 0),
            "link_distance_km": [float(distance_km.min()), float(np.median(distance_km)), float(distance_km.max())],
            "link_rate_bps": [float(rate.min()), float(np.median(rate)), float(rate.max())],
            "bisection_bps": bisection, "pods_bps": PODS_BPS, "downlink": down,
            "rtt_s": {"p50": p50, "p90": p90, "p99": p99,
                      "unreachable_share": float(np.average(~np.isfinite(rtts), weights=weights))},
            "installed_flop_s": compute}
