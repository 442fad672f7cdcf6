"""Results shared by every server process and machine: each is computed once per scenario and kept,
bounded in size with least-recently-used eviction, so many viewers of one scenario (in any gunicorn
worker) cost one computation. Keys hash the scenario and the engine's code.

Kept in Redis when REDIS_URL is set and answers (every machine shares them), else on disk
(ORBITAL_CACHE_DIR, shared by the processes of one machine); when Redis stops answering, results
are kept on disk until it is back.
"""

import hashlib
import io
import os
import pickle
import tempfile
import time
from pathlib import Path

import diskcache

import orbital

from . import jobs

# Where and how much: ORBITAL_CACHE_DIR (default: the system's temporary folder), ORBITAL_CACHE_MB
# (on disk, and in Redis when REDIS_URL is set).
CACHE_DIR = Path(os.environ.get("ORBITAL_CACHE_DIR", Path(tempfile.gettempdir()) / "orbital-compute-results"))
CACHE_SIZE_BYTES = int(float(os.environ.get("ORBITAL_CACHE_MB", "512")) * 1024 * 1024)
# A worker waiting for another's computation gives up on the lock after this long and computes itself.
LOCK_EXPIRE_S = 120
# Prefix of every Redis key of the results.
REDIS_PREFIX = "orbital:results:"


def code_version():
    """Hash of the engine's and these components' source: changed code never serves old results."""
    digest = hashlib.sha256()
    for folder in (Path(orbital.__file__).parent, Path(__file__).parent):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = code_version()


class DiskStore:
    """diskcache shares the data between the processes of one machine safely."""

    def __init__(self):
        self.cache = diskcache.Cache(str(CACHE_DIR), size_limit=CACHE_SIZE_BYTES,
                                     eviction_policy="least-recently-used")

    def get(self, key):
        return self.cache.get(key, default=None, retry=True)

    def set(self, key, value):
        self.cache.set(key, value, retry=True)

    def lock(self, key):
        return diskcache.Lock(self.cache, f"lock:{key}", expire=LOCK_EXPIRE_S)

    def incr(self, name):
        self.cache.incr(f"stats:{name}", retry=True)

    def statistics(self):
        return {"hits": self.cache.get("stats:hits", 0), "computed": self.cache.get("stats:computed", 0),
                "bytes": self.cache.volume(), "store": "disk"}


class ResultUnpickler(pickle.Unpickler):
    """Reads back only what results are made of (builtins and numpy arrays), so a value planted in a
    shared Redis cannot run code here."""

    ALLOWED = {("numpy", "ndarray"), ("numpy", "dtype"), ("numpy.core.multiarray", "_reconstruct"),
               ("numpy._core.multiarray", "_reconstruct"), ("numpy.core.multiarray", "scalar"),
               ("numpy._core.multiarray", "scalar"), ("builtins", "set"), ("builtins", "frozenset"),
               ("builtins", "complex"), ("builtins", "slice"), ("builtins", "range")}

    def find_class(self, module, name):
        if (module, name) not in self.ALLOWED:
            raise pickle.UnpicklingError(f"a cached result may not hold {module}.{name}")
        return super().find_class(module, name)


class RedisStore:
    """Results in Redis: pickled values, their last use in a sorted set, the least recently used
    dropped once the total passes CACHE_SIZE_BYTES."""

    def __init__(self, url):
        import redis

        self.client = redis.Redis.from_url(url, socket_connect_timeout=jobs.REDIS_TIMEOUT_S,
                                           socket_timeout=jobs.REDIS_TIMEOUT_S)
        self.used, self.sizes, self.total = (REDIS_PREFIX + name for name in ("used", "sizes", "bytes"))

    def get(self, key):
        data = self.client.get(REDIS_PREFIX + key)
        if data is None:
            return None
        self.client.zadd(self.used, {key: time.time()}, xx=True)
        return ResultUnpickler(io.BytesIO(data)).load()

    def set(self, key, value):
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        old = self.client.hget(self.sizes, key)
        pipe = self.client.pipeline()
        pipe.set(REDIS_PREFIX + key, data).zadd(self.used, {key: time.time()}).hset(self.sizes, key, len(data))
        pipe.incrby(self.total, len(data) - int(old or 0))
        total = pipe.execute()[-1]
        while total > CACHE_SIZE_BYTES:
            oldest = self.client.zpopmin(self.used)
            if not oldest:
                break
            name = oldest[0][0].decode()
            size = int(self.client.hget(self.sizes, name) or 0)
            pipe = self.client.pipeline()
            pipe.delete(REDIS_PREFIX + name).hdel(self.sizes, name).decrby(self.total, size)
            total = pipe.execute()[-1]

    def lock(self, key):
        return self.client.lock(f"{REDIS_PREFIX}lock:{key}", timeout=LOCK_EXPIRE_S, blocking_timeout=LOCK_EXPIRE_S)

    def incr(self, name):
        self.client.incr(f"{REDIS_PREFIX}stats:{name}")

    def statistics(self):
        hits, computed, volume = self.client.mget([f"{REDIS_PREFIX}stats:hits", f"{REDIS_PREFIX}stats:computed",
                                                   self.total])
        return {"hits": int(hits or 0), "computed": int(computed or 0), "bytes": int(volume or 0), "store": "redis"}


_stores = {}


def store():
    """The Redis store while REDIS_URL answers, else the disk store (one handle of each a process)."""
    if jobs.REDIS_URL and jobs.current_redis_problem() is None:
        if "redis" not in _stores:
            _stores["redis"] = RedisStore(jobs.REDIS_URL)
        return _stores["redis"]
    if "disk" not in _stores:
        _stores["disk"] = DiskStore()
    return _stores["disk"]


def _lookup_or_compute(where, key, compute):
    value = where.get(key)
    if value is not None:
        where.incr("hits")
        return value
    with where.lock(key):
        value = where.get(key)
        if value is not None:
            where.incr("hits")
            return value
        value = compute()
        where.set(key, value)
        where.incr("computed")
    return value


def shared(name, scenario, compute, *args):
    """compute(scenario, *args), once for all processes: from the cache when there, else computed
    under a lock (so concurrent requests for the same result wait for one computation) and stored.
    When Redis fails on the way, the disk store takes over."""
    key = f"{name}:{CODE_VERSION}:{hashlib.sha256(repr((scenario, args)).encode()).hexdigest()}"
    computed = []

    def once():  # a value computed before Redis failed is stored on disk, not computed again
        if not computed:
            computed.append(compute(scenario, *args))
        return computed[0]

    where = store()
    try:
        return _lookup_or_compute(where, key, once)
    except jobs.redis_errors() as exc:
        if isinstance(where, DiskStore):
            raise
        jobs.redis_failed(exc)
        return _lookup_or_compute(store(), key, once)


def statistics():
    """How often a result came from the cache and how often it was computed, and the cache's size."""
    return store().statistics()
