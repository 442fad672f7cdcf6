"""What would have to be true: the value of each lever alone at which orbit costs what the ground does
(None when no value within its sourced range gets there), and a ladder that stacks the levers from
their central values to their most aggressive sourced ends, with the orbit ÷ ground ratio after each."""

import numpy as np

from ..record import Record, record
from .montecarlo import RANGES
from .tco import all_in_usd_per_kw_year

# The levers, in the ladder's order: launch price, satellite $/kg, life, WACC.
LEVERS = ("launch.price_factor", "hardware.price_factor", "satellite.lifetime_years", "operations.wacc")


@record
class BreakEven(Record):
    """A lever's central and most aggressive sourced values, and where orbit meets each ground (None:
    not within the range)."""

    key: str
    central: float
    aggressive: float
    against_industry: float | None
    against_hyperscale: float | None


@record
class Rung(Record):
    """The ladder after setting `key` to `value` (with every rung before it; None on the central rung)."""

    key: str
    value: float | None
    ratio_industry: float
    ratio_hyperscale: float


def ratios(fleet, d, user_set):
    """(orbit ÷ industry ground, orbit ÷ hyperscale ground) all in, for scalar drivers."""
    orbit, industry, hyperscale = (float(side[0]) for side in all_in_usd_per_kw_year(fleet, d, user_set))
    return orbit / industry, orbit / hyperscale


def gaps(fleet, d, key, values, user_set):
    """(2, values) orbit ÷ ground − 1 against the industry and hyperscale grounds with `key` at each of
    `values`, the other drivers as in `d` (one vectorised pass)."""
    orbit, industry, hyperscale = all_in_usd_per_kw_year(fleet, {**d, key: np.asarray(values, dtype=float)}, user_set)
    return np.stack([orbit / industry, orbit / hyperscale]) - 1.0


def aggressive_end(fleet, d, key, user_set):
    """The end of `key`'s sourced range that makes orbit cheaper."""
    ends = [(r.low, r.high) for r in RANGES if r.key == key][0]
    return min(ends, key=lambda value: ratios(fleet, {**d, key: value}, user_set)[0])


# The break-even search: PASSES passes, each of POINTS values across the bracket left by the one before,
# then a linear interpolation (the bracket shrinks 64× a pass: far below any source's precision).
POINTS, PASSES = 65, 4


def crossing(fleet, d, key, which, central, end, user_set):
    """The value of `key` between `central` (where orbit costs more) and `end` (where it costs less) at
    which orbit meets ground `which` (0 industry, 1 hyperscale)."""
    low, high = central, end
    for _ in range(PASSES):
        values = np.linspace(low, high, POINTS)
        gap = gaps(fleet, d, key, values, user_set)[which]
        k = int(np.argmax(gap <= 0.0))
        low, high, gap_low, gap_high = values[k - 1], values[k], gap[k - 1], gap[k]
    return float(low + (high - low) * gap_low / (gap_low - gap_high))


def break_even(fleet, d, key, user_set=frozenset()):
    """BreakEven of lever `key` alone, searched between its central value and its aggressive end."""
    central, end = d[key], aggressive_end(fleet, d, key, user_set)
    at_ends = gaps(fleet, d, key, [central, end], user_set)
    found = [central if at_ends[which, 0] <= 0 else None if at_ends[which, 1] > 0
             else crossing(fleet, d, key, which, central, end, user_set) for which in (0, 1)]
    return BreakEven(key, float(central), float(end), found[0], found[1])


def ladder(fleet, d, user_set=frozenset()):
    """Rungs: the levers stacked in LEVERS order, each at its aggressive end; the first rung is central."""
    rungs, current = [Rung("central", None, *ratios(fleet, d, user_set))], dict(d)
    for key in LEVERS:
        current[key] = aggressive_end(fleet, current, key, user_set)
        rungs.append(Rung(key, float(current[key]), *ratios(fleet, current, user_set)))
    return tuple(rungs)
