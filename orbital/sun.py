"""The Sun's position from the JPL de421 ephemeris shipped by skyfield-data (no download)."""

import warnings
from functools import lru_cache

import numpy as np
from skyfield_data import get_skyfield_data_path

from .constants import AU_KM
from .frames import teme_rotation
from .memo import remembered, times_key


@lru_cache(maxsize=1)
def ephemeris():
    """JPL de421 (1900–2050) from the skyfield-data package directory."""
    from skyfield.api import Loader  # here, not at the top: skyfield.api loads urllib, ssl and http

    with warnings.catch_warnings():
        # skyfield-data warns that its Earth-orientation table (finals2000A.all) is out of date;
        # we use only its de421 ephemeris (valid 1900–2050) and skyfield's builtin timescale.
        warnings.filterwarnings("ignore", message="The file finals2000A.all has expired")
        directory = get_skyfield_data_path()
    return Loader(directory, verbose=False)("de421.bsp")


def sun_gcrs_km(t):
    """Geometric Earth → Sun vector in GCRS, km, shape (times, 3)."""
    eph = ephemeris()
    return np.atleast_2d(((eph["sun"] - eph["earth"]).at(t).xyz.km).T)


def sun_teme_km(t):
    """Geometric Earth → Sun vector in TEME of date, km, shape (times, 3); kept for the next caller of
    the same times (memo.remembered), read-only."""
    return remembered("sun-teme", lambda: _sun_teme_km(t), times_key(t))


def _sun_teme_km(t):
    sun = sun_gcrs_km(t)
    rotation = teme_rotation(t)
    if rotation.ndim == 2:
        rotation = rotation[:, :, None]
    return np.einsum("ijt,tj->ti", rotation, sun)


def sun_distance_au(t):
    """Earth–Sun distance in astronomical units, shape (times,)."""
    return np.linalg.norm(sun_gcrs_km(t), axis=-1) / AU_KM
