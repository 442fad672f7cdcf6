"""The population already in orbit as a kinetic gas (orbital/debris.py): the expected collisions of a
satellite crossing a uniform shell of objects, against the objects counted in the tube it sweeps (Monte
Carlo) and against a hand computation; the debris stage on starlink."""

import math

import numpy as np
import pytest

import orbital
from orbital.constants import EARTH_RADIUS_KM, JULIAN_YEAR_S
from orbital.debris import collisions_per_year, shell_volume_km3, spatial_density_per_km3
from orbital.parameters import Model


def test_the_kinetic_gas_counts_the_objects_in_the_tube_a_circular_orbit_sweeps():
    """2 million objects spread uniformly over 200–2,000 km; a satellite on a circular orbit at 1,000 km with
    a 100 km "radius" sweeps a torus of volume 2π² r R² (Pappus) in one revolution: the objects found
    inside it against n σ v t with σ = π R² and v t = 2π r (Poisson, 4σ)."""
    rng = np.random.default_rng(26)
    objects, low, high, radius_km, tube_km = 2_000_000, 200.0, 2000.0, EARTH_RADIUS_KM + 1000.0, 100.0
    r = np.cbrt(rng.uniform((EARTH_RADIUS_KM + low) ** 3, (EARTH_RADIUS_KM + high) ** 3, objects))
    z = rng.uniform(-1.0, 1.0, objects)  # uniform on the sphere: z = cos θ uniform
    rho, height = r * np.sqrt(1.0 - z * z), r * z
    inside = int(((rho - radius_km) ** 2 + height ** 2 < tube_km ** 2).sum())
    speed_km_s = 7.35
    seconds = 2.0 * math.pi * radius_km / speed_km_s
    expected = collisions_per_year(1, spatial_density_per_km3(objects, low, high), math.pi * tube_km ** 2 * 1e6,
                                   speed_km_s) * seconds / JULIAN_YEAR_S
    assert expected == pytest.approx(objects * 2 * math.pi ** 2 * radius_km * tube_km ** 2 / shell_volume_km3(low, high))
    assert inside == pytest.approx(expected, abs=4 * math.sqrt(expected))


def test_the_debris_stage_against_a_hand_computation():
    # By hand: 40,000 objects over 200–2,000 km: V = 4/3 π (8,378.137³ − 6,578.137³) = 1.2713e12 km³,
    # n = 3.146e-8 /km³; a 10 m hard-body disc, 314.16 m²; 10 km/s; a Julian year: 3.119e-3 a satellite.
    result = orbital.assess(orbital.preset("starlink"), orbital.times("2026-06-21T00:00:00Z", days=1, step_s=3600),
                            Model(), 2)
    per_satellite = 40_000 / 1.2713e12 * 314.16e-6 * 10.0 * 31_557_600
    assert per_satellite == pytest.approx(3.119e-3, rel=1e-3)
    rows = {row.shell: row for row in result.debris.shells}
    assert rows["Starlink 550 km 53° 1584"].tracked_per_year == pytest.approx(1584 * per_satellite, rel=1e-3)
    assert rows["Starlink 550 km 53° 1584"].small_per_year == pytest.approx(30 * 1584 * per_satellite, rel=1e-3)
    assert result.debris.collisions_per_year == pytest.approx(31 * 4408 * per_satellite, rel=1e-3)
