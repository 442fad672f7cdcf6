"""The network panel: downlink over the window, round trips by city, cluster bisection against a pod and
the verdict per workload; built once per view (shared) like the other panels."""

import json
import time

from dash import Input, Output, State, dcc, html
from plotly.io.json import to_json_plotly

import orbital

from ..jobs.manager import where_this_runs
from ..jobs.results import shared
from ..model.engine import accelerators_by_shell, yearly
from ..model.figures import GRAPH_CONFIG
from ..model.network import bisection_figure, downlink_figure, latency_figure, verdict_rows
from ..model.state import ViewState
from .background import STARTED, background_job, job_controls
from .callbacks import Callbacks
from .tables import html_table

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register
# Every this-many steps of the view's window the downlink and round trips are taken (5 min at 60 s).
WINDOW_STRIDE = 5


def network_panel():
    """The panel: a note on what was sampled, three figures and the verdict table."""
    graph = dict(config=GRAPH_CONFIG, className="graph", style={"height": "300px"})
    return html.Div(className="panel", id="network-panel", children=[
        html.H2("Network: links, downlink, latency and which workloads fit"),
        html.P(id="network-note", className="selection"),
        dcc.Graph(id="network-downlink-graph", **graph), dcc.Graph(id="network-latency-graph", **graph),
        dcc.Graph(id="network-bisection-graph", **{**graph, "style": {"height": "420px"}}),
        html.H3("The bill per workload (its network factor closes the orbit's waterfall)"),
        html.Div(id="network-verdicts"),
        html.H3("Every satellite's links: the full graph over 1.5 h (a background job; minutes at a million)"),
        job_controls("network", "Run the full link graph", 1)])


def sample_note(window):
    """What the downlink and latency figures were computed on, in words."""
    if window["satellites_sampled"] == window["satellites"]:
        return f"Downlink and round trips from all {window['satellites']:,} satellites, every 5 minutes."
    return (f"Downlink and round trips from a sample of {window['satellites_sampled']:,} of the "
            f"{window['satellites']:,} satellites (every k-th plane and slot of each shell over 2,000, so its "
            "links are k times longer); bisection and verdicts from the closed form on every satellite.")


def network_answer(view):
    """The panel's outputs for `view` as the JSON text Dash sends."""
    result = yearly(view)
    window = orbital.network_window(view.constellation(), view.window()[::WINDOW_STRIDE])
    verdicts = html_table(("workload", "network factor", "binds", "of installed compute", "$ per PFLOP-day",
                           "× hyperscale ground", "verdict"), verdict_rows(result), "comparison network-verdicts")
    return to_json_plotly([
        sample_note(window), downlink_figure(window, result.costs.network.availability),
        latency_figure(window, float(min(result.fleet.altitude_km))),
        bisection_figure(result, accelerators_by_shell(result), view.model().chip.bf16_tflops), verdicts])


@callback(Output("network-note", "children"), Output("network-downlink-graph", "figure"),
          Output("network-latency-graph", "figure"), Output("network-bisection-graph", "figure"),
          Output("network-verdicts", "children"), Input("panels-scenario", "data"), prevent_initial_call=True)
def network_panels(scenario_data):
    """The panel for the view: a read when any viewer has drawn it already."""
    view = ViewState.from_store(scenario_data)
    return json.loads(shared("network-answer", view, network_answer, check=lambda value: isinstance(value, str)))


# The full graph's window: 1.5 h (about an orbit) every 15 min from the view's start.
FULL_GRAPH_HOURS, FULL_GRAPH_STEP_S = 1.5, 900.0


def full_graph(view):
    """orbital.network_report on every satellite of the view over FULL_GRAPH_HOURS."""
    return orbital.network_report(view.constellation(), view.start, FULL_GRAPH_HOURS, FULL_GRAPH_STEP_S)


def full_graph_text(report):
    """The full graph's figures in a sentence."""
    rtt = report["rtt_s"]
    ms = "/".join("unreachable" if rtt[p] != rtt[p] else f"{rtt[p] * 1e3:,.0f}" for p in ("p50", "p90", "p99"))
    return (f"{report['satellites']:,} satellites, {report['links']:,} links; largest group's bisection "
            f"{report['bisection_bps'] / 1e12:,.3g} Tbit/s (minimum cut); city round trips p50/p90/p99 {ms} ms, "
            f"{report['rtt_s']['unreachable_share']:.1%} unreachable; downlink {report['downlink']['clear_bps'] / 1e9:,.0f} "
            f"Gbit/s clear, {report['downlink']['weather_bps'] / 1e9:,.0f} with weather")


@callback(**background_job("network", [Output("network-message", "children")],
                           [Input("network-run", "n_clicks"), State("scenario", "data")]))
def run_full_graph(set_progress, clicks, scenario_data):
    """The link graph, bisection, downlink and city round trips on every satellite, once for all viewers."""
    started = time.perf_counter()
    view = ViewState.from_store(scenario_data)
    set_progress(STARTED)
    report = shared("network-full", view, full_graph, check=lambda value: isinstance(value, dict) and "rtt_s" in value)
    return [f"{full_graph_text(report)} ({time.perf_counter() - started:.1f} s on {where_this_runs()})"]
