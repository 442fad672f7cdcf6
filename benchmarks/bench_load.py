"""Many viewers at once: simulated viewers drive the dashboard's main callbacks against gunicorn with
several workers on loopback, bounded in requests and time. Prints errors, throughput, p50/p95
latency per callback, and how often the shared results were computed or read from the cache. One
viewer alone on a server that warmed nothing, measured first in the same run, is the baseline; then a
server that warms the preset as it starts (components/ui/warm.py): one viewer, then many at once.

Run: .venv/bin/python benchmarks/bench_load.py [--viewers 50] [--workers 4] [--preset spacex-odc] [--redis]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from statistics import quantiles

ROOT = Path(__file__).resolve().parents[1]
CLOCK_MOVES = 5  # scrubber moves a viewer makes after the page is drawn
DEADLINE_S = 600
# After the shared results are warm, each gunicorn worker still builds the preset's constellation.
WORKERS_SETTLE_S = 15


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, body=None):
    """(status, seconds, parsed JSON or None) of one GET or JSON POST."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=300) as answer:
            payload = answer.read()
            status = answer.status
    except urllib.error.HTTPError as exc:
        return exc.code, time.perf_counter() - started, None
    except OSError:
        return 0, time.perf_counter() - started, None
    elapsed = time.perf_counter() - started
    try:
        return status, elapsed, json.loads(payload) if payload[:1] in (b"{", b"[") else None
    except ValueError:
        return status, elapsed, None


def outputs_of(key):
    """The renderer's `outputs` for a callback key ('a.b' or '..a.b...c.d..')."""
    if not key.startswith(".."):
        component, prop = key.rsplit(".", 1)
        return {"id": component, "property": prop}
    return [dict(zip(("id", "property"), part.rsplit(".", 1))) for part in key[2:-2].split("...")]


class Dashboard:
    """The callbacks a viewer's browser calls, as request bodies built from /_dash-dependencies."""

    def __init__(self, base):
        self.base = base
        _, _, dependencies = request(base + "/_dash-dependencies")
        self.callbacks = {d["output"]: d for d in dependencies if not d.get("clientside_function")}

    def find(self, first_output):
        """The callback whose first output is `first_output` ('id.property'; 'id.property@' for a duplicate)."""
        def first(key):
            return key[2:-2].split("...")[0] if key.startswith("..") else key
        return next(k for k in self.callbacks if first(k) == first_output
                    or (first_output.endswith("@") and first(k).startswith(first_output)))

    def call(self, first_output, values):
        key = self.find(first_output)
        spec = self.callbacks[key]
        inputs = [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in spec["inputs"]]
        state = [{**s, "value": values.get(f"{s['id']}.{s['property']}")} for s in spec.get("state", [])]
        body = {"output": key, "outputs": outputs_of(key), "inputs": inputs, "state": state,
                "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
        return request(self.base + "/_dash-update-component", body)


def viewer(dashboard, preset, number, timings, errors, lock):
    """One viewer: the page, the scenario, the globe, the panels, a selection and a few clock moves."""
    def record(name, result):
        status, seconds, payload = result
        with lock:
            timings.setdefault(name, []).append(seconds)
            if status != 200:
                errors.append((name, status))
        return payload

    record("page", request(dashboard.base + "/"))
    controls = {"preset.value": preset, "altitude.value": 650, "inclination.value": 53, "sso.value": ["yes"],
                "ltan.value": 18, "satellites.value": 1200, "planes.value": 24, "area.value": 105,
                "efficiency.value": 0.22, "accelerator.value": "H100", "eclipse.value": "throttle",
                "vehicle.value": "Starship 200 t", "pue.value": 1.56, "capacity.value": 0.24, "catalogue.value": ""}
    answer = record("validate", dashboard.call("scenario.data", controls))
    if not answer:
        return
    scenario = answer["response"]["scenario"]["data"]
    record("globe", dashboard.call("globe-data.data", {"scenario.data": scenario}))
    record("panels", dashboard.call("season-graph.figure", {"scenario.data": scenario}))
    record("selection", dashboard.call("solar-graph.figure", {"scenario.data": scenario, "selection.data": number}))
    for move in range(CLOCK_MOVES):
        record("clock", dashboard.call("solar-graph.figure@", {
            "time-slider.value": 60 * (move + 1), "selection-label.children": "drawn",
            "compute-panel.className": "panel drawn"}))


def run(dashboard, preset, viewers):
    timings, errors, lock = {}, [], threading.Lock()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=viewers) as pool:
        for k in range(viewers):
            pool.submit(viewer, dashboard, preset, k, timings, errors, lock)
    return timings, errors, time.perf_counter() - started


def percentiles(values):
    if len(values) < 2:
        return values[0], values[0]
    cuts = quantiles(values, n=20)
    return cuts[9], cuts[18]


def report(title, timings, errors, seconds):
    total = sum(len(v) for v in timings.values())
    everything = [x for v in timings.values() for x in v]
    p50, p95 = percentiles(everything)
    print(f"\n{title}: {total} requests in {seconds:.1f} s ({total / seconds:.1f}/s), {len(errors)} errors; "
          f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    for name, values in timings.items():
        a, b = percentiles(values)
        print(f"  {name:10s} {len(values):5d} requests  p50 {a * 1000:7.0f} ms  p95 {b * 1000:7.0f} ms")
    return p50, p95


@contextmanager
def gunicorn(workers, warm):
    """gunicorn serving app:server with `workers` processes on an empty results cache of its own,
    warming the presets `warm` names ('' for none) as it starts; yields its base URL."""
    os.environ["ORBITAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="orbital-load-")
    os.environ["ORBITAL_WARM_PRESETS"] = warm
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "300",
         "app:server"], cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while request(base + "/health")[0] != 200:
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("bench_load: gunicorn did not start")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait()


def wait_warm(preset):
    """Seconds until the preset's warm answers (components/ui/warm.py) are all in the shared results."""
    from components.model.engine import compute_shape, scatter_shape, yearly_shape
    from components.ui.globe import payload_shape
    from components.jobs.results import stored
    from components.model.state import ViewState

    view = ViewState(preset=preset)
    wanted = (("globe", payload_shape), ("yearly", yearly_shape), ("compute", compute_shape),
              ("scatter", scatter_shape), ("panels-answer", lambda value: isinstance(value, str)))
    started = time.perf_counter()
    while not all(stored(name, view, check=check) is not None for name, check in wanted):
        if time.perf_counter() - started > DEADLINE_S:
            raise SystemExit("bench_load: the presets were not warmed in time")
        time.sleep(0.5)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--preset", default="spacex-odc")
    parser.add_argument("--redis", action="store_true",
                        help="keep the shared results in a redis-server started for the run (REDIS_URL)")
    args = parser.parse_args()
    os.environ.pop("REDIS_URL", None)
    redis = None
    if args.redis:
        redis_port = free_port()
        redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", tempfile.mkdtemp(prefix="orbital-load-redis-")],
                                 stdout=subprocess.DEVNULL)
        os.environ["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
    sys.path.insert(0, str(ROOT))
    try:
        with gunicorn(args.workers, "") as base:
            alone = report("1 viewer, nothing warmed (baseline; computes the scenario)",
                           *run(Dashboard(base), args.preset, 1))
        if redis:
            subprocess.run(["redis-cli", "-p", str(redis_port), "flushall"], stdout=subprocess.DEVNULL, check=False)
        with gunicorn(args.workers, args.preset) as base:
            print(f"\n{args.preset} warmed {wait_warm(args.preset):.1f} s after gunicorn answered; then "
                  f"{WORKERS_SETTLE_S:g} s for every worker to build the constellation")
            time.sleep(WORKERS_SETTLE_S)
            warm = report("1 viewer, warmed", *run(Dashboard(base), args.preset, 1))
            many = report(f"{args.viewers} viewers at once, {args.workers} gunicorn workers, warmed",
                          *run(Dashboard(base), args.preset, args.viewers))
            from components.jobs.results import statistics

            stats = statistics()
            print(f"\nshared results ({stats['store']}): computed {stats['computed']}, read from the cache "
                  f"{stats['hits']} ({stats['hits'] / max(stats['hits'] + stats['computed'], 1):.0%} hits), "
                  f"{stats['bytes']:,} bytes")
        print(f"warmed ÷ baseline, 1 viewer: p50 {warm[0] / alone[0]:.3f}, p95 {warm[1] / alone[1]:.3f}; "
              f"{args.viewers} viewers ÷ 1, warmed: p50 {many[0] / warm[0]:.1f}, p95 {many[1] / warm[1]:.1f}")
    finally:
        if redis:
            redis.terminate()
            redis.wait()


if __name__ == "__main__":
    main()
