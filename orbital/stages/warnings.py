"""The warnings stage: what the reader must know before trusting the other figures."""

from ..record import Record, record


@record
class Warnings(Record):
    """Sentences, each a warning (none when all is well)."""

    messages: tuple[str, ...]


def warnings(scenario, fleet, launch) -> Warnings:
    """The warnings stage: a fleet larger than the launch cadence can hold at its satellites' life."""
    if launch.sustainable:
        return Warnings(messages=())
    return Warnings(messages=(
        f"{fleet.satellites:,} satellites are more than the {launch.sustainable_satellites:,.0f} that "
        f"{launch.launches_per_year:g} launches a year of {launch.satellites_per_launch:.0f} satellites can hold "
        f"at a {launch.lifetime_years:g}-year life: deploying takes {launch.years:.1f} years, and holding the fleet "
        f"needs {launch.replacement_launches_per_year:,.0f} replacement launches a year",))
