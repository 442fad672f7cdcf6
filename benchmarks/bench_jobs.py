"""A million satellites as a background job: the dashboard's "Fleet year" of spacex-odc (3,600 planes,
every 10 minutes over 2026) or, with --job traffic, its "Space traffic" (a day of close approaches,
its shells' chunks of the screening plan), timed from the request that starts it to its answer,
driven over HTTP the way the browser's renderer does (start, then poll with the job's signed handles).

Measured in one run: the same computation called in-process (the baseline); the job on the disk
queue (no workers: a process of the web server's machine); on one Celery worker with Redis; on two
(the job shares its chunks of planes with the idle worker); and two viewers' jobs for two scenarios
at once on the disk queue and on two Celery workers.

Run: .venv/bin/python benchmarks/bench_jobs.py [--job fleet|traffic] [--preset spacex-odc] [--pool N]
(--pool N: only N jobs asked for at once from N pages: how many run, how many are refused, the
processes and memory at their most, and the time to the last answer.)
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from bench_load import Dashboard, free_port, outputs_of, request

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Each job: the output its callback is found by, the button that starts it, the engine call (the
# in-process baseline) and what the first line says about the result.
JOBS = {"fleet": {"output": "fleet-graph.figure", "button": "fleet-run", "message": "fleet-message"},
        "traffic": {"output": "traffic-graph.figure", "button": "traffic-run", "message": "traffic-message"}}
DEADLINE_S = 900


def wait_for(url, process, what):
    deadline = time.time() + 60
    while request(url)[0] != 200:
        if time.time() > deadline or process.poll() is not None:
            raise SystemExit(f"bench_jobs: {what} did not start")
        time.sleep(0.2)


@contextmanager
def served(workers):
    """The app (and with `workers` > 0, redis-server and that many Celery workers) with empty caches."""
    scratch = tempfile.mkdtemp(prefix="orbital-jobs-bench-")
    env = {**os.environ, "ORBITAL_CACHE_DIR": f"{scratch}/results", "ORBITAL_JOBS_DIR": f"{scratch}/jobs"}
    env.pop("REDIS_URL", None)
    processes = []
    try:
        if workers:
            redis_port = free_port()
            processes.append(subprocess.Popen(
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                 "no", "--dir", scratch], stdout=subprocess.DEVNULL))
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            for _ in range(workers):
                processes.append(subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "components.jobs.tasks:celery_app", "worker", "--pool", "prefork",
                     "--concurrency", "1", "--loglevel", "WARNING"], cwd=ROOT, env=env,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        port = free_port()
        app = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(app)
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/health", app, "app.py")
        time.sleep(5 if workers else 0)  # the workers connect
        yield base
    finally:
        for process in processes:
            process.terminate()
            process.wait(30)
        shutil.rmtree(scratch, ignore_errors=True)


def scenario_data(dashboard, preset, area_m2):
    controls = {"preset.value": preset, "altitude.value": 650, "inclination.value": 53, "sso.value": ["yes"],
                "ltan.value": 18, "satellites.value": 1200, "planes.value": 24, "area.value": area_m2,
                "efficiency.value": 0.22, "accelerator.value": "H100", "eclipse.value": "throttle",
                "vehicle.value": "Starship 200 t", "pue.value": 1.56, "capacity.value": 0.24, "catalogue.value": ""}
    return dashboard.call("scenario.data", controls)[2]["response"]["scenario"]["data"]


def run_job(base, scenario, job="fleet"):
    """(seconds, message) of one job (JOBS) for `scenario`: start it, then poll as the renderer does."""
    with urllib.request.urlopen(base + "/", timeout=60) as page:
        end_id = re.search(r'"end_id":\s*"([^"]+)"', page.read().decode()).group(1)
    dashboard = Dashboard(base)
    key = dashboard.find(JOBS[job]["output"])
    spec = dashboard.callbacks[key]
    button = f"{JOBS[job]['button']}.n_clicks"
    values = {button: 1, "scenario.data": scenario}
    body = {"output": key, "outputs": outputs_of(key), "changedPropIds": [button],
            "inputs": [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in spec["inputs"]],
            "state": [{**s, "value": values.get(f"{s['id']}.{s['property']}")} for s in spec["state"]]}
    url = f"{base}/_dash-update-component?endId={end_id}"
    started = time.perf_counter()
    status, _, handles = request(url, body)
    if status != 200 or "job" not in handles:
        raise SystemExit(f"bench_jobs: the job did not start ({status}: {handles})")
    poll = {**body, "inputs": [{**i, "value": None} for i in body["inputs"]],
            "state": [{**s, "value": None} for s in body["state"]]}
    url += "&" + urllib.parse.urlencode({"cacheKey": handles["cacheKey"], "job": handles["job"]})
    while time.perf_counter() - started < DEADLINE_S:
        status, _, answer = request(url, poll)
        if status == 204:  # running, nothing new since the last poll
            time.sleep(0.5)
            continue
        if status != 200:
            raise SystemExit(f"bench_jobs: polling the job answered {status}")
        if answer and ("response" in answer or "sideUpdate" in answer):
            updates = {**answer.get("sideUpdate", {}), **answer.get("response", {})}
            return time.perf_counter() - started, updates.get(JOBS[job]["message"], {}).get("children", "")
        time.sleep(0.5)
    raise SystemExit("bench_jobs: the job did not finish in time")


def timed_jobs(base, preset, areas_m2, job="fleet"):
    """(wall seconds, [(seconds, message)]) of one job per area, all started at once."""
    dashboard = Dashboard(base)
    scenarios = [scenario_data(dashboard, preset, area) for area in areas_m2]
    started = time.perf_counter()
    with ThreadPoolExecutor(len(scenarios)) as pool:
        runs = list(pool.map(lambda s: run_job(base, s, job), scenarios))
    return time.perf_counter() - started, runs


def pool(preset, requests):
    """`requests` fleet-year jobs asked for at once from as many pages, on the disk queue: how many ran,
    how many were refused, the app's processes and memory at their most, and the time to the last answer."""
    import psutil

    with served(0) as base:
        app = next(p for p in psutil.Process().children() if "app.py" in " ".join(p.cmdline()))
        dashboard = Dashboard(base)
        scenarios = [scenario_data(dashboard, preset, 100 + k) for k in range(requests)]
        most = {"processes": 0, "rss": 0}
        done = threading.Event()

        def watch():
            while not done.is_set():
                family = [app, *app.children(recursive=True)]
                most["processes"] = max(most["processes"], len(family) - 1)
                most["rss"] = max(most["rss"], sum(p.memory_info().rss for p in family if p.is_running()))
                time.sleep(0.2)

        watcher = threading.Thread(target=watch)
        watcher.start()
        idle = sum(p.memory_info().rss for p in [app, *app.children(recursive=True)])
        started = time.perf_counter()
        with ThreadPoolExecutor(requests) as threads:
            runs = list(threads.map(lambda s: run_job(base, s), scenarios))
        wall = time.perf_counter() - started
        done.set()
        watcher.join()
    ran = [(t, m) for t, m in runs if "not started" not in m]
    refused = [(t, m) for t, m in runs if "not started" in m]
    print(f"{requests} fleet-year jobs ({preset}) asked for at once from {requests} pages, disk queue, "
          f"{os.cpu_count()} cores: {len(ran)} ran, {len(refused)} refused "
          f"(answered in {max((t for t, _ in refused), default=0):.1f} s at most: {refused[0][1] if refused else '-'})")
    print(f"job processes at most {most['processes']}; the app's memory {idle / 2**20:,.0f} MB idle, "
          f"{most['rss'] / 2**20:,.0f} MB at most (with its job processes); last answer after {wall:.1f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--job", choices=sorted(JOBS), default="fleet")
    parser.add_argument("--preset", default="spacex-odc")
    parser.add_argument("--pool", type=int, metavar="N", help="only: N jobs asked for at once (the job pool)")
    args = parser.parse_args()
    if args.pool:
        pool(args.preset, args.pool)
        return
    if not shutil.which("redis-server"):
        raise SystemExit("bench_jobs: redis-server is not installed (make test installs it)")
    from components.model import engine
    from components.model.state import ViewState

    os.environ["ORBITAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="orbital-jobs-bench-baseline-")
    view = ViewState(preset=args.preset)
    started = time.perf_counter()
    result = engine.fleet_year(view) if args.job == "fleet" else engine.traffic(view)
    baseline = time.perf_counter() - started
    if args.job == "fleet":
        print(f"{args.preset}: {result['satellites']:,} satellites in {result['planes']:,} planes, a year every "
              f"{result['step_s']:.0f} s; {os.cpu_count()} cores")
    else:
        print(f"{args.preset}: {result['satellites']:,} satellites, a day screened in {len(result['plan'])} chunks, "
              f"{result['approaches_per_day']:,.0f} approaches; {os.cpu_count()} cores")
    print(f"{'in-process (baseline)':42s} {baseline:7.1f} s  1.00")
    rows = [("disk queue, no workers, 1 job", 0, [105]), ("Celery, 1 worker, 1 job", 1, [105]),
            ("Celery, 2 workers, 1 job (chunks shared)", 2, [105]),
            ("disk queue, no workers, 2 jobs at once", 0, [105, 150]),
            ("Celery, 2 workers, 2 jobs at once", 2, [105, 150])]
    figures = {}
    for title, workers, areas in rows:
        with served(workers) as base:
            wall, runs = timed_jobs(base, args.preset, areas, args.job)
        figures[title] = {"wall_s": wall, "jobs_s": [s for s, _ in runs], "message": runs[0][1]}
        print(f"{title:42s} {wall:7.1f} s  {wall / baseline:.2f}   (each job: "
              f"{', '.join(f'{s:.1f} s' for s, _ in runs)}; {runs[0][1]})")
    print(json.dumps({"baseline_s": baseline, **figures}))


if __name__ == "__main__":
    main()
