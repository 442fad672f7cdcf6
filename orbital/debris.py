"""The population already in orbit, as a kinetic gas: each shell's satellites sweep the debris of the
region they fly through, and expect n σ v collisions a year each (n the objects' spatial density,
σ the cross-section, v the mean relative speed). n(h) follows ESA MASTER's spatial density by altitude
(orbital/data/debris_density_master.csv), rescaled to the counts of the parameters."""

import math
from functools import lru_cache
from pathlib import Path

import numpy as np

from .constants import EARTH_RADIUS_KM, JULIAN_YEAR_S

PROFILE_PATH = Path(__file__).parent / "data" / "debris_density_master.csv"
PROFILE_COLUMNS = {"tracked": 2, "small": 3}  # ≥ 10 cm and 1–10 cm


def shell_volume_km3(low_km, high_km):
    """Volume (km³) between altitudes `low_km` and `high_km` above a spherical Earth."""
    return 4.0 / 3.0 * math.pi * ((EARTH_RADIUS_KM + high_km) ** 3 - (EARTH_RADIUS_KM + low_km) ** 3)


@lru_cache(maxsize=None)
def density_profile(kind):
    """ESA MASTER's spatial density of `kind` ("tracked": ≥ 10 cm, "small": 1–10 cm): (edges_km (B+1,),
    density_per_km3 (B,), cumulative_objects (B+1,): the objects below each edge)."""
    table = np.loadtxt(PROFILE_PATH, delimiter=",", comments="#", skiprows=9)
    edges_km = np.append(table[:, 0], table[-1, 1])
    density = table[:, PROFILE_COLUMNS[kind]]
    return edges_km, density, np.concatenate(([0.0], np.cumsum(density * np.diff(shell_volume_km3(0.0, edges_km)))))


def profile_counts(edges_km, kind, objects, low_km, high_km):
    """`objects` of `kind` between low_km and high_km, shaped by the MASTER profile, per bin of `edges_km`
    ((K+1,) km) ((K,) array; the count within a 10 km profile bin taken linear in altitude)."""
    profile_edges, _, cumulative = density_profile(kind)
    below = np.interp(np.clip(np.asarray(edges_km, float), low_km, high_km), profile_edges, cumulative)
    span = np.interp(high_km, profile_edges, cumulative) - np.interp(low_km, profile_edges, cumulative)
    return objects * np.diff(below) / span if span > 0 else np.zeros(len(edges_km) - 1)


def profile_density_per_km3(altitude_km, kind, objects, low_km, high_km):
    """Objects of `kind` per km³ at `altitude_km` when `objects` lie between low_km and high_km with the MASTER
    profile's shape; 0 outside that span and outside the profile (200–2,000 km)."""
    profile_edges, density, cumulative = density_profile(kind)
    if not (low_km <= altitude_km <= high_km and profile_edges[0] <= altitude_km <= profile_edges[-1]):
        return 0.0
    span = np.interp(high_km, profile_edges, cumulative) - np.interp(low_km, profile_edges, cumulative)
    index = min(int(np.searchsorted(profile_edges, altitude_km, side="right")) - 1, density.size - 1)
    return float(objects * density[index] / span) if span > 0 else 0.0


def collisions_per_year(satellites, density_per_km3, cross_section_m2, speed_km_s):
    """Expected collisions a year (kinetic gas): satellites × n × σ × v × one year, with the cross-section
    `cross_section_m2` (m²) and the mean relative speed `speed_km_s`."""
    return satellites * density_per_km3 * cross_section_m2 * 1e-6 * speed_km_s * JULIAN_YEAR_S


def shell_collisions(satellites, altitude_km, traffic):
    """A shell's expected collisions a year with the tracked objects and with 1–10 cm debris (the Traffic
    parameter group `traffic`: counts, the altitudes they lie between, impact speed), n(h) at the shell's
    altitude from the MASTER profile, each satellite presenting a disc of the hard-body radius; 0 outside
    the populated altitudes."""
    cross_section_m2 = math.pi * traffic.hard_body_radius_m ** 2
    out = {}
    for kind, objects in (("tracked", traffic.tracked_objects), ("small", traffic.small_debris)):
        density = profile_density_per_km3(altitude_km, kind, objects, traffic.debris_low_km, traffic.debris_high_km)
        out[kind] = collisions_per_year(satellites, density, cross_section_m2, traffic.debris_speed_km_s)
    return out
