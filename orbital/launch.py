"""Deployment and launch cost: satellites per launch, launches and years at a cadence, price per kg on a
learning curve (a fixed fall per doubling of cumulative mass), and launch cost per kW-year."""

import math

import numpy as np

from .errors import OrbitalError


def price_usd_per_kg(cumulative_t, launch):
    """Launch price at cumulative mass launched `cumulative_t` (t): P₀ (M / M₀)^log₂(1 − learning rate).

    Wright's law as Suncatcher §2.4 states it; the curve starts at (M₀, P₀) = (reference_cumulative_t,
    price_usd_per_kg) and is flat before it.
    """
    ratio = np.maximum(np.asarray(cumulative_t, dtype=float) / launch.reference_cumulative_t, 1.0)
    return launch.price_usd_per_kg * ratio ** math.log2(1.0 - launch.learning_rate)


def cumulative_t_at_price(target_usd_per_kg, launch):
    """Cumulative mass (t) at which the learning curve reaches `target_usd_per_kg`."""
    if launch.learning_rate == 0 or target_usd_per_kg >= launch.price_usd_per_kg:
        return launch.reference_cumulative_t if target_usd_per_kg >= launch.price_usd_per_kg else math.inf
    exponent = math.log2(1.0 - launch.learning_rate)
    return launch.reference_cumulative_t * (target_usd_per_kg / launch.price_usd_per_kg) ** (1.0 / exponent)


def cost_usd_per_kw_year(mass_kg, price_per_kg_usd, power_kw, lifetime_years):
    """Launch cost per kW-year of power over the satellite's life: mass × $/kg ÷ (kW × years) (Suncatcher Table 1)."""
    return mass_kg * price_per_kg_usd / (power_kw * lifetime_years)


def break_even(ground_usd_per_kw_year, satellite_mass_kg, compute_kw, lifetime_years, launch):
    """The launch price at which a satellite's launch cost per kW-year of compute equals the ground's
    `ground_usd_per_kw_year` (mass × $/kg ÷ (kW × life) = ground), and when the learning curve reaches it.

    Returns dict: usd_per_kg; cumulative_t (mass launched by then, on the curve from its start; inf
    when a flat curve never gets there); and years, the time this program's full launches at the
    cadence take to launch that mass (0 when the price is already at or below it).
    """
    usd_per_kg = ground_usd_per_kw_year * compute_kw * lifetime_years / satellite_mass_kg
    cumulative_t = cumulative_t_at_price(usd_per_kg, launch)
    payload_t_per_year = launch.payload_kg / 1000.0 * launch.launches_per_year
    years = max(cumulative_t - launch.reference_cumulative_t, 0.0) / payload_t_per_year
    return {"usd_per_kg": usd_per_kg, "cumulative_t": cumulative_t, "years": years}


def satellites_per_launch(satellite_mass_kg, launch):
    """Whole satellites of `satellite_mass_kg` one launch carries (at least one, else OrbitalError)."""
    per_launch = math.floor(launch.payload_kg / satellite_mass_kg)
    if per_launch < 1:
        raise OrbitalError(f"payload_kg: {launch.payload_kg:g} kg cannot carry one {satellite_mass_kg:g} kg satellite",
                           parameter="payload_kg")
    return per_launch


def replacement(satellites, per_launch, lifetime_years, launch):
    """Holding a fleet of `satellites` whose satellites last `lifetime_years`: the launches a year that
    replace them at steady state (fleet ÷ life ÷ satellites per launch), the largest fleet the cadence
    sustains (launches a year × life × satellites per launch), whether this fleet is within it, and the
    CO₂ of the replacement launches (Mt a year)."""
    launches_per_year = satellites / lifetime_years / per_launch
    sustainable = launch.launches_per_year * lifetime_years * per_launch
    return {"replacement_launches_per_year": launches_per_year, "sustainable_satellites": sustainable,
            "sustainable": satellites <= sustainable,
            "replacement_co2_mt_per_year": launches_per_year * launch.co2_t_per_launch / 1e6}


def deployment(satellites, satellite_mass_kg, launch):
    """Launching `satellites` of `satellite_mass_kg` each, from the learning curve's start.

    Returns dict: satellites_per_launch, launches, years (at launches_per_year), mass_t, cost_usd
    (each launch priced at the cumulative mass before it), first and last price per kg, the CO₂ of
    the launches (Mt), and the ramp: years (launches,) and satellites in orbit after each launch.
    """
    per_launch = satellites_per_launch(satellite_mass_kg, launch)
    launches = math.ceil(satellites / per_launch)
    in_orbit = np.minimum(np.arange(1, launches + 1) * per_launch, satellites)
    mass_per_launch_t = np.diff(in_orbit, prepend=0) * satellite_mass_kg / 1000.0
    cumulative_before_t = launch.reference_cumulative_t + np.cumsum(mass_per_launch_t) - mass_per_launch_t
    price = price_usd_per_kg(cumulative_before_t, launch)
    return {
        "satellites_per_launch": per_launch, "launches": launches, "years": launches / launch.launches_per_year,
        "mass_t": float(mass_per_launch_t.sum()), "cost_usd": float(price @ mass_per_launch_t * 1000.0),
        "first_price_usd_per_kg": float(price[0]), "last_price_usd_per_kg": float(price[-1]),
        "deployment_co2_mt": launches * launch.co2_t_per_launch / 1e6,
        "ramp_years": np.arange(1, launches + 1) / launch.launches_per_year, "ramp_satellites": in_orbit,
    }
