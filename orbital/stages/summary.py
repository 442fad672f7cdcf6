"""The fleet's figures, each a stage of its own: sunlight, power, compute, end of life and heat, as the
fleet's mean satellite (shells weighted by their satellites) and the fleet's totals a year."""

import numpy as np

from ..constants import HOURS_PER_YEAR, SOLAR_IRRADIANCE_1AU_W_M2
from ..heat import radiator_flux_w_m2
from ..terrestrial import panel_energy_kwh_per_m2_year, panel_sunlight_kwh_per_m2_year
from ..record import Record, record


@record
class Sunlight(Record):
    """Sunlight and electricity per m² of panel a year, kWh, in orbit and on the ground."""

    sunlit_fraction: float
    longest_eclipse_min: float
    orbit_sunlight_kwh_per_m2_year: float
    ground_capacity_factor: float
    ground_sunlight_kwh_per_m2_year: float
    sunlight_ratio: float
    orbit_electricity_kwh_per_m2_year: float
    ground_electricity_kwh_per_m2_year: float
    electricity_ratio: float


def sunlight(scenario, fleet, sizing, operation) -> Sunlight:
    """The sunlight stage: sunlight reaching the cells is the delivered electricity ÷ (efficiency ×
    packing × degradation × losses)."""
    model, area_m2 = scenario.model, scenario.model.array.area_m2
    conversion = sizing.rated_w / (area_m2 * SOLAR_IRRADIANCE_1AU_W_M2)
    orbit_kwh_per_m2 = fleet.fleet_mean(operation.array_w) / area_m2 * HOURS_PER_YEAR / 1000.0
    orbit_sunlight_kwh_per_m2 = (fleet.fleet_mean(operation.array_w / sizing.loss_factor) / area_m2 * HOURS_PER_YEAR
                                 / 1000.0 / conversion)
    return Sunlight(sunlit_fraction=fleet.fleet_mean(operation.sunlit_fraction),
                    longest_eclipse_min=float(sizing.worst_eclipse_s.max() / 60.0),
                    orbit_sunlight_kwh_per_m2_year=orbit_sunlight_kwh_per_m2,
                    ground_capacity_factor=float(model.ground.capacity_factor),
                    ground_sunlight_kwh_per_m2_year=panel_sunlight_kwh_per_m2_year(model.ground),
                    sunlight_ratio=orbit_sunlight_kwh_per_m2 / panel_sunlight_kwh_per_m2_year(model.ground),
                    orbit_electricity_kwh_per_m2_year=orbit_kwh_per_m2,
                    ground_electricity_kwh_per_m2_year=panel_energy_kwh_per_m2_year(model.ground),
                    electricity_ratio=orbit_kwh_per_m2 / panel_energy_kwh_per_m2_year(model.ground))


@record
class Power(Record):
    """The arrays: per satellite (W), for the fleet (GW, TWh a year, km²)."""

    rated_w_per_satellite: float
    full_sun_w_per_satellite: float
    cell_temperature_c: float
    loss_factor: float
    conditioning_efficiency: float
    bus_w_per_satellite: float
    mean_array_power_w_per_satellite: float
    fleet_array_gw: float
    array_twh_per_year: float
    array_km2: float


def power(scenario, fleet, sizing, operation) -> Power:
    """The power stage."""
    array, satellites = scenario.model.array, fleet.satellites
    mean_w = fleet.fleet_mean(operation.array_w)
    return Power(rated_w_per_satellite=sizing.rated_w, full_sun_w_per_satellite=fleet.fleet_mean(sizing.full_sun_w),
                 cell_temperature_c=fleet.fleet_mean(sizing.cell_temperature_c),
                 loss_factor=fleet.fleet_mean(sizing.loss_factor),
                 conditioning_efficiency=float(array.conditioning_efficiency), bus_w_per_satellite=sizing.bus_w,
                 mean_array_power_w_per_satellite=mean_w, fleet_array_gw=mean_w * satellites / 1e9,
                 array_twh_per_year=mean_w * satellites * HOURS_PER_YEAR / 1e12,
                 array_km2=array.area_m2 * satellites / 1e6)


@record
class Compute(Record):
    """Compute per satellite (accelerators, PFLOP/s) and for the fleet (EFLOP/s, TWh a year), energy per
    PFLOP in orbit and on the ground (kJ), compute per tonne (kW/t) and battery (kg)."""

    accelerators_per_satellite: float
    installed_pflops_per_satellite: float
    delivered_pflops_per_satellite: float
    utilisation: float
    fleet_installed_eflops: float
    fleet_delivered_eflops: float
    compute_twh_per_year: float
    orbit_energy_kj_per_pflop: float
    ground_energy_kj_per_pflop: float
    compute_kw_per_tonne: float
    battery_kg_per_satellite: float


def compute(scenario, fleet, sizing, operation, mass) -> Compute:
    """The compute stage."""
    satellites, mean = fleet.satellites, fleet.fleet_mean
    installed, delivered = mean(operation.installed_pflops), mean(operation.delivered_pflops)
    fleet_delivered_pflops = delivered * satellites
    return Compute(accelerators_per_satellite=mean(sizing.accelerators_per_satellite),
                   installed_pflops_per_satellite=installed, delivered_pflops_per_satellite=delivered,
                   utilisation=delivered / max(installed, 1e-12), fleet_installed_eflops=installed * satellites / 1000.0,
                   fleet_delivered_eflops=fleet_delivered_pflops / 1000.0,
                   compute_twh_per_year=mean(operation.compute_w) * satellites * HOURS_PER_YEAR / 1000.0 / 1e9,
                   orbit_energy_kj_per_pflop=mean(operation.array_w) * satellites / max(fleet_delivered_pflops, 1e-12)
                   / 1000.0,
                   ground_energy_kj_per_pflop=scenario.model.processor().energy_j_per_pflop
                   * scenario.model.ground.pue / 1000.0,
                   compute_kw_per_tonne=mean(sizing.compute_cap_w) / mass.per_satellite.total_kg,
                   battery_kg_per_satellite=mean(sizing.battery_kg))


@record
class EndOfLife(Record):
    """The fleet at the end of the satellites' life: the array's power factor (the fleet's mean over its
    shells) and what it runs."""

    age_years: float
    power_factor: float
    full_sun_w_per_satellite: float
    fleet_delivered_eflops: float
    compute_share_of_start: float


def end_of_life(scenario, fleet, sizing, operation) -> EndOfLife:
    """The end-of-life stage."""
    model, chip, mean = scenario.model, scenario.model.processor(), fleet.fleet_mean
    factor = sizing.end_of_life_power_factor
    return EndOfLife(age_years=float(max(model.satellite.lifetime_years, model.array.age_years)),
                     power_factor=mean(factor), full_sun_w_per_satellite=mean(sizing.full_sun_w * factor),
                     fleet_delivered_eflops=mean(operation.compute_end_of_life_w / chip.system_power_w
                                                 * chip.bf16_pflops) * fleet.satellites / 1000.0,
                     compute_share_of_start=mean(operation.compute_end_of_life_w)
                     / max(mean(operation.compute_w), 1e-12))


@record
class Heat(Record):
    """The radiator: heat flows per m² of panel (W/m²), the waste heat (W) and area (m²) per satellite."""

    radiator_emitted_w_m2: float
    radiator_solar_w_m2: float
    radiator_albedo_w_m2: float
    radiator_earth_ir_w_m2: float
    radiator_net_w_m2: float
    earth_view_factor: float
    waste_heat_w_per_satellite: float
    radiator_m2_per_satellite: float
    radiator_to_array_area: float


def heat(scenario, fleet, sizing) -> Heat:
    """The heat stage."""
    flux = radiator_flux_w_m2(scenario.model.radiator, sizing.earth_view_factor)
    mean = fleet.fleet_mean
    return Heat(**{f"radiator_{k}_w_m2": mean(np.broadcast_to(v, fleet.shell_satellites.shape))
                   for k, v in flux.items()},
                earth_view_factor=mean(sizing.earth_view_factor), waste_heat_w_per_satellite=mean(sizing.heat_w),
                radiator_m2_per_satellite=mean(sizing.radiator_m2),
                radiator_to_array_area=mean(sizing.radiator_m2) / scenario.model.array.area_m2)
