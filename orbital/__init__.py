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
from .errors import BadRecordsError, OrbitalError
from .frames import earth_rotation_angle_rad
from .fleet import FLEET_YEAR_STEP_S, SUNLIT_BIN_EDGES, fleet_year, fleet_year_chunk, serial_chunks, shell_rows
from .memo import MEMO as ORBIT_MEMO
from .network.instant import city_names, city_path, footprint_half_angle_rad, satellite_links, station_contacts
from .network.latency import bent_pipe_floor_s
from .network.report import PODS_BPS, network as network_report
from .network.window import network_window
from .network.year import network_year
from .parameters import (ECLIPSE_MODES, LAUNCH_VEHICLES, WORKLOADS, Battery, Ground, Launch, Model, Radiator,
                         Satellite, SolarArray)
from .population import fleet_outlook as population_outlook
from .power import array_power_w, energy_wh
from .presets import PRESETS, preset
from .propagation import State, propagate
from .settings import SETTINGS, Setting
from .series import fleet_compute, mean_elements, satellite_power, satellite_scatter, snapshot
from .sky import SITES as SKY_SITES, night_sky, site as sky_site, sky_at
from .shadow import beta_angle_deg, eclipse_events, illumination, umbra_margin_rad
from .statistics import sunlight_statistics
from .sun import sun_distance_au, sun_gcrs_km
from .stages import STAGES, Assessment
from .satellite import SERIES_COLUMNS, orbital_elements, satellite_elements, satellite_facts, satellite_rows
from .sweep import sso_sweep
from .traffic import traffic, traffic_chunk
from .timeutil import at, parse_iso, times, year_times

__all__ = [
    "ACCELERATORS", "Assessment", "BadRecordsError", "Battery", "Catalogue", "Command", "Constellation",
    "DAY_S", "ECLIPSE_MODES", "FLEET_YEAR_STEP_S", "Ground", "HOURS_PER_YEAR", "JULIAN_YEAR_S", "Launch",
    "LAUNCH_VEHICLES", "MAX_CATALOGUE_BYTES", "MAX_SATELLITES", "Model", "ORBIT_MEMO", "OrbitalError",
    "PODS_BPS", "PRESETS", "Radiator", "Satellite", "SERIES_COLUMNS", "Setting", "SETTINGS", "Shell",
    "SKY_SITES", "SolarArray", "STAGES", "State", "SUNLIT_BIN_EDGES", "WORKLOADS", "accelerator",
    "array_power_w", "assess", "assess_year", "at", "bent_pipe_floor_s", "beta_angle_deg", "city_names",
    "city_path", "clip", "combine", "command_line", "comparison", "earth_rotation_angle_rad",
    "eclipse_events", "energy_wh", "fleet_compute", "fleet_year", "fleet_year_chunk",
    "footprint_half_angle_rad", "format_value", "from_omm", "from_tle", "illumination", "mean_elements",
    "network_report", "network_window", "network_year", "night_sky", "orbital_elements",
    "parse_catalogue_text", "parse_iso",
    "population_outlook", "preset", "propagate", "remember_orbits", "satellite_elements", "satellite_facts",
    "satellite_links", "satellite_power", "satellite_rows", "satellite_scatter", "serial_chunks",
    "shell_rows", "sky_at", "sky_site", "snapshot", "sso_sweep", "station_contacts", "sun_distance_au",
    "sun_gcrs_km", "sun_synchronous", "sun_synchronous_inclination_deg", "sunlight_statistics", "times",
    "traffic", "traffic_chunk", "umbra_margin_rad", "walker", "year_times",
]
