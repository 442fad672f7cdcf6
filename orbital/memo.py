"""A memo, in each process, of what depends on orbits and times alone and never on the model: the Sun
over a span, a sample's sunlight geometry over a year, its worst day, a shell's trapped-radiation
fluxes, NRLMSIS densities. A view that changes only the model (array, accelerator, vehicle, ground)
finds them computed, and every view of one year shares the Sun's positions.

Keys are digests of content (the orbits' elements, the times' Julian dates), never object identity.
Bounded by ORBITAL_ORBIT_MEMO_MB (default 256) in each process, least recently used out first; a
value over a quarter of the bound is computed and not kept. Values are made read-only: callers share them.
"""

import hashlib
import os
import threading

import numpy as np

from .constellation import Shell
from . import settings

MEMO_BYTES = settings.ORBIT_MEMO_MB.value()


def _digest(*parts):
    """A hex digest of numbers, strings and arrays (by their bytes), in order."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, np.ndarray):
            h.update(str(part.dtype).encode() + str(part.shape).encode())
            h.update(np.ascontiguousarray(part).tobytes())
        else:
            h.update(repr(part).encode())
        h.update(b"|")
    return h.hexdigest()


# Elements of an sgp4 Satrec that fix its orbit.
SATREC_ELEMENTS = ("jdsatepoch", "jdsatepochF", "no_kozai", "ecco", "inclo", "nodeo", "argpo", "mo", "bstar", "ndot",
                   "nddot")


def orbit_key(constellation):
    """A digest of a constellation's orbits (not its names): shells by altitude, inclination, nodes,
    arguments of latitude and epoch; catalogues by each record's elements."""
    parts = []
    for group in constellation.groups:
        if isinstance(group, Shell):
            parts += ["shell", group.altitude_km, group.inclination_deg, np.asarray(group.raan_rad, dtype=float),
                      np.asarray(group.arg_latitude_rad, dtype=float), times_key(group.epoch)]
        else:
            parts += ["catalogue", np.array([[getattr(s, name) for name in SATREC_ELEMENTS] for s in group.satrecs],
                                            dtype=float)]
    return _digest(*parts)


def times_key(t):
    """A digest of a skyfield Time (scalar or array) by its Julian dates (TT, whole and fraction)."""
    return _digest(np.atleast_1d(np.asarray(t.whole, dtype=float)), np.atleast_1d(np.asarray(t.tt_fraction,
                                                                                              dtype=float)))


def _nbytes(value):
    """Bytes of the arrays in a value (dicts, lists and tuples looked into); 64 for anything else."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, dict):
        return sum(_nbytes(v) for v in value.values()) + 64
    if isinstance(value, (list, tuple)):
        return sum(_nbytes(v) for v in value) + 64
    return 64


def _freeze(value):
    """The value with its arrays made read-only (looked into as _nbytes does)."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, dict):
        for v in value.values():
            _freeze(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _freeze(v)
    return value


class Memo:
    """Values by key, at most `limit_bytes` of arrays, least recently used out first. The lock is held
    only around the dictionary, never while computing, and is new in a forked child."""

    def __init__(self, limit_bytes=MEMO_BYTES):
        self.limit_bytes = limit_bytes
        self._values = {}
        self._sizes = {}
        self._total_bytes = 0
        self._lock = threading.Lock()
        os.register_at_fork(after_in_child=self._after_fork)

    def _after_fork(self):
        self._lock = threading.Lock()

    def get(self, key, compute):
        """The value kept for `key`, else compute() (kept when it fits)."""
        with self._lock:
            if key in self._values:
                value = self._values.pop(key)
                self._values[key] = value
                return value
        value = _freeze(compute())
        size = _nbytes(value)
        if size <= self.limit_bytes // 4:
            with self._lock:
                self._forget(key)
                self._values[key] = value
                self._sizes[key] = size
                self._total_bytes += size
                while self._total_bytes > self.limit_bytes:
                    self._forget(next(iter(self._values)))
        return value

    def _forget(self, key):
        if key in self._values:
            del self._values[key]
            self._total_bytes -= self._sizes.pop(key)

    def clear(self):
        """Forget every value (a benchmark's cold start)."""
        with self._lock:
            self._values.clear()
            self._sizes.clear()
            self._total_bytes = 0

    @property
    def bytes(self):
        """Bytes of the arrays kept."""
        return self._total_bytes


MEMO = Memo()


def remembered(kind, compute, *key):
    """MEMO's value for `kind` and the key's parts (numbers, strings, arrays; digested by content),
    computed by compute() the first time."""
    return MEMO.get(_digest(kind, *key), compute)
