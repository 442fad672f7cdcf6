"""Earth's shadow: conical umbra/penumbra, beta angle, eclipse entry/exit and duration.

The visible fraction of the solar disc follows Montenbruck & Gill, *Satellite Orbits* (2000),
§3.4.2: the Sun and the Earth seen from the satellite as discs of apparent radii a and b,
centres c apart; their overlap hides part of the Sun. Only samples near the shadow are
worked through exactly: a satellite on the day side, or farther from the shadow axis than
the penumbra reaches, sees the whole Sun.
"""

import numpy as np

from .constants import EARTH_RADIUS_KM, SUN_RADIUS_KM
from .frames import as_time_array
from .propagation import orbit_normals_teme
from .sun import sun_teme_km

# Behind the Earth the penumbra cone widens, and the umbra cone narrows, by about
# tan(Sun's angular radius) ≈ 0.00465 per km; the bounds below are widened by a margin
# so that every sample near either edge is worked through exactly.
PENUMBRA_SLOPE = 0.0050
UMBRA_SLOPE = 0.0043
EDGE_MARGIN_KM = 50.0


def disc_geometry(r_km, sun_km):
    """Apparent radii of Sun and Earth and their separation (rad), for r_km (..., 3) and Earth → Sun sun_km (..., 3)."""
    to_sun = sun_km - r_km
    d_sun = np.linalg.norm(to_sun, axis=-1)
    d_earth = np.linalg.norm(r_km, axis=-1)
    a = np.arcsin(np.minimum(SUN_RADIUS_KM / d_sun, 1.0))
    b = np.arcsin(np.minimum(EARTH_RADIUS_KM / d_earth, 1.0))
    cos_c = -np.sum(r_km * to_sun, axis=-1) / (d_earth * d_sun)
    return a, b, np.arccos(np.clip(cos_c, -1.0, 1.0))


def visible_fraction(a, b, c):
    """Fraction (0…1) of the Sun's disc not hidden by the Earth's, for apparent radii a, b and separation c."""
    a, b, c = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, c)))
    fraction = np.ones(a.shape)
    fraction[c <= b - a] = 0.0
    ring = c <= a - b  # Earth's disc wholly inside the Sun's (only far beyond GEO)
    fraction[ring] = 1.0 - (b[ring] / a[ring]) ** 2
    partial = (c < a + b) & (c > np.abs(a - b))
    ap, bp, cp = a[partial], b[partial], c[partial]
    x = (cp**2 + ap**2 - bp**2) / (2.0 * cp)
    y = np.sqrt(np.maximum(ap**2 - x**2, 0.0))
    hidden = ap**2 * np.arccos(np.clip(x / ap, -1, 1)) + bp**2 * np.arccos(np.clip((cp - x) / bp, -1, 1)) - cp * y
    fraction[partial] = np.clip(1.0 - hidden / (np.pi * ap**2), 0.0, 1.0)
    return fraction


def shadow_regions(r_km, sun_km):
    """Booleans (satellites, times): (surely in umbra, near a shadow edge), from the distance to the shadow axis."""
    sun_hat = sun_km / np.linalg.norm(sun_km, axis=-1, keepdims=True)
    along = r_km[..., 0] * sun_hat[:, 0] + r_km[..., 1] * sun_hat[:, 1] + r_km[..., 2] * sun_hat[:, 2]
    across2 = np.einsum("stk,stk->st", r_km, r_km) - along**2
    behind = along < 0.0
    outer = EARTH_RADIUS_KM + EDGE_MARGIN_KM - PENUMBRA_SLOPE * along
    inner = np.maximum(EARTH_RADIUS_KM - EDGE_MARGIN_KM + UMBRA_SLOPE * along, 0.0)
    umbra = behind & (across2 < inner**2)
    return umbra, behind & (across2 < outer**2) & ~umbra


def illumination(state):
    """Visible fraction of the solar disc (satellites, times): 1 sunlit, 0 umbra, between: penumbra.

    NaN where propagation failed (state.error != 0).
    """
    sun_km = state.sun_teme_km
    fraction = np.ones(state.shape)
    umbra, edge = shadow_regions(state.r_teme_km, sun_km)
    fraction[umbra] = 0.0
    s, i = np.nonzero(edge)
    fraction[s, i] = visible_fraction(*disc_geometry(state.r_teme_km[s, i], sun_km[i]))
    fraction[state.error != 0] = np.nan
    return fraction


def umbra_margin_rad(state, satellites, samples):
    """c − (b − a) at the given (satellite, sample) pairs: negative inside the umbra, zero on its edge."""
    sun_km = state.sun_teme_km[samples]
    a, b, c = disc_geometry(state.r_teme_km[satellites, samples], sun_km)
    return c - (b - a)


def beta_angle_deg(constellation, t):
    """Angle between each orbit plane and the Sun direction (satellites, times), deg, +90 … −90."""
    t = as_time_array(t)
    normal = orbit_normals_teme(constellation, t)
    sun = sun_teme_km(t)
    sun_hat = sun / np.linalg.norm(sun, axis=-1, keepdims=True)
    return np.degrees(np.arcsin(np.clip(np.einsum("stk,tk->st", normal, sun_hat), -1.0, 1.0)))


def eclipse_events(state, lit, seconds):
    """Umbra passages in a State with its illumination `lit` (satellites, times), sampled at `seconds`.

    Returns (satellite, entry_s, exit_s, complete), one entry per passage. Entry and exit are
    interpolated linearly in the umbra margin (which varies smoothly in time) between the samples
    around each change; a passage cut by the start or end of the span has complete = False and its
    entry or exit at that edge.
    """
    dark = lit == 0.0
    satellites, count = dark.shape
    padded = np.zeros((satellites, count + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    step = np.diff(padded, axis=1)
    s_in, i_in = np.nonzero(step == 1)  # first dark sample of a passage
    s_out, i_out = np.nonzero(step == -1)  # first lit sample after it (count: still dark at the end)

    def crossing(s, i):
        """Time where the margin crosses zero between samples i − 1 and i."""
        m0, m1 = umbra_margin_rad(state, s, i - 1), umbra_margin_rad(state, s, i)
        return seconds[i - 1] + (seconds[i] - seconds[i - 1]) * m0 / (m0 - m1)

    starts_inside = i_in == 0
    ends_inside = i_out == count
    entry_s = np.full(s_in.shape, seconds[0], dtype=float)
    entry_s[~starts_inside] = crossing(s_in[~starts_inside], i_in[~starts_inside])
    exit_s = np.full(s_out.shape, seconds[-1], dtype=float)
    exit_s[~ends_inside] = crossing(s_out[~ends_inside], i_out[~ends_inside])
    return s_in, entry_s, exit_s, ~starts_inside & ~ends_inside


def longest_eclipse_s(state, lit, seconds):
    """Longest umbra passage of each satellite (satellites,), seconds; 0 when none."""
    satellite, entry_s, exit_s, _ = eclipse_events(state, lit, seconds)
    longest = np.zeros(lit.shape[0])
    np.maximum.at(longest, satellite, exit_s - entry_s)
    return longest
