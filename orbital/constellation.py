"""Constellations: designed circular shells (Walker, sun-synchronous, formations) and catalogues.

A designed shell holds mean elements of circular orbits at an epoch, in the TEME frame of date
(the frame SGP4 works in), as arrays of shape (satellites,). A catalogue holds SGP4 records.
A Constellation is any mix of both; each group is propagated vectorised.
"""

from dataclasses import dataclass, field

import re

import numpy as np
from skyfield.sgp4lib import theta_GMST1982

from .constants import EARTH_RADIUS_KM, J2, J4, MU_EARTH_KM3_S2, SUN_SYNCHRONOUS_NODE_RATE_RAD_S
from .errors import OrbitalError
from .phasing import best_phasing
from . import settings
from .timeutil import at

# Designed orbits: above the sensible atmosphere, below where lunar and solar
# perturbations (ignored by the J2 model) dominate.
MIN_ALTITUDE_KM = 150.0
MAX_ALTITUDE_KM = 40000.0
# Largest constellation one call may build (ORBITAL_MAX_SATELLITES; default 5 million satellites,
# ≈ 300 MB of elements and names).
MAX_SATELLITES = settings.MAX_SATELLITES.value()


@dataclass(frozen=True, eq=False)
class Shell:
    """Circular orbits sharing altitude and inclination; per satellite node and argument of latitude.

    `raan_rad` and `arg_latitude_rad` are at `epoch` (skyfield Time), shape (satellites,).
    `planes` groups satellites into planes of equal size for naming ('NAME P003 S017').
    """

    name: str
    altitude_km: float
    inclination_deg: float
    raan_rad: np.ndarray
    arg_latitude_rad: np.ndarray
    epoch: object
    planes: int = 1
    kind: str = "walker"
    description: str = ""
    # Walker phasing factor f of a whole i:t/p/f pattern (None for any other layout).
    phasing: object = None

    @property
    def count(self):
        return int(self.raan_rad.shape[0])

    @property
    def semi_major_axis_km(self):
        return EARTH_RADIUS_KM + self.altitude_km

    def secular_rates_rad_s(self):
        """(node rate, argument-of-latitude rate) in rad/s; see secular_rates_rad_s()."""
        return secular_rates_rad_s(self.altitude_km, self.inclination_deg)

    def names(self, indices):
        """Names of the satellites at `indices` (within this shell)."""
        per_plane = max(self.count // self.planes, 1)
        return [f"{self.name} P{i // per_plane:03d} S{i % per_plane:03d}" for i in indices]


class BadRecords(tuple):
    """Bad records of a catalogue file, a message each ('line N: reason'): the first few of them;
    `count` says how many there were in all."""

    def __new__(cls, messages=(), count=None):
        records = super().__new__(cls, messages)
        records.count = len(records) if count is None else count
        return records


@dataclass(frozen=True, eq=False)
class Catalogue:
    """Catalogue satellites: sgp4 `Satrec` records and their names, in file order."""

    name: str
    satrecs: list
    satellite_names: list
    kind: str = "catalogue"
    description: str = ""
    # Records refused and skipped when reading (from_tle(skip_bad=True)): the first messages, and the count.
    skipped: BadRecords = BadRecords()

    @property
    def count(self):
        return len(self.satrecs)

    def names(self, indices):
        return [self.satellite_names[i] for i in indices]


@dataclass(frozen=True, eq=False)
class Constellation:
    """Shells and catalogues, satellites numbered in group order."""

    groups: tuple
    name: str = "constellation"
    description: str = ""
    offsets: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        counts = [g.count for g in self.groups]
        if sum(counts) > MAX_SATELLITES:
            raise OrbitalError(
                f"satellites: {sum(counts):,} is more than the {MAX_SATELLITES:,} allowed", parameter="satellites")
        object.__setattr__(self, "offsets", np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))

    @property
    def count(self):
        return int(self.offsets[-1])

    def group_index(self):
        """Group number of each satellite, shape (satellites,), int16."""
        return np.repeat(np.arange(len(self.groups), dtype=np.int16), np.diff(self.offsets))

    def names(self, indices=None):
        """Names of the satellites at `indices` (all when None)."""
        indices = np.arange(self.count) if indices is None else np.asarray(indices, dtype=np.int64)
        group = np.searchsorted(self.offsets, indices, side="right") - 1
        names = np.empty(indices.size, dtype=object)
        for g in np.unique(group):
            rows = group == g
            names[rows] = self.groups[g].names((indices[rows] - self.offsets[g]).tolist())
        return names.tolist()

    def find(self, text):
        """Index of the satellite `text` names, or None: its number ('#17' or '17'), its name as names()
        gives it ('SHELL P003 S017', any case), a catalogue satellite's name or part of it (the first
        match), or a group's name (its first satellite). Never builds every name."""
        text = " ".join(str(text).split())
        number = re.fullmatch(r"#?(\d+)", text)
        if number:
            index = int(number.group(1))
            return index if index < self.count else None
        wanted = text.casefold()
        lattice = re.fullmatch(r"(.*) p(\d+) s(\d+)", wanted)
        for g, group in enumerate(self.groups):
            if isinstance(group, Shell) and lattice and group.name.casefold() == lattice.group(1):
                per_plane = max(group.count // group.planes, 1)
                local = int(lattice.group(2)) * per_plane + int(lattice.group(3))
                if int(lattice.group(3)) < per_plane and local < group.count:
                    return int(self.offsets[g]) + local
        for g, group in enumerate(self.groups):
            if group.name.casefold() == wanted and group.count:
                return int(self.offsets[g])
        for g, group in enumerate(self.groups):
            if isinstance(group, Catalogue):
                local = next((k for k, name in enumerate(group.satellite_names) if wanted in name.casefold()), None)
                if local is not None:
                    return int(self.offsets[g]) + local
        return None

    def subset(self, indices):
        """A Constellation of the satellites at `indices` (sorted, unique), groups kept apart."""
        indices = np.unique(np.asarray(indices, dtype=np.int64))
        groups = []
        for g, group in enumerate(self.groups):
            local = indices[(indices >= self.offsets[g]) & (indices < self.offsets[g + 1])] - self.offsets[g]
            if local.size == 0:
                continue
            if isinstance(group, Shell):
                groups.append(
                    Shell(group.name, group.altitude_km, group.inclination_deg,
                          group.raan_rad[local], group.arg_latitude_rad[local], group.epoch,
                          1, group.kind, group.description)
                )
            else:
                groups.append(
                    Catalogue(group.name, [group.satrecs[i] for i in local],
                              [group.satellite_names[i] for i in local], group.kind, group.description)
                )
        return Constellation(tuple(groups), self.name, self.description)


def combine(*parts, name="constellation", description=""):
    """One Constellation from Shells, Catalogues and Constellations."""
    groups = []
    for part in parts:
        groups.extend(part.groups if isinstance(part, Constellation) else [part])
    return Constellation(tuple(groups), name, description)


def secular_rates_rad_s(altitude_km, inclination_deg):
    """Secular rates of a circular orbit's node and argument of latitude u = ω + M, rad/s.

    Brouwer's first- and second-order J2 and first-order J4 terms with e = 0, exactly as
    SGP4 computes mdot, argpdot and nodedot (Vallado et al. 2006, AIAA 2006-6753, sgp4init),
    so a designed shell drifts as SGP4 would propagate the same mean elements.
    """
    a_km = EARTH_RADIUS_KM + altitude_km
    n_rad_s = np.sqrt(MU_EARTH_KM3_S2 / a_km**3)
    p = (EARTH_RADIUS_KM / a_km) ** 2
    c2 = np.cos(np.radians(inclination_deg)) ** 2
    c4 = c2 * c2
    temp1 = 1.5 * J2 * p * n_rad_s
    temp2 = 0.5 * temp1 * J2 * p
    temp3 = -0.46875 * J4 * p * p * n_rad_s
    mean_anomaly_rate = n_rad_s + 0.5 * temp1 * (3.0 * c2 - 1.0) + 0.0625 * temp2 * (13.0 - 78.0 * c2 + 137.0 * c4)
    perigee_rate = (-0.5 * temp1 * (1.0 - 5.0 * c2) + 0.0625 * temp2 * (7.0 - 114.0 * c2 + 395.0 * c4)
                    + temp3 * (3.0 - 36.0 * c2 + 49.0 * c4))
    node_rate = (-temp1 + 0.5 * temp2 * (4.0 - 19.0 * c2) + 2.0 * temp3 * (3.0 - 7.0 * c2)) * np.cos(
        np.radians(inclination_deg))
    return node_rate, mean_anomaly_rate + perigee_rate


def _check_altitude(altitude_km):
    altitude_km = float(altitude_km)
    if not MIN_ALTITUDE_KM <= altitude_km <= MAX_ALTITUDE_KM:
        raise OrbitalError(
            f"altitude_km: {altitude_km:g} is outside the allowed range "
            f"{MIN_ALTITUDE_KM:g} to {MAX_ALTITUDE_KM:g} km", parameter="altitude_km")
    return altitude_km


def _check_walker(total, planes, phasing):
    for label, value in (("total", total), ("planes", planes), ("phasing", phasing)):
        if int(value) != value:
            raise OrbitalError(f"walker {label}: {value!r} must be a whole number", parameter=label)
    total, planes, phasing = int(total), int(planes), int(phasing)
    if not 1 <= total <= MAX_SATELLITES:
        raise OrbitalError(f"walker total: {total:,} is outside the allowed range 1 to {MAX_SATELLITES:,}",
                           parameter="total")
    if not 1 <= planes <= total:
        raise OrbitalError(f"walker planes: {planes} is outside the allowed range 1 to t={total}", parameter="planes")
    if total % planes:
        raise OrbitalError(f"planes: {total:,} satellites cannot be split evenly into {planes:,} planes",
                           parameter="planes")
    if not 0 <= phasing < planes:
        raise OrbitalError(f"walker phasing: f={phasing} is outside the allowed range 0 to p-1={planes - 1}",
                           parameter="phasing")
    return total, planes, phasing


def _walker_angles(total, planes, phasing, raan0_rad):
    """Walker-delta node and argument of latitude of each satellite, shape (total,)."""
    per_plane = total // planes
    index = np.arange(total)
    plane, slot = index // per_plane, index % per_plane
    raan_rad = raan0_rad + plane * (2.0 * np.pi / planes)
    arg_latitude_rad = slot * (2.0 * np.pi / per_plane) + plane * (2.0 * np.pi * phasing / total)
    return np.mod(raan_rad, 2.0 * np.pi), np.mod(arg_latitude_rad, 2.0 * np.pi)


# Largest Walker pattern whose best phasing walker() searches when none is given (satellites × planes
# closed-form evaluations: ~1 s at the default).
PHASING_SEARCH_MAX = settings.PHASING_SEARCH_MAX.value()


def walker(altitude_km, inclination_deg, total, planes, phasing=None, *, epoch="2026-01-01T00:00:00Z",
           raan0_deg=0.0, name=None):
    """Walker-delta shell i:t/p/f (Walker 1984) of circular orbits at `altitude_km`; without `phasing`,
    the f that keeps the satellites farthest apart (traffic.best_phasing)."""
    altitude_km = _check_altitude(altitude_km)
    inclination_deg = float(inclination_deg)
    if not 0.0 <= inclination_deg <= 180.0:
        raise OrbitalError(f"inclination_deg: {inclination_deg:g} is outside the allowed range 0 to 180°",
                           parameter="inclination_deg")
    if phasing is None:
        total, planes, _ = _check_walker(total, planes, 0)
        if total * planes > PHASING_SEARCH_MAX:
            raise OrbitalError(f"walker phasing: searching the best f of {total:,}/{planes} takes too long; "
                               "give f", parameter="phasing")
        phasing = best_phasing(altitude_km, inclination_deg, total, planes)[0]
    total, planes, phasing = _check_walker(total, planes, phasing)
    raan_rad, u_rad = _walker_angles(total, planes, phasing, np.radians(raan0_deg))
    name = name or f"{altitude_km:g} km {inclination_deg:g}° {total}/{planes}/{phasing}"
    return Shell(name, altitude_km, inclination_deg, raan_rad, u_rad, at(epoch), planes, "walker",
                 f"Walker delta {inclination_deg:g}°:{total}/{planes}/{phasing} at {altitude_km:g} km", phasing)


def sun_synchronous_inclination_deg(altitude_km):
    """Inclination (deg) whose secular node precession follows the mean Sun, for a circular orbit.

    To first order cos i = −Ω̇_sun / (3/2 · n · J2 · (R/a)²) (Vallado, eq. 11-18 with e = 0);
    solved here by bisection on secular_rates_rad_s(), which adds the J2² and J4 terms.
    """
    altitude_km = _check_altitude(altitude_km)
    if secular_rates_rad_s(altitude_km, 180.0)[0] < SUN_SYNCHRONOUS_NODE_RATE_RAD_S:
        raise OrbitalError(
            f"altitude_km: {altitude_km:g} is too high for a sun-synchronous orbit (J2 cannot "
            "precess the node fast enough above about 5,970 km)", parameter="altitude_km")
    low, high = 90.0, 180.0
    for _ in range(60):
        middle = 0.5 * (low + high)
        if secular_rates_rad_s(altitude_km, middle)[0] < SUN_SYNCHRONOUS_NODE_RATE_RAD_S:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


def mean_sun_node_rad(epoch, ltan_h):
    """Node right ascension (TEME of date, rad) that puts the ascending node at local mean time `ltan_h`.

    The mean Sun's right ascension is GMST − (UT − 12 h); the node sits (LTAN − 12 h) east of it.
    """
    t = at(epoch)
    ut_h = np.mod(t.ut1 - 0.5, 1.0) * 24.0
    gmst_rad, _ = theta_GMST1982(t.whole, t.ut1_fraction)
    return float(np.mod(gmst_rad + np.radians(15.0 * (ltan_h - ut_h)), 2.0 * np.pi))


def parse_local_time_h(text):
    """'18:00', '6:30' or '18' as hours (float)."""
    try:
        parts = [float(p) for p in str(text).split(":")]
        hours = parts[0] + (parts[1] / 60.0 if len(parts) > 1 else 0.0)
        if len(parts) > 2:
            raise ValueError
    except ValueError:
        raise OrbitalError(f"local time of ascending node: {text!r} is not a time such as 18:00",
                           parameter="ltan_h") from None
    return hours


def sun_synchronous(altitude_km, ltan_h=18.0, total=1, planes=1, phasing=0, *,
                    epoch="2026-01-01T00:00:00Z", plane_spread_h=0.0, name=None):
    """Sun-synchronous shell: inclination from J2, nodes at local time `ltan_h` (6 or 18 = dawn–dusk).

    With several planes, nodes spread over `plane_spread_h` hours of local time around `ltan_h`
    (0 puts every plane on the same node, spaced only in argument of latitude by Walker phasing).
    """
    if isinstance(ltan_h, str):
        ltan_h = parse_local_time_h(ltan_h)
    ltan_h = float(ltan_h)
    if not 0.0 <= ltan_h < 24.0:
        raise OrbitalError(f"local time of ascending node: {ltan_h:g} h is outside the allowed range 0 to 24 h",
                           parameter="ltan_h")
    inclination_deg = sun_synchronous_inclination_deg(altitude_km)
    total, planes, phasing = _check_walker(total, planes, phasing)
    t0 = at(epoch)
    node0_rad = mean_sun_node_rad(t0, ltan_h)
    _, u_rad = _walker_angles(total, planes, phasing, 0.0)
    plane = np.arange(total) // (total // planes)
    spread_rad = np.radians(15.0 * plane_spread_h)
    offsets = (plane / planes - 0.5 + 0.5 / planes) * spread_rad if planes > 1 else np.zeros(total)
    raan_rad = np.mod(node0_rad + offsets, 2.0 * np.pi)
    hh, mm = divmod(round(ltan_h * 60), 60)
    name = name or f"SSO {altitude_km:g} km {hh:02d}:{mm:02d} {total}/{planes}/{phasing}"
    return Shell(name, float(altitude_km), inclination_deg, raan_rad, u_rad, t0, planes, "sso",
                 f"sun-synchronous {inclination_deg:.2f}° at {altitude_km:g} km, "
                 f"ascending node {hh:02d}:{mm:02d} local mean time")
