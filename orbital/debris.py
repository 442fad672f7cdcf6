"""The population already in orbit, as a kinetic gas: each shell's satellites sweep the debris of the
region they fly through, and expect n σ v collisions a year each (n the objects' spatial density,
σ the cross-section, v the mean relative speed)."""

import math

from .constants import EARTH_RADIUS_KM, JULIAN_YEAR_S


def shell_volume_km3(low_km, high_km):
    """Volume (km³) between altitudes `low_km` and `high_km` above a spherical Earth."""
    return 4.0 / 3.0 * math.pi * ((EARTH_RADIUS_KM + high_km) ** 3 - (EARTH_RADIUS_KM + low_km) ** 3)


def spatial_density_per_km3(objects, low_km, high_km):
    """Objects per km³ when `objects` are spread evenly between `low_km` and `high_km`."""
    return objects / shell_volume_km3(low_km, high_km)


def collisions_per_year(satellites, density_per_km3, cross_section_m2, speed_km_s):
    """Expected collisions a year (kinetic gas): satellites × n × σ × v × one year, with the cross-section
    `cross_section_m2` (m²) and the mean relative speed `speed_km_s`."""
    return satellites * density_per_km3 * cross_section_m2 * 1e-6 * speed_km_s * JULIAN_YEAR_S


def shell_collisions(satellites, altitude_km, traffic):
    """A shell's expected collisions a year with the tracked objects and with 1–10 cm debris (the Traffic
    parameter group `traffic`: counts, the altitudes they are spread over, impact speed), each satellite
    presenting a disc of the hard-body radius; 0 outside the populated altitudes."""
    inside = traffic.debris_low_km <= altitude_km <= traffic.debris_high_km
    cross_section_m2 = math.pi * traffic.hard_body_radius_m ** 2
    out = {}
    for kind, objects in (("tracked", traffic.tracked_objects), ("small", traffic.small_debris)):
        density = spatial_density_per_km3(objects, traffic.debris_low_km, traffic.debris_high_km) if inside else 0.0
        out[kind] = collisions_per_year(satellites, density, cross_section_m2, traffic.debris_speed_km_s)
    return out
