"""Positions and sunlight against skyfield's own results (de421, builtin timescale)."""

import numpy as np
import pytest
from skyfield.api import EarthSatellite, wgs84

import orbital
from orbital.sun import ephemeris

START = "2026-06-21T00:00:00Z"


@pytest.fixture(scope="module")
def catalogue(data_dir):
    return orbital.from_tle(data_dir / "sample.tle")


def skyfield_satellites(constellation):
    ts = orbital.timeutil.timescale()
    return [EarthSatellite.from_satrec(s, ts) for s in constellation.groups[0].satrecs]


def test_geodetic_positions_match_skyfield(catalogue):
    t = orbital.times(START, hours=12, step_s=600)
    state = orbital.propagate(catalogue, t)
    for k, satellite in enumerate(skyfield_satellites(catalogue)):
        position = satellite.at(t)
        lat, lon = wgs84.latlon_of(position)
        height = wgs84.height_of(position)
        np.testing.assert_allclose(state.lat_deg[k], lat.degrees, atol=1e-5)  # ~1 m
        dlon = (state.lon_deg[k] - lon.degrees + 180.0) % 360.0 - 180.0
        np.testing.assert_allclose(dlon, 0.0, atol=1e-5)
        np.testing.assert_allclose(state.alt_km[k], height.km, atol=1e-3)  # 1 m
        np.testing.assert_allclose(state.r_gcrs_km[k], position.position.km.T, atol=1e-6)


def test_sun_matches_skyfield_apparent_direction():
    t = orbital.times("2026-01-01T00:00:00Z", days=365, step_s=86400 * 7)
    eph = ephemeris()
    astrometric = eph["earth"].at(t).observe(eph["sun"]).position.km.T
    ours = orbital.sun_gcrs_km(t)
    cos = np.sum(ours * astrometric, axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(astrometric, axis=1)
    # Geometric vs light-time-corrected direction: ~20.5 arcsec of aberration-free light time.
    assert np.degrees(np.arccos(np.minimum(cos, 1.0))).max() * 3600 < 25.0


def test_illumination_agrees_with_skyfield_is_sunlit(catalogue):
    """skyfield's is_sunlit asks whether the Sun's centre is visible. Where it says yes, some of the
    disc must be visible to us; where no, some must be hidden: they may differ only in penumbra."""
    t = orbital.times(START, hours=24, step_s=20)
    state = orbital.propagate(catalogue, t)
    lit = orbital.illumination(state)
    eph = ephemeris()
    for k, satellite in enumerate(skyfield_satellites(catalogue)):
        sunlit = satellite.at(t).is_sunlit(eph)
        assert np.all(lit[k][sunlit] > 0.0)
        assert np.all(lit[k][~sunlit] < 1.0)
        assert (~sunlit).sum() > 100  # these orbits do see eclipses on this day
        centre_visible = (lit[k] >= 0.5)
        # Half the disc visible is where the centre crosses the limb: within one step of skyfield.
        assert np.mean(centre_visible != sunlit) < 4.0 / 270


def test_interpolated_teme_rotation_matches_skyfield():
    from skyfield.sgp4lib import TEME

    from orbital.frames import ROTATION_EXACT_TIMES, teme_rotation

    t = orbital.times("2026-01-01T00:00:00Z", days=30, step_s=30 * 86400 / (ROTATION_EXACT_TIMES * 2))
    assert len(t) > ROTATION_EXACT_TIMES
    error_rad = np.abs(teme_rotation(t) - TEME.rotation_at(t)).max()
    assert error_rad < 1e-9  # < 7 mm at 7,000 km
