"""Deployment and launch cost: satellites per launch, launches and years at a cadence, price per kg on a
learning curve (a fixed fall per doubling of cumulative mass), and launch cost per kW-year."""

import math

import numpy as np

from .constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from .errors import OrbitalError

# Standard gravity (m/s², exact, CGPM 1901) and Earth's equatorial rotation speed (m/s: WGS84 radius ×
# sidereal rate 7.292115e-5 rad/s).
STANDARD_GRAVITY_M_S2 = 9.80665
EQUATOR_ROTATION_SPEED_M_S = 465.1


def hohmann_delta_v_m_s(from_altitude_km, to_altitude_km):
    """Δv (m/s) of a Hohmann transfer between circular orbits (arrays broadcast; 0 when going down)."""
    r1 = EARTH_RADIUS_KM + np.asarray(from_altitude_km, dtype=float)
    r2 = np.maximum(EARTH_RADIUS_KM + np.asarray(to_altitude_km, dtype=float), r1)
    transfer = np.sqrt(2.0 * r2 / (r1 + r2))
    burn1 = np.sqrt(MU_EARTH_KM3_S2 / r1) * (transfer - 1.0)
    burn2 = np.sqrt(MU_EARTH_KM3_S2 / r2) * (1.0 - np.sqrt(2.0 * r1 / (r1 + r2)))
    return (burn1 + burn2) * 1000.0


def payload_kg(altitude_km, inclination_deg, launch):
    """Payload (kg) the vehicle puts into a circular orbit at `altitude_km`, `inclination_deg` (arrays
    broadcast), from its quoted payload to a low orbit due east of the site (launch.payload_kg at
    reference_altitude_km): the extra Δv (a Hohmann raise, and Earth's rotation lost to an inclined
    or retrograde orbit, v_eq (cos φ − cos i) for i above the site's latitude φ) comes out of the upper
    stage by the rocket equation: (payload + dry) shrinks by exp(−Δv / (Isp g₀)). Never below 0."""
    raise_m_s = hohmann_delta_v_m_s(launch.reference_altitude_km, altitude_km)
    site = math.radians(launch.site_latitude_deg)
    inclination = np.radians(np.maximum(np.asarray(inclination_deg, dtype=float), launch.site_latitude_deg))
    plane_m_s = EQUATOR_ROTATION_SPEED_M_S * (math.cos(site) - np.cos(inclination))
    final = (launch.payload_kg + launch.upper_stage_dry_kg) * np.exp(
        -(raise_m_s + plane_m_s) / (launch.upper_stage_isp_s * STANDARD_GRAVITY_M_S2))
    return np.maximum(final - launch.upper_stage_dry_kg, 0.0)


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


def satellites_per_launch(satellite_mass_kg, payload):
    """Whole satellites of `satellite_mass_kg` a launch of `payload` kg carries (arrays broadcast; at
    least one, else OrbitalError)."""
    per_launch = np.floor(np.asarray(payload, dtype=float) / satellite_mass_kg)
    if np.any(per_launch < 1):
        raise OrbitalError(f"payload_kg: {np.min(payload):,.0f} kg to the shell's orbit cannot carry one "
                           f"{np.max(satellite_mass_kg):,.0f} kg satellite", parameter="payload_kg")
    return per_launch


def launches_by_shell(satellites, satellite_mass_kg, payload):
    """Launches to deploy each shell ((shells,) arrays: satellites, mass kg, payload kg to its orbit),
    each launch carrying one shell's satellites, and the fleet's mean satellites per launch."""
    launches = np.ceil(np.asarray(satellites, dtype=float) / satellites_per_launch(satellite_mass_kg, payload))
    return launches, float(np.sum(satellites) / launches.sum())


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


def deployment(satellites, satellite_mass_kg, launch, per_launch=None):
    """Launching `satellites` of `satellite_mass_kg` each, from the learning curve's start, `per_launch`
    satellites a launch (default: as many as launch.payload_kg carries; a fleet mean may be fractional).

    Returns dict: satellites_per_launch, launches, years (at launches_per_year), mass_t, cost_usd
    (each launch priced at the cumulative mass before it), first and last price per kg, the CO₂ of
    the launches (Mt), and the ramp: years (launches,) and satellites in orbit after each launch.
    """
    if per_launch is None:
        per_launch = float(satellites_per_launch(satellite_mass_kg, launch.payload_kg))
    launches = math.ceil(satellites / per_launch - 1e-9)
    in_orbit = np.minimum(np.round(np.arange(1, launches + 1) * per_launch), satellites)
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
