"""Drag with a real atmosphere: NRLMSIS 2.1 (pymsis) density at each shell's altitude at solar minimum
and maximum, the satellite's ballistic coefficient from its area and mass, the Δv and propellant a
year that station keeping costs, and how long a dead satellite stays up.

Solar and geomagnetic activity (F10.7, its 81-day mean, Ap) are always passed to pymsis explicitly
(model parameters of the Drag group), so it never reaches for space-weather files on the network.
"""

import math

import numpy as np

from .constants import EARTH_RADIUS_KM, JULIAN_YEAR_S, MU_EARTH_KM3_S2
from .memo import remembered

# Standard gravity, for the rocket equation (m/s², exact by definition, CGPM 1901).
STANDARD_GRAVITY_M_S2 = 9.80665
# Where a decaying orbit is taken to have re-entered, km: below it the decay takes days.
REENTRY_ALTITUDE_KM = 120.0
# The atmosphere is averaged over the year (the 15th of each month, at an hour UTC two later each month),
# over longitude and over the latitudes an orbit of the given inclination passes through (ORBIT_SAMPLES
# arguments of latitude, evenly spaced): the orbit-averaged density across the semi-annual and seasonal
# cycles, within 1 % of a grid of 24 dates, 24 longitudes and 48 latitudes (500–1,400 km, 30° and 97°).
AVERAGE_MONTHS = np.arange(1, 13)
AVERAGE_HOUR_STEP = 2
AVERAGE_LONGITUDES_DEG = np.arange(0.0, 360.0, 60.0)
ORBIT_SAMPLES = 8
# Altitude step of the density profile a decay is integrated over, km.
PROFILE_STEP_KM = 10.0


def msis_density_kg_m3(dates, lons_deg, lats_deg, altitudes_km, f107, f107a, ap):
    """NRLMSIS 2.1 mass density (kg/m³) on the grid dates × longitudes × latitudes × altitudes, with the
    solar flux `f107`, its 81-day mean `f107a` and the Ap index `ap` given for every date (never fetched)."""
    import pymsis  # here, not at the top: only a drag computation needs the atmosphere

    n = np.size(dates)
    out = pymsis.calculate(dates, lons_deg, lats_deg, altitudes_km, np.full(n, float(f107)), np.full(n, float(f107a)),
                           np.full((n, 7), float(ap)), version=2.1)
    return out[..., pymsis.Variable.MASS_DENSITY]


def orbit_latitudes_deg(inclination_deg):
    """Latitudes (deg, (ORBIT_SAMPLES,)) of a circular orbit at `inclination_deg` at evenly spaced
    arguments of latitude u: asin(sin i sin u), each an equal share of the orbit's time."""
    u = (np.arange(ORBIT_SAMPLES) + 0.5) * 2.0 * np.pi / ORBIT_SAMPLES
    return np.degrees(np.arcsin(np.sin(np.radians(inclination_deg)) * np.sin(u)))


def year_dates(year):
    """The dates the year's average samples, (12,): the 15th of each month, month m at 2 (m − 1) h UTC."""
    days = np.array([f"{year}-{m:02d}-15" for m in AVERAGE_MONTHS], dtype="datetime64[h]")
    return days + ((AVERAGE_MONTHS - 1) * AVERAGE_HOUR_STEP).astype("timedelta64[h]")


def density_kg_m3(altitudes_km, f107, f107a, ap, inclination_deg, year=2026):
    """NRLMSIS 2.1 mass density (kg/m³) averaged over the year `year` (year_dates), longitude and the
    latitudes of a circular orbit at `inclination_deg` (orbit_latitudes_deg), at each of `altitudes_km`
    (shape kept), for solar flux `f107`, its 81-day mean `f107a` and index `ap`; kept for the same
    inputs (memo.remembered), read-only."""
    altitudes_km = np.atleast_1d(np.asarray(altitudes_km, dtype=float))
    dates, lats = year_dates(year), orbit_latitudes_deg(float(inclination_deg))

    def average():
        grid = msis_density_kg_m3(dates, AVERAGE_LONGITUDES_DEG, lats, altitudes_km.ravel(), f107, f107a, ap)
        return grid.reshape(dates.size, AVERAGE_LONGITUDES_DEG.size, lats.size, -1).mean(
            axis=(0, 1, 2)).reshape(altitudes_km.shape)

    return remembered("msis-density", average, altitudes_km, float(f107), float(f107a), float(ap),
                      float(inclination_deg), int(year))


def circular_speed_m_s(altitude_km):
    """Speed of a circular orbit at `altitude_km`, m/s."""
    return math.sqrt(MU_EARTH_KM3_S2 / (EARTH_RADIUS_KM + altitude_km)) * 1000.0


def decay_years(altitude_km, ballistic_m2_kg, f107, f107a, ap, inclination_deg):
    """How long a dead satellite at `altitude_km` (circular, `inclination_deg`) stays up, years: the decay rate of a
    circular orbit, dh/dt = −ρ(h) (Cd A/m) √(μ (R + h)), integrated from REENTRY_ALTITUDE_KM up to
    it over an NRLMSIS profile; `ballistic_m2_kg` is Cd A/m."""
    if altitude_km <= REENTRY_ALTITUDE_KM:
        return 0.0
    heights = np.linspace(REENTRY_ALTITUDE_KM, altitude_km,
                          max(2, int(math.ceil((altitude_km - REENTRY_ALTITUDE_KM) / PROFILE_STEP_KM)) + 1))
    return profile_decay_years(heights, density_kg_m3(heights, f107, f107a, ap, inclination_deg), ballistic_m2_kg)


def profile_decay_years(heights_km, density, ballistic_m2_kg):
    """The decay time (years) through a density profile (`density` kg/m³ at `heights_km`, ascending):
    ∫ dh / (ρ (Cd A/m) √(μ (R + h))), the integrand's logarithm interpolated linearly between levels
    (the atmosphere is close to exponential over a level)."""
    rate_m_s = density * ballistic_m2_kg * np.sqrt(MU_EARTH_KM3_S2 * 1e9 * (EARTH_RADIUS_KM + heights_km) * 1e3)
    seconds_per_m = 1.0 / rate_m_s
    dh_m = np.diff(heights_km) * 1000.0
    a, b = seconds_per_m[:-1], seconds_per_m[1:]
    ratio = np.where(np.isclose(a, b), 1.0, b / a)
    # ∫ of an exponential between two levels: (b − a) / ln(b / a) × dh.
    mean = np.where(np.isclose(a, b), a, (b - a) / np.log(np.where(ratio == 1.0, 2.0, ratio)))
    return float((mean * dh_m).sum() / JULIAN_YEAR_S)


def station_keeping(altitude_km, ballistic_m2_kg, mass_kg, isp_s, density):
    """(Δv m/s a year, propellant kg a year) to hold a circular orbit against drag: the drag deceleration
    ½ ρ v² (Cd A/m) over a year, and the rocket equation at specific impulse `isp_s`."""
    v = circular_speed_m_s(altitude_km)
    delta_v = 0.5 * density * v * v * ballistic_m2_kg * JULIAN_YEAR_S
    propellant = mass_kg * (1.0 - math.exp(-delta_v / (isp_s * STANDARD_GRAVITY_M_S2)))
    return delta_v, propellant


def shell_drag(altitude_km, inclination_deg, area_m2, mass_kg, drag):
    """Drag on one shell's satellites (circular orbit at `altitude_km`, `inclination_deg`) at solar
    minimum and maximum (the Drag parameter group `drag`), the density averaged over the year:
    density, ballistic coefficient, Δv and propellant a year, and the years a dead satellite stays up."""
    ballistic = drag.drag_coefficient * drag.area_fraction * area_m2 / mass_kg
    out = {"altitude_km": float(altitude_km), "ballistic_m2_kg": ballistic}
    for phase, f107, ap in (("solar_min", drag.f107_solar_min, drag.ap_solar_min),
                            ("solar_max", drag.f107_solar_max, drag.ap_solar_max)):
        rho = float(density_kg_m3(altitude_km, f107, f107, ap, inclination_deg)[0])
        delta_v, propellant = station_keeping(altitude_km, ballistic, mass_kg, drag.isp_s, rho)
        out[phase] = {"density_kg_m3": rho, "delta_v_m_s_per_year": delta_v, "propellant_kg_per_year": propellant,
                      "dead_satellite_years": decay_years(altitude_km, ballistic, f107, f107, ap, inclination_deg)}
    return out


def disposal_delta_v_m_s(altitude_km, perigee_km):
    """Δv (m/s) of the burn that lowers a circular orbit at `altitude_km` to a perigee at `perigee_km`
    (arrays broadcast), from where drag brings the satellite down: v_c (1 − √(2 r_p / (r + r_p)));
    0 for an orbit already at or below that perigee."""
    r = EARTH_RADIUS_KM + np.asarray(altitude_km, dtype=float)
    r_p = np.minimum(EARTH_RADIUS_KM + np.asarray(perigee_km, dtype=float), r)
    return np.sqrt(MU_EARTH_KM3_S2 / r) * (1.0 - np.sqrt(2.0 * r_p / (r + r_p))) * 1000.0


def propellant_kg(dry_mass_kg, delta_v_m_s, isp_s):
    """Propellant (kg) for `delta_v_m_s` on a satellite of `dry_mass_kg` (rocket equation, burned down to
    dry): m_dry (exp(Δv / (Isp g₀)) − 1). Arrays broadcast."""
    return np.asarray(dry_mass_kg, dtype=float) * np.expm1(np.asarray(delta_v_m_s) / (isp_s * STANDARD_GRAVITY_M_S2))
