"""Reference frames: skyfield's GCRS → TEME rotation, the GMST 1982 Earth rotation angle, and
WGS84 geodetic coordinates. Used by propagation and by the Sun alike; imports neither."""

import numpy as np
from skyfield.sgp4lib import TEME, theta_GMST1982

from .constants import EARTH_FLATTENING, EARTH_RADIUS_KM


# Samples per block when working through (satellites, times) arrays: small enough that a block's
# temporaries stay in cache, large enough that numpy's per-call overhead is negligible.
BLOCK_SAMPLES = 1 << 15


def row_blocks(rows, columns):
    """Slices covering `rows` in blocks of about BLOCK_SAMPLES samples of `columns` each."""
    step = max(1, BLOCK_SAMPLES // max(columns, 1))
    return [slice(start, min(start + step, rows)) for start in range(0, rows, step)]


def as_time_array(t):
    """A skyfield Time with a times axis (a scalar Time becomes length 1)."""
    if t.shape == ():
        return t.ts.tt_jd(np.atleast_1d(t.whole), np.atleast_1d(t.tt_fraction))
    return t


# Above this many times, the TEME rotation (IAU 2000A nutation, ~0.3 ms a time) is computed on a
# grid of nodes every ROTATION_NODE_DAYS and interpolated: the fastest nutation term (13.66 d,
# 0.23") then bends between nodes by < 1e-9 rad, a few millimetres in low orbit.
ROTATION_EXACT_TIMES = 1000
ROTATION_NODE_DAYS = 0.125


def teme_rotation(t):
    """skyfield's GCRS → TEME rotation matrices at Time array `t`, shape (3, 3, times)."""
    if len(t) <= ROTATION_EXACT_TIMES:
        return TEME.rotation_at(t)
    tt = t.whole + t.tt_fraction
    nodes = np.unique(np.floor(tt / ROTATION_NODE_DAYS))
    nodes = np.union1d(nodes, nodes + 1) * ROTATION_NODE_DAYS
    rotation = TEME.rotation_at(t.ts.tt_jd(nodes))
    out = np.empty((3, 3, len(t)))
    for i in range(3):
        for j in range(3):
            out[i, j] = np.interp(tt, nodes, rotation[i, j])
    return out


def teme_to_gcrs(r_teme, t):
    """Rotate (satellites, times, 3) TEME vectors to GCRS with skyfield's TEME rotation."""
    rotation = teme_rotation(t)  # (3, 3, times): GCRS → TEME
    if rotation.ndim == 2:
        rotation = rotation[:, :, None]
    # r_gcrs = Rᵀ r_teme, component by component (memory bound, no (S, T, 3, 3) temporary).
    out = np.empty_like(r_teme)
    for i in range(3):
        out[..., i] = (rotation[0, i] * r_teme[..., 0] + rotation[1, i] * r_teme[..., 1]
                       + rotation[2, i] * r_teme[..., 2])
    return out


def earth_rotation_angle_rad(t):
    """GMST 1982 angle (times,), rad: ITRS (without polar motion) is TEME turned by −this about z."""
    theta, _ = theta_GMST1982(t.whole, t.ut1_fraction)
    return np.atleast_1d(theta) + np.zeros(len(t))


def geodetic(r_teme_km, t):
    """WGS84 geodetic latitude, longitude (deg, −180…180) and height (km) of TEME positions.

    Longitude from GMST 1982 (as skyfield's TEME → ITRS, polar motion off); latitude and height
    by Bowring's (1976) closed form, millimetre-accurate at the altitudes modelled here.
    """
    theta = earth_rotation_angle_rad(t)
    lat_deg, lon_deg, alt_km = (np.empty(r_teme_km.shape[:2]) for _ in range(3))
    for rows in row_blocks(*r_teme_km.shape[:2]):
        lat_deg[rows], lon_deg[rows], alt_km[rows] = _geodetic_block(r_teme_km[rows], theta)
    return lat_deg, lon_deg, alt_km


def _geodetic_block(r_teme_km, theta):
    x, y, z = r_teme_km[..., 0], r_teme_km[..., 1], r_teme_km[..., 2]
    lon_deg = np.degrees(np.mod(np.arctan2(y, x) - theta[None, :] + np.pi, 2.0 * np.pi) - np.pi)
    a = EARTH_RADIUS_KM
    b = a * (1.0 - EARTH_FLATTENING)
    e2 = EARTH_FLATTENING * (2.0 - EARTH_FLATTENING)
    ep2 = e2 / (1.0 - e2)
    p = np.hypot(x, y)
    # Parametric latitude u: tan u = (z a) / (p b); sin u and cos u without trigonometry.
    za, pb = z * a, p * b
    norm = np.hypot(za, pb)
    sin_u, cos_u = za / norm, pb / norm
    num = z + ep2 * b * sin_u**3
    den = p - e2 * a * cos_u**3
    lat = np.arctan2(num, den)
    hyp = np.hypot(num, den)
    sin_lat, cos_lat = num / hyp, den / hyp
    n = a / np.sqrt(1.0 - e2 * sin_lat**2)
    alt_km = p * cos_lat + z * sin_lat - a * a / n
    return np.degrees(lat), lon_deg, alt_km
