"""The network in closed form, per shell (cheap enough for the costs stage at a million satellites): the
share of time each ground station sees the fleet, the fleet's downlink with and without weather, each
shell's bisection bandwidth (+Grid torus or formation grid) and its bent-pipe round trip."""

from functools import lru_cache

import numpy as np

from ..constants import EARTH_RADIUS_KM
from ..constellation import Shell
from ..parameters import OpticalLink, Weather
from ..record import FloatArray, Record, record
from .graph import FORMATION_NEIGHBOUR_KM
from .ground import ELEVATION_MASK_DEG, read_table
from .latency import bent_pipe_floor_s
from .links import rate_bps
from .weather import any_clear

# Points along the orbit at which a +Grid link's length is taken (its longest sets the least rate).
ORBIT_POINTS = 24


@record
class NetworkCapacity(Record):
    """What the fleet's network carries: per station the share of time it sees a satellite above the mask
    (station_contact, (stations,)); the fleet's downlink, clear sky and weather-mean (bit/s); the share of
    time at least one clear station is in contact (availability); per shell its bisection (bit/s one way,
    least over the orbit) and bent-pipe round trip 4h/c (s)."""

    station_names: tuple[str, ...]
    station_contact: FloatArray
    downlink_clear_bps: float
    downlink_weather_bps: float
    availability: float
    shell_bisection_bps: FloatArray
    shell_rtt_floor_s: FloatArray


@lru_cache(maxsize=1)
def stations():
    """orbital/data/ground_stations.csv, read once."""
    return read_table("ground_stations.csv")


def cap_half_angle_rad(altitude_km, elevation_mask_deg):
    """Earth-central half-angle of the ground region that sees a satellite at `altitude_km` above the mask."""
    e = np.radians(elevation_mask_deg)
    return np.arccos(EARTH_RADIUS_KM * np.cos(e) / (EARTH_RADIUS_KM + np.asarray(altitude_km, float))) - e


def expected_in_view(lat_deg, count, altitude_km, inclination_deg, elevation_mask_deg):
    """Mean number of a shell's `count` satellites (spread evenly in node and phase) above the mask of a
    station at `lat_deg`: count × the cap's share of the sphere × how much more of its time an orbit of
    that inclination spends in the cap's latitude band than a uniform spread (latitude CDF of a circular
    orbit, ½ + arcsin(sin φ ⁄ sin i) ⁄ π)."""
    lam = cap_half_angle_rad(altitude_km, elevation_mask_deg)
    phi = np.radians(np.asarray(lat_deg, float))
    sin_i = max(abs(np.sin(np.radians(inclination_deg))), 1e-9)

    def orbit_cdf(x):
        return 0.5 + np.arcsin(np.clip(np.sin(np.clip(x, -np.pi / 2, np.pi / 2)) / sin_i, -1.0, 1.0)) / np.pi

    band_orbit = orbit_cdf(phi + lam) - orbit_cdf(phi - lam)
    band_sphere = (np.sin(np.minimum(phi + lam, np.pi / 2)) - np.sin(np.maximum(phi - lam, -np.pi / 2))) / 2.0
    return count * (1.0 - np.cos(lam)) / 2.0 * band_orbit / band_sphere


def node_spread_rad(group):
    """Span of a group's orbit planes in node, rad: 2π for a Walker shell (and a catalogue), the spread of
    a sun-synchronous family, 0 for one plane or a formation (span × planes ÷ (planes − 1))."""
    if not isinstance(group, Shell):
        return 2 * np.pi
    if group.planes < 2 or group.kind == "formation":
        return 0.0
    last = (group.planes - 1) * (group.count // group.planes)
    span = (group.raan_rad[last] - group.raan_rad[0]) % (2 * np.pi)
    return float(min(2 * np.pi, span * group.planes / (group.planes - 1)))


# Station longitudes relative to a plane's node at which nearness is sampled over a day.
DAY_POINTS = 720


def near_fraction(lat_deg, inclination_deg, spread_rad, half_angle_rad):
    """Share of a day (stations,) a station at `lat_deg` is within `half_angle_rad` of some orbit plane of
    a family at `inclination_deg` whose nodes span `spread_rad` (Earth turns the station under them):
    |cos φ sin i sin x + sin φ cos i| ≤ sin λ for x on a grid, widened by the span."""
    phi, i = np.radians(np.asarray(lat_deg, float))[:, None], np.radians(inclination_deg)
    x = np.linspace(0.0, 2 * np.pi, DAY_POINTS, endpoint=False)[None, :]
    near = np.abs(np.cos(phi) * np.sin(i) * np.sin(x) + np.sin(phi) * np.cos(i)) <= np.sin(half_angle_rad)
    width = int(np.ceil(spread_rad / (2 * np.pi) * DAY_POINTS))
    if width > 0:
        tiled = np.concatenate([near, near[:, :width]], axis=1).cumsum(axis=1)
        padded = np.concatenate([np.zeros((len(near), 1)), tiled], axis=1)
        near = padded[:, width:width + DAY_POINTS] - padded[:, :DAY_POINTS] > 0
    return near.mean(axis=1)


def station_contact(constellation, altitude_km, inclination_deg, lat_deg, elevation_mask_deg=ELEVATION_MASK_DEG):
    """Share of time (stations,) each station sees at least one satellite of groups at `altitude_km` and
    `inclination_deg` ((groups,) each): a formation as one satellite (its members fly together); a shell's
    count in view as Poisson while the station is near one of its planes (near_fraction), so a dawn–dusk
    family is seen twice a day, a Walker shell at any time."""
    none = np.ones(len(lat_deg))
    for group, altitude_km, inclination_deg in zip(constellation.groups, altitude_km, inclination_deg):
        if group.kind == "formation":
            seen = expected_in_view(lat_deg, 1, altitude_km, inclination_deg, elevation_mask_deg)
            none = none * (1.0 - np.minimum(seen, 1.0))
            continue
        seen = expected_in_view(lat_deg, group.count, altitude_km, inclination_deg, elevation_mask_deg)
        near = near_fraction(lat_deg, inclination_deg, node_spread_rad(group),
                             cap_half_angle_rad(altitude_km, elevation_mask_deg))
        near = np.maximum(near, 1e-12)
        none = none * (1.0 - near * -np.expm1(-seen / near))
    return 1.0 - none


def downlink(table, contact, correlation_km=Weather().cloud_correlation_km):
    """(clear sky, weather-mean) fleet downlink (bit/s) and availability of at least one clear station in
    contact, from a ground-station table (rate, clear-sky fraction, position) and each station's contact
    share ((stations,); one terminal a station; weather correlated over `correlation_km`, contact
    independent: network.weather.any_clear)."""
    rate, clear, contact = (np.asarray(x, dtype=float) for x in (table["rate_bps"], table["clear_sky_fraction"],
                                                                 contact))
    return (float(np.sum(rate * contact)), float(np.sum(rate * contact * clear)),
            any_clear(table["lat_deg"], table["lon_deg"], clear, contact, correlation_km))


def unit_position(raan_rad, arg_latitude_rad, inclination_rad):
    """Unit position vectors (..., 3) of circular orbits."""
    co, so = np.cos(raan_rad), np.sin(raan_rad)
    cu, su, ci = np.cos(arg_latitude_rad), np.sin(arg_latitude_rad), np.cos(inclination_rad)
    return np.stack([co * cu - so * su * ci, so * cu + co * su * ci, su * np.sin(inclination_rad)], axis=-1)


def pair_max_km(shell, a, b):
    """Longest distance (km) over an orbit between satellites `a` and `b` of `shell` (same phase rate)."""
    u = np.linspace(0.0, 2 * np.pi, ORBIT_POINTS, endpoint=False)
    i = np.radians(shell.inclination_deg)
    ra = unit_position(shell.raan_rad[a], shell.arg_latitude_rad[a] + u, i)
    rb = unit_position(shell.raan_rad[b], shell.arg_latitude_rad[b] + u, i)
    return float(np.linalg.norm(ra - rb, axis=-1).max() * shell.semi_major_axis_km)


def grid_bisection_bps(shell, link=OpticalLink()):
    """Bisection of a +Grid shell (planes × per-plane slots, wrapping): the lesser of cutting every plane's
    ring twice (2 × planes intra-plane links) and cutting the ring of planes between two neighbours and at
    the wrap (per-plane × (adjacent + wrap) links), each link at its longest over the orbit."""
    per_plane = shell.count // shell.planes
    along = across = np.inf
    if per_plane > 1:
        along = 2 * shell.planes * float(rate_bps(pair_max_km(shell, 0, 1), link))
    if shell.planes > 1:
        last = (shell.planes - 1) * per_plane
        across = per_plane * float(rate_bps(pair_max_km(shell, 0, per_plane), link)
                                   + rate_bps(pair_max_km(shell, last, 0), link))
    return float(min(along, across))


def formation_bisection_bps(shell, link=OpticalLink()):
    """Bisection of a formation laid on a k × k grid (k = ⌈√n⌉) at its spacing s (the least distance from
    its first satellite): k side links at s and, where within the neighbour range, 2(k − 1) diagonals."""
    r = unit_position(shell.raan_rad, shell.arg_latitude_rad, np.radians(shell.inclination_deg)) * shell.semi_major_axis_km
    spacing_km = float(np.sort(np.linalg.norm(r - r[0], axis=1))[1])
    k = int(np.ceil(np.sqrt(shell.count)))
    diagonal_km = spacing_km * np.sqrt(2.0)
    diagonals = 2 * (k - 1) * float(rate_bps(diagonal_km, link)) if diagonal_km <= FORMATION_NEIGHBOUR_KM else 0.0
    return k * float(rate_bps(spacing_km, link)) + diagonals


def shell_bisection_bps(group, link=OpticalLink()):
    """A group's bisection (bit/s): formation grid, +Grid torus; 0 for a catalogue or a shell of one."""
    if not isinstance(group, Shell) or group.count < 2:
        return 0.0
    if group.kind == "formation":
        return formation_bisection_bps(group, link)
    if group.count % group.planes == 0:
        return grid_bisection_bps(group, link)
    return 0.0


def network_capacity(constellation, altitude_km, inclination_deg, link=OpticalLink(),
                     elevation_mask_deg=ELEVATION_MASK_DEG, weather=Weather()):
    """NetworkCapacity of `constellation`, its groups at `altitude_km` and `inclination_deg` ((groups,)
    each: the fleet stage's), in closed form (per group and per station only)."""
    table = stations()
    contact = station_contact(constellation, altitude_km, inclination_deg, table["lat_deg"], elevation_mask_deg)
    clear_bps, weather_bps, availability = downlink(table, contact, weather.cloud_correlation_km)
    return NetworkCapacity(tuple(table["name"].tolist()), contact, clear_bps, weather_bps, availability,
                           np.array([shell_bisection_bps(g, link) for g in constellation.groups], dtype=float),
                           bent_pipe_floor_s(np.asarray(altitude_km, dtype=float)))
