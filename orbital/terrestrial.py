"""The same compute on the ground: grid energy with PUE, the solar farm that would supply it, CO₂,
water and cost; and a ground panel's yearly energy per m² for the "N× more sunlight" ratio."""

# Peak irradiance of the standard test condition (IEC 60904-3): 1,000 W/m².
GROUND_PEAK_IRRADIANCE_W_M2 = 1000.0
# Julian year.
HOURS_PER_YEAR = 8766.0


def panel_sunlight_kwh_per_m2_year(ground):
    """Sunlight reaching a ground panel per m² per year at the site's capacity factor, kWh."""
    return GROUND_PEAK_IRRADIANCE_W_M2 * ground.capacity_factor * HOURS_PER_YEAR / 1000.0


def panel_energy_kwh_per_m2_year(ground):
    """Electricity a ground panel gives per m² per year, kWh."""
    return panel_sunlight_kwh_per_m2_year(ground) * ground.panel_efficiency


def cost_usd_per_kw_year(price_usd_per_kwh, pue):
    """Grid energy cost of one kW of IT load for a year (Suncatcher §4.4's ground range uses this)."""
    return price_usd_per_kwh * pue * HOURS_PER_YEAR


def ground_data_center(it_energy_kwh_per_year, ground):
    """A ground data center consuming `it_energy_kwh_per_year` of IT energy: dict of yearly figures."""
    grid_kwh = it_energy_kwh_per_year * ground.pue
    return {
        "it_twh": it_energy_kwh_per_year / 1e9,
        "grid_twh": grid_kwh / 1e9,
        "hyperscale_grid_twh": it_energy_kwh_per_year * ground.hyperscale_pue / 1e9,
        "solar_farm_km2": grid_kwh / panel_energy_kwh_per_m2_year(ground) / 1e6,
        "co2_mt": grid_kwh * ground.carbon_g_per_kwh / 1e12,
        "water_gl": grid_kwh * (ground.water_onsite_l_per_kwh + ground.water_generation_l_per_kwh) / 1e9,
        "cost_usd": grid_kwh * ground.price_usd_per_kwh,
        "cost_usd_per_kw_year": cost_usd_per_kw_year(ground.price_usd_per_kwh, ground.pue),
    }
