"""The whole answer for one constellation: sunlight from the propagated orbits, power, compute,
heat, launch, and the same compute on the ground.

Large constellations are worked through on a strided sample of each shell (every plane is
represented); fleet figures weight each shell's sample means by the shell's count.
"""

import time

import numpy as np

from .compute import accelerators_per_satellite, battery_mass_kg, sustained_load_w, throughput_label
from .constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2, SOLAR_IRRADIANCE_1AU_W_M2
from .constellation import Shell
from .drag import disposal_delta_v_m_s, propellant_kg, shell_drag
from .heat import earth_view_factor, radiator_area_m2, radiator_flux_w_m2
from .launch import (break_even, cost_usd_per_kw_year, deployment, launches_by_shell, payload_kg, price_usd_per_kg,
                     replacement)
from .memo import orbit_key, remembered, times_key
from .parameters import Model
from .power import (array_loss_factor, array_rating_w, cell_temperature_c, mean_altitude_km,
                    sunlight_factor)
from .radiation import shell_radiation
from .propagation import propagate
from .shadow import beta_angle_deg, illumination, longest_eclipse_s
from .statistics import sample_indices, sunlight_statistics
from .traffic import design_rows
from .terrestrial import (HOURS_PER_YEAR, ground_data_center, panel_energy_kwh_per_m2_year,
                          panel_sunlight_kwh_per_m2_year)
from .timeutil import seconds_between, times, year_times
from .verdict import verdict

# Step of the day used to size batteries, s: resolves eclipse entry and exit to well under a minute.
WORST_DAY_STEP_S = 30.0


def worst_day(constellation, picks, t, array):
    """Per group: the day of span `t` when the group's sampled orbit planes come closest to the Sun
    (smallest |β|, so the longest eclipses), propagated at WORST_DAY_STEP_S.

    Returns dict of (groups,) arrays for the satellite with the longest umbra passage that day:
    eclipse_s, sunlit_fraction and mean_power_w over the day, and the day's start (days from t[0]).
    """
    geometry = worst_day_geometry(constellation, picks, t, array.pointing)
    out = {key: geometry[key] for key in ("eclipse_s", "sunlit_fraction", "day")}
    out["mean_power_w"] = (array_rating_w(array) * array_loss_factor(array, geometry["altitude_km"])
                           * geometry["mean_sunlight_factor"])
    return out


def worst_day_geometry(constellation, picks, t, pointing):
    """worst_day's figures of the orbits alone, per group of the satellites at `picks`: eclipse_s,
    sunlit_fraction, day, and the worst satellite's mean altitude (km) and mean power.sunlight_factor
    for `pointing` over its day. Kept for the same orbits, span and pointing (memo.remembered)."""
    group = constellation.group_index()[picks]
    groups = len(constellation.groups)

    def compute():
        span_days = float(seconds_between(t[0], t[-1])) / 86400.0
        daily = times(t[0], days=max(span_days - 1.0, 0.0), step_s=86400.0)
        out = {key: np.zeros(groups) for key in ("eclipse_s", "sunlit_fraction", "mean_sunlight_factor",
                                                 "altitude_km", "day")}
        for g in range(groups):
            members = constellation.subset(picks[group == g])
            day = int(np.argmin(np.abs(beta_angle_deg(members, daily)).min(axis=0)))
            t_day = times(daily[day], hours=24.0, step_s=WORST_DAY_STEP_S)
            state = propagate(members, t_day)
            lit = illumination(state)
            longest = longest_eclipse_s(state, lit, seconds_between(t_day[0], t_day))
            worst = int(np.argmax(longest))
            out["eclipse_s"][g] = longest[worst]
            out["sunlit_fraction"][g] = np.mean(lit[worst] > 0)
            out["mean_sunlight_factor"][g] = np.nanmean(sunlight_factor(state, lit, pointing)[worst])
            out["altitude_km"][g] = mean_altitude_km(state)[worst]
            out["day"][g] = day
        return out
    return remembered("worst-day", compute, orbit_key(constellation.subset(picks)), group, groups,
                      times_key(t[[0, -1]]), len(t), pointing)


def month_labels(t):
    """Integer label year × 12 + month − 1 of each time (times,)."""
    year, month = t.utc[0], t.utc[1]
    return (np.asarray(year) * 12 + np.asarray(month) - 1).astype(np.int64)


def group_altitude_km(group):
    """A group's altitude, km: a shell's own; a catalogue's median height from its mean motions."""
    if isinstance(group, Shell):
        return group.altitude_km
    n_rad_s = np.array([s.no_kozai for s in group.satrecs]) / 60.0
    return float(np.median((MU_EARTH_KM3_S2 / n_rad_s ** 2) ** (1.0 / 3.0)) - EARTH_RADIUS_KM)


def group_inclination_deg(group):
    """A group's inclination, deg: a shell's own; a catalogue's median."""
    if isinstance(group, Shell):
        return group.inclination_deg
    return float(np.degrees(np.median([s.inclo for s in group.satrecs])))


# A dead satellite that stays up longer than this stays "for centuries", years.
CENTURIES_YEARS = 100.0


def disposal(drag, satellites, rule_years):
    """Shares of the fleet whose dead satellites outlast the disposal rule (`rule_years`, FCC: 5), and
    stay for centuries, even at solar maximum (the fastest decay)."""
    def share(years):
        return sum(row["satellites"] for row in drag if row["solar_max"]["dead_satellite_years"] > years) / satellites
    return {"rule_years": rule_years, "share_beyond_rule": share(rule_years),
            "share_for_centuries": share(CENTURIES_YEARS)}


# Points of the learning curve drawn, log-spaced in cumulative mass.
CURVE_POINTS = 60


def learning_curve(launch, fleet_t, even):
    """The launch price along the learning curve from its start to past this fleet's mass and the
    break-even points (`even`, from break_even): cumulative_t and price_usd_per_kg (CURVE_POINTS,),
    where the fleet's deployment ends, and the curve's start."""
    finite = [row["cumulative_t"] for row in even.values() if np.isfinite(row["cumulative_t"])]
    end_t = 2.0 * max([launch.reference_cumulative_t + fleet_t, *finite])
    cumulative_t = np.geomspace(launch.reference_cumulative_t, end_t, CURVE_POINTS)
    return {"cumulative_t": cumulative_t.tolist(), "price_usd_per_kg": price_usd_per_kg(cumulative_t, launch).tolist(),
            "deployed_t": launch.reference_cumulative_t + fleet_t, "start_t": launch.reference_cumulative_t}


def dry_mass_kg(satellite, accelerators, radiator_m2, battery_kg):
    """A satellite's dry mass by part, kg (each shaped as the arrays given, per shell): the bus with its
    arrays, compute (accelerators with boards and power conversion), shielding, radiator, battery."""
    return {"bus_and_arrays": np.full(np.shape(accelerators), satellite.mass_kg),
            "compute": accelerators * satellite.compute_kg_per_accelerator,
            "shielding": accelerators * satellite.shielding_kg_per_accelerator,
            "radiator": radiator_m2 * satellite.radiator_kg_per_m2,
            "battery": np.asarray(battery_kg, dtype=float) + np.zeros(np.shape(accelerators))}


def mass_budget_kg(dry_parts, delta_v_m_s, isp_s):
    """The dry parts (dry_mass_kg) with the propellant for `delta_v_m_s` over the life (rocket equation at
    `isp_s`) and the total, kg, per shell."""
    dry = sum(dry_parts.values())
    parts = dict(dry_parts, propellant=propellant_kg(dry, delta_v_m_s, isp_s))
    parts["total"] = dry + parts["propellant"]
    return parts


def assess(constellation, t, model=Model(), per_shell=200):
    """Everything the product answers for `constellation` over Time array `t` (a year, for yearly figures).

    Returns a JSON-friendly dict: sunlight, power, compute, heat, launch, terrestrial, a row per
    shell, and monthly sunlit fractions per shell. Yearly energies are mean power × a Julian year.
    """
    chip = model.processor()
    picks = sample_indices(constellation, per_shell)
    sample = constellation.subset(picks)
    group = constellation.group_index()[picks]
    counts = np.diff(constellation.offsets).astype(float)
    satellites = constellation.count
    sampled = np.maximum(np.bincount(group, minlength=len(counts)), 1)

    def shell_mean(values):
        return np.bincount(group, weights=values, minlength=len(counts)) / sampled

    def fleet_mean(per_shell_values):
        return float(counts @ per_shell_values / satellites)

    altitude_km = np.array([group_altitude_km(g) for g in constellation.groups])
    inclination_deg = np.array([group_inclination_deg(g) for g in constellation.groups])
    lifetime = model.satellite.lifetime_years
    rated_w = array_rating_w(model.array)
    losses = array_loss_factor(model.array, altitude_km)
    output_w = rated_w * losses
    # The array's power at the end of the satellite's life, relative to the evaluation point.
    end_of_life = (1.0 - model.array.degradation_per_year) ** max(lifetime - model.array.age_years, 0.0)
    bus_w = model.satellite.bus_load_fraction * rated_w
    worst = worst_day(constellation, picks, t, model.array)
    battery = model.satellite.eclipse_mode == "battery"
    if battery:
        load_w = sustained_load_w(worst["mean_power_w"], worst["sunlit_fraction"], model.battery.round_trip_efficiency)
        count = accelerators_per_satellite(load_w - bus_w, chip)
        battery_kg = battery_mass_kg(bus_w + count * chip.system_power_w, worst["eclipse_s"], model.battery)
    else:
        count = accelerators_per_satellite(output_w - bus_w, chip)
        # Housekeeping (the bus) runs through the longest eclipse on a battery even when compute stops.
        battery_kg = battery_mass_kg(bus_w, worst["eclipse_s"], model.battery)
    compute_cap_w = count * chip.system_power_w
    months = month_labels(t)
    stats = sunlight_statistics(sample, t, model.array, bus_w=bus_w, compute_cap_w=compute_cap_w[group], bins=months,
                                aged_factor=end_of_life)

    sunlit = shell_mean(stats["sunlit_fraction"])
    array_w = shell_mean(stats["mean_power_w"])
    if battery:
        compute_w = compute_cap_w
        compute_eol_w = np.clip(load_w * end_of_life - bus_w, 0.0, compute_cap_w)
    else:
        compute_w = shell_mean(stats["mean_compute_w"])
        compute_eol_w = shell_mean(stats["mean_compute_aged_w"])
    installed_pflops = count * chip.bf16_pflops
    delivered = compute_w / chip.system_power_w * chip.bf16_pflops
    heat_w = compute_cap_w + bus_w
    view_factor = earth_view_factor(altitude_km)
    radiator_m2 = radiator_area_m2(heat_w, model.radiator, view_factor)
    dry_parts = dry_mass_kg(model.satellite, count, radiator_m2, battery_kg)
    dry_kg = sum(dry_parts.values())
    area_m2 = model.array.area_m2
    # Drag on the dry satellite: what a dead one weighs, and (conservatively) the station keeping.
    drag = [{"shell": g.name, "satellites": int(n),
             **shell_drag(h, area_m2 + float(r), float(m), model.drag)}
            for g, n, h, r, m in zip(constellation.groups, counts, altitude_km, radiator_m2, dry_kg)]
    keeping_m_s = np.array([(row["solar_min"]["delta_v_m_s_per_year"] + row["solar_max"]["delta_v_m_s_per_year"])
                            / 2.0 for row in drag]) * lifetime
    disposal_m_s = disposal_delta_v_m_s(altitude_km, model.drag.disposal_perigee_km)
    budget = mass_budget_kg(dry_parts, keeping_m_s + disposal_m_s, model.drag.isp_s)
    mass_kg = budget["total"]
    for row, keep, dispose, kg in zip(drag, keeping_m_s, disposal_m_s, budget["propellant"]):
        row.update({"station_keeping_delta_v_m_s": float(keep), "disposal_delta_v_m_s": float(dispose),
                    "propellant_kg": float(kg)})

    # Sunlight reaching the cells: the delivered electricity ÷ (efficiency × packing × degradation × losses).
    conversion = rated_w / (area_m2 * SOLAR_IRRADIANCE_1AU_W_M2)
    orbit_kwh_per_m2 = fleet_mean(array_w) / area_m2 * HOURS_PER_YEAR / 1000.0
    orbit_sunlight_kwh_per_m2 = fleet_mean(array_w / losses) / area_m2 * HOURS_PER_YEAR / 1000.0 / conversion
    compute_kwh_year = fleet_mean(compute_w) * satellites * HOURS_PER_YEAR / 1000.0
    fleet_delivered_pflops = fleet_mean(delivered) * satellites
    fleet_mass_kg = fleet_mean(mass_kg)
    payload = payload_kg(altitude_km, inclination_deg, model.launch)
    shell_launches, per_launch = launches_by_shell(counts, mass_kg, payload)
    deploy = deployment(satellites, fleet_mass_kg, model.launch, per_launch)
    steady = replacement(satellites, per_launch, lifetime, model.launch)
    ground = ground_data_center(compute_kwh_year, model.ground)
    compute_kw = fleet_mean(compute_w) / 1000.0
    # The learning curve advances by the mass each launch really carries to these orbits.
    carried = model.launch.with_(payload_kg=per_launch * fleet_mass_kg)
    even = {reference: break_even(ground[key], fleet_mass_kg, compute_kw, lifetime, carried)
            for reference, key in (("industry", "cost_usd_per_kw_year"),
                                   ("hyperscale", "hyperscale_cost_usd_per_kw_year"))}

    # Months the span covers for at least half as long as its typical month (drops a stray end sample).
    month_keys, month_samples = np.unique(months, return_counts=True)
    full = month_samples >= 0.5 * np.median(month_samples)
    monthly = np.stack([shell_mean(stats["sunlit_by_bin"][:, k]) for k in np.flatnonzero(full)], axis=1)
    month_keys = month_keys[full]
    shells = [{"name": g.name, "satellites": int(n), "satellites_sampled": int(k),
               "sunlit_fraction": float(f), "mean_array_power_w": float(p),
               "longest_eclipse_min": float(e / 60.0), "accelerators_per_satellite": int(a),
               "delivered_pflops_per_satellite": float(d), "battery_kg": float(b), "radiator_m2": float(r),
               "cell_temperature_c": float(c), "earth_view_factor": float(v), "mass_kg": float(m),
               "payload_kg": float(w), "launches": int(ln)}
              for g, n, k, f, p, e, a, d, b, r, c, v, m, w, ln in zip(
                  constellation.groups, counts, sampled, sunlit, array_w, worst["eclipse_s"], count, delivered,
                  battery_kg, radiator_m2, cell_temperature_c(model.array, altitude_km), view_factor, mass_kg,
                  payload, shell_launches)]
    start = t[0].utc_iso()
    radiation = [{"shell": g.name, "satellites": int(n),
                  **shell_radiation(constellation, k, start, model.radiation, lifetime)}
                 for k, (g, n) in enumerate(zip(constellation.groups, counts))]
    result = {
        "name": constellation.name,
        "satellites": satellites,
        "satellites_sampled": int(picks.size),
        "span_days": float(seconds_between(t[0], t[-1])) / 86400.0,
        "accelerator": chip.name,
        "throughput": throughput_label(model.chip.utilisation),
        "eclipse_mode": model.satellite.eclipse_mode,
        "sunlight": {
            "sunlit_fraction": fleet_mean(sunlit),
            "longest_eclipse_min": float(worst["eclipse_s"].max() / 60.0),
            "orbit_sunlight_kwh_per_m2_year": orbit_sunlight_kwh_per_m2,
            "ground_capacity_factor": model.ground.capacity_factor,
            "ground_sunlight_kwh_per_m2_year": panel_sunlight_kwh_per_m2_year(model.ground),
            "sunlight_ratio": orbit_sunlight_kwh_per_m2 / panel_sunlight_kwh_per_m2_year(model.ground),
            "orbit_electricity_kwh_per_m2_year": orbit_kwh_per_m2,
            "ground_electricity_kwh_per_m2_year": panel_energy_kwh_per_m2_year(model.ground),
            "electricity_ratio": orbit_kwh_per_m2 / panel_energy_kwh_per_m2_year(model.ground),
        },
        "power": {
            "rated_w_per_satellite": rated_w,
            "full_sun_w_per_satellite": fleet_mean(output_w),
            "cell_temperature_c": fleet_mean(cell_temperature_c(model.array, altitude_km)),
            "loss_factor": fleet_mean(losses),
            "conditioning_efficiency": model.array.conditioning_efficiency,
            "bus_w_per_satellite": bus_w,
            "mean_array_power_w_per_satellite": fleet_mean(array_w),
            "fleet_array_gw": fleet_mean(array_w) * satellites / 1e9,
            "array_twh_per_year": fleet_mean(array_w) * satellites * HOURS_PER_YEAR / 1e12,
            "array_km2": area_m2 * satellites / 1e6,
        },
        "compute": {
            "accelerators_per_satellite": fleet_mean(count),
            "installed_pflops_per_satellite": fleet_mean(installed_pflops),
            "delivered_pflops_per_satellite": fleet_mean(delivered),
            "utilisation": fleet_mean(delivered) / max(fleet_mean(installed_pflops), 1e-12),
            "fleet_installed_eflops": fleet_mean(installed_pflops) * satellites / 1000.0,
            "fleet_delivered_eflops": fleet_delivered_pflops / 1000.0,
            "compute_twh_per_year": compute_kwh_year / 1e9,
            "orbit_energy_kj_per_pflop": fleet_mean(array_w) * satellites / max(fleet_delivered_pflops, 1e-12) / 1000.0,
            "ground_energy_kj_per_pflop": chip.energy_j_per_pflop * model.ground.pue / 1000.0,
            "compute_kw_per_tonne": fleet_mean(compute_cap_w) / fleet_mass_kg,
            "battery_kg_per_satellite": fleet_mean(battery_kg),
        },
        "end_of_life": {
            "age_years": max(lifetime, model.array.age_years),
            "power_factor": end_of_life,
            "full_sun_w_per_satellite": fleet_mean(output_w) * end_of_life,
            "fleet_delivered_eflops": fleet_mean(compute_eol_w / chip.system_power_w * chip.bf16_pflops)
            * satellites / 1000.0,
            "compute_share_of_start": fleet_mean(compute_eol_w) / max(fleet_mean(compute_w), 1e-12),
        },
        "heat": {
            **{f"radiator_{k}_w_m2": fleet_mean(np.broadcast_to(v, counts.shape))
               for k, v in radiator_flux_w_m2(model.radiator, view_factor).items()},
            "earth_view_factor": fleet_mean(view_factor),
            "waste_heat_w_per_satellite": fleet_mean(heat_w),
            "radiator_m2_per_satellite": fleet_mean(radiator_m2),
            "radiator_to_array_area": fleet_mean(radiator_m2) / area_m2,
        },
        "mass": {f"{part}_kg": fleet_mean(kg) for part, kg in budget.items()},
        "launch": {
            "satellite_mass_kg": fleet_mass_kg,
            **{k: v for k, v in deploy.items() if not k.startswith("ramp_")},
            **steady,
            "lifetime_years": lifetime,
            "launches_per_year": model.launch.launches_per_year,
            "payload_kg_to_orbit": fleet_mean(payload),
            "cost_usd_per_kw_year_at_first_price": cost_usd_per_kw_year(
                fleet_mass_kg, deploy["first_price_usd_per_kg"], rated_w / 1000.0, lifetime),
            "cost_usd_per_kw_year": deploy["cost_usd"] / (rated_w / 1000.0 * satellites * lifetime),
            "cost_usd_per_compute_kw_year": deploy["cost_usd"] / max(fleet_mean(compute_w) / 1000.0 * satellites
                                                                     * lifetime, 1e-12),
        },
        "terrestrial": {"pue": model.ground.pue, "hyperscale_pue": model.ground.hyperscale_pue, **ground},
        "break_even": even,
        "learning_curve": learning_curve(model.launch, deploy["mass_t"], even),
        "drag": drag,
        "radiation": radiation,
        "tested_krad": model.radiation.tested_krad,
        "disposal": disposal(drag, satellites, model.drag.disposal_years),
        "design": design_rows(constellation),
        "warnings": [] if steady["sustainable"] else [
            f"{satellites:,} satellites are more than the {steady['sustainable_satellites']:,.0f} that "
            f"{model.launch.launches_per_year:g} launches a year of {deploy['satellites_per_launch']:.0f} satellites can hold "
            f"at a {lifetime:g}-year life: deploying takes {deploy['years']:.1f} years, and holding the fleet "
            f"needs {steady['replacement_launches_per_year']:,.0f} replacement launches a year"],
        "shells": shells,
        "months": [f"{k // 12}-{k % 12 + 1:02d}" for k in month_keys],
        "monthly_sunlit_fraction": monthly.tolist(),
    }
    result["verdict"] = verdict(result, model)
    return result


# Satellites per shell, and the step (s), of the yearly assessment: the step is incommensurate with
# orbital periods, so a year samples every phase.
YEAR_PER_SHELL = 24
YEAR_STEP_S = 1800.0


def assess_year(constellation, year, model=Model(), per_shell=YEAR_PER_SHELL, step_s=YEAR_STEP_S):
    """assess() over calendar `year`, every `step_s` seconds."""
    return assess(constellation, year_times(year, step_s), model, per_shell)


def remember_orbits(constellation, year, model=Model()):
    """Fill this process's memo (orbital.memo) with what assess_year of `constellation` over `year`
    computes from the orbits alone (sunlight geometry of its sample, the worst days, trapped-radiation
    fluxes, NRLMSIS densities), so that a view changing only the model finds them computed. Returns
    the seconds it took."""
    started = time.perf_counter()
    assess_year(constellation, year, model)
    return time.perf_counter() - started


# The seed's claim: sunlight "more than 99% of the time" (SpaceX filing narrative, secondary).
ALWAYS_SUNNY_FRACTION = 0.99


def format_value(value):
    """A figure as the comparison table shows it: '—' for none, 4 significant digits, whole numbers from 10⁴."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return str(value)


def comparison(result):
    """The orbital-versus-terrestrial table of an `assess` result: dict with rows of quantity, unit,
    orbit, ground (None where a side has no such figure), and the seed's sunlight claim per shell."""
    sun, power, compute, heat, launch, ground = (result[k] for k in
                                                 ("sunlight", "power", "compute", "heat", "launch", "terrestrial"))
    rows = [
        ("sunlit fraction (orbit) / solar capacity factor (ground)", "", sun["sunlit_fraction"],
         sun["ground_capacity_factor"]),
        ("sunlight per m² of panel", "kWh/m²/yr", sun["orbit_sunlight_kwh_per_m2_year"],
         sun["ground_sunlight_kwh_per_m2_year"]),
        ("electricity per m² of panel (orbit: after cell heat and conditioning)", "kWh/m²/yr",
         sun["orbit_electricity_kwh_per_m2_year"],
         sun["ground_electricity_kwh_per_m2_year"]),
        (f"compute delivered, fleet ({result['throughput']})", "EFLOP/s", compute["fleet_delivered_eflops"],
         compute["fleet_delivered_eflops"]),
        (f"compute delivered, fleet, at the end of life ({result['throughput']})", "EFLOP/s",
         result["end_of_life"]["fleet_delivered_eflops"], None),
        (f"compute delivered per satellite ({result['throughput']})", "PFLOP/s",
         compute["delivered_pflops_per_satellite"], None),
        ("accelerators per satellite", "", compute["accelerators_per_satellite"], None),
        ("energy drawn per year (orbit: arrays; ground: grid)", "TWh/yr", power["array_twh_per_year"],
         ground["grid_twh"]),
        ("energy drawn per year, hyperscale PUE", "TWh/yr", None, ground["hyperscale_grid_twh"]),
        ("energy per PFLOP", "kJ", compute["orbit_energy_kj_per_pflop"], compute["ground_energy_kj_per_pflop"]),
        ("collecting area (orbit: arrays; ground: solar farm)", "km²", power["array_km2"], ground["solar_farm_km2"]),
        ("CO₂ a year (orbit: replacement launches; ground: grid)", "Mt/yr", launch["replacement_co2_mt_per_year"],
         ground["co2_mt"]),
        ("CO₂ a year, hyperscale PUE", "Mt/yr", None, ground["hyperscale_co2_mt"]),
        ("CO₂ to deploy (launches)", "Mt", launch["deployment_co2_mt"], None),
        ("water on site (per kWh of IT energy)", "GL/yr", 0.0, ground["water_onsite_gl"]),
        ("water in generation (per kWh of grid energy)", "GL/yr", 0.0, ground["water_generation_gl"]),
        ("water, hyperscale PUE (on site + generation)", "GL/yr", None, ground["hyperscale_water_gl"]),
        ("cost per kW-year (orbit: launch over life; ground: grid energy)", "$/kW-yr",
         launch["cost_usd_per_compute_kw_year"], ground["cost_usd_per_kw_year"]),
        ("cost per kW-year, hyperscale PUE", "$/kW-yr", None, ground["hyperscale_cost_usd_per_kw_year"]),
        ("battery per satellite", "kg", compute["battery_kg_per_satellite"], None),
        ("radiator per satellite", "m²", heat["radiator_m2_per_satellite"], None),
        ("launches to deploy", "", float(launch["launches"]), None),
        ("years to deploy", "years", launch["years"], None),
        ("replacement launches a year, at steady state", "/yr", launch["replacement_launches_per_year"], None),
        ("probability orbit is cheaper per kW-year, over the sources' ranges (industry PUE)", "",
         result["verdict"]["p_orbit_cheaper_per_kw_year"]["industry"], None),
        ("probability orbit is cheaper per kW-year, over the sources' ranges (hyperscale PUE)", "",
         result["verdict"]["p_orbit_cheaper_per_kw_year"]["hyperscale"], None),
        ("launch price at which orbit costs what the ground does (industry PUE)", "$/kg",
         result["break_even"]["industry"]["usd_per_kg"], None),
        ("… and years of full launches at the cadence to get there on the learning curve", "years",
         result["break_even"]["industry"]["years"], None),
        ("launch price at which orbit costs what the ground does (hyperscale PUE)", "$/kg",
         result["break_even"]["hyperscale"]["usd_per_kg"], None),
        ("… and years of full launches at the cadence to get there on the learning curve", "years",
         result["break_even"]["hyperscale"]["years"], None),
        ("largest fleet the launch cadence sustains", "satellites", launch["sustainable_satellites"], None),
    ]
    return {
        "name": result["name"], "satellites": result["satellites"], "accelerator": result["accelerator"],
        "eclipse_mode": result["eclipse_mode"], "pue": ground["pue"], "hyperscale_pue": ground["hyperscale_pue"],
        "warnings": result["warnings"],
        **{key: result[key] for key in ("mass", "break_even", "verdict", "drag", "disposal", "radiation", "end_of_life",
                                        "learning_curve")},
        "sunlight_ratio": sun["sunlight_ratio"],
        "rows": [{"quantity": q, "unit": u, "orbit": o, "ground": g} for q, u, o, g in rows],
        "always_sunny": [{"shell": s["name"], "sunlit_fraction": s["sunlit_fraction"],
                          "longest_eclipse_min": s["longest_eclipse_min"],
                          "above_99_percent": s["sunlit_fraction"] > ALWAYS_SUNNY_FRACTION}
                         for s in result["shells"]],
    }
