"""The conditions under which orbit wins: the launch cost per kW-year of compute in orbit against the
grid energy cost on the ground, over the ranges the sources give (low, central, high) rather than at
one point. A vectorised Monte Carlo over triangular distributions gives the probability that orbit is
cheaper against each ground reference; a tornado ranks the assumptions by how far each moves the
answer alone. The physics (sunlight, compute delivered, waste heat) is the assessment's, held fixed.
"""

from dataclasses import dataclass

import numpy as np

from .constants import HOURS_PER_YEAR
from .drag import STANDARD_GRAVITY_M_S2
from .record import Record, record


@dataclass(frozen=True)
class Range:
    """A parameter's low, central and high values, and where they come from."""

    group: str
    name: str
    low: float
    central: float
    high: float
    source: str


SUNCATCHER = "Suncatcher, arXiv:2511.19468"
# The central values are the model's defaults (orbital/parameters.py); the ends are sourced where a
# source gives them, else marked as assumptions.
RANGES = (
    Range("launch", "price_usd_per_kg", 1500.0, 1800.0, 3600.0,
          f"Falcon Heavy ~$1,800/kg, Falcon 9 $3,600/kg ({SUNCATCHER} §4.4); low end an assumption"),
    Range("launch", "reference_cumulative_t", 400.0, 400.0, 20000.0,
          f"{SUNCATCHER} §2.4 as modelled; high end: SpaceX's cumulative mass launched, order 10⁴ t "
          "(assumption, secondary)"),
    Range("launch", "learning_rate", 0.10, 0.20, 0.30,
          f"20 % per doubling ({SUNCATCHER} §2.4); 10–30 % as aerospace learning curves run (assumption)"),
    Range("satellite", "lifetime_years", 3.0, 5.0, 7.0, f"5 years ({SUNCATCHER} Table 1); ends an assumption"),
    Range("satellite", "compute_kg_per_accelerator", 10.0, 16.0, 25.0,
          "DGX H100 ~16 kg a GPU (NVIDIA, verify); lighter boards or space hardening (assumption)"),
    Range("satellite", "radiator_kg_per_m2", 3.0, 5.0, 8.0, "assumption: deployable panel radiators"),
    Range("drag", "isp_s", 1000.0, 1500.0, 2500.0,
          "Hall-effect thrusters ~1,000–2,000 s (assumption; Starlink-class argon Hall thrusters, secondary)"),
    Range("ground", "price_usd_per_kwh", 0.06, 0.10, 0.25, f"{SUNCATCHER} §4.4: $0.06–0.25/kWh"),
)
# Samples of the Monte Carlo, and its seed (the same answer every run).
SAMPLES = 20_000
SEED = 20260125


def fleet_average_price_usd_per_kg(fleet_t, price_usd_per_kg, reference_cumulative_t, learning_rate):
    """Mean price per kg of launching `fleet_t` from the start of the learning curve P₀ (M/M₀)^b,
    b = log₂(1 − learning rate): the integral of the price over the cumulative mass ÷ the mass
    (the continuous form of pricing each launch at the mass launched before it). Arrays broadcast."""
    b = np.log2(1.0 - np.asarray(learning_rate, dtype=float))
    m0 = np.asarray(reference_cumulative_t, dtype=float)
    end = (m0 + fleet_t) / m0
    return price_usd_per_kg * m0 * (end ** (b + 1.0) - 1.0) / ((b + 1.0) * fleet_t)


def costs_usd_per_kw_year(values, fixed):
    """(orbit, ground at industry PUE, ground at hyperscale PUE) cost per kW-year of compute, for
    parameter `values` ({name: array}) and the assessment's `fixed` figures (see verdict)."""
    dry = (fixed["bus_and_arrays_kg"] + fixed["accelerators"] * (values["compute_kg_per_accelerator"]
                                                                  + fixed["shielding_kg_per_accelerator"])
           + fixed["radiator_m2"] * values["radiator_kg_per_m2"] + fixed["battery_kg"])
    mass_kg = dry * np.exp(fixed["delta_v_m_s"] / (values["isp_s"] * STANDARD_GRAVITY_M_S2))
    fleet_t = fixed["satellites"] * mass_kg / 1000.0
    price = fleet_average_price_usd_per_kg(fleet_t, values["price_usd_per_kg"], values["reference_cumulative_t"],
                                           values["learning_rate"])
    orbit = mass_kg * price / (fixed["compute_kw"] * values["lifetime_years"])
    energy = values["price_usd_per_kwh"] * HOURS_PER_YEAR
    return orbit, energy * fixed["pue"], energy * fixed["hyperscale_pue"]


@record
class OrbitCost(Record):
    """Orbit's launch cost per kW-year of compute, $: at the central values, and the 5th and 95th percentiles."""

    central: float
    p5: float
    p95: float


@record
class Pair(Record):
    """A figure against each ground reference: the industry-average PUE and the hyperscale PUE."""

    industry: float
    hyperscale: float


@record
class TornadoRow(Record):
    """One parameter at its low and high end, the others central: orbit's cost ÷ the ground's (industry PUE)."""

    group: str
    parameter: str
    low: float
    high: float
    ratio_at_low: float
    ratio_at_high: float
    source: str


@record
class Verdict(Record):
    """The Monte Carlo's answer (verdict)."""

    samples: int
    orbit_usd_per_kw_year: OrbitCost
    ground_usd_per_kw_year: Pair
    central_ratio: float
    p_orbit_cheaper_per_kw_year: Pair
    p_orbit_cheaper_per_pflop: Pair
    tornado: tuple[TornadoRow, ...]


def fixed_figures(fleet, compute, heat, mass, model):
    """The assessment's figures the Monte Carlo holds fixed (costs_usd_per_kw_year's `fixed`), from its
    fleet, compute, heat and mass stages."""
    satellites, parts = fleet.satellites, mass.per_satellite
    return {"satellites": satellites, "bus_and_arrays_kg": parts.bus_and_arrays_kg,
            "accelerators": compute.accelerators_per_satellite,
            "shielding_kg_per_accelerator": model.satellite.shielding_kg_per_accelerator,
            "radiator_m2": heat.radiator_m2_per_satellite, "battery_kg": parts.battery_kg,
            "compute_kw": compute.compute_twh_per_year * 1e9 / satellites / HOURS_PER_YEAR,
            "pue": model.ground.pue, "hyperscale_pue": model.ground.hyperscale_pue,
            # The life's Δv that the propellant in the mass budget buys (rocket equation, inverted).
            "delta_v_m_s": model.drag.isp_s * STANDARD_GRAVITY_M_S2 * np.log(
                parts.total_kg / (parts.total_kg - parts.propellant_kg))}


def tornado_rows(central, fixed):
    """The tornado: each of RANGES at its low and high end, the widest swing first."""
    rows = []
    for r in RANGES:
        ratios = [float(np.divide(*costs_usd_per_kw_year({**central, r.name: value}, fixed)[:2]))
                  for value in (r.low, r.high)]
        rows.append(TornadoRow(group=r.group, parameter=r.name, low=float(r.low), high=float(r.high),
                               ratio_at_low=ratios[0], ratio_at_high=ratios[1], source=r.source))
    return tuple(sorted(rows, key=lambda row: -abs(row.ratio_at_high - row.ratio_at_low)))


def verdict(fleet, compute, heat, mass, model, samples=SAMPLES, seed=SEED):
    """The probability that orbit is cheaper than each ground reference per kW-year of compute (and per
    PFLOP: the same, as both sides run the same accelerator at the same utilisation), and the tornado,
    from the assessment's fleet, compute, heat and mass stages and its model."""
    fixed = fixed_figures(fleet, compute, heat, mass, model)
    central = {r.name: getattr(getattr(model, r.group), r.name) for r in RANGES}
    rng = np.random.default_rng(seed)
    drawn = {}
    for r in RANGES:
        low, mode, high = min(r.low, central[r.name]), central[r.name], max(r.high, central[r.name])
        drawn[r.name] = rng.triangular(low, mode, high, samples) if high > low else np.full(samples, mode)
    orbit, industry, hyperscale = costs_usd_per_kw_year(drawn, fixed)
    at_central = costs_usd_per_kw_year(central, fixed)
    cheaper = Pair(industry=float((orbit < industry).mean()), hyperscale=float((orbit < hyperscale).mean()))
    return Verdict(samples=samples,
                   orbit_usd_per_kw_year=OrbitCost(central=float(at_central[0]), p5=float(np.percentile(orbit, 5)),
                                                   p95=float(np.percentile(orbit, 95))),
                   ground_usd_per_kw_year=Pair(industry=float(at_central[1]), hyperscale=float(at_central[2])),
                   central_ratio=float(at_central[0] / at_central[1]), p_orbit_cheaper_per_kw_year=cheaper,
                   p_orbit_cheaper_per_pflop=cheaper, tornado=tornado_rows(central, fixed))
