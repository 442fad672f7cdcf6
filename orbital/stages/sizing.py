"""The sizing stage: each shell's satellite as built. Its array's power, the worst day of the span
(the longest eclipses), the accelerators the power feeds, the battery that carries the longest
eclipse, and the radiator that sheds the heat."""

import numpy as np

from ..cells import end_of_life_factor
from ..compute import accelerators_per_satellite, battery_mass_kg, sustained_load_w, throughput_label
from ..constants import DAY_S
from ..heat import earth_view_factor, radiator_area_m2
from ..memo import orbit_key, remembered, times_key
from ..power import array_loss_factor, array_rating_w, cell_temperature_c, mean_altitude_km, sunlight_factor
from ..propagation import propagate
from ..shadow import beta_angle_deg, illumination, longest_eclipse_s
from ..timeutil import seconds_between, times
from ..record import FloatArray, Record, record

# Step of the day used to size batteries, s: resolves eclipse entry and exit to well under a minute.
WORST_DAY_STEP_S = 30.0


@record
class Sizing(Record):
    """Per shell ((shells,) arrays) the satellite as built; the array's rating and the bus, W; the array's
    power at the end of the satellite's life relative to the evaluation point (cells.end_of_life_factor)."""

    accelerator: str
    throughput: str
    eclipse_mode: str
    rated_w: float
    bus_w: float
    end_of_life_power_factor: FloatArray
    loss_factor: FloatArray
    full_sun_w: FloatArray
    cell_temperature_c: FloatArray
    worst_day: FloatArray
    worst_eclipse_s: FloatArray
    worst_sunlit_fraction: FloatArray
    worst_mean_power_w: FloatArray
    sustained_load_w: FloatArray
    accelerators_per_satellite: FloatArray
    compute_cap_w: FloatArray
    battery_kg: FloatArray
    heat_w: FloatArray
    earth_view_factor: FloatArray
    radiator_m2: FloatArray


def worst_day_geometry(constellation, picks, t, pointing):
    """Per group of the satellites at `picks`, the day of span `t` when the group's sampled orbit planes
    come closest to the Sun (smallest |β|, so the longest eclipses), propagated at WORST_DAY_STEP_S:
    for the satellite with the longest umbra passage that day, eclipse_s, sunlit_fraction, day (days from
    t[0]), its mean altitude (km) and mean power.sunlight_factor for `pointing`. Kept for the same orbits,
    span and pointing (memo.remembered)."""
    group = constellation.group_index()[picks]
    groups = len(constellation.groups)

    def compute():
        span_days = float(seconds_between(t[0], t[-1])) / DAY_S
        daily = times(t[0], days=max(span_days - 1.0, 0.0), step_s=DAY_S)
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


def sizing(scenario, fleet, radiation) -> "Sizing":
    """The sizing stage: in battery mode the accelerators run through eclipses on the battery (the
    worst day's mean power, less the round trip); else they take full-sun power and stop in eclipse
    while the battery carries the bus alone."""
    model, chip = scenario.model, scenario.model.processor()
    rated_w = array_rating_w(model.array)
    losses = array_loss_factor(model.array, fleet.altitude_km)
    bus_w = model.satellite.bus_load_fraction * rated_w
    worst = worst_day_geometry(scenario.constellation, fleet.sample_index, scenario.t, model.array.pointing)
    worst_power_w = rated_w * array_loss_factor(model.array, worst["altitude_km"]) * worst["mean_sunlight_factor"]
    load_w = sustained_load_w(worst_power_w, worst["sunlit_fraction"], model.battery.round_trip_efficiency)
    battery = model.satellite.eclipse_mode == "battery"
    count = accelerators_per_satellite((load_w if battery else rated_w * losses) - bus_w, chip)
    compute_cap_w = count * chip.system_power_w
    view_factor = earth_view_factor(fleet.altitude_km)
    lifetime = model.satellite.lifetime_years
    return Sizing(
        accelerator=chip.name, throughput=throughput_label(model.chip.utilisation),
        eclipse_mode=model.satellite.eclipse_mode, rated_w=float(rated_w), bus_w=float(bus_w),
        end_of_life_power_factor=end_of_life_factor(
            [row.array_fluence_per_cm2_year["total"] for row in radiation.shells],
            radiation.reference_array_fluence_per_cm2_year, model.array, lifetime),
        loss_factor=losses, full_sun_w=rated_w * losses,
        cell_temperature_c=np.asarray(cell_temperature_c(model.array, fleet.altitude_km), dtype=float),
        worst_day=worst["day"], worst_eclipse_s=worst["eclipse_s"], worst_sunlit_fraction=worst["sunlit_fraction"],
        worst_mean_power_w=worst_power_w, sustained_load_w=load_w, accelerators_per_satellite=count,
        compute_cap_w=compute_cap_w,
        # Housekeeping (the bus) runs through the longest eclipse on a battery even when compute stops.
        battery_kg=np.asarray(battery_mass_kg(bus_w + (compute_cap_w if battery else 0.0), worst["eclipse_s"],
                                              model.battery), dtype=float),
        heat_w=compute_cap_w + bus_w, earth_view_factor=view_factor,
        radiator_m2=radiator_area_m2(compute_cap_w + bus_w, model.radiator, view_factor))
