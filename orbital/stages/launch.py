"""The launch stage: deploying the fleet (each flight carrying one shell's satellites, the payload to
each shell less a returning stage's own return burn) and holding it. Its price is the costs stage's."""

import numpy as np

from ..economics.flights import payload_to_shell_kg
from ..launch import deployment, launches_by_shell, replacement
from ..parameters import LAUNCH_PRICES
from ..record import FloatArray, Record, record


@record
class Launch(Record):
    """Per shell ((shells,) arrays) the payload a flight carries to its orbit (kg) and its launches; for
    the fleet the deployment (launch.deployment, its ramp left out) and the steady state
    (launch.replacement)."""

    vehicle: str
    payload_kg: FloatArray
    shell_launches: FloatArray
    satellite_mass_kg: float
    satellites_per_launch: float
    launches: int
    years: float
    mass_t: float
    deployment_co2_mt: float
    replacement_launches_per_year: float
    sustainable_satellites: float
    sustainable: bool
    replacement_co2_mt_per_year: float
    lifetime_years: float
    launches_per_year: float
    payload_kg_to_orbit: float


def launch(scenario, fleet, mass) -> Launch:
    """The launch stage."""
    model, satellites = scenario.model, fleet.satellites
    lifetime, mass_kg, vehicle = model.satellite.lifetime_years, mass.per_satellite.total_kg, model.launch.vehicle
    payload = payload_to_shell_kg(fleet.altitude_km, fleet.inclination_deg, model.launch,
                                  LAUNCH_PRICES[vehicle]["returns"], model.operations.reentry_perigee_km)
    shell_launches, per_launch = launches_by_shell(fleet.shell_satellites, mass.by_shell.total_kg, payload)
    deploy = deployment(satellites, mass_kg, model.launch, per_launch)
    steady = replacement(satellites, per_launch, lifetime, model.launch)
    return Launch(
        vehicle=vehicle, payload_kg=np.asarray(payload, dtype=float), shell_launches=shell_launches,
        satellite_mass_kg=mass_kg, **{k: v for k, v in deploy.items() if not k.startswith("ramp_")},
        **{k: bool(v) if k == "sustainable" else float(v) for k, v in steady.items()},
        lifetime_years=float(lifetime), launches_per_year=float(model.launch.launches_per_year),
        payload_kg_to_orbit=fleet.fleet_mean(payload))
