"""The fleet year: one satellite per orbit plane stands for the plane. Checked against every satellite
propagated on its own over the same year."""

import numpy as np
import pytest

from orbital.constellation import combine, walker
from orbital.fleet import SUNLIT_BIN_EDGES, fleet_year, plane_representatives
from orbital.presets import preset
from orbital.statistics import sunlight_statistics
from orbital.terrestrial import HOURS_PER_YEAR
from orbital.timeutil import times


def test_a_million_satellites_are_3200_planes_each_standing_for_its_satellites():
    fleet = preset("spacex-odc")
    index, satellites = plane_representatives(fleet)
    assert index.size == 3200 and satellites.sum() == fleet.count == 1_000_000
    group = fleet.group_index()[index]
    assert (satellites == np.where(group < 32, 375, 250)).all()  # 18,750/50 (32 layers) and 100,000/400 a plane
    for g, shell in enumerate(fleet.groups):  # every plane (node) of every shell is stood for once
        local = index[group == g] - fleet.offsets[g]
        assert np.array_equal(np.sort(shell.raan_rad[local]), np.unique(shell.raan_rad))


def test_each_plane_stands_for_every_satellite_in_it_over_a_year():
    fleet = combine(preset("demo"), walker(1200, 70.0, 40, 5, 2, epoch="2026-01-01T00:00:00Z", name="70°"))
    step_s = 1800.0
    result = fleet_year(fleet, 2026, step_s=step_s)
    every = sunlight_statistics(fleet, times("2026-01-01T00:00:00Z", days=365.0, step_s=step_s)[:-1])
    # Map each satellite to the plane that stands for it (same group and node).
    keys = list(zip(fleet.group_index().tolist(), np.concatenate([g.raan_rad for g in fleet.groups]).tolist()))
    by_plane = result["by_plane"]
    plane_of = {keys[i]: p for p, i in enumerate(by_plane["index"])}
    plane = np.array([plane_of[k] for k in keys])
    assert np.abs(every["sunlit_fraction"] - by_plane["sunlit_fraction"][plane]).max() < 0.005
    assert np.abs(every["mean_power_w"] / by_plane["mean_power_w"][plane] - 1).max() < 0.005
    assert np.abs(every["eclipse_max_s"] - by_plane["eclipse_max_s"][plane]).max() < 60.0
    assert result["energy_twh_per_year"] == pytest.approx(every["mean_power_w"].sum() * HOURS_PER_YEAR / 1e12,
                                                          rel=1e-3)
    assert result["sunlit_fraction"] == pytest.approx(every["sunlit_fraction"].mean(), abs=1e-3)
    # The histogram counts every satellite once, in the bin of its plane's sunlit fraction.
    histogram = np.asarray(result["histogram"])
    assert histogram.sum() == fleet.count
    counts, _ = np.histogram(np.clip(every["sunlit_fraction"], 0.5, 1.0 - 1e-12), SUNLIT_BIN_EDGES)
    assert np.abs(histogram.sum(axis=0) - counts).sum() <= 0.1 * fleet.count  # bin edges may split a plane


def test_too_big_a_fleet_year_is_refused_with_catalogue_satellites_weighed_by_their_cost(data_dir, monkeypatch):
    import orbital.fleet as fleet
    from orbital import OrbitalError
    from orbital.catalogue import from_tle

    steps = 365 * 144  # a year every 600 s
    designed = combine(preset("demo"), walker(700, 60.0, 3, 3, 1, epoch="2026-01-01T00:00:00Z", name="3 planes"))
    mixed = combine(preset("demo"), from_tle(data_dir / "sample.tle"))  # 11 planes and 3 catalogue satellites
    monkeypatch.setattr(fleet, "MAX_PLANE_SAMPLES", 15.5 * steps)
    assert fleet_year(designed, 2026)["planes"] == 14  # 14 designed planes fit
    with pytest.raises(OrbitalError, match="14 planes"):
        fleet_year(mixed, 2026)  # 11 + 3 × 2.6 do not
