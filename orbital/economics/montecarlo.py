"""An honest Monte Carlo of the all-in costs: every driver drawn from a triangular distribution over its
sourced range with its central value as the mode, except the values the user set, which stay fixed.
The central estimate is reported with its percentile in the draw and the median beside it; the
chance orbit is cheaper comes from all-in costs against both grounds; a tornado ranks the drivers."""

from dataclasses import dataclass

import numpy as np

from ..record import Record, record
from .tco import all_in_usd_per_kw_year

SAMPLES = 20_000
SEED = 20260125
STARCLOUD_CLAIM = "Starcloud's claimed <$5/W against McCalip's $22/W (×0.23; a claim, unverified)"


@dataclass(frozen=True)
class Range:
    """A driver's sourced low and high ("group.name" as in inputs.drivers); its centre is the model's."""

    key: str
    low: float
    high: float
    source: str


RANGES = (
    Range("hardware.price_factor", 0.25, 2.0, f"satellite $/kg × this: low {STARCLOUD_CLAIM}; high an "
          "assumption (space-grade thermal and compute integration)"),
    Range("hardware.learning_rate", 0.05, 0.15, "aerospace production curves 85–95 % (assumption)"),
    Range("launch.price_factor", 0.1, 1.5, "every flight's price × this: low Musk's target of ~$10 M a "
          "Starship flight (secondary); high an assumption"),
    Range("operations.launch_learning_rate", 0.10, 0.30, "10–30 % per doubling as aerospace curves run "
          "(assumption); Suncatcher §2.4: 20 %"),
    Range("operations.launch_reference_cumulative_t", 5_000.0, 20_000.0, "SpaceX's cumulative launched mass, "
          "order 10⁴ t (BryceTech, secondary)"),
    Range("operations.wacc", 0.05, 0.12, "infrastructure to venture-backed WACC (assumption)"),
    Range("satellite.lifetime_years", 3.0, 7.0, "5 years (Suncatcher Table 1); ends an assumption"),
    Range("operations.failure_per_year", 0.03, 0.15, "~9 %/yr on the ground (Meta 2024), many recoverable "
          "there (low), none swappable in orbit (high); assumption"),
    Range("operations.failure_doubling_krad", 5.0, 50.0, "assumption: the dose that doubles the failure rate, "
          "around Suncatcher's ~15 krad(Si) tested without hard failure"),
    Range("operations.ops_fraction_per_year", 0.005, 0.03, "McCalip 1 %/yr; ends an assumption"),
    Range("hardware.nre_usd", 0.5e9, 5e9, "McCalip $1 B; ends an assumption"),
    Range("hardware.accelerator_usd", 20_000.0, 40_000.0, "H100/B200 street prices $20–40k (secondary)"),
    Range("facility.price_factor", 0.56, 1.2, "construction surveys $7–15 M per MW against McCalip's "
          "$12.5/W (secondary)"),
    Range("facility.life_years", 15.0, 20.0, "construction surveys: 15–20 years (secondary)"),
    Range("facility.load_factor", 0.6, 0.95, "assumption: data centers run 60–95 % of nameplate"),
    Range("facility.price_usd_per_kwh", 0.05, 0.15, "US industrial prices by state ~5–15 ¢/kWh (EIA, "
          "secondary)"),
    Range("ground.pue", 1.3, 1.8, "Uptime Institute surveys: 1.56 average, most sites 1.3–1.8 (secondary)"),
    Range("ground.hyperscale_pue", 1.08, 1.2, "Google 2024: 1.10 fleet, 1.08–1.2 by site"),
)
# A value the user set fixes these drivers too (a launch price per kg set by the user replaces the
# vehicle's price and its learning curve; a satellite $/kg, the subsystems' prices and theirs).
FIXED_WITH = {"launch.price_usd_per_kg": ("launch.price_factor", "operations.launch_learning_rate",
                                          "operations.launch_reference_cumulative_t"),
              "hardware.satellite_usd_per_kg": ("hardware.price_factor", "hardware.learning_rate")}


def fixed_keys(user_set):
    """The drivers held at their central value: those the user set and those they fix."""
    keys = set(user_set)
    for name in user_set:
        keys.update(FIXED_WITH.get(name, ()))
    return keys


def draw(central, user_set, samples, seed):
    """{key: (samples,) array}: each range drawn triangular(low, central, high), fixed keys held."""
    rng = np.random.default_rng(seed)
    fixed = fixed_keys(user_set)
    drawn = {key: np.full(samples, value) for key, value in central.items()}
    for r in RANGES:
        mode = central[r.key]
        low, high = min(r.low, mode), max(r.high, mode)
        if r.key not in fixed and high > low:
            drawn[r.key] = rng.triangular(low, mode, high, samples)
    return drawn


@record
class TornadoBar(Record):
    """A driver's range and the orbit ÷ industry-ground ratio at each end, the others central."""

    key: str
    low: float
    high: float
    ratio_at_low: float | None
    ratio_at_high: float | None
    fixed: bool
    source: str


@record
class Uncertainty(Record):
    """The Monte Carlo's answer ($ per kW-year of IT power in use, all in)."""

    samples: int
    orbit_central: float
    orbit_median: float
    orbit_p5: float
    orbit_p95: float
    central_percentile: float
    ratio_central: float
    ratio_median: float
    p_orbit_cheaper_industry: float
    p_orbit_cheaper_hyperscale: float
    fixed: tuple[str, ...]
    tornado: tuple[TornadoBar, ...]


def tornado(fleet, central, user_set):
    """TornadoBars, widest first."""
    fixed, bars, ends = fixed_keys(user_set), [], 2 * len(RANGES)
    # One vectorised pass: draw 2k is range k at its low end, 2k + 1 at its high end, the rest central.
    d = {key: np.full(ends, value) for key, value in central.items()}
    for k, r in enumerate(RANGES):
        d[r.key][2 * k:2 * k + 2] = (r.low, r.high)
    orbit, industry, _ = all_in_usd_per_kw_year(fleet, d, user_set)
    ratio = orbit / industry
    for k, r in enumerate(RANGES):
        low, high = (None, None) if r.key in fixed else (float(ratio[2 * k]), float(ratio[2 * k + 1]))
        bars.append(TornadoBar(r.key, float(r.low), float(r.high), low, high, r.key in fixed, r.source))
    return tuple(sorted(bars, key=lambda bar: 0.0 if bar.fixed else -abs(bar.ratio_at_high - bar.ratio_at_low)))


def monte_carlo(fleet, central, user_set=frozenset(), samples=SAMPLES, seed=SEED):
    """Uncertainty of the all-in costs for `fleet` and the central drivers (inputs.drivers, with
    what the user set), `user_set` the "group.name" keys the user set."""
    orbit, industry, hyperscale = all_in_usd_per_kw_year(fleet, draw(central, user_set, samples, seed), user_set)
    at = [float(side[0]) for side in all_in_usd_per_kw_year(fleet, central, user_set)]
    ratio = orbit / industry
    return Uncertainty(
        samples, at[0], float(np.median(orbit)), float(np.percentile(orbit, 5)), float(np.percentile(orbit, 95)),
        float(np.mean(orbit < at[0]) * 100.0), at[0] / at[1], float(np.median(ratio)),
        float(np.mean(orbit < industry)), float(np.mean(orbit < hyperscale)),
        tuple(sorted(fixed_keys(user_set) & {r.key for r in RANGES})), tornado(fleet, central, user_set))
