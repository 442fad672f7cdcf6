"""Results shared by every server process: each is computed once per scenario and kept on disk,
bounded in size with least-recently-used eviction, so many viewers of one scenario (in any gunicorn
worker) cost one computation. Keys hash the scenario and the engine's code."""

import hashlib
import os
import tempfile
from pathlib import Path

import diskcache

import orbital

# Where and how much: ORBITAL_CACHE_DIR (default: the system's temporary folder), ORBITAL_CACHE_MB.
CACHE_DIR = Path(os.environ.get("ORBITAL_CACHE_DIR", Path(tempfile.gettempdir()) / "orbital-compute-results"))
CACHE_SIZE_BYTES = int(float(os.environ.get("ORBITAL_CACHE_MB", "512")) * 1024 * 1024)
# A worker waiting for another's computation gives up on the lock after this long and computes itself.
LOCK_EXPIRE_S = 120


def code_version():
    """Hash of the engine's and these components' source: changed code never serves old results."""
    digest = hashlib.sha256()
    for folder in (Path(orbital.__file__).parent, Path(__file__).parent):
        for path in sorted(folder.glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = code_version()
_cache = None


def cache():
    global _cache  # one handle a process; diskcache shares the data between processes safely
    if _cache is None:
        _cache = diskcache.Cache(str(CACHE_DIR), size_limit=CACHE_SIZE_BYTES,
                                 eviction_policy="least-recently-used")
    return _cache


def shared(name, scenario, compute, *args):
    """compute(scenario, *args), once for all processes: from the cache when there, else computed
    under a lock (so concurrent requests for the same result wait for one computation) and stored."""
    key = f"{name}:{CODE_VERSION}:{hashlib.sha256(repr((scenario, args)).encode()).hexdigest()}"
    store = cache()
    value = store.get(key, default=None, retry=True)
    if value is not None:
        store.incr("stats:hits", retry=True)
        return value
    with diskcache.Lock(store, f"lock:{key}", expire=LOCK_EXPIRE_S):
        value = store.get(key, default=None, retry=True)
        if value is not None:
            store.incr("stats:hits", retry=True)
            return value
        value = compute(scenario, *args)
        store.set(key, value, retry=True)
        store.incr("stats:computed", retry=True)
    return value


def statistics():
    """How often a result came from the cache and how often it was computed."""
    store = cache()
    return {"hits": store.get("stats:hits", 0), "computed": store.get("stats:computed", 0),
            "bytes": store.volume()}
