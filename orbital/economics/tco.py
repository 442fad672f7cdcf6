"""Levelised total cost of ownership on both sides, per kW-year of IT power in use (life-averaged:
degradation and failed accelerators included), per delivered PFLOP-day and per MWh of IT energy.

Capital is annualised with the capital recovery factor CRF = r / (1 − (1 + r)^−n) at the WACC r over
each asset's life n (n⁻¹ at r = 0); operating costs are yearly. One code path for scalars and for the
Monte Carlo's arrays: drivers may be arrays (samples,), shells sit on axis 0 and are summed.
"""

import numpy as np

from ..constants import HOURS_PER_YEAR
from ..record import Record, record
from .flights import flights_by_shell, launch_cost_usd, learning_average

DAYS_PER_YEAR = HOURS_PER_YEAR / 24.0
# Orbit's hardware parts: (part, FleetInputs mass field, Hardware $/kg field).
HARDWARE_PARTS = (("bus_and_arrays", "bus_and_arrays_kg", "bus_and_arrays_usd_per_kg"),
                  ("radiator", "radiator_kg", "radiator_usd_per_kg"),
                  ("structure_and_shielding", "shielding_kg", "shielding_usd_per_kg"),
                  ("compute_integration", "compute_kg", "compute_integration_usd_per_kg"),
                  ("battery", "battery_kg", "battery_usd_per_kg"),
                  ("propellant", "propellant_kg", "propellant_usd_per_kg"))
FACILITY_PARTS = ("power", "electrical", "mechanical", "shell", "fit_out")


def capital_recovery_factor(rate, years):
    """Yearly payment per $ of capital repaid over `years` at `rate` (arrays broadcast)."""
    rate, years = np.asarray(rate, dtype=float), np.asarray(years, dtype=float)
    safe = np.where(rate > 0, rate, 1.0)
    return np.where(rate > 0, safe / (1.0 - (1.0 + safe) ** -years), 1.0 / years)


def survival_life_average(failure_per_year, years):
    """Mean share of accelerators still working over a life of `years` at a constant failure rate
    (none replaced in orbit): (1 − e^−λL) / (λL)."""
    x = np.asarray(failure_per_year, dtype=float) * years
    return np.where(x > 1e-12, -np.expm1(-x) / np.where(x > 1e-12, x, 1.0), 1.0)


def col(values):
    """A (shells,) array as a column (shells, 1), so drivers of shape (samples,) broadcast across it."""
    return np.asarray(values, dtype=float)[:, None]


def orbit_annual(fleet, d, user_set=frozenset()):
    """The orbit side's yearly cost by part ($/yr, each (samples,) or (1,)), capital (upfront $ by part),
    IT kW in use without and with failures, delivered PFLOP/s (life-averaged) and flights."""
    n, life, rate = col(fleet.shell_satellites), d["satellite.lifetime_years"], d["operations.wacc"]
    learning = learning_average(1.0, d["hardware.reference_units"], fleet.satellites, d["hardware.learning_rate"])
    scale = learning * d["hardware.price_factor"]
    capital = {part: np.sum(n * col(getattr(fleet, kg)), axis=0) * d[f"hardware.{usd}"] * scale
               for part, kg, usd in HARDWARE_PARTS}
    hardware = sum(capital.values())
    capital["accelerators"] = (np.sum(n * col(fleet.accelerators_per_satellite), axis=0)
                               * d["hardware.accelerator_usd"] * d["hardware.accelerators_included"])
    flights = flights_by_shell(fleet.shell_satellites, fleet.total_kg, fleet.payload_per_flight_kg)
    mass_t = float(np.sum(fleet.shell_satellites * fleet.total_kg)) / 1000.0
    capital["launch"] = np.atleast_1d(launch_cost_usd(flights.sum(), mass_t, fleet.vehicle, d, user_set))
    capital["ground_segment"] = hardware * d["operations.ground_segment_fraction"]
    capital["development"] = np.atleast_1d(d["hardware.nre_usd"]) * np.ones_like(hardware)
    crf = capital_recovery_factor(rate, life)
    annual = {part: value * crf for part, value in capital.items()}
    annual["operations"] = hardware * d["operations.ops_fraction_per_year"]
    dose = 0.0 if fleet.dose_krad is None else col(fleet.dose_krad)
    failure = d["operations.failure_per_year"] * (1.0 + dose / d["operations.failure_doubling_krad"])
    surviving = survival_life_average(failure, life)
    mean_kw = col((fleet.compute_kw_start + fleet.compute_kw_end) / 2.0)
    ageing = col((fleet.compute_kw_start + fleet.compute_kw_end) / 2.0 / fleet.compute_kw_start)
    return {"annual": annual, "capital": capital,
            "kw_no_failures": np.sum(n * mean_kw, axis=0) * np.ones_like(hardware),
            "kw": np.sum(n * mean_kw * surviving, axis=0),
            "pflops": np.sum(n * col(fleet.delivered_pflops) * ageing * surviving, axis=0),
            "flights": flights, "mass_t": mass_t, "surviving": surviving}


def ground_annual_per_kw(fleet, d, pue):
    """The ground's yearly cost by part per kW of IT power in use ($/kW-yr each), for a data center at
    `pue` running the same accelerators: nameplate = in use ÷ (load factor × availability)."""
    rate = d["operations.wacc"]
    nameplate_kw = 1.0 / (d["facility.load_factor"] * d["facility.availability"])
    per_w = {part: d[f"facility.{part}_usd_per_w"] * d["facility.price_factor"] for part in FACILITY_PARTS}
    per_w["power"] = per_w["power"] + d["facility.gas_supply"] * d["facility.gas_plant_usd_per_kw"] * pue / 1000.0
    crf = capital_recovery_factor(rate, d["facility.life_years"])
    annual = {part: value * 1000.0 * nameplate_kw * crf for part, value in per_w.items()}
    annual["maintenance"] = sum(per_w.values()) * 1000.0 * nameplate_kw * d["facility.maintenance_fraction_per_year"]
    gas_usd_per_kwh = d["facility.heat_rate_btu_per_kwh"] * d["facility.gas_usd_per_mmbtu"] / 1e6
    price = np.where(d["facility.gas_supply"] > 0, gas_usd_per_kwh, d["facility.price_usd_per_kwh"])
    annual["energy"] = price * pue * HOURS_PER_YEAR
    chips = (nameplate_kw / fleet.accelerator_system_kw * d["hardware.accelerator_usd"]
             * d["hardware.accelerators_included"])
    annual["accelerators"] = chips * capital_recovery_factor(rate, d["facility.accelerator_life_years"])
    annual["accelerator_service"] = chips * d["facility.accelerator_service_fraction_per_year"]
    return {part: np.atleast_1d(value) for part, value in annual.items()}


def ground_pflops_per_kw(fleet):
    """Delivered PFLOP/s per kW of IT power in use on the ground: the same chips at the same utilisation."""
    count = float(np.sum(fleet.shell_satellites * fleet.accelerators_per_satellite))
    if count == 0:
        return 0.0
    per_accelerator = float(np.sum(fleet.shell_satellites * fleet.peak_pflops)) / count
    return per_accelerator * fleet.utilisation / fleet.accelerator_system_kw


def all_in_usd_per_kw_year(fleet, d, user_set=frozenset()):
    """(orbit, ground at industry PUE, ground at hyperscale PUE) all-in $ per kW-year of IT power in use."""
    orbit = orbit_annual(fleet, d, user_set)
    total = sum(orbit["annual"].values()) / orbit["kw"]
    return (total, sum(ground_annual_per_kw(fleet, d, d["ground.pue"]).values()),
            sum(ground_annual_per_kw(fleet, d, d["ground.hyperscale_pue"]).values()))


@record
class Part(Record):
    """One bar of a stacked breakdown: its name, capital or operating, and $ per kW-year."""

    name: str
    kind: str
    usd_per_kw_year: float


@record
class SideCost(Record):
    """One side's levelised cost: its parts, the total $/kW-yr of IT power in use, LCOE $/MWh of IT
    energy and $ per delivered PFLOP-day."""

    parts: tuple[Part, ...]
    usd_per_kw_year: float
    lcoe_usd_per_mwh: float
    usd_per_pflop_day: float

    @classmethod
    def of(cls, parts, pflops_per_kw):
        total = sum(part.usd_per_kw_year for part in parts)
        per_pflop_day = total / (pflops_per_kw * DAYS_PER_YEAR) if pflops_per_kw > 0 else float("inf")
        return cls(tuple(parts), total, total / HOURS_PER_YEAR * 1000.0, per_pflop_day)


OPERATING = ("operations", "maintenance", "energy", "accelerator_service", "failures")


def orbit_side(orbit):
    """SideCost of an orbit_annual result (scalar drivers; $/PFLOP-day inf where nothing computes): parts per kW in use without failures, and
    the failed accelerators' share as its own part ("failures": what the lost compute costs)."""
    kw, kw_all = float(orbit["kw"][0]), float(orbit["kw_no_failures"][0])
    parts = [Part(name, "operating" if name in OPERATING else "capital", float(value[0]) / kw_all)
             for name, value in orbit["annual"].items()]
    total = sum(part.usd_per_kw_year for part in parts)
    parts.append(Part("failures", "operating", total * (kw_all / kw - 1.0)))
    return SideCost.of(parts, float(orbit["pflops"][0]) / kw)


def ground_side(fleet, d, pue):
    """SideCost of the ground data center at `pue` (scalar drivers)."""
    parts = [Part(name, "operating" if name in OPERATING else "capital", float(value[0]))
             for name, value in ground_annual_per_kw(fleet, d, pue).items()]
    return SideCost.of(parts, ground_pflops_per_kw(fleet))
