"""Shared results kept in a real redis-server: every kind of result the app shares reads back equal,
the cache stays within its size by dropping the least recently used, and a value planted in Redis
is refused rather than run or served: a pickle, a value of the wrong shape, a key it did not write."""

import os
import pickle
import shutil
import socket
import subprocess
import time

import numpy as np
import pytest

import components.jobs.manager as jobs
import components.jobs.results as results
import orbital
from components.model.engine import yearly
from components.ui.globe import globe_payload
from components.model.state import ViewState
from components.jobs.storage import encode


@pytest.fixture
def redis_store(tmp_path, monkeypatch):
    """A redis-server on a free loopback port, and components.jobs.results pointed at it."""
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed (make test installs Debian's redis-server)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    deadline = time.time() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert time.time() < deadline, "redis-server did not start"
            time.sleep(0.05)
    monkeypatch.setattr(jobs, "REDIS_URL", f"redis://127.0.0.1:{port}/0")
    monkeypatch.setitem(jobs._checked, "at", -1e9)
    monkeypatch.setattr(results, "_stores", {})
    try:
        store = results.store()
        assert isinstance(store, results.RedisStore)
        yield store
    finally:
        server.terminate()
        server.wait(10)


def test_every_shared_result_reads_back_from_redis_as_computed(redis_store):
    scenario = ViewState(preset="demo")
    kinds = {"yearly": lambda v: orbital.assess_year(v.constellation(), v.year, v.model()).to_json(),
             "scatter": lambda v: orbital.satellite_scatter(v.constellation(), v.window()),
             "compute": lambda v: orbital.fleet_compute(v.constellation(), v.window(), v.model(), (19, 19)),
             "globe": globe_payload, "fleet-year": lambda v: orbital.fleet_year(v.constellation(), v.year), "sweep": lambda s: np.arange(12.0).reshape(3, 4) / 7}
    first = {name: results.shared(name, scenario, compute) for name, compute in kinds.items()}
    again = {name: results.shared(name, scenario, lambda s: pytest.fail("computed twice")) for name in kinds}
    for name in kinds:
        assert encode(again[name]) == encode(first[name]), name
    assert results.statistics() == {"hits": len(kinds), "computed": len(kinds), "store": "redis",
                                    "bytes": results.statistics()["bytes"]}
    assert results.statistics()["bytes"] > 0


def test_the_redis_cache_drops_the_least_recently_used_past_its_size(redis_store, monkeypatch):
    monkeypatch.setattr(results, "CACHE_SIZE_BYTES", 31_000)
    value = np.zeros(1200)  # 10.1 KB encoded: three fit, a fourth does not
    for name in ("a", "b", "c"):
        results.shared(name, 0, lambda s: value)
    results.shared("a", 0, lambda s: pytest.fail("a was dropped too early"))  # a is now used more recently than b
    results.shared("d", 0, lambda s: value)
    kept = {name for name in "abcd"
            if redis_store.client.exists(results.REDIS_PREFIX + results.result_key(name, 0, ()))}
    assert kept == {"a", "c", "d"}
    assert results.statistics()["bytes"] <= 31_000


def test_a_value_planted_in_redis_is_refused_and_computed_again(redis_store, tmp_path):
    marker = tmp_path / "ran"
    planted = pickle.dumps(type("Planted", (), {"__reduce__": lambda self: (os.system, (f"touch {marker}",))})())
    key = results.result_key("yearly", 0, ())
    redis_store.client.set(results.REDIS_PREFIX + key, planted)
    assert results.shared("yearly", 0, lambda s: "computed") == "computed"
    assert not marker.exists()


@pytest.mark.parametrize("planted", [0, {"shells": []}, {"sunlight": {}, "shells": [{"name": 5}]}, "yearly"])
def test_a_planted_value_of_the_wrong_shape_is_discarded_and_computed_again(redis_store, planted):
    """A value this store could have written (encoded, accounted) but not of the yearly result's shape."""
    view = ViewState(preset="demo")
    key = results.result_key("yearly", view, ())
    data = encode(planted)
    redis_store.client.set(results.REDIS_PREFIX + key, data)
    redis_store.client.hset(redis_store.sizes, key, len(data))
    result = yearly(view)
    assert result.sunlight.sunlit_fraction > 0.5
    assert yearly(view) is not None and results.statistics()["hits"] == 1


def test_a_key_this_store_did_not_write_is_refused_and_deleted(redis_store):
    key = results.result_key("sweep", 0, ())
    redis_store.client.set(results.REDIS_PREFIX + key, encode(np.ones((3, 4))))  # no size recorded
    assert results.shared("sweep", 0, lambda s: np.zeros((3, 4))).sum() == 0
    assert int(redis_store.client.hget(redis_store.sizes, key)) > 0
