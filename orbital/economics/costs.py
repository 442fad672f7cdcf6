"""The comparison the costs stage returns: both sides' levelised costs with their parts, the waterfalls,
launches by the flight, the Monte Carlo and the levers, for one fleet and model."""

import math
from dataclasses import asdict, dataclass, replace

import numpy as np

from ..parameters import LAUNCH_PRICES
from .flights import payload_to_shell_kg
from .inputs import drivers
from .levers import LEVERS, break_even, ladder
from .montecarlo import SAMPLES, monte_carlo
from .tco import HARDWARE_PARTS, ground_side, orbit_annual, orbit_side
from .waterfall import ground_waterfall, orbit_waterfall


@dataclass(frozen=True)
class CostComparison:
    """Orbit against the ground at the industry and hyperscale PUEs, all in ($/kW-yr of IT power in use,
    LCOE $/MWh, $/PFLOP-day; SideCost each), with what sets them.

    mass_t: the fleet's launch mass; flights (shells,) and flights_total; payload_per_flight_kg
    (shells,); usd_per_flight: the fleet-average price of a flight; launch_share: launch's share of
    the orbit's yearly bill (and so of its all-in cost, failures spread pro rata); orbit_waterfall /
    ground_waterfall; uncertainty (montecarlo.Uncertainty);
    break_evens (levers.BreakEven, one per lever) and ladder (levers.Rung). The levers' factors in
    units: launch.price_factor × usd_per_kg_rated is a flight's price per kg of the vehicle's rated
    payload; hardware.price_factor × hardware_usd_per_kg is the fleet's mean satellite $/kg.
    hardware_usd_per_array_w: the satellites' hardware per W of rated array (McCalip's $22/W measure)."""

    orbit: object
    industry: object
    hyperscale: object
    ratio_industry: float
    ratio_hyperscale: float
    mass_t: float
    flights: np.ndarray
    flights_total: float
    payload_per_flight_kg: np.ndarray
    usd_per_flight: float
    launch_share: float
    orbit_waterfall: object
    ground_waterfall: object
    uncertainty: object
    break_evens: tuple
    ladder: tuple
    usd_per_kg_rated: float
    hardware_usd_per_kg: float
    hardware_usd_per_array_w: float

    def to_json(self):
        """A JSON-friendly dict of everything (arrays as lists, inf and nan as None)."""
        return plain(asdict(self))


def plain(value):
    """`value` with numpy arrays and scalars as lists and floats, non-finite floats as None."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(item) for item in value]
    if isinstance(value, (float, np.floating, int, np.integer)) and not isinstance(value, bool):
        return float(value) if math.isfinite(value) else None
    return value


def with_payload(fleet, model):
    """`fleet` with payload_per_flight_kg filled (return burn included) where it is None."""
    if fleet.payload_per_flight_kg is not None:
        return fleet
    payload = payload_to_shell_kg(fleet.altitude_km, fleet.inclination_deg, model.launch,
                                  LAUNCH_PRICES[fleet.vehicle]["returns"], model.operations.reentry_perigee_km)
    return replace(fleet, payload_per_flight_kg=payload)


def orbit_and_ground_costs(fleet, model, user_set=frozenset(), samples=SAMPLES):
    """CostComparison of `fleet` (inputs.FleetInputs) under `model` (parameters.Model), with the
    "group.name" keys the user set in `user_set` held fixed in the Monte Carlo."""
    fleet = with_payload(fleet, model)
    d = {**drivers(model), "satellite.lifetime_years": fleet.lifetime_years}
    orbit_raw = orbit_annual(fleet, d, user_set)
    orbit = orbit_side(orbit_raw)
    industry, hyperscale = ground_side(fleet, d, d["ground.pue"]), ground_side(fleet, d, d["ground.hyperscale_pue"])
    annual = orbit_raw["annual"]
    flights_total = float(orbit_raw["flights"].sum())
    peak = float(np.sum(fleet.shell_satellites * fleet.peak_pflops))
    return CostComparison(
        orbit, industry, hyperscale, orbit.usd_per_kw_year / industry.usd_per_kw_year,
        orbit.usd_per_kw_year / hyperscale.usd_per_kw_year, orbit_raw["mass_t"], orbit_raw["flights"],
        flights_total, fleet.payload_per_flight_kg, float(orbit_raw["capital"]["launch"][0]) / flights_total,
        float(annual["launch"][0] / sum(annual.values())[0]),
        orbit_waterfall(fleet, d["operations.failure_per_year"], d["operations.failure_doubling_krad"]),
        ground_waterfall(peak, fleet.utilisation, d["facility.load_factor"], d["facility.availability"]),
        monte_carlo(fleet, d, user_set, samples), tuple(break_even(fleet, d, key, user_set) for key in LEVERS),
        ladder(fleet, d, user_set), float(orbit_raw["capital"]["launch"][0]) / flights_total / d["launch.payload_kg"],
        hardware_usd_per_kg(orbit_raw), hardware_usd(orbit_raw) / float(np.sum(fleet.shell_satellites
                                                                              * fleet.rated_array_w)))


def hardware_usd(orbit_raw):
    """The fleet's satellite hardware, $ (accelerators, launch and the rest left out)."""
    return sum(float(orbit_raw["capital"][part][0]) for part, _, _ in HARDWARE_PARTS)


def hardware_usd_per_kg(orbit_raw):
    """The fleet's mean satellite hardware price, $ per kg of satellite (propellant included)."""
    return hardware_usd(orbit_raw) / (orbit_raw["mass_t"] * 1000.0)
