"""What the cost model reads: the fleet as plain numbers (FleetInputs, filled by the costs stage from
the assessment) and the cost drivers as a flat {"group.name": value} dict (drivers), so the central
estimate, the Monte Carlo, the tornado and the levers all run one vectorised code path."""

from dataclasses import dataclass, fields

import numpy as np

from ..errors import OrbitalError
from ..parameters import LAUNCH_PRICES

PARTS_KG = ("bus_and_arrays_kg", "compute_kg", "shielding_kg", "radiator_kg", "battery_kg", "propellant_kg")


@dataclass(frozen=True)
class FleetInputs:
    """The fleet, per shell ((shells,) arrays; scalars broadcast) and per satellite.

    Masses by part (kg per satellite); payload_per_flight_kg: what a flight carries to the shell
    (None: computed with the return burn, economics.flights.payload_to_shell_kg); accelerators per
    satellite; compute_kw_start/end: orbit-mean IT power per satellite (kW: accelerator system
    power actually drawn, eclipse included) at beginning and end of life; rated_array_w per
    satellite (for the hardware's $ per W of array); peak_pflops: installed peak dense BF16 per satellite (PFLOP/s); delivered_pflops:
    orbit-mean delivered at beginning of life (PFLOP/s, at the utilisation); dose_krad: the dose
    over the life per shell (None: no dose term); accelerator_system_kw: one accelerator with its
    share of the system (kW), used to size the ground's fleet of the same chips.
    """

    shell_satellites: np.ndarray
    altitude_km: np.ndarray
    inclination_deg: np.ndarray
    bus_and_arrays_kg: np.ndarray
    compute_kg: np.ndarray
    shielding_kg: np.ndarray
    radiator_kg: np.ndarray
    battery_kg: np.ndarray
    propellant_kg: np.ndarray
    accelerators_per_satellite: np.ndarray
    compute_kw_start: np.ndarray
    compute_kw_end: np.ndarray
    rated_array_w: np.ndarray
    peak_pflops: np.ndarray
    delivered_pflops: np.ndarray
    lifetime_years: float
    utilisation: float
    accelerator_system_kw: float
    vehicle: str = "Starship 200 t"
    payload_per_flight_kg: np.ndarray = None
    dose_krad: np.ndarray = None

    def __post_init__(self):
        if self.vehicle not in LAUNCH_PRICES:
            raise OrbitalError(f"vehicle: {self.vehicle!r} has no launch price; choose one of "
                               f"{', '.join(LAUNCH_PRICES)}", parameter="vehicle")
        shells = np.atleast_1d(np.asarray(self.shell_satellites, dtype=float))
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("lifetime_years", "utilisation", "accelerator_system_kw", "vehicle") or value is None:
                continue
            object.__setattr__(self, f.name, np.broadcast_to(np.asarray(value, dtype=float), shells.shape))

    @property
    def satellites(self):
        return float(np.sum(self.shell_satellites))

    @property
    def total_kg(self):
        """Launch mass per satellite by shell, kg."""
        return sum(getattr(self, name) for name in PARTS_KG)


# Groups whose every numeric field is a cost driver, keyed "group.name".
FLAT_GROUPS = ("hardware", "operations", "facility")


def drivers(model):
    """The model's cost drivers as a flat {"group.name": float} dict (choices left out), with the two
    PUEs, the satellite's life, the user's launch price per kg and three scale factors at 1:
    hardware.price_factor (all satellite $/kg), launch.price_factor (every flight's price) and
    facility.price_factor (every facility part), and the two choices as 1/0:
    hardware.accelerators_included and facility.gas_supply."""
    flat = {}
    for group in FLAT_GROUPS:
        for f in fields(getattr(model, group)):
            value = getattr(getattr(model, group), f.name)
            if not isinstance(value, str):
                flat[f"{group}.{f.name}"] = float(value)
    flat.update({"ground.pue": model.ground.pue, "ground.hyperscale_pue": model.ground.hyperscale_pue,
                 "satellite.lifetime_years": model.satellite.lifetime_years,
                 "launch.price_usd_per_kg": model.launch.price_usd_per_kg,
                 "launch.payload_kg": model.launch.payload_kg,
                 "hardware.price_factor": 1.0, "launch.price_factor": 1.0, "facility.price_factor": 1.0,
                 "hardware.accelerators_included": float(model.hardware.accelerators == "included"),
                 "facility.gas_supply": float(model.facility.supply == "gas")})
    return flat
