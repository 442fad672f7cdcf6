"""The environment stages: trapped radiation along each shell's orbit (AE-8/AP-8), how many dead
satellites outlast the disposal rule, and each designed shell's layout."""

from ..radiation import array_fluence, reference_orbit, shell_fluxes, shell_radiation
from ..traffic import design_rows
from ..record import Record, record

# A dead satellite that stays up longer than this stays "for centuries", years.
CENTURIES_YEARS = 100.0


@record
class RadiationRow(Record):
    """One shell's trapped radiation (radiation.shell_radiation): fluxes (/cm²/s) and yearly fluences
    (/cm²) by particle and solar phase, the dose over the life (krad(Si)) and its flag; the dose over the
    life behind the model's aluminium shield (mm) from protons and electrons, and the total behind 1, 3
    and 10 mm (krad(Si), by thickness); the arrays' 1 MeV electron-equivalent fluence a year behind their
    cover glass (/cm², 'electrons', 'protons', 'total'; cells.py)."""

    shell: str
    satellites: int
    flux_per_cm2_s: dict[str, float]
    fluence_per_cm2_year: dict[str, float]
    proton_ratio_to_reference: float
    scaled_dose_krad: float
    dose_krad_over_life: float
    flag: str
    shield_mm: float
    proton_dose_krad: float
    electron_dose_krad: float
    shield_dose_krad: dict[str, float]
    array_fluence_per_cm2_year: dict[str, float]


@record
class Radiation(Record):
    """Per shell, the dose Suncatcher's TPUs were tested to, krad(Si), and the arrays' 1 MeV
    electron-equivalent fluence a year on the reference orbit (/cm²), where the flat degradation holds."""

    shells: tuple[RadiationRow, ...]
    tested_krad: float
    reference_array_fluence_per_cm2_year: float


def radiation(scenario, fleet) -> Radiation:
    """The radiation stage: a day of each shell's orbit from the span's start."""
    model, start = scenario.model, scenario.t[0].utc_iso()
    fluxes, spectra = shell_fluxes(scenario.constellation, start)
    rows = tuple(RadiationRow(shell=name, satellites=int(n), **shell_radiation(
        flux, spectrum, start, model.radiation, model.satellite.lifetime_years),
        array_fluence_per_cm2_year=array_fluence(spectrum, model.array))
        for name, n, flux, spectrum in zip(fleet.shell_names, fleet.shell_satellites, fluxes, spectra))
    reference = array_fluence(reference_orbit(model.radiation.reference_altitude_km, start)[1], model.array)
    return Radiation(shells=rows, tested_krad=float(model.radiation.tested_krad),
                     reference_array_fluence_per_cm2_year=reference["total"])


@record
class Disposal(Record):
    """Shares of the fleet whose dead satellites outlast the disposal rule (`rule_years`, FCC: 5) and
    stay for centuries, even at solar maximum (the fastest decay)."""

    rule_years: float
    share_beyond_rule: float
    share_for_centuries: float


def disposal(scenario, fleet, mass) -> Disposal:
    """The disposal stage, from the mass stage's drag per shell."""
    def share(years):
        return sum(row.satellites for row in mass.drag if row.solar_max.dead_satellite_years > years) / fleet.satellites

    rule_years = scenario.model.drag.disposal_years
    return Disposal(rule_years=float(rule_years), share_beyond_rule=share(rule_years),
                    share_for_centuries=share(CENTURIES_YEARS))


@record
class DesignRow(Record):
    """A designed shell: satellites, planes, Walker phasing (None if not a Walker pattern) and the
    smallest distance two of its satellites ever come to, km (None for a single satellite)."""

    shell: str
    satellites: int
    altitude_km: float
    inclination_deg: float
    planes: int
    phasing: int | None
    min_distance_km: float | None


@record
class Design(Record):
    """Each designed shell (a catalogue's groups have none)."""

    shells: tuple[DesignRow, ...]


def design(scenario) -> Design:
    """The design stage (traffic.design_rows)."""
    return Design(shells=tuple(DesignRow(**{**row, "altitude_km": float(row["altitude_km"]),
                                            "inclination_deg": float(row["inclination_deg"]),
                                            "min_distance_km": None if row["min_distance_km"] is None
                                            else float(row["min_distance_km"])})
                               for row in design_rows(scenario.constellation)))
