"""Deployment: the payload a vehicle carries to a shell, satellites per launch, launches and years at a
cadence, and holding the fleet (its price: orbital.economics.flights, by the flight)."""

import math

import numpy as np

from .constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from .errors import OrbitalError

# Standard gravity (m/s², exact, CGPM 1901) and Earth's equatorial rotation speed (m/s: WGS84 radius ×
# sidereal rate 7.292115e-5 rad/s).
STANDARD_GRAVITY_M_S2 = 9.80665
EQUATOR_ROTATION_SPEED_M_S = 465.1


def hohmann_delta_v_m_s(from_altitude_km, to_altitude_km):
    """Δv (m/s) of a Hohmann transfer between circular orbits (arrays broadcast; 0 when going down)."""
    r1 = EARTH_RADIUS_KM + np.asarray(from_altitude_km, dtype=float)
    r2 = np.maximum(EARTH_RADIUS_KM + np.asarray(to_altitude_km, dtype=float), r1)
    transfer = np.sqrt(2.0 * r2 / (r1 + r2))
    burn1 = np.sqrt(MU_EARTH_KM3_S2 / r1) * (transfer - 1.0)
    burn2 = np.sqrt(MU_EARTH_KM3_S2 / r2) * (1.0 - np.sqrt(2.0 * r1 / (r1 + r2)))
    return (burn1 + burn2) * 1000.0


def payload_kg(altitude_km, inclination_deg, launch):
    """Payload (kg) the vehicle puts into a circular orbit at `altitude_km`, `inclination_deg` (arrays
    broadcast), from its quoted payload to a low orbit due east of the site (launch.payload_kg at
    reference_altitude_km): the extra Δv (a Hohmann raise, and Earth's rotation lost to an inclined
    or retrograde orbit, v_eq (cos φ − cos i) for i above the site's latitude φ) comes out of the upper
    stage by the rocket equation: (payload + dry) shrinks by exp(−Δv / (Isp g₀)). Never below 0."""
    raise_m_s = hohmann_delta_v_m_s(launch.reference_altitude_km, altitude_km)
    site = math.radians(launch.site_latitude_deg)
    inclination = np.radians(np.maximum(np.asarray(inclination_deg, dtype=float), launch.site_latitude_deg))
    plane_m_s = EQUATOR_ROTATION_SPEED_M_S * (math.cos(site) - np.cos(inclination))
    final = (launch.payload_kg + launch.upper_stage_dry_kg) * np.exp(
        -(raise_m_s + plane_m_s) / (launch.upper_stage_isp_s * STANDARD_GRAVITY_M_S2))
    return np.maximum(final - launch.upper_stage_dry_kg, 0.0)


def satellites_per_launch(satellite_mass_kg, payload):
    """Whole satellites of `satellite_mass_kg` a launch of `payload` kg carries (arrays broadcast; at
    least one, else OrbitalError)."""
    per_launch = np.floor(np.asarray(payload, dtype=float) / satellite_mass_kg)
    if np.any(per_launch < 1):
        raise OrbitalError(f"payload_kg: {np.min(payload):,.0f} kg to the shell's orbit cannot carry one "
                           f"{np.max(satellite_mass_kg):,.0f} kg satellite", parameter="payload_kg")
    return per_launch


def launches_by_shell(satellites, satellite_mass_kg, payload):
    """Launches to deploy each shell ((shells,) arrays: satellites, mass kg, payload kg to its orbit),
    each launch carrying one shell's satellites, and the fleet's mean satellites per launch."""
    launches = np.ceil(np.asarray(satellites, dtype=float) / satellites_per_launch(satellite_mass_kg, payload))
    return launches, float(np.sum(satellites) / launches.sum())


def replacement(satellites, per_launch, lifetime_years, launch):
    """Holding a fleet of `satellites` whose satellites last `lifetime_years`: the launches a year that
    replace them at steady state (fleet ÷ life ÷ satellites per launch), the largest fleet the cadence
    sustains (launches a year × life × satellites per launch), whether this fleet is within it, and the
    CO₂ of the replacement launches (Mt a year)."""
    launches_per_year = satellites / lifetime_years / per_launch
    sustainable = launch.launches_per_year * lifetime_years * per_launch
    return {"replacement_launches_per_year": launches_per_year, "sustainable_satellites": sustainable,
            "sustainable": satellites <= sustainable,
            "replacement_co2_mt_per_year": launches_per_year * launch.co2_t_per_launch / 1e6}


def deployment(satellites, satellite_mass_kg, launch, per_launch=None):
    """Launching `satellites` of `satellite_mass_kg` each, `per_launch` satellites a launch (default: as
    many as launch.payload_kg carries; a fleet mean may be fractional). Their price is the costs
    stage's (orbital.economics.flights, by the flight).

    Returns dict: satellites_per_launch, launches, years (at launches_per_year), mass_t, the CO₂ of
    the launches (Mt), and the ramp: years (launches,) and satellites in orbit after each launch.
    """
    if per_launch is None:
        per_launch = float(satellites_per_launch(satellite_mass_kg, launch.payload_kg))
    launches = math.ceil(satellites / per_launch - 1e-9)
    in_orbit = np.minimum(np.round(np.arange(1, launches + 1) * per_launch), satellites)
    mass_per_launch_t = np.diff(in_orbit, prepend=0) * satellite_mass_kg / 1000.0
    return {
        "satellites_per_launch": per_launch, "launches": launches, "years": launches / launch.launches_per_year,
        "mass_t": float(mass_per_launch_t.sum()),
        "deployment_co2_mt": launches * launch.co2_t_per_launch / 1e6,
        "ramp_years": np.arange(1, launches + 1) / launch.launches_per_year, "ramp_satellites": in_orbit,
    }
