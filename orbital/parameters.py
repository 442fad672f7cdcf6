"""Sourced defaults for the solar-power model. Units in names; sources in comments.

Figures come from ../shared/reference/parameters.md; "(secondary)" marks a figure taken
from press or notes quoting the document rather than the document itself.
"""

from dataclasses import dataclass, fields, replace

from .errors import OrbitalError

POINTINGS = ("sun-tracking", "zenith", "orbit-normal")


@dataclass(frozen=True)
class SolarArray:
    """A satellite's solar array.

    Defaults: Suncatcher's optimised Starlink-V2-mini-class bus, ~105 m² of array
    (arXiv:2511.19468 §4.4, Table 1: 28.3 kW = 105 m² × 1361 W/m² × 0.22 × 0.9).
    """

    area_m2: float = 105.0
    # Silicon cells ~22% (Suncatcher Table 1); triple junction would be ~0.30 BOL (Spectrolab XTJ).
    cell_efficiency: float = 0.22
    # Packing/fill factor of cells on the array (Suncatcher Table 1: 0.9).
    packing_factor: float = 0.9
    # Degradation per year: 0.7–1.7 %/yr for silicon in GEO fleet data (Lohmeyer et al. 2018); low end.
    degradation_per_year: float = 0.007
    # Years since launch at which the array is evaluated (0 = beginning of life).
    age_years: float = 0.0
    # "sun-tracking": normal follows the Sun; "zenith": body-mounted facing away from Earth;
    # "orbit-normal": body-mounted on the orbit normal's sunward side (suits dawn–dusk orbits).
    pointing: str = "sun-tracking"

    def __post_init__(self):
        checks = {
            "area_m2": (self.area_m2, 0.0, 1e8, "m²"),
            "cell_efficiency": (self.cell_efficiency, 0.0, 1.0, ""),
            "packing_factor": (self.packing_factor, 0.0, 1.0, ""),
            "degradation_per_year": (self.degradation_per_year, 0.0, 0.5, "per year"),
            "age_years": (self.age_years, 0.0, 50.0, "years"),
        }
        for name, (value, low, high, unit) in checks.items():
            if not (isinstance(value, (int, float)) and low <= value <= high) or (
                name in ("area_m2", "cell_efficiency", "packing_factor") and value <= 0
            ):
                raise OrbitalError(f"{name}: {value!r} is outside the allowed range {low:g} to {high:g} {unit}".rstrip())
        if self.pointing not in POINTINGS:
            raise OrbitalError(f"pointing: {self.pointing!r} is not one of {', '.join(POINTINGS)}")

    def with_(self, **changes):
        """A copy with some fields changed (validated)."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise OrbitalError(f"solar array: unknown parameter(s) {', '.join(sorted(unknown))}")
        return replace(self, **changes)
