"""The re-entry stage: per shell and per year, what the fleet's replacement burns in the upper air
(orbital.sky.reentry_figures), against the natural meteoroid influx, and the casualty risk per re-entry."""

from ..record import FloatArray, Record, record
from ..sky import reentry_figures


@record
class Reentry(Record):
    """Per shell ((shells,) arrays) and for the fleet: re-entries, tonnes burned and of Al2O3 a year; the
    natural influx (t/yr) and Al2O3 (t/yr) beside them; the expected casualties per re-entry (per shell,
    and the fleet's mean over its re-entries) and the limit, broken when any shell's is over it."""

    shell_reentries_per_year: FloatArray
    shell_burned_t_per_year: FloatArray
    shell_alumina_t_per_year: FloatArray
    shell_casualty_risk_per_reentry: FloatArray
    reentries_per_year: float
    burned_t_per_year: float
    alumina_t_per_year: float
    natural_influx_low_t_per_year: float
    natural_influx_high_t_per_year: float
    natural_alumina_t_per_year: float
    casualty_area_m2: float
    casualty_risk_per_reentry: float
    casualty_limit: float
    over_casualty_limit: bool


def reentry(scenario, fleet, mass) -> Reentry:
    """The re-entry stage: each shell's dry satellite (total less propellant) re-enters once a life
    (parameters: scenario.model.reentry)."""
    dry_kg = mass.by_shell.total_kg - mass.by_shell.propellant_kg
    model = scenario.model
    return Reentry(**reentry_figures(fleet.shell_satellites, dry_kg, model.satellite.lifetime_years, model.reentry))
