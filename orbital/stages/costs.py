"""The costs stage: the whole bill on both sides (orbital.economics) for this fleet, its shells, their
sunlight, masses, flights and dose, with the values the user set held fixed in the Monte Carlo."""

import numpy as np

from ..economics import CostComparison, FleetInputs, orbit_and_ground_costs
from ..network.budget import network_capacity

# Draws of the stage's Monte Carlo (the economics' own default is 20,000): percentiles to ~1 % at the
# speed every dashboard request needs.
STAGE_SAMPLES = 4000


def fleet_inputs(scenario, fleet, sizing, operation, mass, launch, radiation):
    """economics.FleetInputs of the assessment's stages: per shell, masses by part, life-averaged compute
    (beginning and end of life), flights' payload with the return burn and the dose over the life behind
    the Radiation group's shield (shielding.py, protons and electrons), so shield_mm moves both the
    shielding's mass and the failures the dose drives."""
    model, parts = scenario.model, mass.by_shell
    peak_pflops = model.chip.bf16_tflops / 1000.0
    return FleetInputs(
        shell_satellites=fleet.shell_satellites, altitude_km=fleet.altitude_km, inclination_deg=fleet.inclination_deg,
        bus_and_arrays_kg=parts.bus_and_arrays_kg, compute_kg=parts.compute_kg, shielding_kg=parts.shielding_kg,
        radiator_kg=parts.radiator_kg, battery_kg=parts.battery_kg, propellant_kg=parts.propellant_kg,
        accelerators_per_satellite=sizing.accelerators_per_satellite, compute_kw_start=operation.compute_w / 1000.0,
        compute_kw_end=operation.compute_end_of_life_w / 1000.0, rated_array_w=sizing.rated_w,
        peak_pflops=sizing.accelerators_per_satellite * peak_pflops, delivered_pflops=operation.delivered_pflops,
        lifetime_years=float(model.satellite.lifetime_years), utilisation=float(model.chip.utilisation),
        accelerator_system_kw=model.processor().system_power_w / 1000.0, vehicle=launch.vehicle,
        payload_per_flight_kg=launch.payload_kg,
        dose_krad=np.array([row.dose_krad_over_life for row in radiation.shells], dtype=float))


def costs(scenario, fleet, sizing, operation, mass, launch, radiation) -> CostComparison:
    """The costs stage (economics.orbit_and_ground_costs, STAGE_SAMPLES draws), with the bill per workload
    on the network's closed form (network.budget.network_capacity)."""
    inputs = fleet_inputs(scenario, fleet, sizing, operation, mass, launch, radiation)
    network = network_capacity(scenario.constellation, fleet.altitude_km, fleet.inclination_deg)
    return orbit_and_ground_costs(inputs, scenario.model, scenario.model.user_set, STAGE_SAMPLES, network)
