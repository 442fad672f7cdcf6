"""The cases of an attacker's first hour (issue 13), each a test: memory bombs refused before they
allocate, private state folders, nothing unpickled, uploads bounded, names shown as text, exports
atomic. Serving-side cases with the app's test client; command-line cases as a user runs them."""

import errno
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def http():
    from app import server

    client = server.test_client()
    client.get("/")
    return client


def callback(http, output, inputs, state=()):
    """POST one callback request as the renderer would; the response."""
    from app import app

    spec = app.callback_map[output]
    outputs = ([{"id": o.split(".")[0], "property": o.split(".")[1]} for o in output.strip(".").split("...")]
               if output.startswith("..") else {"id": output.split(".")[0], "property": output.split(".")[1]})
    body = {"output": output, "outputs": outputs, "changedPropIds": [f"{spec['inputs'][0]['id']}.value"],
            "inputs": [{**i, "value": v} for i, v in zip(spec["inputs"], inputs)],
            "state": [{**s, "value": v} for s, v in zip(spec.get("state", []), state)]}
    return http.post("/_dash-update-component", json=body)


def panels_output():
    from app import app

    return next(o for o in app.callback_map if "season-graph.figure" in o)


def test_1_a_scenario_asking_for_millions_of_time_steps_is_refused_at_once(http):
    """The window's step and length are the server's: a client's step_s of 5 ms is refused (400) at
    once, where it took 23 s and 4.4 GB before."""
    from components.model.state import ViewState

    planted = {**ViewState(preset="custom", satellites=1, planes=1).to_store(), "step_s": 0.005, "window_h": 48}
    started = time.perf_counter()
    answer = callback(http, panels_output(), [planted])
    assert answer.status_code == 400 and "scenario" in answer.get_data(as_text=True)
    assert time.perf_counter() - started < 2.0


def test_3_state_folders_are_private_and_an_unsafe_one_is_refused_at_start(tmp_path):
    from components.jobs import folders

    unsafe = tmp_path / "shared"
    unsafe.mkdir(mode=0o777)
    os.chmod(unsafe, 0o777)
    env = {**os.environ, "ORBITAL_JOBS_DIR": str(unsafe), "ORBITAL_CACHE_DIR": str(tmp_path / "results"),
           "ORBITAL_CATALOGUES_DIR": str(tmp_path / "catalogues")}
    started = subprocess.run([sys.executable, "app.py", "--port", "1"], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)
    assert started.returncode == 2
    assert started.stderr.strip().splitlines()[-1].startswith("app.py: error: ORBITAL_JOBS_DIR:")
    assert "written by its group or by others" in started.stderr
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    for variable in folders.FOLDERS:
        env.pop(variable)
    script = "from components.jobs import folders; print([str(folders.private(v)) for v in folders.FOLDERS])"
    made = json.loads(subprocess.run([sys.executable, "-c", script.replace("print(", "import json; print(json.dumps(")
                                      + ")"], cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout)
    for path in map(Path, made):
        assert path.is_relative_to(tmp_path / "xdg" / "orbital-compute")
        assert path.stat().st_mode & 0o777 == 0o700


def test_3_a_pickle_planted_in_the_disk_results_is_refused_not_run(tmp_path, monkeypatch):
    """A row written by pickle into the results' diskcache (as a local user could, were the folder
    theirs to write) is refused and computed again; the command in it never runs."""
    import diskcache

    import components.jobs.results as results

    monkeypatch.setenv("ORBITAL_CACHE_DIR", str(tmp_path / "results"))
    monkeypatch.setattr(results, "_stores", {})
    marker = tmp_path / "ran"
    planted = type("Planted", (), {"__reduce__": lambda self: (os.system, (f"touch {marker}",))})()
    key = results.result_key("sweep", 0, ())
    results.store()  # creates the private folder
    diskcache.Cache(str(tmp_path / "results")).set(key, planted)  # diskcache's default: pickled
    assert results.shared("sweep", 0, lambda s: np.zeros(3)).tolist() == [0, 0, 0]
    assert not marker.exists()


def test_3_the_jobs_queue_holds_json_and_refuses_a_pickled_row(tmp_path):
    import diskcache

    from components.jobs.storage import JsonDisk, Refused

    cache = diskcache.Cache(str(tmp_path), disk=JsonDisk)
    cache.set("progress", ["1", "3"])
    assert cache.get("progress") == ["1", "3"]
    diskcache.Cache(str(tmp_path)).set("secret", {"planted": 1})  # diskcache's default disk pickles a dict
    with pytest.raises(Refused):
        cache.get("secret")


def test_4_uploaded_catalogues_are_bounded_least_recently_used_out(tmp_path, data_dir):
    from components.jobs.catalogues import CatalogueStore

    text = (data_dir / "sample.tle").read_text()
    one = len(text.encode())
    store = CatalogueStore(tmp_path, limit_bytes=int(2.5 * one))
    keys = []
    for k in range(3):  # three different texts of the same size: the same records, another comment line
        key, _ = store.put(f"# {k}\n" + text[len(f"# {k}\n"):] if False else text + f"# {k}\n")
        keys.append(key)
        time.sleep(0.01)
    kept = {path.stem for path in tmp_path.glob("*.txt")}
    assert kept == {keys[1], keys[2]}
    store.load(keys[1])  # used: now the most recent
    key, _ = store.put(text + "# 3\n")
    assert {path.stem for path in tmp_path.glob("*.txt")} == {keys[1], key}


def run_cli(*args, stdin=None, timeout=60):
    return subprocess.run([sys.executable, "-m", "components.cli", *args], cwd=ROOT, capture_output=True, timeout=timeout,
                          input=stdin)


def test_5_a_one_line_omm_on_standard_input_is_read_and_a_bad_one_is_quoted_briefly():
    iss = {"OBJECT_NAME": "ISS", "OBJECT_ID": "1998-067A", "EPOCH": "2026-06-20T12:00:00.000000", "MEAN_MOTION": 15.5, "ECCENTRICITY": 0.0004,
           "INCLINATION": 51.64, "RA_OF_ASC_NODE": 120.0, "ARG_OF_PERICENTER": 80.0, "MEAN_ANOMALY": 280.0,
           "EPHEMERIS_TYPE": 0, "CLASSIFICATION_TYPE": "U", "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999,
           "REV_AT_EPOCH": 1000, "BSTAR": 0.0001, "MEAN_MOTION_DOT": 0.0001, "MEAN_MOTION_DDOT": 0}
    good = run_cli("positions", "--tle", "-", "--at", "2026-06-21T00:00:00Z", "--json",
                   stdin=json.dumps([iss] * 3).encode())
    assert good.returncode == 0 and len(json.loads(good.stdout)) == 3
    bad = run_cli("positions", "--tle", "-", "--at", "2026-06-21T00:00:00Z",
                  stdin=json.dumps([{"OBJECT_NAME": "x" * 100_000}] * 20).encode())
    assert bad.returncode == 2 and len(bad.stderr) < 300 and bad.stderr.count(b"\n") == 1


def test_6_the_command_lines_memory_bombs_are_refused_before_allocating():
    started = time.perf_counter()
    year = run_cli("sunlit", "--preset", "spacex-odc", "--start", "2026-01-01T00:00:00Z", "--days", "365",
                   "--step-s", "1", "--sample", "1000000")
    assert year.returncode == 2 and b"steps" in year.stderr and year.stderr.count(b"\n") == 1
    device = run_cli("positions", "--tle", "/dev/zero", "--at", "2026-06-21T00:00:00Z")
    assert device.returncode == 2 and b"larger than" in device.stderr
    endless = run_cli("positions", "--tle", "-", "--at", "2026-06-21T00:00:00Z", stdin=b"1" * (65 * 1024 * 1024))
    assert endless.returncode == 2 and b"larger than" in endless.stderr
    assert time.perf_counter() - started < 45


@pytest.mark.parametrize("url, status", [
    ("/export/report.html?preset=custom&planes=inf", 400), ("/export/report.html?preset=custom&planes=1e400", 400),
    ("/export/report.html?preset=demo&sat=%C2%B2", 200), ("/?t=inf", 200), ("/_dash-component-suites/dash/x.js", 404),
])
def test_7_odd_requests_answer_4xx_or_work_never_500(http, url, status):
    assert http.get(url).status_code == status


def test_8_callback_bodies_are_small_and_only_the_upload_reads_more(http):
    from app import REQUEST_BYTES

    answer = http.post("/_dash-update-component", data=b"{" + b" " * (4 * REQUEST_BYTES) + b"}",
                       headers={"Content-Type": "application/json"})
    assert answer.status_code == 413


HOSTILE = '<a href="https://evil.example/">E</a><span style="font-size:200px">big</span>'


def test_9_a_satellite_name_is_shown_as_text_in_the_panels_and_the_report(tmp_path, data_dir):
    from components.jobs.catalogues import CatalogueStore
    from components.model.report import panel_figures, report_html
    from components.model.state import ViewState

    _, l1, l2 = (data_dir / "sample.tle").read_text().splitlines()[:3]
    store = CatalogueStore(tmp_path)
    key, _ = store.put(f"{HOSTILE}\n{l1}\n{l2}\n")
    import components.model.state as state

    original = state.catalogue_store
    state.catalogue_store = lambda: store
    state._constellation.cache_clear()
    try:
        view = ViewState(preset="catalogue", catalogue=key)
        figures = panel_figures(view)
        page = report_html(view)
    finally:
        state.catalogue_store = original
        state._constellation.cache_clear()
    title = figures["solar"].layout.title.text
    assert "<a " not in title and "<span" not in title and "&lt;a href" in title
    assert "<a href=\"https://evil.example/\">" not in page and 'font-size:200px">' not in page


def test_11_covered_in_test_results_redis():
    """Planted Redis values of an allowed type, and keys the store did not write: tests/test_results_redis.py."""
    import test_results_redis

    assert hasattr(test_results_redis, "test_a_planted_value_of_the_wrong_shape_is_discarded_and_computed_again")


def export(*args):
    return subprocess.run([sys.executable, "-m", "components.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)


def test_12_exports_are_refused_before_anything_is_created(tmp_path):
    for formats, reason in (("gif", "'gif' is not one of"), (",", "at least one")):
        out = tmp_path / f"out-{len(reason)}"
        result = export("export", "--preset", "demo", "--out", str(out), "--format", formats)
        assert result.returncode == 2 and reason in result.stderr and not out.exists()
    (tmp_path / "file").write_text("x")
    result = export("export", "--preset", "demo", "--out", str(tmp_path / "file"), "--format", "svg")
    assert result.returncode == 2 and "is not a folder" in result.stderr


def test_12_an_export_that_fails_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    from components import export as exporting
    from components.model.state import ViewState
    from orbital import OrbitalError

    monkeypatch.setattr(exporting, "panel_images", lambda figures, image_format: {"solar": b"1", "season": b"2"})
    monkeypatch.setattr(exporting, "report_html", lambda view, selection: "<html></html>")
    written = []
    real = Path.write_bytes

    def fill_up(self, data):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(self)
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", fill_up)
    with pytest.raises(OrbitalError, match="No space left"):
        exporting.export(ViewState(preset="demo"), tmp_path / "out", ["png"])
    assert list((tmp_path / "out").iterdir()) == []


def test_12_an_output_that_cannot_be_written_is_one_line_and_status_2():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "orbital", "sources"], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "cannot write" in result.stderr


def test_no_module_of_the_project_unpickles():
    hits = subprocess.run(["git", "grep", "-nE", r"pickle\.loads?\(|allow_pickle *= *True|Unpickler", "--",
                           "*.py", ":!tests"], cwd=ROOT, capture_output=True, text=True)
    assert hits.stdout == ""
    assert pickle  # the tests themselves plant pickles to show they are refused


def sleepy(seconds):
    """A job that sleeps (the pool test's stand-in for a fleet year)."""
    time.sleep(seconds)
    return "done"


def test_2_the_job_pool_runs_at_most_its_bound_and_one_job_a_page(tmp_path, monkeypatch):
    """Ten pages ask for a job at once: two run (ORBITAL_JOBS_MAX=2), eight are refused at once with the
    reason and start no process; a page that runs a job cannot start another; when they end, new ones run."""
    import diskcache
    import psutil
    from dash import DiskcacheManager

    from components.jobs import manager as jobs
    from components.jobs.storage import JsonDisk

    monkeypatch.setattr(jobs, "MAX_JOBS", 2)
    disk = DiskcacheManager(diskcache.Cache(str(tmp_path), disk=JsonDisk))
    manager = jobs.JobManager(None, disk)
    disk.func_registry["sleepy"] = disk.make_job_fn(sleepy, False, "sleepy")
    before = len(psutil.Process().children(recursive=True))
    handles = [manager.call_job_fn(f"key{k}", "sleepy", [1.5], {"args": {"endId": f"page{k}"}}) for k in range(10)]
    started = [h for h in handles if h.startswith("disk:")]
    refused = [h for h in handles if h.startswith("refused:")]
    assert len(started) == 2 and len(refused) == 8 and "its most" in refused[0]
    assert len(psutil.Process().children(recursive=True)) - before == 2
    again = manager.call_job_fn("key-again", "sleepy", [0], {"args": {"endId": "page0"}})
    assert again.startswith("refused:") and "already runs a job" in again
    assert manager.result_ready("key5") and "not started" in manager.get_result("key5", handles[5])[manager.FAILED]["msg"]
    deadline = time.time() + 30
    while any(manager.job_running(h) for h in started):
        assert time.time() < deadline
        time.sleep(0.1)
    assert manager.get_result("key0", handles[0]) == "done"
    assert manager.call_job_fn("key-later", "sleepy", [0], {"args": {"endId": "page0"}}).startswith("disk:")


def test_3_a_forged_job_handle_cannot_have_the_server_kill_another_process(tmp_path):
    """Even with the signing secret, a handle naming a process the pool did not start kills nothing."""
    import diskcache
    from dash import DiskcacheManager

    from components.jobs import manager as jobs
    from components.jobs.storage import JsonDisk

    manager = jobs.JobManager(None, DiskcacheManager(diskcache.Cache(str(tmp_path), disk=JsonDisk)))
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        manager.terminate_job(f"disk:{bystander.pid}")
        assert manager.terminate_unhealthy_job(f"disk:{bystander.pid}") is False
        time.sleep(0.5)
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()
