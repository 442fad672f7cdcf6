"""Solar power of each satellite's array from its illumination, after the cells' temperature and power
conditioning, and energy over a time span."""

import numpy as np

from .constants import AU_KM, EARTH_RADIUS_KM, SOLAR_IRRADIANCE_1AU_W_M2
from .heat import STEFAN_BOLTZMANN_W_M2_K4, ZERO_CELSIUS_K, earth_view_factor
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


# Cells' rating temperature (standard test conditions, AM0 for space cells), °C.
RATING_TEMPERATURE_C = 28.0
# Earth's effective radiating temperature for the array's back face, K (as the radiator's, Starcloud).
EARTH_TEMPERATURE_K = 253.0


def array_rating_w(array=SolarArray(), age_years=None):
    """Nameplate power of the array at 1 AU facing the Sun, at the cells' 28 °C rating, after
    degradation to `age_years` (default: the array's evaluation point), W (Suncatcher Table 1's figure)."""
    age = array.age_years if age_years is None else age_years
    return (SOLAR_IRRADIANCE_1AU_W_M2 * array.area_m2 * array.cell_efficiency * array.packing_factor
            * (1.0 - array.degradation_per_year) ** age)


def cell_temperature_c(array, altitude_km, sunlight=1.0):
    """Temperature of a sun-facing array at `altitude_km` (array or scalar), °C, in full sun or under
    `sunlight` (sunlight_factor, broadcast; 0 in eclipse): the energy balance per m², (α − η) S x +
    ε_b σ T_E⁴ F = (ε_f + ε_b) σ T⁴, with η S x the electricity drawn off (efficiency × packing) and F
    the back face's view of Earth (heat.earth_view_factor); an equilibrium, without thermal mass."""
    absorbed = ((array.solar_absorptivity - array.cell_efficiency * array.packing_factor)
                * SOLAR_IRRADIANCE_1AU_W_M2 * np.asarray(sunlight, dtype=float))
    earth = array.back_emissivity * STEFAN_BOLTZMANN_W_M2_K4 * EARTH_TEMPERATURE_K ** 4 * earth_view_factor(altitude_km)
    emitting = (array.front_emissivity + array.back_emissivity) * STEFAN_BOLTZMANN_W_M2_K4
    return ((np.maximum(absorbed, 0.0) + earth) / emitting) ** 0.25 - ZERO_CELSIUS_K


def array_loss_factor(array, altitude_km):
    """Electricity delivered to the bus per watt of nameplate power at `altitude_km`: the cells'
    temperature loss, 1 + coefficient × (T − 28 °C), times the power conditioning's efficiency."""
    heating = array.temperature_coefficient_per_c * (cell_temperature_c(array, altitude_km) - RATING_TEMPERATURE_C)
    return np.maximum(1.0 + heating, 0.0) * array.conditioning_efficiency


def sunlight_factor(state, lit, pointing):
    """Sunlight on the array relative to 1 AU face-on (satellites, times): (1 AU / d)² × cos θ × lit,
    with lit the visible fraction of the solar disc (shadow.illumination) and θ the Sun's angle to the
    array normal for `pointing` (SolarArray.pointing)."""
    distance_factor = (AU_KM / np.linalg.norm(state.sun_teme_km, axis=-1)) ** 2
    return distance_factor[None, :] * incidence_cosine(state, pointing) * lit


def mean_altitude_km(state):
    """Each satellite's mean altitude over a State's times (satellites,), km."""
    return np.linalg.norm(state.r_teme_km, axis=-1).mean(axis=1) - EARTH_RADIUS_KM


def power_from_sunlight_w(factor, altitude_km, array=SolarArray()):
    """Electrical power (satellites, times), W, from sunlight_factor (satellites, times) and each
    satellite's mean altitude (satellites,): nameplate × losses at that altitude × the factor."""
    return array_rating_w(array) * array_loss_factor(array, altitude_km)[:, None] * factor


def array_power_w(state, lit, array=SolarArray()):
    """Electrical power each satellite's array delivers to the bus (satellites, times), W.

    power = TSI / d_AU² × area × efficiency × packing × (1 − degradation)^age × losses × cos θ × lit
    where lit is the visible fraction of the solar disc (shadow.illumination) and losses the cells'
    temperature and the power conditioning at the satellite's mean altitude (array_loss_factor).
    """
    return power_from_sunlight_w(sunlight_factor(state, lit, array.pointing), mean_altitude_km(state), array)


def energy_wh(power_w, seconds):
    """Energy (satellites,), Wh, by the trapezoid rule over samples at `seconds` (times,)."""
    if power_w.shape[1] < 2:
        return np.zeros(power_w.shape[0])
    return np.trapezoid(np.nan_to_num(power_w), seconds, axis=1) / 3600.0
