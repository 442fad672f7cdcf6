"""What a viewer inspects over a time window: one satellite's array power, the fleet's compute, a
sample of satellites by beta angle, and every satellite's mean elements for a browser to move.

Large constellations are worked through on a strided sample of each shell (every plane is
represented); fleet figures scale the sample's per-satellite means by each shell's count.
"""

import numpy as np

from .compute import delivered_pflops, throughput_label
from .constants import AU_KM, EARTH_MEAN_RADIUS_KM, EARTH_RADIUS_KM, SUN_RADIUS_KM
from .constellation import Shell
from .errors import OrbitalError
from .frames import as_time_array, earth_rotation_angle_rad
from .power import array_power_w, array_rating_w
from .propagation import propagate
from .refit import circular_fit
from .shadow import EDGE_MARGIN_KM, PENUMBRA_SLOPE, beta_angle_deg, eclipse_events, illumination
from .statistics import sample_indices
from .sun import sun_teme_km
from .timeutil import seconds_between

# Satellites per shell sampled for the fleet's compute over a window.
STATISTICS_PER_SHELL = 120
# Satellites sampled (over all shells) for the beta-angle scatter.
SCATTER_SATELLITES_MAX = 400
# Sun directions sent for a window (linear in between: the Sun moves ~0.04°/h).
SUN_SAMPLES = 48
# SGP4's Earth rotation rate (WGS-72, Vallado et al. 2006), rad/s: GMST advances this fast, so a
# browser extrapolates the angle linearly from the window's start.
EARTH_ROTATION_RATE_RAD_S = 7.292115146706979e-5


def satellite_power(constellation, index, t, array):
    """Satellite `index` over Time array `t`: seconds (times,), power_w (times,), visible fraction
    `lit` (times,), umbra intervals [(entry s, exit s)], beta angle (deg) at the start, and its name."""
    if not 0 <= index < constellation.count:
        raise OrbitalError(f"satellite: {index!r} is outside the allowed range 0 to {constellation.count - 1}",
                           parameter="satellite")
    one = constellation.subset([index])
    state = propagate(one, t)
    lit = illumination(state)
    seconds = seconds_between(t[0], t)
    _, entry_s, exit_s, _ = eclipse_events(state, lit, seconds)
    return {"name": constellation.names([index])[0], "seconds": seconds,
            "power_w": array_power_w(state, lit, array)[0], "lit": lit[0],
            "umbra_s": list(zip(entry_s.tolist(), exit_s.tolist())),
            "beta_deg": float(beta_angle_deg(one, t[0])[0, 0])}


def fleet_weights(constellation, picks):
    """Weight of each sampled satellite (picks,) so that a weighted sum stands for the whole fleet."""
    group = constellation.group_index()[picks]
    sampled = np.bincount(group, minlength=len(constellation.groups))
    return (np.diff(constellation.offsets) / np.maximum(sampled, 1))[group]


def fleet_compute(constellation, t, model, accelerators_by_shell, per_shell=STATISTICS_PER_SHELL):
    """Fleet compute over Time array `t`: seconds, delivered and installed peak dense BF16 PFLOP/s
    (times,), given the accelerators per satellite of each shell (a sequence, one per group)."""
    picks = sample_indices(constellation, per_shell)
    sample = constellation.subset(picks)
    chip = model.processor()
    count_by_shell = np.asarray(accelerators_by_shell)
    count = count_by_shell[constellation.group_index()[picks]]
    if model.satellite.eclipse_mode == "battery":
        pflops = np.repeat((count * chip.bf16_pflops)[:, None], len(t), axis=1)
    else:
        state = propagate(sample, t)
        power_w = array_power_w(state, illumination(state), model.array)
        bus_w = model.satellite.bus_load_fraction * array_rating_w(model.array)
        pflops = delivered_pflops(power_w, bus_w, count, chip)
    weights = fleet_weights(constellation, picks)
    installed = float(weights @ count) * chip.bf16_pflops
    return {"seconds": seconds_between(t[0], t), "delivered_pflops": weights @ pflops,
            "installed_pflops": np.full(len(t), installed), "accelerators_per_satellite": count_by_shell,
            "satellites": constellation.count, "eclipse_mode": model.satellite.eclipse_mode,
            "throughput": throughput_label(model.chip.utilisation)}


def satellite_scatter(constellation, t, satellites_max=SCATTER_SATELLITES_MAX):
    """A sample of each shell: index, name, beta angle (deg) at the start, sunlit fraction over `t`."""
    picks = sample_indices(constellation, max(1, satellites_max // len(constellation.groups)))
    sample = constellation.subset(picks)
    lit = illumination(propagate(sample, t))
    return {"index": picks, "names": constellation.names(picks), "beta_deg": beta_angle_deg(sample, t[0])[:, 0],
            "sunlit_fraction": (lit > 0).mean(axis=1), "shell": constellation.group_index()[picks]}


# Satellites a snapshot of the whole constellation shows at most (evenly spread over the numbering).
SNAPSHOT_SATELLITES_MAX = 20_000


def snapshot(constellation, t, selected=0, satellites_max=SNAPSHOT_SATELLITES_MAX):
    """The constellation at one instant (skyfield Time `t`): positions r_teme_km (n, 3) and visible
    fraction of the Sun's disc lit (n,) of at most `satellites_max` satellites (every satellite when
    fewer; else a seeded random sample, so every shell shows in proportion), the selected one among them; the
    Sun's TEME unit vector (3,); `index` (n,), `drawn` and `count`; the selected satellite's name."""
    if not 0 <= selected < constellation.count:
        raise OrbitalError(f"satellite: {selected!r} is outside the allowed range 0 to {constellation.count - 1}",
                           parameter="satellite")
    t = as_time_array(t)[:1]
    count = constellation.count
    picks = np.arange(count) if count <= satellites_max else np.random.default_rng(0).choice(
        count, satellites_max, replace=False)
    index = np.unique(np.r_[picks, selected])
    state = propagate(constellation.subset(index), t)
    sun = sun_teme_km(t)[0]
    return {"index": index, "r_teme_km": state.r_teme_km[:, 0], "lit": illumination(state)[:, 0],
            "sun_unit": sun / np.linalg.norm(sun), "selected": int(selected),
            "selected_name": constellation.names([selected])[0], "drawn": int(index.size), "count": count,
            "earth_radius_km": EARTH_RADIUS_KM}


def mean_elements(constellation, t):
    """Every satellite's circular orbit with secular drift, re-based in float64 to the start of Time
    array `t`, so that a browser adds only rate × time; the GMST angle at the start; the Sun's TEME
    unit vector sampled over `t`; and the shadow model's constants.

    groups: per group name, offset, count, planes, semi_major_axis_km, inclination_rad, node and
    argument-of-latitude rates (rad/s), and raan_rad, arg_latitude_rad (count,) float64; a catalogue's
    group carries instead `per_satellite` circular orbits refitted to SGP4 over `t` (refit.circular_fit).
    """
    t0 = t[0]
    span_s = float(seconds_between(t0, t[-1:])[0])
    groups = []
    for g, group in enumerate(constellation.groups):
        offset = int(constellation.offsets[g])
        if not isinstance(group, Shell):
            fit = circular_fit(group, t0, span_s)
            groups.append({"name": group.name, "offset": offset, "count": group.count, "planes": None,
                           "semi_major_axis_km": float(np.nanmax(fit["semi_major_axis_km"])),
                           "inclination_rad": 0.0, "node_rate_rad_s": 0.0, "u_rate_rad_s": 0.0,
                           "per_satellite": fit})
            continue
        node_rate, u_rate = group.secular_rates_rad_s()
        dt_s = float(seconds_between(group.epoch, t0))
        groups.append({"name": group.name, "offset": offset, "count": group.count, "planes": group.planes,
                       "semi_major_axis_km": group.semi_major_axis_km,
                       "inclination_rad": float(np.radians(group.inclination_deg)),
                       "node_rate_rad_s": float(node_rate), "u_rate_rad_s": float(u_rate),
                       "raan_rad": np.mod(group.raan_rad + node_rate * dt_s, 2 * np.pi),
                       "arg_latitude_rad": np.mod(group.arg_latitude_rad + u_rate * dt_s, 2 * np.pi)})
    every = max(1, len(t) // SUN_SAMPLES)
    sun = sun_teme_km(t[::every])
    return {
        "groups": groups, "count": constellation.count,
        "gmst_rad": float(earth_rotation_angle_rad(as_time_array(t0))[0]),
        "sun_seconds": seconds_between(t0, t[::every]),
        "sun_teme_unit": sun / np.linalg.norm(sun, axis=1, keepdims=True),
        "window_s": span_s,
        "constants": {"earth_radius_km": EARTH_RADIUS_KM, "occluding_radius_km": EARTH_MEAN_RADIUS_KM,
                      "sun_radius_km": SUN_RADIUS_KM, "au_km": AU_KM,
                      "earth_rotation_rate_rad_s": EARTH_ROTATION_RATE_RAD_S,
                      "penumbra_slope": PENUMBRA_SLOPE, "edge_margin_km": EDGE_MARGIN_KM},
    }
