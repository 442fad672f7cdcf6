"""One satellite as an engineer inspects it over a window: its osculating orbital elements, its
eclipses (entry, exit, duration), its array's and radiator's temperatures, and its series of sunlight,
power, compute and heat (satellite_facts; satellite_rows for a CSV)."""

import numpy as np

from .constants import MU_EARTH_KM3_S2
from .constellation import Shell
from .heat import earth_view_factor, radiator_temperature_c
from .power import array_rating_w, cell_temperature_c, mean_altitude_km, sunlight_factor
from .propagation import propagate
from .series import satellite_power
from .shadow import illumination
from .timeutil import seconds_between, timescale

# Half the span of the central difference that gives a velocity from positions, s (its error is
# ~ a ω³ h² / 6 ≈ 1e-9 km/s in LEO).
VELOCITY_HALF_STEP_S = 0.5


def orbital_elements(r_km, v_km_s, mu_km3_s2=MU_EARTH_KM3_S2):
    """Classical osculating elements of position `r_km` and velocity `v_km_s` (3,) in an inertial
    frame (Vallado, Fundamentals of Astrodynamics, Algorithm 9, RV2COE): semi_major_axis_km,
    eccentricity, inclination_deg, raan_deg, argument_of_perigee_deg, true_anomaly_deg,
    argument_of_latitude_deg (from the node, defined for circular orbits too), period_s."""
    r, v = np.asarray(r_km, dtype=float), np.asarray(v_km_s, dtype=float)
    h = np.cross(r, v)
    node = np.cross([0.0, 0.0, 1.0], h)
    e_vec = ((v @ v - mu_km3_s2 / np.linalg.norm(r)) * r - (r @ v) * v) / mu_km3_s2
    energy = (v @ v) / 2.0 - mu_km3_s2 / np.linalg.norm(r)
    a_km = -mu_km3_s2 / (2.0 * energy)

    def angle(x, y, flip):
        """Angle between x and y, deg, in 0–360 (360 − it when `flip`)."""
        cos = np.clip(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)), -1.0, 1.0)
        degrees = float(np.degrees(np.arccos(cos)))
        return 360.0 - degrees if flip else degrees

    return {"semi_major_axis_km": float(a_km), "eccentricity": float(np.linalg.norm(e_vec)),
            "inclination_deg": float(np.degrees(np.arccos(h[2] / np.linalg.norm(h)))),
            "raan_deg": angle(np.array([1.0, 0.0, 0.0]), node, node[1] < 0),
            "argument_of_perigee_deg": angle(node, e_vec, e_vec[2] < 0),
            "true_anomaly_deg": angle(e_vec, r, r @ v < 0),
            "argument_of_latitude_deg": angle(node, r, r[2] < 0),
            "period_s": float(2.0 * np.pi * np.sqrt(a_km ** 3 / mu_km3_s2)) if a_km > 0 else float("nan")}


def satellite_elements(constellation, index, t0):
    """Elements of satellite `index` at skyfield Time `t0`, in the TEME frame the engine propagates in
    (true equator, mean equinox of date), with `kind` saying which: a shell's satellite has the model's
    own mean elements (its circular orbit, node and argument of latitude drifting at J2's secular rates;
    eccentricity 0, no perigee, period the nodal one); a catalogue's, the osculating elements of SGP4's
    state (orbital_elements, velocity by central difference)."""
    group = int(constellation.group_index()[index])
    shell = constellation.groups[group]
    if isinstance(shell, Shell):
        local = index - int(constellation.offsets[group])
        node_rate, u_rate = shell.secular_rates_rad_s()
        dt_s = float(seconds_between(shell.epoch, t0))
        return {"kind": "mean", "semi_major_axis_km": shell.semi_major_axis_km, "eccentricity": 0.0,
                "inclination_deg": shell.inclination_deg,
                "raan_deg": float(np.degrees(shell.raan_rad[local] + node_rate * dt_s) % 360.0),
                "argument_of_perigee_deg": None, "true_anomaly_deg": None,
                "argument_of_latitude_deg": float(np.degrees(shell.arg_latitude_rad[local] + u_rate * dt_s) % 360.0),
                "period_s": float(2.0 * np.pi / u_rate)}
    dt_days = VELOCITY_HALF_STEP_S / 86400.0
    t = timescale().tt_jd(t0.whole, t0.tt_fraction + np.array([-dt_days, 0.0, dt_days]))
    r_km = propagate(constellation.subset([index]), t).r_teme_km[0]
    return {"kind": "osculating", **orbital_elements(r_km[1], (r_km[2] - r_km[0]) / (2.0 * VELOCITY_HALF_STEP_S))}


def satellite_facts(constellation, index, t, model, accelerators, radiator_m2):
    """Satellite `index` over Time array `t` as an engineer reads it, with `accelerators` on board
    and a radiator of `radiator_m2` (as its shell is sized): satellite_power's name, seconds, lit,
    power_w, beta_deg; `elements` at t[0] (satellite_elements); `eclipses`, a list of umbra passages
    {entry_s, exit_s, duration_s, complete} (complete False when the window cuts one); compute_pflops,
    heat_w (bus + compute drawn), array_temperature_c and radiator_temperature_c (times,): equilibrium
    temperatures (no thermal mass) of a sun-facing array and of the radiator shedding heat_w."""
    data = satellite_power(constellation, index, t, model.array)
    chip, seconds = model.processor(), data["seconds"]
    bus_w = model.satellite.bus_load_fraction * array_rating_w(model.array)
    if model.satellite.eclipse_mode == "battery":
        running = np.full(len(seconds), float(accelerators))
    else:
        running = np.minimum(np.maximum(np.nan_to_num(data["power_w"]) - bus_w, 0.0) / chip.system_power_w,
                             float(accelerators))
    state = propagate(constellation.subset([index]), t)
    sunlight = sunlight_factor(state, illumination(state), model.array.pointing)[0]
    altitude_km = float(mean_altitude_km(state)[0])
    heat_w = bus_w + running * chip.system_power_w
    data.update(
        elements=satellite_elements(constellation, index, t[0]),
        eclipses=[{"entry_s": entry, "exit_s": exit_, "duration_s": exit_ - entry,
                   "complete": bool(seconds[0] < entry and exit_ < seconds[-1])} for entry, exit_ in data["umbra_s"]],
        compute_pflops=running * chip.bf16_pflops, heat_w=heat_w,
        array_temperature_c=cell_temperature_c(model.array, altitude_km, sunlight),
        radiator_temperature_c=radiator_temperature_c(model.radiator, heat_w / radiator_m2,
                                                      earth_view_factor(altitude_km), sunlight))
    return data


# A satellite's series as CSV columns: (header with its unit, key of satellite_facts).
SERIES_COLUMNS = (("time_s", "seconds"), ("sunlit_fraction", "lit"), ("array_power_w", "power_w"),
                  ("compute_pflops", "compute_pflops"), ("heat_w", "heat_w"),
                  ("array_temperature_c", "array_temperature_c"), ("radiator_temperature_c", "radiator_temperature_c"))


def satellite_rows(facts):
    """(header, rows) of a satellite's series (satellite_facts) for a CSV: SERIES_COLUMNS, one row a time."""
    columns = [np.asarray(facts[key], dtype=float) for _, key in SERIES_COLUMNS]
    return [name for name, _ in SERIES_COLUMNS], np.column_stack(columns).tolist()
