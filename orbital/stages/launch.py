"""The launch stages: deploying the fleet (each launch carrying one shell's satellites, priced on the
learning curve) and holding it; the launch price at which orbit costs what the ground does; and the
learning curve drawn past both."""

import numpy as np

from ..launch import (break_even as break_even_point, cost_usd_per_kw_year, deployment, launches_by_shell,
                      payload_kg, price_usd_per_kg, replacement)
from ..record import FloatArray, Record, record


@record
class Launch(Record):
    """Per shell ((shells,) arrays) the payload to its orbit (kg) and its launches; for the fleet the
    deployment (launch.deployment, its ramp left out), the steady state (launch.replacement) and the
    launch cost per kW-year of power and of compute."""

    payload_kg: FloatArray
    shell_launches: FloatArray
    satellite_mass_kg: float
    satellites_per_launch: float
    launches: int
    years: float
    mass_t: float
    cost_usd: float
    first_price_usd_per_kg: float
    last_price_usd_per_kg: float
    deployment_co2_mt: float
    replacement_launches_per_year: float
    sustainable_satellites: float
    sustainable: bool
    replacement_co2_mt_per_year: float
    lifetime_years: float
    launches_per_year: float
    payload_kg_to_orbit: float
    cost_usd_per_kw_year_at_first_price: float
    cost_usd_per_kw_year: float
    cost_usd_per_compute_kw_year: float


def launch(scenario, fleet, sizing, operation, mass) -> Launch:
    """The launch stage."""
    model, satellites = scenario.model, fleet.satellites
    lifetime, mass_kg = model.satellite.lifetime_years, mass.per_satellite.total_kg
    payload = payload_kg(fleet.altitude_km, fleet.inclination_deg, model.launch)
    shell_launches, per_launch = launches_by_shell(fleet.shell_satellites, mass.by_shell.total_kg, payload)
    deploy = deployment(satellites, mass_kg, model.launch, per_launch)
    steady = replacement(satellites, per_launch, lifetime, model.launch)
    return Launch(
        payload_kg=np.asarray(payload, dtype=float), shell_launches=shell_launches, satellite_mass_kg=mass_kg,
        **{k: v for k, v in deploy.items() if not k.startswith("ramp_")},
        **{k: bool(v) if k == "sustainable" else float(v) for k, v in steady.items()},
        lifetime_years=float(lifetime), launches_per_year=float(model.launch.launches_per_year),
        payload_kg_to_orbit=fleet.fleet_mean(payload),
        cost_usd_per_kw_year_at_first_price=cost_usd_per_kw_year(
            mass_kg, deploy["first_price_usd_per_kg"], sizing.rated_w / 1000.0, lifetime),
        cost_usd_per_kw_year=deploy["cost_usd"] / (sizing.rated_w / 1000.0 * satellites * lifetime),
        cost_usd_per_compute_kw_year=deploy["cost_usd"] / max(fleet.fleet_mean(operation.compute_w) / 1000.0
                                                              * satellites * lifetime, 1e-12))


@record
class BreakEvenPoint(Record):
    """The launch price ($/kg) at which orbit costs what one ground reference does, the cumulative mass
    (t) at which the learning curve reaches it (inf: never) and the years of full launches to get there."""

    usd_per_kg: float
    cumulative_t: float
    years: float


@record
class BreakEven(Record):
    """Break-even against the ground at the industry-average PUE and at the hyperscale PUE."""

    industry: BreakEvenPoint
    hyperscale: BreakEvenPoint


def break_even(scenario, fleet, operation, mass, launch, terrestrial) -> BreakEven:
    """The break-even stage: the learning curve advances by the mass each launch really carries to
    these orbits."""
    model = scenario.model
    carried = model.launch.with_(payload_kg=launch.satellites_per_launch * mass.per_satellite.total_kg)
    compute_kw = fleet.fleet_mean(operation.compute_w) / 1000.0

    def point(ground_usd_per_kw_year):
        row = break_even_point(ground_usd_per_kw_year, mass.per_satellite.total_kg, compute_kw,
                               model.satellite.lifetime_years, carried)
        return BreakEvenPoint(**{key: float(value) for key, value in row.items()})

    return BreakEven(industry=point(terrestrial.cost_usd_per_kw_year),
                     hyperscale=point(terrestrial.hyperscale_cost_usd_per_kw_year))


# Points of the learning curve drawn, log-spaced in cumulative mass.
CURVE_POINTS = 60


@record
class LearningCurve(Record):
    """The launch price ($/kg) along cumulative mass launched (t), (CURVE_POINTS,) each; where this
    fleet's deployment ends and where the curve starts, t."""

    cumulative_t: FloatArray
    price_usd_per_kg: FloatArray
    deployed_t: float
    start_t: float


def learning_curve(scenario, launch, break_even) -> LearningCurve:
    """The learning-curve stage: from its start to past this fleet's mass and the break-even points."""
    model = scenario.model.launch
    finite = [row.cumulative_t for row in (break_even.industry, break_even.hyperscale) if np.isfinite(row.cumulative_t)]
    end_t = 2.0 * max([model.reference_cumulative_t + launch.mass_t, *finite])
    cumulative_t = np.geomspace(model.reference_cumulative_t, end_t, CURVE_POINTS)
    return LearningCurve(cumulative_t=cumulative_t, price_usd_per_kg=np.asarray(price_usd_per_kg(cumulative_t, model)),
                         deployed_t=float(model.reference_cumulative_t + launch.mass_t),
                         start_t=float(model.reference_cumulative_t))
