"""The engine's memo of orbits (orbital/memo.py): keyed by content, bounded, read-only, and never
changing an answer: a view that finds its orbits remembered gets what a fresh computation gives."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import orbital
from orbital.memo import Memo, orbit_key, times_key
from orbital.radiation import mean_fluxes, trapped_flux

YEAR = 2026
DATA = Path(__file__).parent / "data"


def flat(value, path=""):
    """{path: leaf} of a nested result (dicts and lists looked into)."""
    if isinstance(value, dict):
        return {k: v for key in value for k, v in flat(value[key], f"{path}/{key}").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in flat(item, f"{path}[{i}]").items()}
    return {path: value}


def assert_same(a, b):
    a, b = flat(a.to_json()), flat(b.to_json())
    assert a.keys() == b.keys()
    for key in a:
        if isinstance(a[key], float):
            assert a[key] == pytest.approx(b[key], rel=1e-12, abs=1e-300), key
        else:
            assert a[key] == b[key], key


def test_keys_follow_content_not_identity():
    first, again = orbital.presets.demo(), orbital.presets.demo()  # built twice (preset() builds once a process)
    assert first is not again and orbit_key(first) == orbit_key(again)
    shell = first.groups[0]
    rest = first.groups[1:]
    moved = orbital.combine(replace(shell, raan_rad=shell.raan_rad + 1e-9), *rest, name=first.name)
    renamed = orbital.combine(replace(shell, name="another name"), *rest, name="another")
    assert orbit_key(moved) != orbit_key(first)
    assert orbit_key(renamed) == orbit_key(first)
    catalogue = orbital.from_tle(DATA / "sample.tle")
    assert orbit_key(catalogue) == orbit_key(orbital.from_tle(DATA / "sample.tle", name="renamed"))
    assert orbit_key(catalogue) != orbit_key(catalogue.subset([0, 1]))
    t = orbital.times("2026-06-21T00:00:00Z", hours=1, step_s=60)
    assert times_key(t) == times_key(orbital.times("2026-06-21T00:00:00Z", hours=1, step_s=60))
    assert times_key(t) != times_key(orbital.times("2026-06-21T00:00:01Z", hours=1, step_s=60))


def test_memo_is_bounded_least_recently_used_out_first_and_read_only():
    memo = Memo(limit_bytes=4 * 8000)
    made = []

    def make(n):
        made.append(n)
        return np.zeros(1000) + n  # 8,000 bytes

    for n in range(4):
        memo.get(n, lambda n=n: make(n))
    memo.get(0, lambda: make(0))  # 0 is now the most recently used
    memo.get(4, lambda: make(4))  # over the bound: 1 goes, the least recently used
    assert made == [0, 1, 2, 3, 4] and memo.bytes == 4 * 8000
    memo.get(1, lambda: make(1))
    assert made[-1] == 1
    memo.get(0, lambda: make(0))
    assert made.count(0) == 1
    big = memo.get("big", lambda: np.zeros(2000))  # over a quarter of the bound: computed, not kept
    assert big.size == 2000 and memo.get("big", lambda: np.ones(3))[0] == 1.0
    with pytest.raises(ValueError):
        memo.get(0, lambda: make(0))[0] = 5.0


def test_a_remembered_year_gives_what_a_fresh_one_gives():
    constellation = orbital.preset("demo")
    model = orbital.Model()
    orbital.ORBIT_MEMO.clear()
    fresh = orbital.assess_year(constellation, YEAR, model)
    assert orbital.ORBIT_MEMO.bytes > 0
    assert_same(orbital.assess_year(orbital.preset("demo"), YEAR, model), fresh)
    # A changed model on remembered orbits: as the same model computed with nothing remembered.
    changed = model.__class__(array=orbital.SolarArray(area_m2=150.0, cell_efficiency=0.3),
                              satellite=orbital.Satellite(eclipse_mode="battery"), accelerator="B200")
    remembered = orbital.assess_year(constellation, YEAR, changed)
    orbital.ORBIT_MEMO.clear()
    assert_same(remembered, orbital.assess_year(constellation, YEAR, changed))


def test_the_arrays_pointing_is_part_of_what_is_remembered():
    constellation = orbital.preset("demo")
    orbital.ORBIT_MEMO.clear()
    tracking = orbital.assess_year(constellation, YEAR, orbital.Model())
    zenith = orbital.assess_year(constellation, YEAR, orbital.Model(array=orbital.SolarArray(pointing="zenith")))
    assert zenith.power.mean_array_power_w_per_satellite < 0.7 * tracking.power.mean_array_power_w_per_satellite
    orbital.ORBIT_MEMO.clear()
    assert_same(zenith, orbital.assess_year(constellation, YEAR, orbital.Model(
        array=orbital.SolarArray(pointing="zenith"))))


def test_models_sharing_a_field_share_its_coordinates_as_each_alone_would_give():
    constellation = orbital.preset("starlink")
    one = constellation.subset([0])
    state = orbital.propagate(one, orbital.times("2026-06-21T00:00:00Z", hours=6, step_s=300))
    shared = mean_fluxes(state, "2026-06-21T00:00:00Z")
    lat, lon, alt = state.lat_deg.ravel(), state.lon_deg.ravel(), state.alt_km.ravel()
    for name, particle, energy in (("protons_10mev", "p", 10.0), ("electrons_1mev", "e", 1.0)):
        for solar in ("min", "max"):
            alone = trapped_flux(particle, solar, lat, lon, alt, energy, "2026-06-21T00:00:00Z").mean()
            assert shared[f"{name}_solar_{solar}"] == pytest.approx(alone, rel=1e-12)
            assert alone > 0
