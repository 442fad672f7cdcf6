"""Weather at the ground stations: ITU-R statistics through `itur` (P.840 cloud liquid for an optical link,
P.618 rain attenuation for a Ka-band one) and weather correlated between sites (a Gaussian copula whose
correlation decays with distance), so site diversity is no longer the independent 1 − Π(1 − p)."""

from functools import lru_cache

import numpy as np

from ..constants import EARTH_MEAN_RADIUS_KM
from ..errors import OrbitalError
from ..parameters import Weather
from .latency import great_circle_km

# Samples of the joint weather (a fixed seed: the same answer every call; ~9 % standard error on an
# outage of 1e-3).
WEATHER_SAMPLES = 1 << 17
WEATHER_SEED = 2023
# Least and most time share (%) of ITU-R P.618's rain attenuation statistics.
P618_PERCENT_RANGE = (0.001, 5.0)
WATER_DENSITY_KG_M3 = 1000.0
# Most sites whose joint weather is tabulated pattern by pattern (2^sites patterns).
PATTERN_SITES_MAX = 16


def cloud_liquid_max_kg_m2(weather=Weather()):
    """Most columnar cloud liquid (kg/m²) an optical link closes through: the margin's optical depth
    τ = margin_dB ⁄ (10 log₁₀ e) and τ = 3 L ⁄ (2 ρ_w r_e) for droplets of effective radius r_e much larger
    than the wavelength (extinction efficiency 2; Stephens 1978)."""
    tau = weather.optical_cloud_margin_db / (10.0 * np.log10(np.e))
    return 2.0 * WATER_DENSITY_KG_M3 * weather.cloud_effective_radius_um * 1e-6 * tau / 3.0


def optical_clear_fraction_itur(lat_deg, lon_deg, weather=Weather()):
    """Share of time (sites,) the cloud liquid over each site stays under cloud_liquid_max_kg_m2, from
    ITU-R P.840's lognormal statistics (itur): P(L > l) = P_clw ⁄ 100 × Q((ln l − m) ⁄ σ). Liquid clouds only:
    P.840 has no ice (cirrus), so this is an upper bound of the cloud-free line of sight."""
    import itur.models.itu840 as p840
    from scipy.special import ndtr

    m, sigma, pclw = (np.asarray(x.value, dtype=float) for x in
                      p840.lognormal_approximation_coefficient(np.asarray(lat_deg, float), np.asarray(lon_deg, float)))
    z = (np.log(cloud_liquid_max_kg_m2(weather)) - m) / sigma
    return 1.0 - pclw / 100.0 * ndtr(-z)


def rain_availability_itur(lat_deg, lon_deg, weather=Weather(), iterations=16):
    """Share of time (sites,) ITU-R P.618's rain attenuation (itur) on a Ka-band path at the weather's
    elevation stays within the rain margin: 1 − p ⁄ 100 where A(p) = margin (bisection in log p), clamped
    to P.618's 0.001–5 % of the time."""
    import itur.models.itu618 as p618

    lat, lon = np.atleast_1d(np.asarray(lat_deg, float)), np.atleast_1d(np.asarray(lon_deg, float))
    lo, hi = (np.full(lat.shape, np.log10(p)) for p in P618_PERCENT_RANGE)
    for _ in range(iterations):
        mid = (lo + hi) / 2.0
        attenuation_db = np.array([p618.rain_attenuation(a, b, weather.ka_frequency_ghz, weather.elevation_deg,
                                                         p=10**c).value for a, b, c in zip(lat, lon, mid)])
        beyond = attenuation_db > weather.ka_rain_margin_db
        lo, hi = np.where(beyond, mid, lo), np.where(beyond, hi, mid)
    return 1.0 - 10 ** ((lo + hi) / 2.0) / 100.0


def itur_fractions(stations, weather=Weather()):
    """ITU-R availability (stations,) of each station of a ground_stations table: P.840 clear line of sight
    for optical, P.618 rain within the margin for RF (what the CSV's itur_fraction column holds)."""
    optical = stations["kind"] == "optical"
    out = np.empty(len(optical))
    out[optical] = optical_clear_fraction_itur(stations["lat_deg"][optical], stations["lon_deg"][optical], weather)
    out[~optical] = rain_availability_itur(stations["lat_deg"][~optical], stations["lon_deg"][~optical], weather)
    return out


def correlation(lat_deg, lon_deg, correlation_km):
    """Weather correlation (sites, sites) between sites: exp(−distance ⁄ correlation_km), great circle."""
    lat, lon = np.asarray(lat_deg, float), np.asarray(lon_deg, float)
    return np.exp(-great_circle_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :]) / correlation_km)


def weather_normals(lat_deg, lon_deg, correlation_km):
    """WEATHER_SAMPLES draws (samples, sites) of standard normals correlated as `correlation`."""
    c = correlation(lat_deg, lon_deg, correlation_km) + 1e-9 * np.eye(len(lat_deg))
    rng = np.random.default_rng(WEATHER_SEED)
    return rng.standard_normal((WEATHER_SAMPLES, len(lat_deg))) @ np.linalg.cholesky(c).T


@lru_cache(maxsize=32)
def pattern_probability(lat_deg, lon_deg, clear_fraction, correlation_km):
    """Probability (2^sites,) of each pattern of clear sites (bit i set: site i clear) when each site is clear
    `clear_fraction` of the time and the sites' weather is jointly normal (a Gaussian copula) with
    correlation exp(−d ⁄ correlation_km); tuples in, for the cache."""
    from scipy.special import ndtri

    z = weather_normals(lat_deg, lon_deg, correlation_km)
    clear = z < ndtri(np.clip(np.asarray(clear_fraction, dtype=float), 0.0, 1.0))
    bits = clear.astype(np.int64) @ (1 << np.arange(len(clear_fraction), dtype=np.int64))
    return np.bincount(bits, minlength=1 << len(clear_fraction)) / WEATHER_SAMPLES


def any_clear(lat_deg, lon_deg, clear_fraction, contact=None, correlation_km=Weather().cloud_correlation_km):
    """Share of time at least one site is clear (and in contact: `contact` (sites,), independent of the
    weather and of each other; 1 when None), the weather correlated between sites (pattern_probability;
    at most PATTERN_SITES_MAX sites)."""
    clear = tuple(np.asarray(clear_fraction, dtype=float).tolist())
    n = len(clear)
    if n > PATTERN_SITES_MAX:
        raise OrbitalError(f"site diversity: at most {PATTERN_SITES_MAX} sites, not {n}", parameter="stations")
    contact = np.ones(n) if contact is None else np.asarray(contact, dtype=float)
    probability = pattern_probability(tuple(np.asarray(lat_deg, float).tolist()),
                                      tuple(np.asarray(lon_deg, float).tolist()), clear, float(correlation_km))
    patterns = (np.arange(1 << n)[:, None] >> np.arange(n)[None, :]) & 1
    return float(1.0 - probability @ np.prod(1.0 - contact * patterns, axis=1))


def sites_needed(clear_fraction, spacing_km, target, correlation_km=Weather().cloud_correlation_km, most=40):
    """Fewest sites, each clear `clear_fraction` of the time, spaced `spacing_km` apart along
    the equator, for at least one clear site `target` of the time (None if `most` do not reach it)."""
    from scipy.special import ndtri

    z = weather_normals(np.zeros(most), np.arange(most) * np.degrees(spacing_km / EARTH_MEAN_RADIUS_KM), correlation_km)
    # The first n columns are n sites' weather (a Cholesky factor's leading block is its leading block's).
    availability = np.logical_or.accumulate(z < ndtri(clear_fraction), axis=1).mean(axis=0)
    reached = np.flatnonzero(availability >= target)
    return int(reached[0]) + 1 if reached.size else None
