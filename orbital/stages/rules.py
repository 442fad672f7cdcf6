"""The rules stage: the disposal rule per shell, the ITU and FCC deployment milestones against the
launch cadence, and the fleet the cadence sustains against the filed one, each as pass/fail."""

from ..record import Record, record
from ..rules import disposal_verdict, milestones


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
class Rules(Record):
    """Disposal per shell, the milestones, and the sustainable fleet against the filed one."""

    disposal: tuple[DisposalRule, ...]
    milestones: tuple[Milestone, ...]
    deployment_years: float
    filed_satellites: int
    sustainable_satellites: float
    sustainable: bool


def rules(scenario, fleet, mass, launch) -> Rules:
    """The rules stage, from the mass stage's drag per shell and the launch stage's cadence."""
    rule_years = float(scenario.model.drag.disposal_years)
    disposal = tuple(DisposalRule(
        shell=row.shell, satellites=row.satellites, shortest_years=row.solar_max.dead_satellite_years,
        longest_years=row.solar_min.dead_satellite_years, rule_years=rule_years,
        verdict=disposal_verdict(row.solar_max.dead_satellite_years, row.solar_min.dead_satellite_years, rule_years))
        for row in mass.drag)
    return Rules(disposal=disposal,
                 milestones=tuple(Milestone(**row) for row in milestones(launch.launches, launch.launches_per_year)),
                 deployment_years=float(launch.years), filed_satellites=int(fleet.satellites),
                 sustainable_satellites=float(launch.sustainable_satellites), sustainable=bool(launch.sustainable))
