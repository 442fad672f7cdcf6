"""The comparison the costs stage returns: both sides' levelised costs with their parts, the waterfalls,
launches by the flight, the Monte Carlo and the levers, for one fleet and model."""

from dataclasses import replace

import numpy as np

from ..network.budget import NetworkCapacity
from ..parameters import LAUNCH_PRICES
from ..record import FloatArray, Record, record
from .flights import payload_to_shell_kg
from .inputs import drivers
from .levers import LEVERS, BreakEven, Rung, break_even, ladder
from .montecarlo import SAMPLES, Uncertainty, monte_carlo
from .tco import HARDWARE_PARTS, SideCost, ground_side, orbit_annual, orbit_side
from .waterfall import Waterfall, ground_waterfall, orbit_waterfall
from .workloads import WorkloadCost, workload_costs


@record
class CostComparison(Record):
    """Orbit against the ground at the industry and hyperscale PUEs, all in ($/kW-yr of IT power in use,
    LCOE $/MWh, $/PFLOP-day; SideCost each), with what sets them.

    mass_t: the fleet's launch mass; flights (shells,) and flights_total; payload_per_flight_kg
    (shells,); usd_per_flight: the fleet-average price of a flight; launch_share: launch's share of
    the orbit's yearly bill (and so of its all-in cost, failures spread pro rata); orbit_waterfall /
    ground_waterfall; uncertainty (montecarlo.Uncertainty);
    break_evens (levers.BreakEven, one per lever) and ladder (levers.Rung). The levers' factors in
    units: launch.price_factor × usd_per_kg_rated is a flight's price per kg of the vehicle's rated
    payload; hardware.price_factor × hardware_usd_per_kg is the fleet's mean satellite $/kg.
    hardware_usd_per_array_w: the satellites' hardware per W of rated array (McCalip's $22/W measure).
    network (network.budget.NetworkCapacity, None when not given) and workloads (workloads.WorkloadCost
    per parameters.WORKLOADS entry): each workload's network factor closing orbit_waterfall (whose own
    network factor stays 1: the headline is the compute, the workloads what it can be used for)."""

    orbit: SideCost
    industry: SideCost
    hyperscale: SideCost
    ratio_industry: float
    ratio_hyperscale: float
    mass_t: float
    flights: FloatArray
    flights_total: float
    payload_per_flight_kg: FloatArray
    usd_per_flight: float
    launch_share: float
    orbit_waterfall: Waterfall
    ground_waterfall: Waterfall
    uncertainty: Uncertainty
    break_evens: tuple[BreakEven, ...]
    ladder: tuple[Rung, ...]
    usd_per_kg_rated: float
    hardware_usd_per_kg: float
    hardware_usd_per_array_w: float
    network: NetworkCapacity | None = None
    workloads: tuple[WorkloadCost, ...] = ()

    def lever_in_units(self, key, value):
        """(value, unit) of lever `key` (levers.LEVERS) at `value` in the units a reader uses: the price
        factors as $ per kg of rated payload and $ per kg of satellite; None stays None."""
        scale, unit = {"launch.price_factor": (self.usd_per_kg_rated, "$/kg"),
                       "hardware.price_factor": (self.hardware_usd_per_kg, "$/kg of satellite"),
                       "satellite.lifetime_years": (1.0, "years"), "operations.wacc": (1.0, "per year")}[key]
        return (None if value is None else value * scale), unit


def with_payload(fleet, model):
    """`fleet` with payload_per_flight_kg filled (return burn included) where it is None."""
    if fleet.payload_per_flight_kg is not None:
        return fleet
    payload = payload_to_shell_kg(fleet.altitude_km, fleet.inclination_deg, model.launch,
                                  LAUNCH_PRICES[fleet.vehicle]["returns"], model.operations.reentry_perigee_km)
    return replace(fleet, payload_per_flight_kg=payload)


def orbit_and_ground_costs(fleet, model, user_set=frozenset(), samples=SAMPLES, network=None):
    """CostComparison of `fleet` (inputs.FleetInputs) under `model` (parameters.Model), with the
    "group.name" keys the user set in `user_set` held fixed in the Monte Carlo (a hardware.satellite_usd_per_kg
    the user set scales every subsystem's $/kg so that the fleet's mean is that price); with `network`
    (network.budget.NetworkCapacity) the bill per workload."""
    fleet = with_payload(fleet, model)
    d = {**drivers(model), "satellite.lifetime_years": fleet.lifetime_years}
    if "hardware.satellite_usd_per_kg" in user_set:
        d["hardware.price_factor"] = d["hardware.satellite_usd_per_kg"] / hardware_usd_per_kg(orbit_annual(fleet, d))
    orbit_raw = orbit_annual(fleet, d, user_set)
    orbit = orbit_side(orbit_raw)
    industry, hyperscale = ground_side(fleet, d, d["ground.pue"]), ground_side(fleet, d, d["ground.hyperscale_pue"])
    annual = orbit_raw["annual"]
    flights_total = float(orbit_raw["flights"].sum())
    peak = float(np.sum(fleet.shell_satellites * fleet.peak_pflops))
    fall = orbit_waterfall(fleet, d["operations.failure_per_year"], d["operations.failure_doubling_krad"])
    workloads = () if network is None else workload_costs(fleet, fall, orbit.usd_per_pflop_day,
                                                          hyperscale.usd_per_pflop_day, network)
    return CostComparison(
        orbit, industry, hyperscale, orbit.usd_per_kw_year / industry.usd_per_kw_year,
        orbit.usd_per_kw_year / hyperscale.usd_per_kw_year, orbit_raw["mass_t"], np.asarray(orbit_raw["flights"], float),
        flights_total, np.asarray(fleet.payload_per_flight_kg, dtype=float), float(orbit_raw["capital"]["launch"][0]) / flights_total,
        float(annual["launch"][0] / sum(annual.values())[0]),
        fall, ground_waterfall(peak, fleet.utilisation, d["facility.load_factor"], d["facility.availability"]),
        monte_carlo(fleet, d, user_set, samples), tuple(break_even(fleet, d, key, user_set) for key in LEVERS),
        ladder(fleet, d, user_set), float(orbit_raw["capital"]["launch"][0]) / flights_total / d["launch.payload_kg"],
        hardware_usd_per_kg(orbit_raw), hardware_usd(orbit_raw) / float(np.sum(fleet.shell_satellites
                                                                              * fleet.rated_array_w)),
        network, workloads)


def hardware_usd(orbit_raw):
    """The fleet's satellite hardware, $ (accelerators, launch and the rest left out)."""
    return sum(float(orbit_raw["capital"][part][0]) for part, _, _ in HARDWARE_PARTS)


def hardware_usd_per_kg(orbit_raw):
    """The fleet's mean satellite hardware price, $ per kg of satellite (propellant included)."""
    return hardware_usd(orbit_raw) / (orbit_raw["mass_t"] * 1000.0)
