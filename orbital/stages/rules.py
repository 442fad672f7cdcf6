"""The rules stage: the disposal rule per shell, the ITU and FCC deployment milestones against the
launch cadence, the fleet the cadence sustains against the filed one, SATCON-1's brightness per shell
(closed form, orbital.sky.satcon_at_twilight) and the re-entries' Al2O3 against the natural meteoric
influx, each as pass/fail."""

import math

from ..record import Record, record
from ..rules import disposal_verdict, milestones
from ..sky import satcon_at_twilight
from ..timeutil import times
from .environment import radiation
from .fleet import Scenario, fleet
from .mass import mass
from .reentry import reentry
from .sizing import sizing


@record
class DisposalRule(Record):
    """One shell's dead-satellite lifetime, years, at solar maximum (shortest) and minimum (longest),
    against the rule (`rule_years`): "pass", "solar maximum only" or "fail"."""

    shell: str
    satellites: int
    shortest_years: float
    longest_years: float
    rule_years: float
    verdict: str


@record
class Milestone(Record):
    """A deployment milestone: the rule, its years after the first launch, the share of the filed fleet
    it requires, the share the cadence has deployed by then, and whether that meets it."""

    rule: str
    years: float
    share_required: float
    share_deployed: float
    met: bool


@record
class BrightnessRule(Record):
    """One shell against SATCON-1 at the end of astronomical twilight: the observed V (with extinction)
    of a satellite at the zenith and of the brightest at 30° elevation (None: in the Earth's shadow), the
    limit V = 7 + 2.5 log10(h / 550 km), and `over` when either is brighter (a smaller V)."""

    shell: str
    altitude_km: float
    zenith_mag: float | None
    elevation_30_mag: float | None
    limit_mag: float
    over: bool


@record
class AluminaRule(Record):
    """The fleet's Al2O3 from re-entries a year (t) against the natural meteoric influx of all material
    (t a year, Plane 2012's low and high ends): `over` when the oxide alone outweighs the low end."""

    alumina_t_per_year: float
    influx_low_t_per_year: float
    influx_high_t_per_year: float
    over: bool


@record
class Rules(Record):
    """Disposal per shell, the milestones, the sustainable fleet against the filed one, SATCON-1's
    brightness per shell and the re-entries' Al2O3 against the natural influx."""

    disposal: tuple[DisposalRule, ...]
    milestones: tuple[Milestone, ...]
    deployment_years: float
    filed_satellites: int
    sustainable_satellites: float
    sustainable: bool
    brightness: tuple[BrightnessRule, ...]
    alumina: AluminaRule


def brightness_rules(shell_names, altitude_km, params):
    """BrightnessRule per shell (names and altitudes, km) for the sky parameters `params` (model.sky)."""
    zenith, at_30, limit = satcon_at_twilight(altitude_km, params)
    seen = [[None if math.isnan(v) else float(v) for v in column] for column in (zenith, at_30)]
    return tuple(BrightnessRule(shell=name, altitude_km=float(h), zenith_mag=z, elevation_30_mag=e, limit_mag=float(v),
                                over=any(m is not None and m < v for m in (z, e)))
                 for name, h, z, e, v in zip(shell_names, altitude_km, *seen, limit))


def alumina_rule(reentry):
    """AluminaRule from the re-entry stage's ledger."""
    return AluminaRule(alumina_t_per_year=reentry.alumina_t_per_year,
                       influx_low_t_per_year=reentry.natural_influx_low_t_per_year,
                       influx_high_t_per_year=reentry.natural_influx_high_t_per_year,
                       over=bool(reentry.alumina_t_per_year > reentry.natural_influx_low_t_per_year))


def rules(scenario, fleet, mass, launch, reentry) -> Rules:
    """The rules stage, from the mass stage's drag per shell, the launch stage's cadence, the shells'
    altitudes (SATCON-1, model.sky) and the re-entry stage's Al2O3."""
    rule_years = float(scenario.model.drag.disposal_years)
    disposal = tuple(DisposalRule(
        shell=row.shell, satellites=row.satellites, shortest_years=row.solar_max.dead_satellite_years,
        longest_years=row.solar_min.dead_satellite_years, rule_years=rule_years,
        verdict=disposal_verdict(row.solar_max.dead_satellite_years, row.solar_min.dead_satellite_years, rule_years))
        for row in mass.drag)
    return Rules(disposal=disposal,
                 milestones=tuple(Milestone(**row) for row in milestones(launch.launches, launch.launches_per_year)),
                 deployment_years=float(launch.years), filed_satellites=int(fleet.satellites),
                 sustainable_satellites=float(launch.sustainable_satellites), sustainable=bool(launch.sustainable),
                 brightness=brightness_rules(fleet.shell_names, fleet.altitude_km, scenario.model.sky),
                 alumina=alumina_rule(reentry))


def sky_rules(constellation, model, start="2026-01-01T00:00:00Z"):
    """The sky and upper-air rules alone, for `orbital sky`: BrightnessRule per shell and the AluminaRule,
    from the fleet, radiation, sizing, mass and re-entry stages only (8 satellites a shell, one instant at `start`)."""
    scenario = Scenario(constellation, times(start, hours=0, step_s=3600), model, 8)
    shells = fleet(scenario)
    dry = mass(scenario, shells, sizing(scenario, shells, radiation(scenario, shells)))
    return {"brightness": brightness_rules(shells.shell_names, shells.altitude_km, model.sky),
            "alumina": alumina_rule(reentry(scenario, shells, dry))}
