"""What would have to be true: the value of each lever alone at which orbit costs what the ground does
(None when no value within its sourced range gets there), and a ladder that stacks the levers from
their central values to their most aggressive sourced ends, with the orbit ÷ ground ratio after each."""

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


def aggressive_end(fleet, d, key, user_set):
    """The end of `key`'s sourced range that makes orbit cheaper."""
    ends = [(r.low, r.high) for r in RANGES if r.key == key][0]
    return min(ends, key=lambda value: ratios(fleet, {**d, key: value}, user_set)[0])


def break_even(fleet, d, key, user_set=frozenset()):
    """BreakEven of lever `key` alone, searched between its central value and its aggressive end."""
    from scipy.optimize import brentq

    central, end = d[key], aggressive_end(fleet, d, key, user_set)
    found = []
    for which in (0, 1):
        def gap(value):
            return ratios(fleet, {**d, key: value}, user_set)[which] - 1.0
        if gap(central) <= 0:
            found.append(central)
        elif gap(end) > 0:
            found.append(None)
        else:
            found.append(float(brentq(gap, central, end, xtol=1e-9 * max(abs(central), 1.0))))
    return BreakEven(key, float(central), float(end), found[0], found[1])


def ladder(fleet, d, user_set=frozenset()):
    """Rungs: the levers stacked in LEVERS order, each at its aggressive end; the first rung is central."""
    rungs, current = [Rung("central", None, *ratios(fleet, d, user_set))], dict(d)
    for key in LEVERS:
        current[key] = aggressive_end(fleet, current, key, user_set)
        rungs.append(Rung(key, float(current[key]), *ratios(fleet, current, user_set)))
    return tuple(rungs)
