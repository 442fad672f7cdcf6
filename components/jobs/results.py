"""Results shared by every server process and machine: each is computed once per scenario and kept,
bounded in size with least-recently-used eviction, so many viewers of one scenario (in any gunicorn
worker) cost one computation. Keys hash the scenario and the engine's code.

Kept in Redis when REDIS_URL is set and answers (every machine shares them), else on disk
(ORBITAL_CACHE_DIR, a private folder shared by the processes of one machine: components/folders.py);
when Redis stops answering, results are kept on disk until it is back. Values are stored as JSON
plus numpy arrays (components/storage.py), never pickled; what is read back must have the shape its
kind declares (`check`), or it is discarded and computed again.
"""

import hashlib
import logging
import os
import secrets
import threading
import time
from functools import cache
from pathlib import Path

import diskcache

import orbital

from .. import settings
from . import folders
from . import manager as jobs
from .storage import NoPickleDisk, Refused, decode, encode

# How much: ORBITAL_CACHE_MB (on disk, and in Redis when REDIS_URL is set).
CACHE_SIZE_BYTES = settings.CACHE_MB.value()
# Computations running at once in one server process (ORBITAL_COMPUTE_SLOTS, default: the number of
# cores): more requests wait for a slot, so memory is bounded by the slots, not by the requests.
COMPUTE_SLOTS = settings.COMPUTE_SLOTS.value()
# A computation holds its result's lock for this long and renews it every third of it while it runs,
# so a process killed mid-computation (a cancelled job, a dead worker) frees it within this, s.
LEASE_S = 10.0
# A request waiting for another's computation gives up after this long and computes itself, s.
WAIT_S = 600.0
log = logging.getLogger(__name__)
# Prefix of every Redis key of the results.
REDIS_PREFIX = "orbital:results:"


@cache
def code_version():
    """Hash of the engine's and these components' source: changed code never serves old results
    (computed once a process, on first use)."""
    digest = hashlib.sha256()
    for folder in (Path(orbital.__file__).parent, Path(__file__).parent):
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]



class DiskStore:
    """diskcache shares the data between the processes of one machine safely."""

    def __init__(self):
        self.cache = diskcache.Cache(str(folders.private("ORBITAL_CACHE_DIR")), size_limit=CACHE_SIZE_BYTES,
                                     eviction_policy="least-recently-used", disk=NoPickleDisk)

    def get(self, key):
        """The value stored under `key`, or None (also when what is there is not an encoded result)."""
        try:
            data = self.cache.get(key, default=None, retry=True)
            return None if data is None else decode(data)
        except Refused as exc:
            log.warning("result %s on disk is refused and computed again: %s", key, exc)
            self.cache.delete(key, retry=True)
            return None

    def set(self, key, value):
        """Store `value` under `key`."""
        self.cache.set(key, encode(value), retry=True)

    def acquire(self, name, token):
        """Take the lock `name` with `token` for LEASE_S; whether it was free."""
        return self.cache.add(name, token, expire=LEASE_S, retry=True)

    def renew(self, name, token):
        """Extend the lock `name` by LEASE_S if `token` still holds it."""
        with self.cache.transact(retry=True):
            if self.cache.get(name) == token:
                self.cache.touch(name, expire=LEASE_S)

    def release(self, name, token):
        """Free the lock `name` if `token` holds it."""
        with self.cache.transact(retry=True):
            if self.cache.get(name) == token:
                self.cache.delete(name)

    def incr(self, name):
        """Count one more `name` (hits, computed)."""
        self.cache.incr(f"stats:{name}", retry=True)

    def statistics(self):
        """Hits, computations and bytes held, and which store this is."""
        return {"hits": self.cache.get("stats:hits", 0), "computed": self.cache.get("stats:computed", 0),
                "bytes": self.cache.volume(), "store": "disk"}


class RedisStore:
    """Results in Redis: encoded values (storage.encode), their last use in a sorted set and their
    size in a hash, the least recently used dropped once the total passes CACHE_SIZE_BYTES. A value
    this store did not write (no size recorded) is refused and deleted."""

    def __init__(self, url):
        import redis

        self.client = redis.Redis.from_url(url, socket_connect_timeout=jobs.REDIS_TIMEOUT_S,
                                           socket_timeout=jobs.REDIS_TIMEOUT_S)
        self.used, self.sizes, self.total = (REDIS_PREFIX + name for name in ("used", "sizes", "bytes"))

    def get(self, key):
        """The value stored under `key`, or None."""
        data = self.client.get(REDIS_PREFIX + key)
        if data is None:
            return None
        try:
            if self.client.hget(self.sizes, key) is None:
                raise Refused("not written by this store")
            value = decode(data)
        except Refused as exc:
            log.warning("result %s in Redis is refused and computed again: %s", key, exc)
            self.forget(key)
            return None
        self.client.zadd(self.used, {key: time.time()}, xx=True)
        return value

    def forget(self, key):
        """Drop `key`, its last use and its size from the accounting."""
        size = int(self.client.hget(self.sizes, key) or 0)
        pipe = self.client.pipeline()
        pipe.delete(REDIS_PREFIX + key).zrem(self.used, key).hdel(self.sizes, key).decrby(self.total, size)
        pipe.execute()

    def set(self, key, value):
        """Store `value` under `key`."""
        data = encode(value)
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

    def acquire(self, name, token):
        """Take the lock `name` with `token` for LEASE_S; whether it was free."""
        return bool(self.client.set(REDIS_PREFIX + name, token, nx=True, px=int(LEASE_S * 1000)))

    def renew(self, name, token):
        """Extend the lock `name` by LEASE_S if `token` still holds it."""
        self.client.eval(self.IF_OURS + "return redis.call('pexpire', KEYS[1], ARGV[2]) end",
                         1, REDIS_PREFIX + name, token, int(LEASE_S * 1000))

    def release(self, name, token):
        """Free the lock `name` if `token` holds it."""
        self.client.eval(self.IF_OURS + "return redis.call('del', KEYS[1]) end", 1, REDIS_PREFIX + name, token)

    # Renewing or releasing a lock is done only by its holder (the token it was taken with).
    IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then "

    def incr(self, name):
        """Count one more `name` (hits, computed)."""
        self.client.incr(f"{REDIS_PREFIX}stats:{name}")

    def statistics(self):
        """Hits, computations and bytes held, and which store this is."""
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


class Slots:
    """At most `count` computations at once in this process; a computation that asks for another
    result inside it (nested) keeps its slot rather than taking a second."""

    def __init__(self, count):
        self.count = count
        self.reset()
        # A process forked while other threads hold slots (a background job started during a
        # computation) starts with every slot free: those threads are not in it.
        os.register_at_fork(after_in_child=self.reset)

    def reset(self):
        """Every slot free, no thread inside one."""
        self.semaphore, self.local = threading.BoundedSemaphore(self.count), threading.local()

    def __enter__(self):
        depth = getattr(self.local, "depth", 0)
        if depth == 0:
            self.semaphore.acquire()
        self.local.depth = depth + 1
        return self

    def __exit__(self, *exc):
        self.local.depth -= 1
        if self.local.depth == 0:
            self.semaphore.release()


computing = Slots(COMPUTE_SLOTS)


class Lease:
    """The lock on computing one result, renewed by a thread while held: (where).acquire/renew/release."""

    def __init__(self, where, key):
        self.where, self.name, self.token = where, f"lock:{key}", secrets.token_hex(8)
        self.released = threading.Event()

    def __enter__(self):
        threading.Thread(target=self._renew, daemon=True).start()
        return self

    def _renew(self):
        while not self.released.wait(LEASE_S / 3):
            try:
                self.where.renew(self.name, self.token)
            except jobs.redis_errors():
                return

    def __exit__(self, *exc):
        self.released.set()
        self.where.release(self.name, self.token)


def _lookup_or_compute(where, key, compute, check):
    """The stored value, else: wait while another process computes it (it holds the lease), or take
    the lease, compute and store it. A stored value that fails `check` is computed again."""
    deadline = time.monotonic() + WAIT_S
    while True:
        value = where.get(key)
        if value is not None and not check(value):
            log.warning("result %s has not the shape of its kind; it is computed again", key)
            value = None
            if time.monotonic() <= deadline:
                deadline = time.monotonic()  # take the lease now: the stored value is no good
        if value is not None:
            where.incr("hits")
            return value
        lease = Lease(where, key)
        if where.acquire(lease.name, lease.token) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    with lease, computing:
        value = compute()
        where.set(key, value)
        where.incr("computed")
    return value


def result_key(name, scenario, args):
    """The cache key of result `name` of `scenario` (and extra `args`) under this code."""
    return f"{name}:{code_version()}:{hashlib.sha256(repr((scenario, args)).encode()).hexdigest()}"


def anything(value):
    """The check of a result whose every shape is good."""
    return True


def shared(name, scenario, compute, *args, check=anything):
    """compute(scenario, *args), once for all processes: from the cache when there (and `check`
    accepts it), else computed under a lock (so concurrent requests for the same result wait for one
    computation) and stored. When Redis fails on the way, the disk store takes over."""
    key = result_key(name, scenario, args)
    computed = []

    def once():  # a value computed before Redis failed is stored on disk, not computed again
        if not computed:
            computed.append(compute(scenario, *args))
        return computed[0]

    where = store()
    try:
        return _lookup_or_compute(where, key, once, check)
    except jobs.redis_errors() as exc:
        if isinstance(where, DiskStore):
            raise
        jobs.redis_failed(exc)
        return _lookup_or_compute(store(), key, once, check)


def stored(name, scenario, *args, check=anything):
    """The result `name` of `scenario` if some process already computed it, else None (never computes)."""
    try:
        value = store().get(result_key(name, scenario, args))
    except jobs.redis_errors() as exc:
        jobs.redis_failed(exc)
        return None
    return value if value is not None and check(value) else None


def statistics():
    """How often a result came from the cache and how often it was computed, and the cache's size."""
    return store().statistics()
