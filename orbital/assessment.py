"""The whole answer for one constellation: sunlight from the propagated orbits, power, compute,
heat, launch, and the same compute on the ground, as a pipeline of typed stages (orbital/stages).

Large constellations are worked through on a strided sample of each shell (every plane is
represented); fleet figures weight each shell's sample means by the shell's count.
"""

import time

from .parameters import Model
from .stages import Assessment, Scenario, run
from .timeutil import year_times


def assess(constellation, t, model=Model(), per_shell=200) -> Assessment:
    """Everything the product answers for `constellation` over Time array `t` (a year, for yearly
    figures), sampling at most `per_shell` satellites of each shell: the Assessment, a record per stage
    (stages.STAGES). Yearly energies are mean power × a Julian year."""
    return run(Scenario(constellation=constellation, t=t, model=model, per_shell=per_shell))


# Satellites per shell, and the step (s), of the yearly assessment: the step is incommensurate with
# orbital periods, so a year samples every phase.
YEAR_PER_SHELL = 24
YEAR_STEP_S = 1800.0


def assess_year(constellation, year, model=Model(), per_shell=YEAR_PER_SHELL, step_s=YEAR_STEP_S) -> Assessment:
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


def physical_rows(a):
    """(quantity, unit, orbit, ground) of sunlight, compute, energy, area, CO₂ and water of Assessment `a`."""
    sun, compute, ground, launch, throughput = a.sunlight, a.compute, a.terrestrial, a.launch, a.sizing.throughput
    return [
        ("sunlit fraction (orbit) / solar capacity factor (ground)", "", sun.sunlit_fraction,
         sun.ground_capacity_factor),
        ("sunlight per m² of panel", "kWh/m²/yr", sun.orbit_sunlight_kwh_per_m2_year, sun.ground_sunlight_kwh_per_m2_year),
        ("electricity per m² of panel (orbit: after cell heat and conditioning)", "kWh/m²/yr",
         sun.orbit_electricity_kwh_per_m2_year, sun.ground_electricity_kwh_per_m2_year),
        (f"compute delivered, fleet ({throughput})", "EFLOP/s", compute.fleet_delivered_eflops,
         compute.fleet_delivered_eflops),
        (f"compute delivered, fleet, at the end of life ({throughput})", "EFLOP/s",
         a.end_of_life.fleet_delivered_eflops, None),
        (f"compute delivered per satellite ({throughput})", "PFLOP/s", compute.delivered_pflops_per_satellite, None),
        ("accelerators per satellite", "", compute.accelerators_per_satellite, None),
        ("energy drawn per year (orbit: arrays; ground: grid)", "TWh/yr", a.power.array_twh_per_year, ground.grid_twh),
        ("energy drawn per year, hyperscale PUE", "TWh/yr", None, ground.hyperscale_grid_twh),
        ("energy per PFLOP", "kJ", compute.orbit_energy_kj_per_pflop, compute.ground_energy_kj_per_pflop),
        ("collecting area (orbit: arrays; ground: solar farm)", "km²", a.power.array_km2, ground.solar_farm_km2),
        ("CO₂ a year (orbit: replacement launches; ground: grid)", "Mt/yr", launch.replacement_co2_mt_per_year,
         ground.co2_mt),
        ("CO₂ a year, hyperscale PUE", "Mt/yr", None, ground.hyperscale_co2_mt),
        ("CO₂ to deploy (launches)", "Mt", launch.deployment_co2_mt, None),
        ("water on site (per kWh of IT energy)", "GL/yr", 0.0, ground.water_onsite_gl),
        ("water in generation (per kWh of grid energy)", "GL/yr", 0.0, ground.water_generation_gl),
        ("water, hyperscale PUE (on site + generation)", "GL/yr", None, ground.hyperscale_water_gl),
    ]


# What a lever's break-even says when no value within its sourced range closes the gap.
NONE_IN_RANGE = "none within sourced range"
# The levers (economics.levers.LEVERS) in words.
LEVER_NAMES = {"launch.price_factor": "launch price", "hardware.price_factor": "satellite hardware price",
               "satellite.lifetime_years": "satellite life", "operations.wacc": "WACC"}


def cost_rows(a):
    """(quantity, unit, orbit, ground) of the all-in costs (the costs stage), hardware, launches and
    what would have to be true, of Assessment `a`."""
    launch, costs, u = a.launch, a.costs, a.costs.uncertainty
    rows = [
        ("cost per kW-year of IT power in use, all in, life-averaged", "$/kW-yr", costs.orbit.usd_per_kw_year,
         costs.industry.usd_per_kw_year),
        ("cost per kW-year, hyperscale PUE", "$/kW-yr", None, costs.hyperscale.usd_per_kw_year),
        ("LCOE of IT energy, all in", "$/MWh", costs.orbit.lcoe_usd_per_mwh, costs.industry.lcoe_usd_per_mwh),
        ("cost per delivered PFLOP-day", "$/PFLOP-day", costs.orbit.usd_per_pflop_day,
         costs.industry.usd_per_pflop_day),
        (f"median of the Monte Carlo (the central figure is its {u.central_percentile:.0f}th percentile)",
         "$/kW-yr", u.orbit_median, None),
        ("launch's share of the orbit's cost", "", costs.launch_share, None),
        ("battery per satellite", "kg", a.compute.battery_kg_per_satellite, None),
        ("radiator per satellite", "m²", a.heat.radiator_m2_per_satellite, None),
        (f"launches to deploy ({launch.vehicle})", "", float(launch.launches), None),
        ("years to deploy", "years", launch.years, None),
        ("replacement launches a year, at steady state", "/yr", launch.replacement_launches_per_year, None),
        ("probability orbit is cheaper all in, over the sources' ranges (industry PUE)", "",
         u.p_orbit_cheaper_industry, None),
        ("probability orbit is cheaper all in, over the sources' ranges (hyperscale PUE)", "",
         u.p_orbit_cheaper_hyperscale, None),
    ]
    for even in costs.break_evens:
        value, unit = costs.lever_in_units(even.key, even.against_industry)
        rows.append((f"{LEVER_NAMES[even.key]} alone at which orbit costs what the ground does (industry PUE)", unit,
                     NONE_IN_RANGE if value is None else value, None))
    return rows + [("largest fleet the launch cadence sustains", "satellites", launch.sustainable_satellites, None)]


def comparison(a):
    """The orbital-versus-terrestrial table of Assessment `a`: the fleet's name and labels, rows of
    quantity, unit, orbit, ground (None where a side has no such figure), and the seed's sunlight
    claim per shell."""
    return {
        "name": a.fleet.name, "satellites": a.fleet.satellites, "accelerator": a.sizing.accelerator,
        "eclipse_mode": a.sizing.eclipse_mode, "vehicle": a.launch.vehicle, "pue": a.terrestrial.pue, "hyperscale_pue": a.terrestrial.hyperscale_pue,
        "sunlight_ratio": a.sunlight.sunlight_ratio,
        "rows": [{"quantity": q, "unit": u, "orbit": o, "ground": g} for q, u, o, g in physical_rows(a) + cost_rows(a)],
        "always_sunny": [{"shell": s.name, "sunlit_fraction": s.sunlit_fraction,
                          "longest_eclipse_min": s.longest_eclipse_min,
                          "above_99_percent": s.sunlit_fraction > ALWAYS_SUNNY_FRACTION} for s in a.shells.rows],
    }
