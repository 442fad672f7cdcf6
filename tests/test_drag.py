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


def test_the_atmosphere_thins_with_height_and_swells_with_the_sun():
    low, high = density_kg_m3([400.0, 800.0], 70, 70, 4), density_kg_m3([400.0, 800.0], 200, 200, 15)
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
    assert decay_years(500.0, 0.05, 200, 200, 15) < 5.0
    assert decay_years(1400.0, 0.05, 200, 200, 15) > 100.0
    result = orbital.assess(orbital.preset("spacex-odc"), orbital.times("2026-06-21T00:00:00Z", days=2, step_s=1800),
                            Model(), 2)
    assert result.disposal.share_for_centuries == pytest.approx(0.6)  # the 1,400–2,000 km shells
    rows = {row.shell: row for row in result.mass.drag}
    assert rows["30° 500 km"].solar_max.dead_satellite_years < 5
    assert all(row.solar_min.dead_satellite_years >= row.solar_max.dead_satellite_years for row in rows.values())
