"""Background jobs: the sweep's physics, the embedded disk queue, and Celery on a real redis-server,
including a worker killed in the middle of a job and Redis that cannot be reached."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np
import psutil
import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains

from components.ui.background import ALTITUDES_KM, LTANS_H, sweep
from conftest import chromium_options, open_dashboard
from orbital.constellation import combine, sun_synchronous
from components.model.engine import fleet_year
from components.model.state import ViewState
from orbital.statistics import sunlight_statistics
from orbital.sweep import SWEEP_PLANES, SWEEP_SATELLITES, sso_sweep
from orbital.timeutil import year_times

ROOT = Path(__file__).resolve().parents[1]


def test_sweep_finds_dawn_dusk_orbits_always_sunny_and_noon_orbits_not():
    grid = sso_sweep([600, 1800], [6, 12, 18], 2026)
    dawn, noon, dusk = grid[:, 0], grid[:, 1], grid[:, 2]
    assert (noon < 0.75).all() and (dusk > noon + 0.2).all()
    assert np.abs(dawn - dusk).max() < 0.02  # the two dawn–dusk families mirror each other
    assert dusk[1] > 0.999 > dusk[0] > 0.9  # high dawn–dusk shells never see the shadow; low ones do in summer
    # One cell against the statistics computed directly.
    shell = sun_synchronous(600, 12, SWEEP_SATELLITES, SWEEP_PLANES, 1, epoch="2026-01-01T00:00:00Z",
                            plane_spread_h=1.0)
    direct = sunlight_statistics(combine(shell), year_times(2026, 1800.0))
    assert grid[0, 1] == pytest.approx(direct["sunlit_fraction"].mean())


def sweep_grid(driver, timeout=120):
    """Wait for the sweep heatmap and return its values (altitudes, local times)."""
    deadline = time.time() + timeout
    while True:
        z = driver.execute_script(
            "const p = document.querySelector('#sweep-graph .js-plotly-plot');"
            "return p && p.data && p.data[0] && p.data[0].type === 'heatmap' ? p.data[0].z : null")
        if z:
            return np.array(z, dtype=float)
        assert time.time() < deadline, "the sweep did not finish"
        time.sleep(0.5)


def click(driver, selector):
    driver.execute_script(f"document.querySelector('{selector}').scrollIntoView({{block: 'center'}});"
                          f"document.querySelector('{selector}').click()")


def page_text(driver, selector):
    return driver.execute_script(f"const e = document.querySelector('{selector}'); return e ? e.innerText : ''")


def wait_text(driver, selector, words, timeout=120):
    """Wait until the element's text holds every one of `words`; return the text."""
    deadline = time.time() + timeout
    while not all(word in page_text(driver, selector) for word in words):
        assert time.time() < deadline, f"{selector} never said {words}: {page_text(driver, selector)!r}"
        time.sleep(0.3)
    return page_text(driver, selector)


def fleet_histogram(driver):
    """Satellites counted by the fleet-year figure, per shell: {name: count}."""
    return driver.execute_script(
        "const p = document.querySelector('#fleet-graph .js-plotly-plot');"
        "return Object.fromEntries((p.data || []).map(t => [t.name, t.y.reduce((a, b) => a + b, 0)]))")


def test_jobs_run_in_the_background_with_progress_on_the_disk_queue(dash_duo):
    duo = open_dashboard(dash_duo, "/?preset=demo", "ready: 72 satellites")
    driver = duo.driver
    assert "this machine" in page_text(driver, "#jobs-status")
    click(driver, "#sweep-run")
    deadline = time.time() + 60
    while driver.execute_script("return document.querySelector('#sweep-run').disabled") is not True:
        assert time.time() < deadline, "the job did not start"
        time.sleep(0.2)
    grid = sweep_grid(driver)
    assert grid.shape == (len(ALTITUDES_KM), len(LTANS_H))
    assert driver.execute_script("return document.querySelector('#sweep-progress').value") == len(ALTITUDES_KM)
    assert not driver.execute_script("return document.querySelector('#sweep-run').disabled")
    assert "on this machine" in page_text(driver, "#sweep-message")

    click(driver, "#fleet-run")
    message = wait_text(driver, "#fleet-message", ["72 satellites in 11 planes", "on this machine"])
    result = fleet_year(ViewState(preset="demo"))
    assert f"sunlit {result['sunlit_fraction']:.4f}" in message
    assert fleet_histogram(driver) == {"Demo 550 km 53°": 48, "Demo SSO 800 km": 24}

    # Exports are background jobs too: the report arrives as a download.
    folder = tempfile.mkdtemp(prefix="orbital-downloads-")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": folder})
    click(driver, "#export-report")
    wait_text(driver, "#export-message", ["orbital-report.html", "kB", "on this machine"], timeout=120)
    report = Path(folder) / "orbital-report.html"
    deadline = time.time() + 30
    while not report.is_file():
        assert time.time() < deadline, "the report was not downloaded"
        time.sleep(0.2)
    time.sleep(1)
    text = report.read_text()
    assert "Plotly.newPlot" in text and "Demo 550 km 53°" in text

    # Space traffic over a day: the demo's best-phased shells never come within 5 km.
    click(driver, "#traffic-run")
    wait_text(driver, "#traffic-message", ["for demo: 72 satellites, 0 pairs within 5 km", "on this machine"])
    table = page_text(driver, "#traffic-table")
    assert "Demo 550 km 53°" in table and "1,286.553" in table and "1,778.948" in table


def test_a_cancelled_job_stops_and_runs_again_when_asked(dash_duo):
    link = "/?preset=custom&sso=0&altitude=550&inclination=53&satellites=4000&planes=400"
    duo = open_dashboard(dash_duo, link, "ready: 4,000 satellites")
    driver = duo.driver

    def processes():  # this test's processes other than the browser's
        return {p for p in psutil.Process().children(recursive=True) if "chrom" not in p.name()}

    # A job whose process dies (killed from outside, out of memory) says so; the page does not wait for
    # ever. Its first progress tick (set as the job starts: a moving bar with no value) shows within a
    # second of Run once the page is drawn (its panels computed); 2 s here, where SwiftShader's frames
    # hold the page's thread and delay its polls (a job's progress is asked for every 250 ms).
    deadline = time.time() + 60
    while "drawn" not in driver.execute_script("return document.querySelector('#compute-panel').className"):
        assert time.time() < deadline, "the panels were never drawn"
        time.sleep(0.1)
    before = processes()
    driver.execute_script("""
        const bar = document.querySelector('#fleet-progress'), started = performance.now();
        window.firstTickMs = null;
        new MutationObserver((changes, observer) => {
            window.firstTickMs = performance.now() - started;
            observer.disconnect();
        }).observe(bar, {attributes: true});""")
    click(driver, "#fleet-run")
    deadline = time.time() + 30
    while (first_tick_ms := driver.execute_script("return window.firstTickMs")) is None:
        assert time.time() < deadline, "the job's bar never moved"
        time.sleep(0.05)
    print(f"first progress tick {first_tick_ms:.0f} ms after Run")
    assert first_tick_ms < 2000.0
    deadline = time.time() + 30
    while not (started := processes() - before):
        assert time.time() < deadline, "the job runs in no process of its own"
        time.sleep(0.1)
    time.sleep(1.0)
    for process in started:
        process.kill()
    wait_text(driver, "#fleet-message", ["The job failed: its process ended without an answer"], timeout=30)
    assert not driver.execute_script("return document.querySelector('#fleet-run').disabled")

    before = processes()
    click(driver, "#fleet-run")
    wait_progress(driver, "fleet", 1)  # the first of two chunks of 200 planes is done
    jobs = processes() - before
    assert jobs, "the job runs in no process of its own"
    click(driver, "#fleet-cancel")
    deadline = time.time() + 30
    while driver.execute_script("return document.querySelector('#fleet-run').disabled"):
        assert time.time() < deadline, "cancel did not end the job"
        time.sleep(0.2)
    # Cancel says so and resets the bar.
    wait_text(driver, "#fleet-message", ["cancelled"], timeout=10)
    assert driver.execute_script("return document.querySelector('#fleet-progress').value") == 0
    assert not fleet_histogram(driver), "a cancelled job drew its figure"
    time.sleep(1)
    assert not [p for p in jobs if p.is_running() and p.status() != psutil.STATUS_ZOMBIE], \
        "the job's process still runs"
    # Run again: the cancelled job's hold on the result lapses and the job finishes.
    click(driver, "#fleet-run")
    wait_text(driver, "#fleet-message", ["4,000 satellites in 400 planes", "on this machine"], timeout=120)
    assert sum(fleet_histogram(driver).values()) == 4000
    # A result belongs to its scenario: another scenario (here from a link followed in the page)
    # clears it rather than leave it under the new panels.
    driver.execute_script("history.pushState({}, '', '/?preset=demo');"
                          "window.dispatchEvent(new PopStateEvent('popstate'))")
    duo.wait_for_text_to_equal("#globe-status", "ready: 72 satellites", timeout=60)
    wait_text(driver, "#fleet-graph", ["Run the fleet year"], timeout=30)
    assert page_text(driver, "#fleet-message") == "" and not fleet_histogram(driver)

    # Too big a job is refused with the engine's reason next to its button; the page goes on.
    driver.get(duo.server.url + "/?preset=custom&sso=0&altitude=550&inclination=53&satellites=40000&planes=40000")
    duo.wait_for_text_to_equal("#globe-status", "ready: 40,000 satellites", timeout=60)
    click(driver, "#fleet-run")
    wait_text(driver, "#fleet-message", ["The job failed: fleet year: 40,000 planes", "fewer planes"], timeout=60)
    assert not driver.execute_script("return document.querySelector('#fleet-run').disabled")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=30):
    deadline = time.time() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            assert time.time() < deadline, f"nothing listens on port {port}"
            time.sleep(0.1)


class Services:
    """redis-server on a free loopback port, the app served with REDIS_URL pointing at it, and Celery
    workers started on demand; everything is stopped at the end."""

    def __init__(self, tmp_path):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is not installed (make test installs Debian's redis-server)")
        self.redis_port, app_port = free_port(), free_port()
        self.redis = subprocess.Popen(["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
                                       "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                                      stdout=subprocess.DEVNULL)
        wait_port(self.redis_port)
        self.env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
                    "ORBITAL_JOB_REDELIVER_S": "4",
                    "ORBITAL_CACHE_DIR": tempfile.mkdtemp(prefix="orbital-results-", dir=tmp_path),
                    "ORBITAL_JOBS_DIR": tempfile.mkdtemp(prefix="orbital-jobs-", dir=tmp_path)}
        self.app = subprocess.Popen([sys.executable, "app.py", "--port", str(app_port)], cwd=ROOT, env=self.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.workers = []
        self.base = f"http://127.0.0.1:{app_port}"
        wait_port(app_port, 60)

    def start_worker(self):
        worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "components.jobs.tasks:celery_app", "worker", "--pool",
                                   "prefork", "--concurrency", "1", "--loglevel", "WARNING"], cwd=ROOT,
                                  env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        self.workers.append(worker)
        return worker

    def healthy(self):
        with urllib.request.urlopen(self.base + "/health", timeout=10) as answer:
            return answer.status == 200 and self.app.poll() is None

    def stop(self):
        for process in [*self.workers, self.app, self.redis]:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture
def services(tmp_path):
    running = Services(tmp_path)
    try:
        yield running
    finally:
        running.stop()


def open_page(services, link="/?preset=demo"):
    """Headless Chromium on the served app, waiting for the page to say jobs run on Celery."""
    driver = webdriver.Chrome(options=chromium_options())
    driver.get(services.base + link)
    wait_text(driver, "#jobs-status", ["Celery"], timeout=90)
    return driver


def wait_progress(driver, name, at_least, timeout=90):
    deadline = time.time() + timeout
    while driver.execute_script(f"return Number(document.querySelector('#{name}-progress').value)") < at_least:
        assert time.time() < deadline, f"the {name} job made no progress"
        time.sleep(0.2)


def test_celery_worker_killed_mid_job_the_job_runs_again_and_matches_in_process(services):
    worker = services.start_worker()
    driver = open_page(services)
    try:
        time.sleep(3)
        click(driver, "#sweep-run")
        wait_progress(driver, "sweep", 2)
        # The worker dies (its main process and the pool process running the job). The job was
        # acknowledged late, so Redis still holds it: the next worker to start takes it back once
        # ORBITAL_JOB_REDELIVER_S has passed since it was handed out, and runs it again.
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
        assert services.healthy()  # the server keeps serving
        time.sleep(4)
        services.start_worker()
        grid = sweep_grid(driver, timeout=180)
        assert "on a Celery worker" in page_text(driver, "#sweep-message")
    finally:
        driver.quit()
    assert np.allclose(grid, sweep(2026), atol=1e-9)


def test_a_fleet_year_on_celery_is_shared_with_idle_workers_and_equals_in_process(services):
    services.start_worker()
    services.start_worker()
    driver = open_page(services, "/?preset=custom&sso=0&altitude=550&inclination=53&satellites=1200&planes=600")
    try:
        time.sleep(3)
        click(driver, "#fleet-run")
        message = wait_text(driver, "#fleet-message", ["1,200 satellites in 600 planes", "on a Celery worker",
                                                       "chunks shared by 2 worker processes"], timeout=180)
        histogram = driver.execute_script(
            "const p = document.querySelector('#fleet-graph .js-plotly-plot');"
            "return Object.fromEntries(p.data.map(t => [t.name, Array.from(t.y)]))")
    finally:
        driver.quit()
    expected = fleet_year(ViewState(preset="custom", sun_synchronous=False, altitude_km=550,
                                            inclination_deg=53, satellites=1200, planes=600))
    assert f"sunlit {expected['sunlit_fraction']:.4f} of the year" in message
    assert histogram == {name: row.tolist() for name, row in zip(expected["group_names"], expected["histogram"])}


def test_traffic_chunks_shared_with_two_celery_workers_equal_in_process(services, monkeypatch):
    """The traffic job's run_chunks on Celery (SharedChunks of orbital.traffic_chunk tasks): two of the
    30° shells of spacex-odc (100,000 satellites each, approaches within 2.4 km), shared between this
    process and two workers, give what this process alone gives; the workers answer with summaries."""
    from components.jobs import manager as jobs
    from components.model.engine import traffic_chunk

    services.start_worker()
    services.start_worker()
    app = jobs.celery_for(services.env["REDIS_URL"])
    deadline = time.time() + 60
    while len(app.control.ping(timeout=1.0) or []) < 2:
        assert time.time() < deadline, "the two Celery workers did not start"
    monkeypatch.setattr(jobs, "celery_app", lambda: app)
    view = ViewState(preset="spacex-odc")
    constellation = view.constellation()
    chunks = [["rigid", [g]] for g, group in enumerate(constellation.groups) if group.inclination_deg == 30.0][:2]
    shared = jobs.SharedChunks(jobs.TRAFFIC_CHUNK_TASK, lambda chunk: (view.to_store(), chunk))
    parts = shared(chunks, lambda chunk: traffic_chunk(view, chunk))
    assert len(shared.processes) >= 2
    alone = [json.loads(json.dumps(traffic_chunk(view, chunk))) for chunk in chunks]
    assert parts == alone
    assert sum(part["approaches"] for part in parts) > 1e6 and all(len(part["closest"]) == 1000 for part in parts)
    assert len(json.dumps(parts)) < 1_000_000


def test_results_are_shared_in_redis_and_when_redis_stops_jobs_and_panels_carry_on_here(services):
    import redis

    client = redis.Redis(port=services.redis_port)
    services.start_worker()
    driver = open_page(services)
    try:
        wait_text(driver, "#compute-facts", ["H100"], timeout=90)
        assert client.keys("orbital:results:yearly:*"), "the panels' results are not kept in Redis"
        assert int(client.get("orbital:results:stats:computed")) >= 3
        click(driver, "#sweep-run")
        wait_progress(driver, "sweep", 1)
        services.redis.terminate()
        services.redis.wait(10)
        # The job handed to Celery is reported as failed, with the reason, next to its button.
        wait_text(driver, "#sweep-message", ["The job failed", "Redis went away"], timeout=60)
        wait_text(driver, "#jobs-status", ["cannot be reached", "this machine instead"])
        assert not driver.execute_script("return document.querySelector('#sweep-run').disabled")
        # A new job runs on this machine; a new scenario's panels are computed here too.
        click(driver, "#fleet-run")
        wait_text(driver, "#fleet-message", ["72 satellites in 11 planes", "on this machine"], timeout=60)
        driver.get(services.base + "/?preset=demo&pue=1.3")
        wait_text(driver, "#jobs-status", ["cannot be reached"], timeout=60)
        deadline = time.time() + 90
        while "drawn" not in driver.execute_script("return document.querySelector('#compute-panel').className"):
            assert time.time() < deadline, "the panels were not drawn with Redis gone"
            time.sleep(0.3)
        assert services.healthy()
    finally:
        driver.quit()


def test_a_job_forked_while_the_server_computes_does_not_wait_on_the_servers_locks(monkeypatch):
    """Disk-queue jobs are forked from the server while its other threads compute. A thread inside a
    State's Sun position and threads holding every compute slot must not leave the child waiting
    on copies of their locks (functools.cached_property's lock in Python 3.11 did: the child waited
    for ever)."""
    import multiprocessing
    import threading

    import orbital
    import orbital.propagation as propagation
    from components.jobs import results

    real = propagation.sun_teme_km
    inside, release = threading.Event(), threading.Event()

    def held_sun(t):
        if threading.current_thread().name == "holder":
            inside.set()
            release.wait(60)
        return real(t)

    monkeypatch.setattr(propagation, "sun_teme_km", held_sun)
    t = orbital.times("2026-06-21T00:00:00Z", hours=1, step_s=600)
    held = orbital.propagate(orbital.preset("demo"), t)
    holder = threading.Thread(target=lambda: held.sun_teme_km, name="holder")
    def hold_a_slot():
        with results.computing:
            release.wait(60)

    slots = [threading.Thread(target=hold_a_slot) for _ in range(results.COMPUTE_SLOTS)]
    holder.start()
    for thread in slots:
        thread.start()
    assert inside.wait(10)
    time.sleep(0.2)

    def job():
        with results.computing:
            state = orbital.propagate(orbital.preset("demo"), t)
            assert state.sun_teme_km.shape == (len(t), 3)

    child = multiprocessing.get_context("fork").Process(target=job)
    child.start()
    child.join(30)
    finished = child.exitcode
    if finished is None:
        child.kill()
    release.set()
    holder.join()
    for thread in slots:
        thread.join()
    assert finished == 0, "the forked job waited on a lock held by another of the server's threads"


def test_redis_that_cannot_be_reached_leaves_jobs_and_results_on_this_machine(monkeypatch):
    import components.jobs.manager as jobs
    import components.jobs.results as results

    monkeypatch.setattr(jobs, "REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    monkeypatch.setitem(jobs._checked, "at", -1e9)
    assert "cannot be reached" in jobs.status_line() and "this machine" in jobs.status_line()
    assert isinstance(results.store(), results.DiskStore)


def test_close_approaches_are_marked_on_the_globe_and_a_marker_selects_its_satellite(dash_duo):
    """Starlink's 550 km shell at f = 1 (a custom shell's phasing): every satellite passes a neighbour
    3.373 km away twice an orbit; after the traffic job, markers show as the clock passes them."""
    link = "/?preset=custom&sso=0&altitude=550&inclination=53&satellites=1584&planes=72"
    duo = open_dashboard(dash_duo, link, "ready: 1,584 satellites")
    driver = duo.driver
    click(driver, "#traffic-run")
    wait_text(driver, "#traffic-message", ["for custom: 1,584 satellites, 1,584 pairs within 5 km", "on the globe"])
    deadline = time.time() + 30
    while driver.execute_script("return window.orbitalGlobe.approachesShown()") == 0:
        assert time.time() < deadline, "no close approach was marked"
        time.sleep(0.3)
    assert "3.373" in page_text(driver, "#traffic-table")
    assert "a satellite-year (Starlink ~38); 47,724 approaches a day ≤ 5 km" in page_text(driver, "#verdict-strip")
    # Clicking a marker selects its pair: the first as the selection, the second ringed beside it.
    canvas = driver.find_element("css selector", "#globe canvas")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    mark = driver.execute_script("return window.orbitalGlobe.approachOnCanvas()")
    assert mark and 0 < mark["x"] < canvas.size["width"] and 0 < mark["y"] < canvas.size["height"]
    ActionChains(driver).move_to_element_with_offset(canvas, mark["x"], mark["y"]).click().perform()
    deadline = time.time() + 20
    while driver.execute_script("return [window.orbitalGlobe.selected(), window.orbitalGlobe.partner()]") != [
            mark["first"], mark["second"]]:
        assert time.time() < deadline, "clicking the marker did not select its pair"
        time.sleep(0.2)
    assert f"(#{mark['first']})" in page_text(driver, "#selection-label")
