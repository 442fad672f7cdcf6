"""Twenty clients post the worst scenario the server accepts, each a different one, all at once: the
server's memory stays within its bound and /health answers within a second throughout (issue 13)."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 20
# The bound stated in docs/operations.md: the server's resident memory over idle, bytes.
MEMORY_BOUND_BYTES = 2 * 1024 ** 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worst_view(k):
    """A custom shell at the largest size the server accepts (1,000,000 satellites), a different
    altitude for each client so that nothing is shared between them."""
    from components.model.state import CUSTOM_SATELLITES_MAX, ViewState

    return ViewState(preset="custom", sun_synchronous=False, altitude_km=500 + 10 * k, inclination_deg=53,
                     satellites=CUSTOM_SATELLITES_MAX, planes=1000).to_store()


def panels_body(app, view):
    output = next(o for o in app.callback_map if "season-graph.figure" in o)
    spec = app.callback_map[output]
    return json.dumps({"output": output, "changedPropIds": ["scenario.data"],
                       "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                                   for o in output.strip(".").split("...")],
                       "inputs": [{**spec["inputs"][0], "value": view}], "state": []}).encode()


def post(url, body):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return answer.status


def test_twenty_clients_posting_the_worst_scenario_stay_within_memory_and_health_answers(tmp_path):
    from app import app, server

    server.test_client().get("/")  # the callback map
    port = free_port()
    env = {**os.environ, "ORBITAL_CACHE_DIR": str(tmp_path / "results"), "ORBITAL_JOBS_DIR": str(tmp_path / "jobs")}
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/health", timeout=1).close()
                break
            except OSError:
                assert time.time() < deadline, "the server did not start"
                time.sleep(0.2)
        urllib.request.urlopen(f"{base}/", timeout=30).close()
        assert post(f"{base}/_dash-update-component", panels_body(app, worst_view(-1))) == 200
        server_process = psutil.Process(process.pid)
        idle = server_process.memory_info().rss
        peak, health_s, done = [idle], [], threading.Event()

        def watch():
            while not done.is_set():
                peak.append(server_process.memory_info().rss)
                started = time.perf_counter()
                urllib.request.urlopen(f"{base}/health", timeout=5).close()
                health_s.append(time.perf_counter() - started)
                time.sleep(0.1)

        watcher = threading.Thread(target=watch)
        watcher.start()
        statuses = [None] * CLIENTS
        started = time.perf_counter()

        def client(k):
            statuses[k] = post(f"{base}/_dash-update-component", panels_body(app, worst_view(k)))

        clients = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(600)
        elapsed = time.perf_counter() - started
        done.set()
        watcher.join(10)
        over_idle = max(peak) - idle
        print(f"\n{CLIENTS} clients, worst scenario each: all answered in {elapsed:.1f} s; server RSS idle "
              f"{idle / 2**20:,.0f} MB, peak {max(peak) / 2**20:,.0f} MB (+{over_idle / 2**20:,.0f} MB); "
              f"/health slowest {max(health_s) * 1000:.0f} ms over {len(health_s)} checks")
        assert statuses == [200] * CLIENTS
        assert over_idle < MEMORY_BOUND_BYTES
        assert max(health_s) < 1.0
    finally:
        process.terminate()
        process.wait(20)
