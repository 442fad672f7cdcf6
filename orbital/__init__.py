"""Orbital Compute Dashboard's engine: constellations, propagation, sunlight, solar power, compute,
heat, launch and the ground comparison. Pure Python + numpy; it imports nothing of the web.

This module is the engine's one front door: the dashboard (components/) uses these names only.

    import orbital
    c = orbital.preset("spacex-odc")
    t = orbital.times("2026-06-21T00:00:00Z", hours=24, step_s=60)
    state = orbital.propagate(c, t)      # lat_deg, lon_deg, alt_km, r_gcrs_km, error
    lit = orbital.illumination(state)    # visible fraction of the solar disc (satellites, times)
"""

from .assessment import assess, assess_year, comparison, format_value, remember_orbits
from .cli import Command, main as command_line
from .catalogue import MAX_CATALOGUE_BYTES, clip, from_omm, from_tle, parse_catalogue_text
from .compute import ACCELERATORS, accelerator
from .constants import DAY_S, HOURS_PER_YEAR, JULIAN_YEAR_S
from .constellation import (MAX_SATELLITES, Catalogue, Constellation, Shell, combine, sun_synchronous,
                            sun_synchronous_inclination_deg, walker)
from .errors import OrbitalError
from .frames import earth_rotation_angle_rad
from .fleet import FLEET_YEAR_STEP_S, SUNLIT_BIN_EDGES, fleet_year, fleet_year_chunk, serial_chunks, shell_rows
from .memo import MEMO as ORBIT_MEMO
from .parameters import (ECLIPSE_MODES, LAUNCH_VEHICLES, Battery, Ground, Launch, Model, Radiator,
                         Satellite, SolarArray)
from .power import array_power_w, energy_wh
from .presets import PRESETS, preset
from .propagation import State, propagate
from .settings import SETTINGS, Setting
from .series import fleet_compute, mean_elements, satellite_power, satellite_scatter, snapshot
from .shadow import beta_angle_deg, eclipse_events, illumination, umbra_margin_rad
from .statistics import sunlight_statistics
from .sun import sun_distance_au, sun_gcrs_km
from .stages import STAGES, Assessment
from .sweep import sso_sweep
from .traffic import traffic, traffic_chunk
from .timeutil import at, parse_iso, times, year_times

__all__ = [
    "ACCELERATORS", "Assessment", "Battery", "Catalogue", "Command", "Constellation", "DAY_S", "ECLIPSE_MODES",
    "FLEET_YEAR_STEP_S", "Ground", "HOURS_PER_YEAR", "JULIAN_YEAR_S", "LAUNCH_VEHICLES", "Launch", "MAX_CATALOGUE_BYTES",
    "MAX_SATELLITES", "Model", "OrbitalError", "ORBIT_MEMO", "PRESETS", "Radiator", "SETTINGS", "STAGES", "SUNLIT_BIN_EDGES",
    "Satellite", "Setting", "Shell", "SolarArray", "State", "accelerator",
    "array_power_w", "assess", "assess_year", "at", "beta_angle_deg", "clip", "combine", "command_line", "comparison",
    "earth_rotation_angle_rad", "eclipse_events", "energy_wh", "fleet_compute", "fleet_year", "fleet_year_chunk", "format_value",
    "from_omm", "from_tle", "illumination", "mean_elements", "parse_catalogue_text", "parse_iso", "preset",
    "propagate", "remember_orbits", "satellite_power", "satellite_scatter", "serial_chunks", "shell_rows", "snapshot", "sso_sweep",
    "sun_distance_au", "sun_gcrs_km", "sun_synchronous", "sun_synchronous_inclination_deg",
    "sunlight_statistics", "times", "traffic", "traffic_chunk", "umbra_margin_rad", "walker", "year_times",
]
