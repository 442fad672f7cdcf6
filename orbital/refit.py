"""Circular orbits fitted to SGP4 over a time window, so that a browser can move catalogue
satellites with the same model (circular orbit + secular drift) it uses for designed shells."""

import numpy as np

from .constants import DAY_S, EARTH_RADIUS_KM
from .constellation import Catalogue, secular_rates_rad_s
from .propagation import catalogue_teme_km
from .timeutil import at, timescale

# SGP4 samples over the window: at least this many, and at most this far apart (s), so that the
# argument of latitude advances less than π between samples in any low orbit (period ≥ 87 min).
REFIT_SAMPLES_MIN = 25
REFIT_STEP_MAX_S = 900.0
# Satellites fitted at once (bounds memory to ~100 MB for a 48 h window).
REFIT_CHUNK = 5000


def circular_fit(catalogue, start, span_s):
    """Circular orbits that follow a Catalogue group's SGP4 motion over [start, start + span_s];
    see _fit. Works through the catalogue in chunks of REFIT_CHUNK satellites."""
    parts = [_fit(catalogue.satrecs[i:i + REFIT_CHUNK], start, span_s)
             for i in range(0, catalogue.count, REFIT_CHUNK)]
    return {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}


def _fit(satrecs, start, span_s):
    """Circular orbits that follow the SGP4 motion of `satrecs` over [start, start + span_s].

    Returns dict of (satellites,) arrays: raan_rad and arg_latitude_rad at `start`,
    semi_major_axis_km, inclination_rad, node_rate_rad_s, u_rate_rad_s, and error (SGP4's
    largest error code in the window; 0 = good). The plane is the mean direction of the angular
    momentum; the node drifts at the J2 secular rate of the fitted radius and inclination; the
    argument of latitude is a least-squares line in time. For a near-circular orbit the fit is off
    by about eccentricity × radius (a few km for e ~ 1e-3).
    """
    t0 = at(start)
    samples = max(REFIT_SAMPLES_MIN, int(np.ceil(float(span_s) / REFIT_STEP_MAX_S)) + 1)
    seconds = np.linspace(0.0, float(span_s), samples)
    t = timescale().tt_jd(t0.whole, t0.tt_fraction + seconds / DAY_S)
    r_km, v_km_s, error = catalogue_teme_km(Catalogue("fit", satrecs, []), t)
    h = np.cross(r_km, v_km_s)
    normal = (h / np.linalg.norm(h, axis=-1, keepdims=True)).mean(axis=1)
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    inclination_rad = np.arccos(np.clip(normal[:, 2], -1.0, 1.0))
    raan_mid_rad = np.arctan2(normal[:, 0], -normal[:, 1])
    radius_km = np.linalg.norm(r_km, axis=-1).mean(axis=1)
    node_rate, u_rate_secular = secular_rates_rad_s(radius_km - EARTH_RADIUS_KM, np.degrees(inclination_rad))
    mid_s = seconds[-1] / 2.0
    node_rad = raan_mid_rad[:, None] + node_rate[:, None] * (seconds[None, :] - mid_s)
    node_vector = np.stack([np.cos(node_rad), np.sin(node_rad), np.zeros_like(node_rad)], axis=-1)
    in_plane = np.stack([-np.sin(node_rad) * np.cos(inclination_rad)[:, None],
                         np.cos(node_rad) * np.cos(inclination_rad)[:, None],
                         np.broadcast_to(np.sin(inclination_rad)[:, None], node_rad.shape)], axis=-1)
    u_rad = np.unwrap(np.arctan2(np.einsum("stk,stk->st", r_km, in_plane),
                                 np.einsum("stk,stk->st", r_km, node_vector)), axis=1)
    if len(seconds) > 1 and seconds[-1] > 0:
        u_rate, u0 = np.polyfit(seconds, u_rad.T, 1)
    else:
        u_rate, u0 = u_rate_secular, u_rad[:, 0]
    return {"raan_rad": np.mod(raan_mid_rad - node_rate * mid_s, 2 * np.pi),
            "arg_latitude_rad": np.mod(u0, 2 * np.pi), "semi_major_axis_km": radius_km,
            "inclination_rad": inclination_rad, "node_rate_rad_s": node_rate, "u_rate_rad_s": u_rate,
            "error": error.max(axis=1)}
