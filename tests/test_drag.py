"""Drag with NRLMSIS 2.1 (pymsis): the package's own published test value, decay and station keeping
in closed form, and what it says of the presets; nothing is fetched."""

import math

import numpy as np
import pymsis.utils
import pytest

import orbital
from orbital.constants import JULIAN_YEAR_S
from orbital.drag import (STANDARD_GRAVITY_M_S2, circular_speed_m_s, decay_years, density_kg_m3, msis_density_kg_m3,
                          profile_decay_years, station_keeping)
from orbital.parameters import Model


@pytest.fixture(autouse=True)
def no_space_weather_download(monkeypatch):
    """pymsis fetches F10.7 and Ap only when they are not given: make that fail loudly."""
    def refuse(*args, **kwargs):
        raise AssertionError("pymsis tried to fetch space-weather data")

    monkeypatch.setattr(pymsis.utils, "download_f107_ap", refuse)
    monkeypatch.setattr(pymsis.utils, "get_f107_ap", refuse)


def test_msis_reproduces_the_packages_published_reference_point():
    """pymsis's tests/test_msis.py: 2010-01-01 12:00 UT, 0° E, 0° N, 200 km, F10.7 = F10.7a = 150, Ap 3
    → mass density 2.466441e-10 kg/m³ (NRLMSIS 2.1)."""
    rho = msis_density_kg_m3(np.datetime64("2010-01-01T12:00"), 0.0, 0.0, 200.0, 150.0, 150.0, 3.0)
    assert float(np.squeeze(rho)) == pytest.approx(2.466441e-10, rel=1e-5)


def flown_density_kg_m3(altitude_km, inclination_deg, f107, ap, samples=6000):
    """pymsis's own mass density averaged along a circular orbit flown through 2026 (its fly-through mode:
    one point per instant), the node regressing under J2 and the Earth turning beneath (GMST)."""
    r_km, mu, j2, re = 6378.137 + altitude_km, 398600.4418, 1.08262668e-3, 6378.137
    n = math.sqrt(mu / r_km ** 3)
    t_s = np.linspace(0.0, JULIAN_YEAR_S, samples, endpoint=False) + 1234.5
    i = math.radians(inclination_deg)
    node = -1.5 * n * j2 * (re / r_km) ** 2 * math.cos(i) * t_s
    u = n * t_s
    x = np.cos(node) * np.cos(u) - np.sin(node) * np.sin(u) * math.cos(i)
    y = np.sin(node) * np.cos(u) + np.cos(node) * np.sin(u) * math.cos(i)
    lat = np.degrees(np.arcsin(np.sin(u) * math.sin(i)))
    days = t_s / 86400.0 + (np.datetime64("2026-01-01") - np.datetime64("2000-01-01T12:00")) / np.timedelta64(1, "D")
    gmst = np.radians(280.46061837 + 360.98564736629 * days)
    lon = np.degrees(np.arctan2(y, x) - gmst) % 360.0
    dates = np.datetime64("2026-01-01") + (t_s * 1e3).astype("timedelta64[ms]")
    out = pymsis.calculate(dates, lon, lat, np.full(samples, altitude_km), np.full(samples, float(f107)),
                           np.full(samples, float(f107)), np.full((samples, 7), float(ap)), version=2.1)
    return float(out[:, pymsis.Variable.MASS_DENSITY].mean())


@pytest.mark.parametrize("altitude_km, inclination_deg, f107, ap", [
    (500.0, 30.0, 200.0, 15.0), (650.0, 30.0, 70.0, 4.0), (800.0, 53.0, 200.0, 15.0), (1400.0, 70.0, 70.0, 4.0)])
def test_the_year_average_along_the_orbit_is_pymsis_flown_along_it(altitude_km, inclination_deg, f107, ap):
    """The year's average over the orbit's latitudes against pymsis itself along an orbit flown through
    the year (6,000 instants): within 3 %. At 500 km, F10.7 = 200, Ap = 15, 30°: ~1.7e-12 kg/m³. (The
    orbits drift through every local time; a sun-synchronous one, held at one, is not what is averaged.)"""
    ours = float(density_kg_m3(altitude_km, f107, f107, ap, inclination_deg)[0])
    assert ours / flown_density_kg_m3(altitude_km, inclination_deg, f107, ap) == pytest.approx(1.0, abs=0.03)


def test_the_atmosphere_thins_with_height_and_swells_with_the_sun():
    low, high = density_kg_m3([400.0, 800.0], 70, 70, 4, 53.0), density_kg_m3([400.0, 800.0], 200, 200, 15, 53.0)
    assert low[0] > low[1] > 0 and (high > 3 * low).all()


def test_decay_through_an_exponential_atmosphere_matches_a_fine_integral():
    heights = np.linspace(120.0, 800.0, 137)  # 5 km levels
    density = 1e-9 * np.exp(-(heights - 120.0) / 60.0)
    coarse = profile_decay_years(heights, density, 0.02)
    fine_h = np.linspace(120.0, 800.0, 680_001)
    fine_rho = 1e-9 * np.exp(-(fine_h - 120.0) / 60.0)
    integrand = 1.0 / (fine_rho * 0.02 * np.sqrt(orbital.constellation.MU_EARTH_KM3_S2 * 1e9
                                                  * (orbital.constellation.EARTH_RADIUS_KM + fine_h) * 1e3))
    fine = np.trapezoid(integrand, fine_h * 1000.0) / JULIAN_YEAR_S
    assert coarse == pytest.approx(fine, rel=2e-3)


def test_station_keeping_in_closed_form():
    rho, b, mass, isp = 1e-12, 0.05, 1000.0, 1500.0
    delta_v, propellant = station_keeping(550.0, b, mass, isp, rho)
    v = circular_speed_m_s(550.0)
    assert delta_v == pytest.approx(0.5 * rho * v * v * b * JULIAN_YEAR_S)
    assert propellant == pytest.approx(mass * (1 - math.exp(-delta_v / (isp * STANDARD_GRAVITY_M_S2))))


def test_low_shells_clean_themselves_and_high_ones_stay_for_centuries():
    assert decay_years(500.0, 0.05, 200, 200, 15, 30.0) < 5.0
    assert decay_years(1400.0, 0.05, 200, 200, 15, 97.0) > 100.0
    result = orbital.assess(orbital.preset("spacex-odc"), orbital.times("2026-06-21T00:00:00Z", days=2, step_s=1800),
                            Model(), 2)
    assert result.disposal.share_for_centuries == pytest.approx(0.6)  # the 1,400–2,000 km shells
    rows = {row.shell: row for row in result.mass.drag}
    assert rows["30° 500 km"].solar_max.dead_satellite_years < 5
    assert all(row.solar_min.dead_satellite_years >= row.solar_max.dead_satellite_years for row in rows.values())
