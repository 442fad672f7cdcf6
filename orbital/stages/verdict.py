"""The verdict stage: the Monte Carlo over the sources' ranges (orbital/verdict.py) on this fleet."""

from ..verdict import Verdict, verdict as monte_carlo


def verdict(scenario, fleet, compute, heat, mass) -> Verdict:
    """The verdict stage."""
    return monte_carlo(fleet, compute, heat, mass, scenario.model)
