"""Trapped radiation with AE-8/AP-8 (the aep8 package, IRBEM's implementation): IRBEM's own reference
value as SpacePy's tests publish it, the belts' shape, and what it says of the presets."""

import pytest

import orbital
from orbital.parameters import Model
from orbital.radiation import trapped_flux


def test_ae8_reproduces_irbems_published_reference_value():
    """SpacePy's irbempy tests (IRBEM's AE8 via get_AEP8): 2 MeV electrons, solar minimum, differential,
    at GEO cartesian (3, 0, 0) Earth radii on 2002-02-02 12:00 → 99,492.059 /cm²/s/MeV."""
    flux = trapped_flux("e", "min", 0.0, 0.0, 2 * 6378.137, 2.0, "2002-02-02T12:00:00", kind="differential")
    assert float(flux) == pytest.approx(99492.059080021136, rel=1e-6)


def test_protons_climb_into_the_inner_belt():
    low = trapped_flux("p", "min", -25.0, -50.0, 650.0, 10.0, "2026-06-21")  # the South Atlantic Anomaly
    high = trapped_flux("p", "min", -25.0, -50.0, 1600.0, 10.0, "2026-06-21")
    assert 0 < low < high


def test_the_high_shells_of_the_filing_get_tens_of_times_the_reference_orbits_protons():
    result = orbital.assess(orbital.preset("spacex-odc"), orbital.times("2026-06-21T00:00:00Z", days=2, step_s=1800),
                            Model(), 2)
    rows = {row.shell: row for row in result.radiation.shells}
    high = [row for name, row in rows.items() if name.startswith("SSO")]
    assert len(high) == 32 and all(row.proton_ratio_to_reference > 10 for row in high)  # 4 shells of 8 layers
    assert all(row.flag == "beyond what Suncatcher tested" for row in high)
    low = rows["30° 500 km"]
    assert low.dose_krad_over_life < Model().radiation.memory_errors_krad
    suncatcher = orbital.assess(orbital.preset("suncatcher"), orbital.times("2026-06-21T00:00:00Z", days=2,
                                                                           step_s=1800), Model(), 2)
    # Suncatcher's own orbit is the reference: its dose is the reference dose.
    assert suncatcher.radiation.shells[0].dose_krad_over_life == pytest.approx(0.75, rel=0.05)
