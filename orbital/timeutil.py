"""Time: skyfield's builtin timescale (no download) and ISO 8601 parsing."""

from datetime import datetime, timedelta, timezone
from functools import lru_cache

import numpy as np

from .constants import DAY_S
from .errors import OrbitalError
from . import settings

# Largest time grid one call may build (ORBITAL_MAX_TIMES): each time costs ~1 KB while it is worked
# on (skyfield's Time, the Sun, the TEME rotation; 864,001 times measured at 0.73 GB), so the default
# 2,000,000 (a year at a 16 s step) bounds a call's time arrays to ~2 GB.
MAX_TIMES = settings.MAX_TIMES.value()
# Times the Sun is known for: the span of JPL de421 as skyfield-data ships it (1899-07-29 to
# 2053-10-09), kept a day inside its ends.
EPHEMERIS_FIRST, EPHEMERIS_LAST = "1899-07-30T00:00:00Z", "2053-10-08T00:00:00Z"


@lru_cache(maxsize=1)
def timescale():
    """skyfield's Timescale with its builtin leap-second and ΔT tables (offline)."""
    from skyfield.api import load  # here, not at the top: skyfield.api loads urllib, ssl and http

    return load.timescale(builtin=True)


def parse_iso(text, parameter="time"):
    """An ISO 8601 UTC string ('2026-06-21T00:00:00Z') as a timezone-aware datetime."""
    try:
        moment = datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError:
        raise OrbitalError(
            f"{parameter}: {text!r} is not an ISO 8601 time such as 2026-06-21T00:00:00Z", parameter=parameter
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def at(moment):
    """A skyfield Time for one ISO 8601 string, datetime or Time."""
    if hasattr(moment, "tt"):
        return moment
    if isinstance(moment, str):
        moment = parse_iso(moment)
    if not parse_iso(EPHEMERIS_FIRST) <= moment <= parse_iso(EPHEMERIS_LAST):
        raise OrbitalError(f"time: {moment:%Y-%m-%dT%H:%M:%SZ} is outside {EPHEMERIS_FIRST[:10]} to "
                           f"{EPHEMERIS_LAST[:10]}, the span of the de421 ephemeris giving the Sun", parameter="time")
    return timescale().from_datetime(moment)


def times(start, hours=None, days=None, step_s=60.0):
    """Evenly spaced skyfield Time array from `start` over `hours` or `days`, every `step_s` seconds.

    The span includes its start and, when the step divides it, its end.
    """
    if (hours is None) == (days is None):
        raise OrbitalError("time span: give exactly one of hours or days", parameter="span")
    span_s = float(hours) * 3600.0 if hours is not None else float(days) * DAY_S
    step_s = float(step_s)
    if not np.isfinite(span_s) or span_s < 0:
        raise OrbitalError(f"time span: {span_s:g} s must be a finite number ≥ 0", parameter="span")
    if not np.isfinite(step_s) or step_s <= 0:
        raise OrbitalError(f"step_s: {step_s:g} must be a number > 0", parameter="step_s")
    count = int(np.floor(span_s / step_s + 1e-9)) + 1
    if count > MAX_TIMES:
        raise OrbitalError(
            f"time span: {count:,} steps of {step_s:g} s is more than the {MAX_TIMES:,} allowed (~1 KB each);"
            " use a larger step_s or a shorter span", parameter="step_s"
        )
    t0 = at(start)
    at(t0.utc_datetime() + timedelta(seconds=span_s))
    return timescale().tt_jd(t0.whole, t0.tt_fraction + np.arange(count) * (step_s / DAY_S))


def year_times(year, step_s):
    """Time array over calendar `year` every `step_s` seconds: 365 days from 1 January, 00:00 UTC,
    without the first sample of the next year."""
    return times(f"{int(year)}-01-01T00:00:00Z", days=365.0, step_s=step_s)[:-1]


def seconds_between(t0, t):
    """Seconds from Time `t0` to Time (array) `t`, in TT, without losing precision. Shape of t."""
    return ((t.whole - t0.whole) + (t.tt_fraction - t0.tt_fraction)) * DAY_S
