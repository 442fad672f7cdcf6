"""Orbital Compute Dashboard: `python app.py [--host H] [--port P] [--debug]`; `app:server` for gunicorn.

This file builds the Dash app (create_app), its routes and `main()`; the dashboard itself is in components/.
Importing it builds nothing: `app.app` and `app.server` are made by create_app() on first use.
"""

import argparse
import functools
import html
import json
import re
import sys
from pathlib import Path

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, abort, current_app, request, send_from_directory
from werkzeug.exceptions import HTTPException

from components import ui
from components.jobs import manager as jobs
from components import settings
from components.jobs.folders import FOLDERS, UnsafeFolder, private
from components.model.czml import constellation_czml
from components.model.report import panel_figures, panels_zip, report_html
from components.model.state import clock_seconds, selected_satellite, view_from_link
from components.ui.controls import MAX_UPLOAD_BYTES, upload_answer
from components.ui.layout import page
from components.ui.requests import callback_problem
from components.ui.satellite import CSV_ROUTE, satellite_csv
from components.ui.warm import start_warming
from orbital import OrbitalError

ROOT = Path(__file__).resolve().parent
CESIUM_BUILD = ROOT / "node_modules" / "cesium" / "Build" / "Cesium"
# axe-core (npm), the accessibility checker the browser tests run in each view, served by this app (offline).
AXE_BUILD = ROOT / "node_modules" / "axe-core"
# The browser's code is ES modules (assets/*.mjs): Dash serves them from assets/ but does not load them
# as its classic scripts; the page imports the entry module, which imports the rest.
BROWSER_MODULES = r"\.mjs$"
BROWSER_ENTRY = "main.mjs"


def renderer_after(entry_url, renderer):
    """Dash's renderer script, started once the module at `entry_url` (and all it imports) has run, so
    the clientside functions it registers exist before Dash calls one; started anyway if it fails."""
    return f"import({json.dumps(entry_url)}).catch(console.error).finally(() => {{ {renderer} }});"


# Request bodies, bytes: an upload at most MAX_UPLOAD_BYTES, anything else at most
# ORBITAL_REQUEST_KB (default 64): both refused (413) before they are read.
REQUEST_BYTES = settings.REQUEST_KB.value()


@functools.cache
def create_app():
    """The Dash app, one a process (Dash's callbacks are the process's): its state folders made or
    refused (UnsafeFolder), its job managers started, its callbacks registered, its routes added, and
    the presets' first answers computed in a thread (ORBITAL_WARM_PRESETS). A bad
    ORBITAL_FRAME_ANCESTORS raises ValueError."""
    for variable in FOLDERS:
        private(variable)
    ancestors = frame_ancestors(settings.FRAME_ANCESTORS.value())
    app = Dash(
        __name__,
        title="Orbital Compute Dashboard",
        external_stylesheets=["/cesium/Widgets/widgets.css"],
        update_title=None,
        background_callback_manager=jobs.start(),
        assets_ignore=BROWSER_MODULES,
    )
    app.renderer = renderer_after(app.get_asset_url(BROWSER_ENTRY), app.renderer)
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)  # for screen readers (axe-core)
    ui.register()
    app.layout = page
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES
    app.server.config["FRAME_ANCESTORS"] = ancestors
    add_routes(app.server)
    start_warming()
    return app


def app_or_exit():
    """create_app(), or exit 2 with the reason on one line (a state folder or setting refused)."""
    try:
        return create_app()
    except (UnsafeFolder, ValueError) as exc:
        print(f"app.py: error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def __getattr__(name):
    """`app.app` and `app.server` (gunicorn's `app:server`): the app create_app() builds on first use."""
    if name == "app":
        return app_or_exit()
    if name == "server":
        return app_or_exit().server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def add_routes(server):
    """This file's checks, error answers and routes, on the Flask `server` of the app."""
    server.after_request(framing_headers)
    server.before_request(refuse_unknown_embeds)
    server.before_request(limit_request_bodies)
    server.before_request(refuse_malformed_callbacks)
    server.register_error_handler(Exception, answer_errors)
    server.add_url_rule("/health", view_func=health)
    server.add_url_rule(UPLOAD_ROUTE, view_func=upload, methods=["POST"])
    server.add_url_rule("/export/report.html", view_func=export_report)
    server.add_url_rule("/export/panels.<image_format>.zip", view_func=export_panels)
    server.add_url_rule(CSV_ROUTE, view_func=export_satellite)
    server.add_url_rule("/export/constellation.czml", view_func=export_czml)
    server.add_url_rule("/cesium/<path:path>", view_func=cesium_file)
    server.add_url_rule("/axe/axe.min.js", view_func=axe_file)


def frame_ancestors(setting):
    """Origins allowed to frame the app, from ORBITAL_FRAME_ANCESTORS ('https://a.example http://b:8080'):
    the app's own origin always, listed hosts too, nothing broader."""
    origins = setting.split()
    for origin in origins:
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?", origin):
            raise ValueError(f"ORBITAL_FRAME_ANCESTORS: {origin!r} is not an origin such as https://slides.example.com")
    return origins


def framing_headers(response):
    """Embedding: frames on this site and on the hosts of ORBITAL_FRAME_ANCESTORS only."""
    origins = current_app.config["FRAME_ANCESTORS"]
    response.headers["Content-Security-Policy"] = "frame-ancestors " + " ".join(["'self'", *origins])
    if not origins:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response


def health():
    """For a load balancer: the app answers and its CesiumJS is installed."""
    ready = (CESIUM_BUILD / "Cesium.js").is_file()
    return {"status": "ok" if ready else "cesium missing"}, 200 if ready else 503


CALLBACK_ROUTE = "/_dash-update-component"
UPLOAD_ROUTE = "/upload"


# Views an /embed/<view> link shows (assets/links.mjs lays them out).
EMBED_VIEWS = ("globe", "solar", "compute", "energy", "strip", "tornado")


def refuse_unknown_embeds():
    """/embed/<view> for a view there is not answers 404 with a page naming the views there are."""
    match = re.fullmatch(r"/embed/(.*?)/?", request.path)
    if match and match.group(1) not in EMBED_VIEWS:
        items = "".join(f'<li><a href="/embed/{view}">/embed/{view}</a></li>' for view in EMBED_VIEWS)
        return Response(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No such embed</title>'
                        f"</head><body><h1>No such embed: {html.escape(match.group(1))}</h1>"
                        f"<p>The views that can be embedded (each takes the dashboard's link fields, "
                        f"e.g. ?preset=spacex-odc, and ?caption=1 adds the scenario and its date):</p><ul>{items}</ul></body></html>",
                        status=404, mimetype="text/html")


def limit_request_bodies():
    """Only the upload route reads a large body; every other request's body is kept to REQUEST_BYTES."""
    if request.path != UPLOAD_ROUTE:
        request.max_content_length = REQUEST_BYTES


def upload():
    """A catalogue file (the raw body; `?name=` its file name, `?skip=1` to skip bad records), answered
    as components.ui.controls.upload_answer says (a refusal is still a 200: the request was good);
    413 past the size limit."""
    name = request.args.get("name", "upload")[:120]
    return upload_answer(request.get_data(cache=False), name, request.args.get("skip") == "1")


def refuse_malformed_callbacks():
    """A callback request whose body is not what the named callback declares (components/ui/requests.py)
    gets 400 with the reason, before Dash dispatches it."""
    if request.path != CALLBACK_ROUTE or request.method != "POST":
        return None
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        body = None
    reason = callback_problem(body, create_app().callback_map)
    if reason:
        return Response(f"malformed callback request: {reason}\n", status=400, mimetype="text/plain")
    return None


def answer_errors(exc):
    """Bad input (OrbitalError, naming its parameter) answers 400 with the message, a component script
    Dash does not have 404; any other error is a bug: logged with its traceback, answered 500 without it."""
    if isinstance(exc, HTTPException):
        return exc
    if isinstance(exc, DependencyException):  # a script path Dash does not serve
        return Response("not found\n", status=404, mimetype="text/plain")
    if isinstance(exc, OrbitalError):
        current_app.logger.warning("request refused: %s (%s)", exc, exc.parameter)
        return Response(f"{exc}\n", status=400, mimetype="text/plain")
    current_app.logger.exception("unhandled error")
    return Response("internal error\n", status=500, mimetype="text/plain")


def export_report():
    """The self-contained HTML report of the scenario in the query (the same names as a link)."""
    view, selection, seconds = view_of_request()
    body = report_html(view, selection, seconds)
    return Response(body, mimetype="text/html",
                    headers={"Content-Disposition": 'attachment; filename="orbital-report.html"'})


def export_satellite():
    """The selected satellite's series over the window of the scenario in the query, as CSV."""
    view, selection, _ = view_of_request()
    return Response(satellite_csv(view, selection), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="satellite-{selection}.csv"'})


def export_panels(image_format):
    """Every panel of the scenario in the query as PNG or SVG (kaleido), in a zip."""
    view, selection, seconds = view_of_request()
    with jobs.one_at_a_time("export"):
        data = panels_zip(panel_figures(view, selection, seconds), image_format)
    return Response(data, mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="orbital-panels-{image_format}.zip"'})


def export_czml():
    """The constellation of the view in the query over its window as CZML (components/model/czml.py);
    400 past ORBITAL_CZML_SAMPLES_MAX."""
    view, _, _ = view_of_request()
    with jobs.one_at_a_time("export"):
        body = constellation_czml(view)
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": 'attachment; filename="orbital-constellation.czml"'})


def view_of_request():
    """(ViewState, selected satellite, clock s) from the request's query (`sat`, `t` as in a link); a bad
    view raises OrbitalError (400)."""
    view = view_from_link({key: request.args.getlist(key) for key in request.args})
    return (view, selected_satellite(request.args.get("sat", "0"), view.constellation().count),
            clock_seconds(request.args.get("t", "0"), view.window_s))


def cesium_file(path):
    """CesiumJS from the npm package installed by `npm ci`, served by this app (offline)."""
    if not CESIUM_BUILD.is_dir():
        abort(404)
    return send_from_directory(CESIUM_BUILD, path, max_age=86400)


def axe_file():
    """axe-core's script from the npm package (`npm ci`), for an accessibility check of any page of the app."""
    if not (AXE_BUILD / "axe.min.js").is_file():
        abort(404)
    return send_from_directory(AXE_BUILD, "axe.min.js", max_age=86400)


def main(argv=None):
    """Serve the dashboard (Flask's server; gunicorn serves `app:server` in production)."""
    parser = argparse.ArgumentParser(description="Run the Orbital Compute Dashboard.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode with hot reload")
    args = parser.parse_args(argv)
    app = app_or_exit()
    if not (CESIUM_BUILD / "Cesium.js").is_file():
        print("app.py: error: CesiumJS is not installed; run `npm ci` (or `make run`)", file=sys.stderr)
        return 2
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_disable_version_check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
