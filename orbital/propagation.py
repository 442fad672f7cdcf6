"""Propagation of a constellation over times: (satellites, times[, 3]) arrays.

Designed shells use a circular orbit with J2 secular drift; catalogues use SGP4 (`SatrecArray`).
Both work in TEME of date, the frame SGP4 returns; GCRS and geodetic coordinates are derived
on first access, through skyfield's own TEME rotation and GMST 1982 (orbital/frames.py).
"""


import numpy as np
from sgp4.api import SatrecArray

from .constants import DAY_S
from .constellation import Shell
from .errors import OrbitalError
from .frames import as_time_array, geodetic, row_blocks, teme_to_gcrs
from . import settings
from .sun import sun_teme_km
from .timeutil import seconds_between

# Largest satellites × times one call may hold in memory (ORBITAL_MAX_SAMPLES; ~40 bytes each of
# positions and derived arrays: the default 100,000,000 is ~4 GB). Longer work goes in chunks
# (statistics.sunlight_statistics).
MAX_SAMPLES = settings.MAX_SAMPLES.value()


def _check_size(satellites, times):
    samples = satellites * times
    if samples > MAX_SAMPLES:
        raise OrbitalError(
            f"satellites × times: {satellites:,} × {times:,} = {samples:,} samples is more than the "
            f"{MAX_SAMPLES:,} one call may hold; use fewer satellites, a shorter span or a larger step", parameter="satellites"
        )


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


class computed_once:
    """A method computed on first access and kept on the instance, like functools.cached_property but
    without its lock: Python 3.11's is one lock for every instance, and a process forked while another
    thread holds it (a background job started during a computation) waits on it forever."""

    def __init__(self, method):
        self.method, self.name, self.__doc__ = method, method.__name__, method.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.method(instance)
        instance.__dict__[self.name] = value
        return value


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

    @computed_once
    def r_gcrs_km(self):
        return teme_to_gcrs(self.r_teme_km, self.t)

    @computed_once
    def sun_teme_km(self):
        return sun_teme_km(self.t)

    @computed_once
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
