"""The same compute on the ground: grid energy with PUE, the solar farm that would supply it, CO₂,
and water (its cost: orbital.economics); and a ground panel's yearly energy per m² for the "N× more sunlight" ratio."""

from .constants import HOURS_PER_YEAR

# Peak irradiance of the standard test condition (IEC 60904-3): 1,000 W/m².
GROUND_PEAK_IRRADIANCE_W_M2 = 1000.0


def panel_sunlight_kwh_per_m2_year(ground):
    """Sunlight reaching a ground panel per m² per year at the site's capacity factor, kWh."""
    return GROUND_PEAK_IRRADIANCE_W_M2 * ground.capacity_factor * HOURS_PER_YEAR / 1000.0


def panel_energy_kwh_per_m2_year(ground):
    """Electricity a ground panel gives per m² per year, kWh."""
    return panel_sunlight_kwh_per_m2_year(ground) * ground.panel_efficiency


def grid_figures(it_energy_kwh_per_year, pue, ground):
    """Yearly grid energy (TWh), CO₂ (Mt), water (GL: on site per kWh of IT energy, as WUE is defined,
    and in generation per kWh of grid energy) of `it_energy_kwh_per_year` run at `pue` (its cost, all in:
    the costs stage, orbital.economics)."""
    grid_kwh = it_energy_kwh_per_year * pue
    onsite_gl = it_energy_kwh_per_year * ground.water_onsite_l_per_kwh / 1e9
    generation_gl = grid_kwh * ground.water_generation_l_per_kwh / 1e9
    return {
        "grid_twh": grid_kwh / 1e9,
        "co2_mt": grid_kwh * ground.carbon_g_per_kwh / 1e12,
        "water_onsite_gl": onsite_gl,
        "water_generation_gl": generation_gl,
        "water_gl": onsite_gl + generation_gl,
    }


def ground_data_center(it_energy_kwh_per_year, ground):
    """A ground data center consuming `it_energy_kwh_per_year` of IT energy, at the industry-average PUE
    and at the hyperscale PUE side by side: dict of yearly figures (grid_figures each, the latter's
    keys prefixed hyperscale_), the IT energy and the solar farm that would supply the first."""
    industry = grid_figures(it_energy_kwh_per_year, ground.pue, ground)
    hyperscale = grid_figures(it_energy_kwh_per_year, ground.hyperscale_pue, ground)
    return {
        "it_twh": it_energy_kwh_per_year / 1e9,
        **industry,
        **{f"hyperscale_{key}": value for key, value in hyperscale.items()},
        "solar_farm_km2": industry["grid_twh"] * 1e9 / panel_energy_kwh_per_m2_year(ground) / 1e6,
    }
