"""Launches priced by the flight: what a flight carries to a shell when a reusable upper stage keeps
propellant for its own return, how many flights each shell takes, and the fleet-average price of a
flight on a learning curve over cumulative mass launched."""

import numpy as np

from ..constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from ..launch import STANDARD_GRAVITY_M_S2, payload_kg
from ..parameters import LAUNCH_PRICES


def deorbit_delta_v_m_s(altitude_km, perigee_km):
    """Δv (m/s) of the burn that lowers a circular orbit at `altitude_km` to a perigee of `perigee_km`
    (one tangential burn at apogee; arrays broadcast)."""
    r = EARTH_RADIUS_KM + np.asarray(altitude_km, dtype=float)
    rp = EARTH_RADIUS_KM + perigee_km
    return np.sqrt(MU_EARTH_KM3_S2 / r) * (1.0 - np.sqrt(2.0 * rp / (r + rp))) * 1000.0


def return_delta_v_m_s(altitude_km, launch, perigee_km):
    """Extra Δv (m/s) a returning stage spends to come back from `altitude_km` rather than from the
    low orbit its payload is quoted to (launch.reference_altitude_km): ~275–400 m/s from 1,400–2,000 km."""
    return np.maximum(deorbit_delta_v_m_s(altitude_km, perigee_km)
                      - deorbit_delta_v_m_s(launch.reference_altitude_km, perigee_km), 0.0)


def payload_to_shell_kg(altitude_km, inclination_deg, launch, returns, perigee_km=50.0):
    """Payload (kg) a flight delivers to each shell: orbital.launch.payload_kg (the raise and plane
    change out of the upper stage), less, for a stage that `returns`, the propellant for its return
    burn: the stage arrives with payload + dry and must leave with dry × exp(Δv_return / (Isp g₀))."""
    arrived = payload_kg(altitude_km, inclination_deg, launch) + launch.upper_stage_dry_kg
    if not returns:
        return arrived - launch.upper_stage_dry_kg
    keep = launch.upper_stage_dry_kg * np.exp(return_delta_v_m_s(altitude_km, launch, perigee_km)
                                              / (launch.upper_stage_isp_s * STANDARD_GRAVITY_M_S2))
    return np.maximum(arrived - keep, 0.0)


def flights_by_shell(shell_satellites, satellite_kg, payload_per_flight_kg):
    """Flights (shells,) to deploy each shell, each flight paid whole and carrying whole satellites of
    one shell; inf where a flight cannot carry one satellite."""
    per_flight = np.floor(np.asarray(payload_per_flight_kg, dtype=float) / satellite_kg)
    with np.errstate(divide="ignore"):
        return np.where(per_flight >= 1, np.ceil(shell_satellites / np.maximum(per_flight, 1)), np.inf)


def learning_average(start, reference, added, learning_rate):
    """Mean of a price start × (x / reference)^b over x from reference to reference + added,
    b = log₂(1 − learning rate) (Wright's law, continuous form); arrays broadcast."""
    b = np.log2(1.0 - np.asarray(learning_rate, dtype=float))
    end = (reference + np.asarray(added, dtype=float)) / reference
    return start * reference * (end ** (b + 1.0) - 1.0) / ((b + 1.0) * np.maximum(added, 1e-12))


def launch_cost_usd(flights, mass_t, vehicle, d, user_set):
    """Cost of `flights` flights carrying `mass_t` in all, for the drivers `d`. If the user set
    launch.price_usd_per_kg, each flight costs that price × the vehicle's rated payload (launch.payload_kg)
    and does not learn; otherwise the vehicle's own price per flight (LAUNCH_PRICES) × launch.price_factor
    on a learning curve over cumulative mass launched from operations.launch_reference_cumulative_t."""
    if "launch.price_usd_per_kg" in user_set:
        return flights * d["launch.price_usd_per_kg"] * d["launch.payload_kg"] * d["launch.price_factor"]
    start = LAUNCH_PRICES[vehicle]["usd_per_flight"] * d["launch.price_factor"]
    mean = learning_average(start, d["operations.launch_reference_cumulative_t"], mass_t,
                            d["operations.launch_learning_rate"])
    return flights * mean
