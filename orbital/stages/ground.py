"""The ground stage: the same IT energy as the fleet's compute, run in a data center on the grid at
the industry-average PUE and at the hyperscale PUE (terrestrial.ground_data_center)."""

from ..constants import HOURS_PER_YEAR
from ..terrestrial import ground_data_center
from ..record import Record, record


@record
class Terrestrial(Record):
    """Yearly figures of the ground data center: TWh, Mt of CO₂, GL of water, km² (its cost: the costs stage)."""

    pue: float
    hyperscale_pue: float
    it_twh: float
    grid_twh: float
    co2_mt: float
    water_onsite_gl: float
    water_generation_gl: float
    water_gl: float
    hyperscale_grid_twh: float
    hyperscale_co2_mt: float
    hyperscale_water_onsite_gl: float
    hyperscale_water_generation_gl: float
    hyperscale_water_gl: float
    solar_farm_km2: float


def terrestrial(scenario, fleet, operation) -> Terrestrial:
    """The ground stage."""
    ground = scenario.model.ground
    compute_kwh_year = fleet.fleet_mean(operation.compute_w) * fleet.satellites * HOURS_PER_YEAR / 1000.0
    return Terrestrial(pue=float(ground.pue), hyperscale_pue=float(ground.hyperscale_pue),
                       **{key: float(value) for key, value in ground_data_center(compute_kwh_year, ground).items()})
