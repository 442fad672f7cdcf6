"""Radiators: net heat a panel rejects per m² in orbit (Stefan–Boltzmann balance), the area the compute
needs, and how much of a panel's view Earth fills at an altitude."""

import numpy as np

from .constants import EARTH_RADIUS_KM, SOLAR_IRRADIANCE_1AU_W_M2
from .errors import OrbitalError

# CODATA 2018 (exact in SI since 2019).
STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8
ZERO_CELSIUS_K = 273.15


def earth_view_factor(altitude_km):
    """View factor from a flat panel edge-on to Earth (its normal horizontal) to the Earth sphere, at
    `altitude_km` (array or scalar): F = (atan(1/√(H²−1)) − √(H²−1)/H²) / π, H = (R + h)/R (a standard
    sphere-to-plate configuration factor, e.g. Howell's catalogue, C-134). ≈0.24 at 650 km, 0.12 at 2,000 km."""
    ratio = (EARTH_RADIUS_KM + np.asarray(altitude_km, dtype=float)) / EARTH_RADIUS_KM
    root = np.sqrt(ratio * ratio - 1.0)
    return (np.arctan(1.0 / root) - root / (ratio * ratio)) / np.pi


def radiator_flux_w_m2(radiator, view_factor, irradiance_w_m2=SOLAR_IRRADIANCE_1AU_W_M2):
    """Heat flows per m² of radiator panel, W/m², as a dict (the Earth loads and net shaped as `view_factor`).

    emitted: faces × ε σ T⁴; solar: sunlit faces × α S; albedo: Earth-facing faces × α S a F; earth_ir:
    Earth-facing faces × α_IR σ T_E⁴ F, with F the Earth view factor; net = emitted − the three loads.
    """
    temperature_k = radiator.temperature_c + ZERO_CELSIUS_K
    earth = radiator.earth_facing_faces * np.asarray(view_factor, dtype=float)
    emitted = radiator.radiating_faces * radiator.emissivity * STEFAN_BOLTZMANN_W_M2_K4 * temperature_k ** 4
    solar = radiator.sunlit_faces * radiator.solar_absorptivity * irradiance_w_m2
    albedo = radiator.solar_absorptivity * irradiance_w_m2 * radiator.albedo * earth
    earth_ir = radiator.infrared_absorptivity * STEFAN_BOLTZMANN_W_M2_K4 * radiator.earth_temperature_k ** 4 * earth
    return {"emitted": emitted, "solar": solar, "albedo": albedo, "earth_ir": earth_ir,
            "net": emitted - solar - albedo - earth_ir}


def radiator_area_m2(heat_w, radiator, view_factor, irradiance_w_m2=SOLAR_IRRADIANCE_1AU_W_M2):
    """Radiator panel area (m²) that rejects `heat_w` at the radiator's temperature, seeing Earth with
    `view_factor` (arrays broadcast)."""
    net_w_m2 = radiator_flux_w_m2(radiator, view_factor, irradiance_w_m2)["net"]
    if np.any(net_w_m2 <= 0):
        raise OrbitalError(f"temperature_c: a radiator at {radiator.temperature_c:g} °C absorbs more than it emits "
                           f"({np.min(net_w_m2):.0f} W/m² net); raise its temperature", parameter="temperature_c")
    return heat_w / net_w_m2


def radiator_temperature_c(radiator, heat_w_m2, view_factor, sunlight=1.0):
    """Equilibrium temperature (°C, no thermal mass) of a radiator panel shedding `heat_w_m2` (W per m²
    of panel) with sunlight `sunlight` (0–1, scaling the solar and albedo loads; 1 AU face-on = 1), Earth
    seen with `view_factor`: faces ε σ T⁴ = heat + solar + albedo + Earth IR (radiator_flux_w_m2's
    loads; arrays broadcast). At its sizing heat in full sun it is radiator.temperature_c."""
    loads = radiator_flux_w_m2(radiator, view_factor, SOLAR_IRRADIANCE_1AU_W_M2 * np.asarray(sunlight, dtype=float))
    absorbed = loads["solar"] + loads["albedo"] + loads["earth_ir"]
    emitting = radiator.radiating_faces * radiator.emissivity * STEFAN_BOLTZMANN_W_M2_K4
    return ((np.asarray(heat_w_m2, dtype=float) + absorbed) / emitting) ** 0.25 - ZERO_CELSIUS_K
