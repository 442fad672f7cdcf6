"""Orbital Compute Dashboard: `python app.py [--host H] [--port P] [--debug]`; `app.server` for gunicorn."""

import argparse
import os
import re
import sys
from pathlib import Path

from dash import Dash
from dash.exceptions import DashException
from flask import Response, abort, request, send_from_directory
from werkzeug.exceptions import HTTPException

import components.clock  # noqa: F401  (registers callbacks)
import components.controls  # noqa: F401
import components.globe  # noqa: F401
import components.panels  # noqa: F401
import components.presentation  # noqa: F401
from components.controls import scenario_from_link
from components.jobs import BACKGROUND_MANAGER, CELERY_APP
from components.layout import page
from components.report import panel_figures, panels_zip, report_html
from orbital import OrbitalError

ROOT = Path(__file__).resolve().parent
CESIUM_BUILD = ROOT / "node_modules" / "cesium" / "Build" / "Cesium"

app = Dash(
    __name__,
    title="Orbital Compute Dashboard",
    external_scripts=["/cesium/Cesium.js"],
    external_stylesheets=["/cesium/Widgets/widgets.css"],
    update_title=None,
    background_callback_manager=BACKGROUND_MANAGER,
)
# For Celery workers when REDIS_URL is set: `celery -A app:celery_app worker` (see components/jobs.py).
celery_app = CELERY_APP
server = app.server
# Requests larger than this are refused before they are read (uploads are limited to 16 MB, ~21 MB as base64).
server.config["MAX_CONTENT_LENGTH"] = 64 * 1024 * 1024
app.layout = page


def frame_ancestors(setting):
    """Origins allowed to frame the app, from ORBITAL_FRAME_ANCESTORS ('https://a.example http://b:8080'):
    the app's own origin always, listed hosts too, nothing broader."""
    origins = setting.split()
    for origin in origins:
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", origin):
            raise ValueError(f"ORBITAL_FRAME_ANCESTORS: {origin!r} is not an origin such as https://slides.example.com")
    return origins


try:
    server.config["FRAME_ANCESTORS"] = frame_ancestors(os.environ.get("ORBITAL_FRAME_ANCESTORS", ""))
except ValueError as exc:
    print(f"app.py: error: {exc}", file=sys.stderr)
    raise SystemExit(2) from None


@server.after_request
def framing_headers(response):
    """Embedding: frames on this site and on the hosts of ORBITAL_FRAME_ANCESTORS only."""
    origins = server.config["FRAME_ANCESTORS"]
    response.headers["Content-Security-Policy"] = "frame-ancestors " + " ".join(["'self'", *origins])
    if not origins:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


@server.route("/health")
def health():
    """For a load balancer: the app answers and its CesiumJS is installed."""
    ready = (CESIUM_BUILD / "Cesium.js").is_file()
    return {"status": "ok" if ready else "cesium missing"}, 200 if ready else 503


CALLBACK_ROUTE = "/_dash-update-component"


@server.before_request
def refuse_malformed_callbacks():
    """A callback request whose body is not the shape Dash's renderer sends, or names no callback of
    this app, gets 400 with a reason, before Dash would fail on it with a 500."""
    if request.path != CALLBACK_ROUTE or request.method != "POST":
        return None
    body = request.get_json(silent=True)
    reason = None
    if not isinstance(body, dict):
        reason = "the body is not a JSON object"
    elif not isinstance(body.get("output"), str) or body["output"] not in app.callback_map:
        reason = "the output names no callback of this app"
    elif not all(isinstance(body.get(key, []), list) for key in ("inputs", "state", "changedPropIds")):
        reason = "inputs, state and changedPropIds must be lists"
    elif not all(isinstance(item, (dict, list)) for key in ("inputs", "state") for item in body.get(key, [])):
        reason = "each input and state must be an object (or a list of them)"
    if reason:
        return Response(f"malformed callback request: {reason}\n", status=400, mimetype="text/plain")
    return None


@server.errorhandler(Exception)
def callback_value_errors(exc):
    """A callback given values of the wrong kind (a hand-made request) answers 400; other errors stay 500."""
    if isinstance(exc, HTTPException):
        return exc
    if request.path == CALLBACK_ROUTE and isinstance(exc, (TypeError, ValueError, KeyError, IndexError,
                                                                  AttributeError, DashException, OrbitalError)):
        server.logger.warning("callback request refused: %s: %s", type(exc).__name__, exc)
        return Response(f"callback request refused: {type(exc).__name__}: {exc}\n", status=400, mimetype="text/plain")
    server.logger.exception("unhandled error")
    return Response("internal error\n", status=500, mimetype="text/plain")


@server.route("/export/report.html")
def export_report():
    """The self-contained HTML report of the scenario in the query (the same names as a link)."""
    scenario, selection = scenario_of_request()
    body = report_html(scenario, selection)
    return Response(body, mimetype="text/html",
                    headers={"Content-Disposition": 'attachment; filename="orbital-report.html"'})


@server.route("/export/panels.<image_format>.zip")
def export_panels(image_format):
    """Every panel of the scenario in the query as PNG or SVG (kaleido), in a zip."""
    scenario, selection = scenario_of_request()
    try:
        data = panels_zip(panel_figures(scenario, selection), image_format)
    except OrbitalError as exc:
        abort(Response(str(exc) + "\n", status=400, mimetype="text/plain"))
    return Response(data, mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="orbital-panels-{image_format}.zip"'})


def scenario_of_request():
    """(Scenario, selected satellite) from the request's query; a bad one answers 400 with the message."""
    query = {key: request.args.getlist(key) for key in request.args}
    try:
        scenario = scenario_from_link(query)
        scenario.constellation()
    except (OrbitalError, TypeError, ValueError) as exc:
        abort(Response(f"{exc}\n", status=400, mimetype="text/plain"))
    selection = request.args.get("sat", "0")
    return scenario, int(selection) if selection.isdigit() else 0


@server.route("/cesium/<path:path>")
def cesium_file(path):
    """CesiumJS from the npm package installed by `npm ci`, served by this app (offline)."""
    if not CESIUM_BUILD.is_dir():
        abort(404)
    return send_from_directory(CESIUM_BUILD, path, max_age=86400)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the Orbital Compute Dashboard.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode with hot reload")
    args = parser.parse_args(argv)
    if not (CESIUM_BUILD / "Cesium.js").is_file():
        print("app.py: error: CesiumJS is not installed; run `npm ci` (or `make run`)", file=sys.stderr)
        return 2
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
