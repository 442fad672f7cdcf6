"""The population already in orbit as a kinetic gas (orbital/debris.py): the expected collisions of a
satellite crossing a uniform shell of objects, against the objects counted in the tube it sweeps (Monte
Carlo) and against a hand computation; the debris stage on starlink; the ESA MASTER profile by altitude
read by hand from the shipped CSV."""

import csv
import math
from pathlib import Path

import numpy as np
import pytest

import orbital
from orbital.constants import EARTH_RADIUS_KM, JULIAN_YEAR_S
from orbital import population as pop
from orbital.debris import collisions_per_year, profile_counts, shell_volume_km3
from orbital.parameters import Drag, Model, Population

PROFILE = Path(__file__).resolve().parents[1] / "orbital" / "data" / "debris_density_master.csv"


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
    expected = collisions_per_year(1, objects / shell_volume_km3(low, high), math.pi * tube_km ** 2 * 1e6,
                                   speed_km_s) * seconds / JULIAN_YEAR_S
    assert expected == pytest.approx(objects * 2 * math.pi ** 2 * radius_km * tube_km ** 2 / shell_volume_km3(low, high))
    assert inside == pytest.approx(expected, abs=4 * math.sqrt(expected))


def master_by_hand():
    """The shipped MASTER table read with the csv module: rows of (low_km, high_km, ≥ 10 cm, 1–10 cm per km³)
    and each row's volume by hand, 4/3 π (R_top³ − R_bottom³) with R = 6,378.137 km + altitude."""
    with PROFILE.open(encoding="utf-8") as handle:
        rows = [[float(v) for v in row] for row in csv.reader(line for line in handle if not line.startswith("#"))
                if row[0] != "low_km"]
    volumes = [4.0 / 3.0 * math.pi * ((6378.137 + hi) ** 3 - (6378.137 + lo) ** 3) for lo, hi, _, _ in rows]
    return rows, volumes


def test_the_master_profile_integrates_to_its_stated_totals_and_to_the_parameters_counts():
    """The CSV's header states ~19,300 objects ≥ 10 cm and ~328,000 of 1–10 cm over 200–2,000 km (the MASTER
    download's own totals); the engine's counts per bin add up to the Traffic and Population counts."""
    rows, volumes = master_by_hand()
    assert sum(r[2] * v for r, v in zip(rows, volumes)) == pytest.approx(19_300, rel=0.01)
    assert sum(r[3] * v for r, v in zip(rows, volumes)) == pytest.approx(328_000, rel=0.01)
    edges_km = np.arange(200.0, 2001.0, 50.0)
    assert profile_counts(edges_km, "tracked", 40_000.0, 200.0, 2000.0).sum() == pytest.approx(40_000.0, rel=1e-9)
    assert profile_counts(edges_km, "small", 1.2e6, 200.0, 2000.0).sum() == pytest.approx(1.2e6, rel=1e-9)
    system = pop.System(pop.FleetInputs(altitudes_km=np.array([1000.0]), satellites=np.array([0.0]), mass_kg=1.0,
                                        radius_m=1.0, ballistic_m2_kg=0.02, life_years=5.0, deploy_years=1.0,
                                        speed_km_s=10.0), Drag(), Population())
    x = system.start()
    assert x[pop.DERELICT].sum() + x[pop.DEBRIS].sum() == pytest.approx(4_000 + 25_000, rel=1e-9)


def test_the_profile_peaks_where_master_puts_it():
    """MASTER's densest shell, for both sizes, is 840–850 km (the Fengyun-1C and Iridium–Cosmos
    fragments); the population's 50 km bins peak at 800–850 km, the even spread's at its top, 1,950–2,000 km."""
    rows, _ = master_by_hand()
    for column in (2, 3):
        peak = max(rows, key=lambda r: r[column])
        assert (peak[0], peak[1]) == (840.0, 850.0)
    system = pop.System(pop.FleetInputs(altitudes_km=np.array([1000.0]), satellites=np.array([0.0]), mass_kg=1.0,
                                        radius_m=1.0, ballistic_m2_kg=0.02, life_years=5.0, deploy_years=1.0,
                                        speed_km_s=10.0), Drag(), Population())
    debris = system.start()[pop.DEBRIS]
    assert system.edges_km[int(np.argmax(debris))] == 800.0
    assert debris[system.edges_km[:-1] >= 1400.0].sum() < debris[(system.edges_km[:-1] >= 700.0)
                                                                  & (system.edges_km[:-1] < 1000.0)].sum()


def test_the_debris_stage_is_n_sigma_v_with_n_from_the_master_profile():
    # By hand: n(h) = count × ρ(h) / Σ ρ_i V_i, the MASTER row holding h; σ = π 10² m²; 10 km/s; a Julian year.
    rows, volumes = master_by_hand()
    result = orbital.assess(orbital.preset("starlink"), orbital.times("2026-06-21T00:00:00Z", days=1, step_s=3600),
                            Model(), 2)
    sigma_v_year = math.pi * 10.0 ** 2 * 1e-6 * 10.0 * 31_557_600
    total = 0.0
    for shell in result.debris.shells:
        altitude_km = float(shell.shell.split()[1])
        row = next(r for r in rows if r[0] <= altitude_km < r[1])
        for column, count, got in ((2, 40_000, shell.tracked_per_year), (3, 1.2e6, shell.small_per_year)):
            n_per_km3 = count * row[column] / sum(r[column] * v for r, v in zip(rows, volumes))
            assert got == pytest.approx(shell.satellites * n_per_km3 * sigma_v_year, rel=1e-9)
            total += got
    assert result.debris.collisions_per_year == pytest.approx(total, rel=1e-12)
    # 550 km sees ~1/5 of the peak ≥ 10 cm density (MASTER: 1.46e-8 at 550–560 km against 7.92e-8 at 840–850 km)
    at_550 = next(r for r in rows if r[0] == 550.0)[2]
    assert 0.1 < at_550 / max(r[2] for r in rows) < 0.3
