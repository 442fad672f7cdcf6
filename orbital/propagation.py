"""Propagation of a constellation over times: (satellites, times[, 3]) arrays.

Designed shells use a circular orbit with J2 secular drift; catalogues use SGP4 (`SatrecArray`).
Both work in TEME of date, the frame SGP4 returns; GCRS and geodetic coordinates are derived
on first access, through skyfield's own TEME rotation and GMST 1982.
"""

from functools import cached_property

import numpy as np
from sgp4.api import SatrecArray
from skyfield.constants import DAY_S
from skyfield.sgp4lib import TEME, theta_GMST1982

from .constants import EARTH_FLATTENING, EARTH_RADIUS_KM
from .constellation import Shell
from .errors import OrbitalError
from .timeutil import seconds_between

# Largest satellites × times one call may hold in memory (~4 GB of positions and derived arrays).
MAX_SAMPLES = 100_000_000


def _check_size(satellites, times):
    samples = satellites * times
    if samples > MAX_SAMPLES:
        raise OrbitalError(
            f"satellites × times: {satellites:,} × {times:,} = {samples:,} samples is more than the "
            f"{MAX_SAMPLES:,} one call may hold; use fewer satellites, a shorter span or a larger step"
        )


# Samples per block when working through (satellites, times) arrays: small enough that a block's
# temporaries stay in cache, large enough that numpy's per-call overhead is negligible.
BLOCK_SAMPLES = 1 << 15


def row_blocks(rows, columns):
    """Slices covering `rows` in blocks of about BLOCK_SAMPLES samples of `columns` each."""
    step = max(1, BLOCK_SAMPLES // max(columns, 1))
    return [slice(start, min(start + step, rows)) for start in range(0, rows, step)]


def shell_teme_km(shell, t, out=None):
    """Positions (satellites, times, 3) in TEME, km, of a designed shell at Time array `t`."""
    dt_s = seconds_between(shell.epoch, t)
    node_rate, u_rate = shell.secular_rates_rad_s()
    a_km = shell.semi_major_axis_km
    sin_i, cos_i = np.sin(np.radians(shell.inclination_deg)), np.cos(np.radians(shell.inclination_deg))
    # Angle addition: per-satellite terms (S, 1) times per-time terms (1, T); no sin/cos over S × T.
    c_node0, s_node0 = np.cos(shell.raan_rad)[:, None], np.sin(shell.raan_rad)[:, None]
    c_u0, s_u0 = np.cos(shell.arg_latitude_rad)[:, None], np.sin(shell.arg_latitude_rad)[:, None]
    c_dnode, s_dnode = np.cos(node_rate * dt_s)[None, :], np.sin(node_rate * dt_s)[None, :]
    c_du, s_du = a_km * np.cos(u_rate * dt_s)[None, :], a_km * np.sin(u_rate * dt_s)[None, :]
    r = np.empty((shell.count, len(dt_s), 3)) if out is None else out
    for rows in row_blocks(shell.count, len(dt_s)):
        c_node = c_node0[rows] * c_dnode - s_node0[rows] * s_dnode
        s_node = s_node0[rows] * c_dnode + c_node0[rows] * s_dnode
        c_u = c_u0[rows] * c_du - s_u0[rows] * s_du  # a cos u
        s_u = s_u0[rows] * c_du + c_u0[rows] * s_du  # a sin u
        s_u_cos_i = s_u * cos_i
        block = r[rows]
        block[..., 0] = c_node * c_u - s_node * s_u_cos_i
        block[..., 1] = s_node * c_u + c_node * s_u_cos_i
        block[..., 2] = s_u * sin_i
    return r


def shell_normal_teme(shell, t):
    """Unit orbit normals (satellites, times, 3) in TEME of a designed shell."""
    node_rate, _ = shell.secular_rates_rad_s()
    node = shell.raan_rad[:, None] + node_rate * seconds_between(shell.epoch, t)[None, :]
    sin_i, cos_i = np.sin(np.radians(shell.inclination_deg)), np.cos(np.radians(shell.inclination_deg))
    return np.stack([np.sin(node) * sin_i, -np.cos(node) * sin_i, np.full(node.shape, cos_i)], axis=-1)


def _utc_jd(t):
    """Julian date split (whole, fraction) in UTC, as SGP4 expects (AIAA 2006-6753)."""
    whole = np.atleast_1d(t.whole) + np.zeros(len(t))
    fraction = np.atleast_1d(t.tai_fraction - t._leap_seconds() / DAY_S) + np.zeros(len(t))
    return whole, fraction


def catalogue_teme_km(catalogue, t):
    """SGP4 positions and velocities (satellites, times, 3) in TEME, km and km/s, and error codes."""
    whole, fraction = _utc_jd(t)
    error, r_km, v_km_s = SatrecArray(catalogue.satrecs).sgp4(whole, fraction)
    return r_km, v_km_s, error


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


class State:
    """Where every satellite is at every time.

    r_teme_km (satellites, times, 3); error (satellites, times) int8, 0 = good (SGP4's codes,
    `sgp4.api.SGP4_ERRORS`); and on first access r_gcrs_km, lat_deg, lon_deg, alt_km, and the
    Sun's TEME position sun_teme_km (times, 3), computed once for every user of this state.
    """

    def __init__(self, constellation, t, r_teme_km, error):
        self.constellation = constellation
        self.t = t
        self.r_teme_km = r_teme_km
        self.error = error

    @property
    def shape(self):
        return self.error.shape

    @cached_property
    def r_gcrs_km(self):
        return teme_to_gcrs(self.r_teme_km, self.t)

    @cached_property
    def sun_teme_km(self):
        from .sun import sun_teme_km  # sun.py builds on this module's TEME rotation
        return sun_teme_km(self.t)

    @cached_property
    def _geodetic(self):
        return geodetic(self.r_teme_km, self.t)

    @property
    def lat_deg(self):
        return self._geodetic[0]

    @property
    def lon_deg(self):
        return self._geodetic[1]

    @property
    def alt_km(self):
        return self._geodetic[2]


def as_time_array(t):
    """A skyfield Time with a times axis (a scalar Time becomes length 1)."""
    if t.shape == ():
        return t.ts.tt_jd(np.atleast_1d(t.whole), np.atleast_1d(t.tt_fraction))
    return t


def propagate(constellation, t):
    """State of every satellite at every time of skyfield Time (array) `t`."""
    t = as_time_array(t)
    _check_size(constellation.count, len(t))
    r_km = np.empty((constellation.count, len(t), 3))
    error = np.zeros((constellation.count, len(t)), dtype=np.int8)
    for g, group in enumerate(constellation.groups):
        rows = slice(constellation.offsets[g], constellation.offsets[g + 1])
        if isinstance(group, Shell):
            shell_teme_km(group, t, out=r_km[rows])
        else:
            r_km[rows], _, error[rows] = catalogue_teme_km(group, t)
    return State(constellation, t, r_km, error)


def orbit_normals_teme(constellation, t):
    """Unit orbit normals (satellites, times, 3) in TEME: analytic for shells, r × v for catalogues."""
    t = as_time_array(t)
    normal = np.empty((constellation.count, len(t), 3))
    for g, group in enumerate(constellation.groups):
        rows = slice(constellation.offsets[g], constellation.offsets[g + 1])
        if isinstance(group, Shell):
            normal[rows] = shell_normal_teme(group, t)
        else:
            r_km, v_km_s, _ = catalogue_teme_km(group, t)
            h = np.cross(r_km, v_km_s)
            normal[rows] = h / np.linalg.norm(h, axis=-1, keepdims=True)
    return normal
