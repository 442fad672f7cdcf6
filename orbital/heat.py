"""Radiators: net heat a panel rejects per m² in orbit (Stefan–Boltzmann balance), and the area the compute needs."""

from .constants import SOLAR_IRRADIANCE_1AU_W_M2
from .errors import OrbitalError

# CODATA 2018 (exact in SI since 2019).
STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8
ZERO_CELSIUS_K = 273.15


def radiator_flux_w_m2(radiator, irradiance_w_m2=SOLAR_IRRADIANCE_1AU_W_M2):
    """Heat flows per m² of radiator panel, W/m², as a dict.

    emitted: faces × ε σ T⁴; solar: sunlit faces × α S; albedo: α S a F; earth_ir: α_IR σ T_E⁴ F
    (a one-sided panel seeing Earth with view factor F); net = emitted − the three loads.
    """
    temperature_k = radiator.temperature_c + ZERO_CELSIUS_K
    emitted = radiator.radiating_faces * radiator.emissivity * STEFAN_BOLTZMANN_W_M2_K4 * temperature_k ** 4
    solar = radiator.sunlit_faces * radiator.solar_absorptivity * irradiance_w_m2
    albedo = radiator.solar_absorptivity * irradiance_w_m2 * radiator.albedo * radiator.earth_view_factor
    earth_ir = (radiator.infrared_absorptivity * STEFAN_BOLTZMANN_W_M2_K4 * radiator.earth_temperature_k ** 4
                * radiator.earth_view_factor)
    return {"emitted": emitted, "solar": solar, "albedo": albedo, "earth_ir": earth_ir,
            "net": emitted - solar - albedo - earth_ir}


def radiator_area_m2(heat_w, radiator, irradiance_w_m2=SOLAR_IRRADIANCE_1AU_W_M2):
    """Radiator panel area (m²) that rejects `heat_w` at the radiator's temperature."""
    net_w_m2 = radiator_flux_w_m2(radiator, irradiance_w_m2)["net"]
    if net_w_m2 <= 0:
        raise OrbitalError(f"temperature_c: a radiator at {radiator.temperature_c:g} °C absorbs more than it emits "
                           f"({net_w_m2:.0f} W/m² net); raise its temperature", parameter="temperature_c")
    return heat_w / net_w_m2
