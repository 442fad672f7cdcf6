"""The scenario a pipeline runs on, and its first stage: the fleet's shells and the sample of each
that the later stages propagate (every plane represented)."""

from dataclasses import dataclass

import numpy as np

from ..constants import DAY_S, EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from ..constellation import Constellation, Shell
from ..parameters import Model
from ..statistics import sample_indices
from ..timeutil import seconds_between
from ..record import FloatArray, IntArray, Record, record


@dataclass(frozen=True)
class Scenario:
    """What every stage may read: the constellation, Time array `t` (a year, for yearly figures),
    the model, and at most `per_shell` satellites of each shell sampled."""

    constellation: Constellation
    t: object
    model: Model
    per_shell: int


@record
class Fleet(Record):
    """The shells ((shells,) arrays) and the sample of satellites ((sampled,) arrays: their indices in
    the constellation and their shell)."""

    name: str
    satellites: int
    satellites_sampled: int
    span_days: float
    shell_names: tuple[str, ...]
    shell_satellites: FloatArray
    shell_sampled: IntArray
    altitude_km: FloatArray
    inclination_deg: FloatArray
    sample_index: IntArray
    sample_shell: IntArray

    def shell_mean(self, values):
        """Per shell, the mean of per-sampled-satellite `values` (sampled,) → (shells,)."""
        return np.bincount(self.sample_shell, weights=values, minlength=len(self.shell_names)) / self.shell_sampled

    def fleet_mean(self, per_shell_values):
        """The fleet's mean of (shells,) values, each shell weighted by its satellites."""
        return float(self.shell_satellites @ per_shell_values / self.satellites)


def group_altitude_km(group):
    """A group's altitude, km: a shell's own; a catalogue's median height from its mean motions."""
    if isinstance(group, Shell):
        return group.altitude_km
    n_rad_s = np.array([s.no_kozai for s in group.satrecs]) / 60.0
    return float(np.median((MU_EARTH_KM3_S2 / n_rad_s ** 2) ** (1.0 / 3.0)) - EARTH_RADIUS_KM)


def group_inclination_deg(group):
    """A group's inclination, deg: a shell's own; a catalogue's median."""
    if isinstance(group, Shell):
        return group.inclination_deg
    return float(np.degrees(np.median([s.inclo for s in group.satrecs])))


def fleet(scenario) -> Fleet:
    """The fleet stage: shells, their altitude and inclination, and the strided sample."""
    constellation, t = scenario.constellation, scenario.t
    picks = sample_indices(constellation, scenario.per_shell)
    group = constellation.group_index()[picks]
    counts = np.diff(constellation.offsets).astype(float)
    return Fleet(name=constellation.name, satellites=constellation.count, satellites_sampled=int(picks.size),
                 span_days=float(seconds_between(t[0], t[-1])) / DAY_S,
                 shell_names=tuple(g.name for g in constellation.groups), shell_satellites=counts,
                 shell_sampled=np.maximum(np.bincount(group, minlength=len(counts)), 1),
                 altitude_km=np.array([group_altitude_km(g) for g in constellation.groups], dtype=float),
                 inclination_deg=np.array([group_inclination_deg(g) for g in constellation.groups], dtype=float),
                 sample_index=np.asarray(picks, dtype=np.int64), sample_shell=np.asarray(group, dtype=np.int64))
