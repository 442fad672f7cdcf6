"""The server under hand-made and fuzzed requests: a clear 4xx, never a 500, and it keeps serving."""

import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client():
    from app import app, server

    logging.getLogger(server.logger.name).setLevel(logging.CRITICAL)
    return app, server.test_client()


def test_health(client):
    _, http = client
    answer = http.get("/health")
    assert answer.status_code == 200 and answer.json == {"status": "ok"}


def test_embeds_answer_for_their_views_and_404_for_others(client):
    from app import EMBED_VIEWS

    _, http = client
    assert all(http.get(f"/embed/{view}").status_code == 200 for view in EMBED_VIEWS)
    assert http.get("/embed/nope").status_code == 404 and http.get("/embed/globe/x").status_code == 404
    # The 404 names the views there are, each a link, and escapes what it was given.
    answer = http.get("/embed/<b>xyz")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 404 and answer.mimetype == "text/html" and "&lt;b&gt;xyz" in text
    assert all(f'href="/embed/{view}"' in text for view in EMBED_VIEWS)
    # The browser lays out the same views.
    script = (ROOT / "assets" / "links.mjs").read_text()
    assert f"/^\\/embed\\/({'|'.join(EMBED_VIEWS)})\\/?$/" in script


def test_the_page_runs_the_browser_modules_before_dash_starts(client):
    """The browser's ES modules (assets/*.mjs) are not among Dash's classic scripts: Dash's renderer
    imports the entry module and starts once it has run, so the clientside functions exist first."""
    _, http = client
    page = http.get("/").get_data(as_text=True)
    assert ".mjs" not in " ".join(re.findall(r"<script[^>]*>", page))
    renderer = re.search(r'<script id="_dash-renderer"[^>]*>(.*?)</script>', page, re.S).group(1)
    assert renderer.startswith('import("/assets/main.mjs").catch(console.error).finally(() => {')
    assert "new DashRenderer(" in renderer.split(".finally(", 1)[1]
    for name in ("main.mjs", "dash.mjs", "globe.mjs"):
        module = http.get(f"/assets/{name}")
        assert module.status_code == 200 and module.mimetype in ("text/javascript", "application/javascript")


def fuzzed_bodies(app, count, seed=3):
    """Callback request bodies: garbage, wrong shapes, and real outputs with values of every wrong kind."""
    rng = np.random.default_rng(seed)
    outputs = sorted(app.callback_map)
    values = [None, 0, -1, 1e308, "x" * 1000, [], {}, [1, "a"], {"preset": 5}, True, "../../etc/passwd"]
    yield b""
    yield b"\xff\xfe\x00garbage"
    yield b"[]"
    yield b'{"output": 5}'
    yield json.dumps({"output": outputs[0], "inputs": "nope"}).encode()
    for _ in range(count):
        output = outputs[rng.integers(len(outputs))]
        spec = app.callback_map[output]
        inputs = [{"id": i["id"], "property": i["property"], "value": values[rng.integers(len(values))]}
                  for i in spec["inputs"]]
        state = [{"id": s["id"], "property": s["property"], "value": values[rng.integers(len(values))]}
                 for s in spec.get("state", [])]
        body = {"output": output, "outputs": [], "inputs": inputs, "state": state,
                "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs[:1]]}
        if rng.random() < 0.3:
            body.pop(["outputs", "inputs", "changedPropIds"][rng.integers(3)])
        yield json.dumps(body).encode()


def test_fuzzed_callback_requests_get_4xx_and_the_server_keeps_serving(client):
    app, http = client
    statuses = {}
    for body in fuzzed_bodies(app, 300):
        answer = http.post("/_dash-update-component", data=body, headers={"Content-Type": "application/json"})
        statuses.setdefault(answer.status_code, 0)
        statuses[answer.status_code] += 1
        assert answer.status_code != 500, body[:300]
    assert statuses.get(400, 0) > 100
    # A well-formed request still works afterwards.
    real = {"output": "custom-shell.disabled", "outputs": {"id": "custom-shell", "property": "disabled"},
            "inputs": [{"id": "preset", "property": "value", "value": "custom"}], "changedPropIds": ["preset.value"]}
    assert http.get("/").status_code == 200
    answer = http.post("/_dash-update-component", json=real)
    assert answer.status_code == 200 and answer.json["response"]["custom-shell"]["disabled"] is False


@pytest.mark.parametrize("query, message", [
    ("preset=moon", "preset"), ("preset=custom&satellites=0", "satellites"),
    ("preset=catalogue&catalogue=../../etc/passwd", "catalogue"), ("preset=demo&pue=0.5", "pue"),
])
def test_exports_refuse_bad_scenarios_with_the_reason(client, query, message):
    _, http = client
    answer = http.get(f"/export/report.html?{query}")
    assert answer.status_code == 400 and message in answer.get_data(as_text=True)


def test_panels_export_refuses_an_unknown_format(client):
    _, http = client
    answer = http.get("/export/panels.gif.zip?preset=demo")
    assert answer.status_code == 400 and "format" in answer.get_data(as_text=True)


def test_results_are_computed_once_for_every_process(tmp_path):
    """Two processes asking for the same scenario's year: the second reads what the first computed."""
    import subprocess
    import sys

    script = ("import json; from components.jobs.results import shared, statistics; "
              "from components.model.engine import yearly; from components.model.state import ViewState; "
              "r = yearly(ViewState(preset='demo')); "
              "print(json.dumps([r.sunlight.sunlit_fraction, statistics()]))")
    env = {**__import__("os").environ, "ORBITAL_CACHE_DIR": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                      check=True).stdout) for _ in range(2)]
    assert runs[0][0] == runs[1][0]
    assert runs[0][1]["computed"] == 1 and runs[0][1]["hits"] == 0
    assert runs[1][1]["computed"] == 1 and runs[1][1]["hits"] == 1


def test_a_computation_killed_midway_frees_its_result_for_the_next_within_the_lease(tmp_path, monkeypatch):
    """A job cancelled or a worker killed while computing a shared result: the next request for it
    waits for the dead one's lease to lapse (not for ever), then computes it itself."""
    import os
    import subprocess
    import sys
    import time

    from components.jobs.results import DiskStore, shared

    # The dying process holds a short lease (it renews it every third of it), so the wait is seconds.
    lease_s = 4.0
    script = (f"import time; import components.jobs.results as r; r.LEASE_S = {lease_s}; "
              "r.shared('slow', 'scenario', lambda s: print('computing', flush=True) or time.sleep(600))")
    dying = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "ORBITAL_CACHE_DIR": str(tmp_path)})
    assert dying.stdout.readline().strip() == "computing"
    time.sleep(1)
    dying.kill()
    dying.wait()
    import components.jobs.results as results

    results._stores.clear()
    monkeypatch.setenv("ORBITAL_CACHE_DIR", str(tmp_path))
    try:
        started = time.monotonic()
        assert shared("slow", "scenario", lambda s: 42) == 42
        waited = time.monotonic() - started
        assert isinstance(results.store(), DiskStore)
    finally:
        results._stores.clear()
    assert 1.0 < waited < lease_s + 3.0  # it did wait for the dead one's lease, and no longer


def test_uploads_go_to_their_route_and_bad_ones_are_refused_with_a_message(client, data_dir):
    from components.ui.controls import MAX_UPLOAD_BYTES

    _, http = client
    too_big = http.post("/upload?name=huge.tle", data=b"1" * (MAX_UPLOAD_BYTES + 1))
    assert too_big.status_code == 413
    binary = http.post("/upload?name=x.tle", data=bytes(range(256)))
    assert binary.status_code == 200 and "x.tle: not a text file" in binary.json["refused"]
    garbage = http.post("/upload?name=y.tle", data=b"hello")
    assert garbage.status_code == 200 and "y.tle" in garbage.json["refused"]
    assert not binary.json["skippable"] and not garbage.json["skippable"]  # skipping cannot help these
    good = http.post("/upload?name=sample.tle", data=(data_dir / "sample.tle").read_bytes())
    assert good.status_code == 200 and len(good.json["key"]) == 64 and good.json["skipped"] == 0
    assert good.json["note"] == "sample.tle"


def test_an_upload_lists_every_bad_record_with_its_line_and_names_those_it_skipped(client, data_dir):
    """Refused: each bad record (the first 50) on a line with its line number and reason, and the box to
    skip them offered; skipped: the note names each record skipped."""
    _, http = client
    lines = (data_dir / "sample.tle").read_text().splitlines()  # three 3LE records, lines 1–9
    lines[2] = lines[2][:-1] + str((int(lines[2][-1]) + 1) % 10)  # line 3: its checksum broken
    text = "\n".join(lines + ["1 too short"] * 60)  # lines 10–69: a line 1 each, too short
    refused = http.post("/upload?name=bad.tle", data=text.encode()).json
    listed = refused["refused"].splitlines()
    assert listed[0] == ("bad.tle: 61 bad records, the other 2 records can be read by ticking "
                         "“skip bad records”:") and refused["skippable"]
    assert listed[1].startswith("line 3: TLE line 2 checksum is")
    assert listed[2:50] == [f"line {n}: TLE line 1 has 11 characters, 69 expected" for n in range(10, 58)]
    assert listed[51:] == ["… and 11 more bad records"]
    skipped = http.post("/upload?name=bad.tle&skip=1", data=text.encode()).json
    assert skipped["key"].endswith("-skip") and skipped["skipped"] == 61
    assert skipped["note"].splitlines()[:2] == ["bad.tle: 61 bad records skipped:", listed[1]]
    every_one_bad = http.post("/upload?name=all.tle", data=b"1 too short\n1 too short").json
    assert "2 bad records, and none that can be read" in every_one_bad["refused"]
    assert not every_one_bad["skippable"]


def test_the_selected_satellites_series_download_as_csv(client):
    """Every sample of the window, its time in UTC; compute stops where the satellite is in umbra
    (throttle, the default), and the array is colder there than anywhere in sunlight."""
    import csv

    _, http = client
    answer = http.get("/export/satellite.csv?preset=demo&sat=1")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert 'filename="satellite-1.csv"' in answer.headers["Content-Disposition"]
    rows = list(csv.DictReader(answer.data.decode().splitlines()))
    assert len(rows) == 6 * 60 + 1 and rows[0]["time_utc"] == "2026-06-21T00:00:00Z" and rows[-1]["time_s"] == "21600"
    dark = [r for r in rows if float(r["sunlit_fraction"]) == 0.0]
    lit = [r for r in rows if float(r["sunlit_fraction"]) == 1.0]
    assert dark and lit and all(float(r["compute_pflops"]) == 0.0 for r in dark)
    assert max(float(r["array_temperature_c"]) for r in dark) < min(float(r["array_temperature_c"]) for r in lit)
    assert http.get("/export/satellite.csv?preset=custom&planes=inf").status_code == 400


def test_every_other_request_body_is_kept_to_a_few_kilobytes(client):
    """Only /upload reads a large body: a 1 MB callback request is refused before it is read."""
    from app import REQUEST_BYTES

    _, http = client
    big = b'{"output": "' + b"x" * (REQUEST_BYTES + 1) + b'"}'
    answer = http.post("/_dash-update-component", data=big, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413
    assert http.get("/health").status_code == 200


@pytest.mark.parametrize("url, status", [
    ("/export/report.html?preset=custom&planes=inf", 400), ("/export/report.html?preset=custom&planes=1e400", 400),
    ("/export/report.html?preset=demo&sat=%C2%B2", 200), ("/?sat=%C2%B2", 200), ("/?t=inf", 200),
    ("/_dash-component-suites/dash/x.js", 404),
])
def test_odd_links_get_a_clear_answer_never_500(client, url, status):
    _, http = client
    assert http.get(url).status_code == status


def test_a_callback_request_nested_too_deep_is_refused(client):
    _, http = client
    deep = "[" * 20000 + "]" * 20000  # within the body limit, far past any parser's depth
    answer = http.post("/_dash-update-component", data=deep, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400


def test_a_bug_answers_500_logged_with_its_traceback_and_none_sent(client, monkeypatch, caplog):
    """Only bad input becomes 400: an error of the server's own (here a KeyError planted in /health)
    is logged with its traceback and answered 500 without it."""
    app, http = client
    server = app.server

    def broken():
        return {}["missing"]

    monkeypatch.setitem(server.view_functions, "health", broken)
    logging.getLogger(server.logger.name).setLevel(logging.ERROR)
    with caplog.at_level(logging.ERROR, logger=server.logger.name):
        answer = http.get("/health")
    assert answer.status_code == 500 and answer.get_data(as_text=True) == "internal error\n"
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)


def test_the_verdict_comes_with_the_page_for_the_link_it_was_asked_for(client):
    """Dash asks for the layout from the page: the strip in it already holds the verdict of the view
    the page's link (the request's referrer) asks for, so it shows before the globe starts."""
    _, http = client
    demo = http.get("/_dash-layout", headers={"Referer": "http://localhost/?preset=demo"}).get_data(as_text=True)
    suncatcher = http.get("/_dash-layout", headers={"Referer": "http://localhost/?preset=suncatcher"}).get_data(as_text=True)
    assert '"verdict-value"' in demo and "All in, orbit costs" in demo
    assert "72 \u00d7" in demo or "72 ×" in demo, "the demo's 72 satellites"
    assert "81 \u00d7" in suncatcher or "81 ×" in suncatcher, "Suncatcher's 81 satellites"
