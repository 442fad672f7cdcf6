"""Catalogue satellites on the globe: circular orbits refitted to SGP4 over the window."""

import numpy as np
import pytest

from orbital.catalogue import from_tle
from orbital.propagation import propagate
from orbital.refit import circular_fit
from orbital.timeutil import seconds_between, times

START = "2026-06-21T00:00:00Z"


def fitted_teme_km(fit, seconds):
    """TEME positions (satellites, times, 3) of refitted circular orbits."""
    node = fit["raan_rad"][:, None] + fit["node_rate_rad_s"][:, None] * seconds
    u = fit["arg_latitude_rad"][:, None] + fit["u_rate_rad_s"][:, None] * seconds
    ci, si = np.cos(fit["inclination_rad"])[:, None], np.sin(fit["inclination_rad"])[:, None]
    a = fit["semi_major_axis_km"][:, None]
    return np.stack([a * (np.cos(node) * np.cos(u) - np.sin(node) * np.sin(u) * ci),
                     a * (np.sin(node) * np.cos(u) + np.cos(node) * np.sin(u) * ci),
                     a * np.sin(u) * si], axis=-1)


@pytest.mark.parametrize("hours", [1.0, 6.0, 24.0])
def test_refit_follows_sgp4_over_the_window(data_dir, hours):
    catalogue = from_tle(data_dir / "sample.tle")
    fit = circular_fit(catalogue.groups[0], START, hours * 3600.0)
    t = times(START, hours=hours, step_s=120)
    sgp4_km = propagate(catalogue, t).r_teme_km
    error_km = np.linalg.norm(fitted_teme_km(fit, seconds_between(t[0], t)) - sgp4_km, axis=-1)
    # A circle cannot follow SGP4's short-period J2 terms (~10 km) or eccentricity (e × a ≲ 3 km here):
    # a fraction of a pixel on a whole-Earth view (~40 km a pixel), and no drift over the window.
    assert error_km.max() < 25.0, error_km.max(axis=1)
    assert np.abs(np.degrees(fit["inclination_rad"]) - [51.639, 53.054, 98.565]).max() < 0.2
    assert (fit["error"] == 0).all()

