"""Orbital Compute Dashboard's engine: constellations, propagation, sunlight and solar power.

    import orbital
    c = orbital.preset("spacex-odc")
    t = orbital.times("2026-06-21T00:00:00Z", hours=24, step_s=60)
    state = orbital.propagate(c, t)      # lat_deg, lon_deg, alt_km, r_gcrs_km, error
    lit = orbital.illumination(state)    # visible fraction of the solar disc (satellites, times)
"""

from .catalogue import from_omm, from_tle
from .constellation import (Catalogue, Constellation, Shell, combine, sun_synchronous,
                            sun_synchronous_inclination_deg, walker)
from .errors import OrbitalError
from .fleet import fleet_year
from .parameters import SolarArray
from .power import array_power_w, energy_wh
from .presets import PRESETS, preset
from .propagation import State, propagate
from .shadow import beta_angle_deg, eclipse_events, illumination, umbra_margin_rad
from .statistics import sunlight_statistics
from .sun import sun_distance_au, sun_gcrs_km
from .timeutil import at, times

__all__ = [
    "Catalogue", "Constellation", "OrbitalError", "PRESETS", "Shell", "SolarArray", "State",
    "array_power_w", "at", "beta_angle_deg", "combine", "eclipse_events", "energy_wh", "fleet_year", "from_omm",
    "from_tle", "illumination", "preset", "propagate", "sun_distance_au", "sun_gcrs_km",
    "sun_synchronous", "sun_synchronous_inclination_deg", "sunlight_statistics", "times",
    "umbra_margin_rad", "walker",
]
