"""The same compute on the ground: grid energy with PUE, and the solar farm that would supply it."""

from dataclasses import dataclass

from .errors import OrbitalError

# Uptime Institute global survey: industry-average PUE ~1.56 (flat 1.55–1.59 since 2020).
PUE_INDUSTRY_AVERAGE = 1.56
# Google 2024 Environmental Report: fleet PUE 1.10 (hyperscale).
PUE_HYPERSCALE = 1.10
# Ground solar capacity factor, US median ~24% (as cited by Starcloud, secondary).
GROUND_SOLAR_CAPACITY_FACTOR = 0.24
# Peak irradiance of the standard test condition (IEC 60904-3): 1,000 W/m².
GROUND_PEAK_IRRADIANCE_W_M2 = 1000.0
# Ground panel efficiency: silicon ~22%, the same cells as the orbital default (Suncatcher Table 1).
GROUND_PANEL_EFFICIENCY = 0.22
HOURS_PER_YEAR = 8766.0


@dataclass(frozen=True)
class GroundSite:
    """A terrestrial data center and the solar farm that would power it."""

    pue: float = PUE_INDUSTRY_AVERAGE
    capacity_factor: float = GROUND_SOLAR_CAPACITY_FACTOR
    panel_efficiency: float = GROUND_PANEL_EFFICIENCY

    def __post_init__(self):
        if not 1.0 <= self.pue <= 5.0:
            raise OrbitalError(f"pue: {self.pue!r} is outside the allowed range 1 to 5")
        if not 0.0 < self.capacity_factor <= 1.0:
            raise OrbitalError(f"capacity_factor: {self.capacity_factor!r} is outside the allowed range 0 to 1")
        if not 0.0 < self.panel_efficiency <= 1.0:
            raise OrbitalError(f"panel_efficiency: {self.panel_efficiency!r} is outside the allowed range 0 to 1")

    def grid_energy_wh(self, it_energy_wh):
        """Grid energy for IT energy `it_energy_wh`: IT × PUE."""
        return it_energy_wh * self.pue

    def panel_energy_wh_per_m2_year(self):
        """Energy a ground panel gives per m² per year at this capacity factor."""
        return GROUND_PEAK_IRRADIANCE_W_M2 * self.panel_efficiency * self.capacity_factor * HOURS_PER_YEAR

    def solar_farm_area_m2(self, grid_energy_wh_per_year):
        """Panel area that supplies `grid_energy_wh_per_year` (storage losses ignored)."""
        return grid_energy_wh_per_year / self.panel_energy_wh_per_m2_year()
