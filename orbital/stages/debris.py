"""The debris stage: each shell's expected collisions a year with the population already in orbit."""

from ..debris import shell_collisions
from ..record import Record, record


@record
class DebrisRow(Record):
    """One shell's expected collisions a year with tracked objects and with 1–10 cm debris."""

    shell: str
    satellites: int
    tracked_per_year: float
    small_per_year: float


@record
class Debris(Record):
    """Per shell, and the fleet's expected collisions a year (tracked + small)."""

    shells: tuple[DebrisRow, ...]
    collisions_per_year: float


def debris(scenario, fleet) -> Debris:
    """The debris stage (debris.shell_collisions, the Traffic parameters)."""
    rows = []
    for name, n, h in zip(fleet.shell_names, fleet.shell_satellites, fleet.altitude_km):
        hits = shell_collisions(float(n), float(h), scenario.model.traffic)
        rows.append(DebrisRow(shell=name, satellites=int(n), tracked_per_year=hits["tracked"],
                              small_per_year=hits["small"]))
    return Debris(shells=tuple(rows), collisions_per_year=sum(r.tracked_per_year + r.small_per_year for r in rows))
