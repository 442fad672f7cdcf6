"""Solar power of each satellite's array from its illumination, and energy over a time span."""

import numpy as np

from .constants import AU_KM, SOLAR_IRRADIANCE_1AU_W_M2
from .parameters import SolarArray
from .propagation import orbit_normals_teme


def incidence_cosine(state, pointing):
    """Cosine of the Sun's angle to the array normal (satellites, times), 0 when the Sun is behind it."""
    if pointing == "sun-tracking":
        return np.ones(state.shape)
    sun = state.sun_teme_km
    sun_hat = sun / np.linalg.norm(sun, axis=-1, keepdims=True)
    if pointing == "zenith":
        r_hat = state.r_teme_km / np.linalg.norm(state.r_teme_km, axis=-1, keepdims=True)
        return np.clip(np.einsum("stk,tk->st", r_hat, sun_hat), 0.0, 1.0)
    normal = orbit_normals_teme(state.constellation, state.t)
    return np.abs(np.einsum("stk,tk->st", normal, sun_hat))


def array_rating_w(array=SolarArray()):
    """Full-sun power of the array at 1 AU facing the Sun, after degradation, W."""
    return (SOLAR_IRRADIANCE_1AU_W_M2 * array.area_m2 * array.cell_efficiency * array.packing_factor
            * (1.0 - array.degradation_per_year) ** array.age_years)


def array_power_w(state, lit, array=SolarArray()):
    """Electrical power of each satellite's array (satellites, times), W.

    power = TSI / d_AU² × area × efficiency × packing × (1 − degradation)^age × cos θ × lit
    where lit is the visible fraction of the solar disc (shadow.illumination).
    """
    distance_factor = (AU_KM / np.linalg.norm(state.sun_teme_km, axis=-1)) ** 2
    return distance_factor[None, :] * array_rating_w(array) * incidence_cosine(state, array.pointing) * lit


def energy_wh(power_w, seconds):
    """Energy (satellites,), Wh, by the trapezoid rule over samples at `seconds` (times,)."""
    if power_w.shape[1] < 2:
        return np.zeros(power_w.shape[0])
    return np.trapezoid(np.nan_to_num(power_w), seconds, axis=1) / 3600.0
