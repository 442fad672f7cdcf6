"""The background-job panels, run by components/jobs.py with a progress bar and a cancel button each:
"Fleet year" (a year of sunlight for every plane of the scenario's fleet), "Sweep" (a year of
sunlight for sun-synchronous shells over altitude × local time) and "Space traffic" (close approaches
among the scenario's satellites over a day). Results are shared by all viewers."""

import time

import numpy as np
from dash import Input, Output, State, dcc, html, no_update, set_props

import orbital

from .callbacks import Callbacks
from ..model.engine import fleet_year, traffic
from ..model.figures import GRAPH_CONFIG, empty_figure, fleet_year_figure, sweep_figure, three_figures, traffic_figure
from ..jobs.manager import FLEET_CHUNK_TASK, TRAFFIC_CHUNK_TASK, SharedChunks, on_celery_worker, status_line, where_this_runs
from .tables import html_table
from ..jobs.results import shared
from ..model.state import ViewState

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

ALTITUDES_KM = tuple(range(400, 2001, 200))
LTANS_H = tuple(range(6, 19, 2))

# Jobs whose results belong to one scenario, and the sentence their empty figure shows.
SCENARIO_JOBS = {"fleet": "Run the fleet year to see every satellite's year of sunlight, shell by shell.",
                 "traffic": "Screen a day to see how often these satellites come within 5 km of each other."}


def job_controls(name, label, steps):
    """Run and Cancel buttons, a progress bar and a message, with ids NAME-run, NAME-cancel, ..."""
    return html.Div(className="share", children=[
        html.Button(label, id=f"{name}-run", n_clicks=0, type="button"),
        html.Button("Cancel", id=f"{name}-cancel", n_clicks=0, type="button", disabled=True),
        html.Progress(id=f"{name}-progress", value="0", max=str(steps)),
        html.Span(id=f"{name}-message", className="unit"),
    ])


def jobs_card():
    """The fleet year and the sweep, each with its buttons, progress and figure."""
    graph = dict(config=GRAPH_CONFIG, className="graph", style={"height": "320px"})
    return html.Div(className="panel", id="jobs-panel", children=[
        html.H2("Background jobs"),
        html.Div(status_line(), id="jobs-status", className="status"),
        html.H3("Fleet year: every satellite, plane by plane"),
        job_controls("fleet", "Run fleet year", 1),
        dcc.Graph(id="fleet-graph", figure=empty_figure(SCENARIO_JOBS["fleet"]), **graph),
        html.H3("Sweep: is it always sunny?"),
        job_controls("sweep", "Run sweep", len(ALTITUDES_KM)),
        dcc.Graph(id="sweep-graph", figure=empty_figure("Run the sweep to see which sun-synchronous orbits "
                                                         "are sunlit all year."), **graph),
        html.H3("Space traffic: close approaches among the satellites over a day"),
        job_controls("traffic", "Screen a day", 1),
        dcc.Graph(id="traffic-graph", figure=empty_figure(SCENARIO_JOBS["traffic"]), **graph),
        html.Div(id="traffic-table"),
    ])


# A job's first progress tick, set as it starts: a bar with no value (the browser's moving "working"
# bar), until its first chunk is done.
STARTED = (None, "1")
# How often a page asks its running job for progress, ms: the first tick (set as the job starts) shows
# within a second of Run (Dash's default, 1,000 ms, showed it after one to two seconds).
PROGRESS_POLL_MS = 250


def background_job(name, outputs, inputs, buttons=None, running=()):
    """callback() arguments for job NAME: background, its buttons (default NAME-run) disabled while it
    runs (with `running`, more (output, while running, after) triples), cancel (NAME-cancel), progress
    (NAME-progress), and a failure (a worker or Redis lost) shown next to its buttons (NAME-message)."""
    def failed(error):
        reason = str(error).removeprefix("An error occurred inside a background callback: ").splitlines()[0]
        set_props(f"{name}-message", {"children": f"The job failed: {reason}"})
        set_props(f"{name}-progress", {"value": "0"})
        set_props("jobs-status", {"children": status_line()})

    return dict(output=outputs, inputs=inputs, background=True, interval=PROGRESS_POLL_MS, prevent_initial_call=True,
                on_error=failed,
                running=[*((Output(button, "disabled"), True, False) for button in buttons or [f"{name}-run"]),
                         (Output(f"{name}-cancel", "disabled"), False, True), *running],
                cancel=[Input(f"{name}-cancel", "n_clicks")],
                progress=[Output(f"{name}-progress", "value"), Output(f"{name}-progress", "max")])


def sweep(year, progress=None):
    """The panel's grid for `year`: sunlit fraction (altitudes, local times)."""
    return orbital.sso_sweep(ALTITUDES_KM, LTANS_H, year, progress)


def sweep_shape(value):
    """Whether a stored sweep is the panel's grid: sunlit fractions (altitudes, local times)."""
    return isinstance(value, np.ndarray) and value.shape == (len(ALTITUDES_KM), len(LTANS_H))


@callback(Output("jobs-status", "children"), Input("fleet-run", "n_clicks"), Input("sweep-run", "n_clicks"),
          Input("traffic-run", "n_clicks"), prevent_initial_call=True)
def job_status(*clicks):
    """Where the job just started runs: said again at each start, since Redis may come and go."""
    return status_line()


@callback(**background_job("fleet", [Output("fleet-graph", "figure"), Output("fleet-message", "children")],
                           [Input("fleet-run", "n_clicks"), State("scenario", "data")]))
def run_fleet_year(set_progress, clicks, scenario_data):
    """Every plane of the scenario's fleet over its year; the progress bar counts chunks of planes. On a
    Celery worker, the chunks are shared with idle workers."""
    started = time.perf_counter()
    view = ViewState.from_store(scenario_data)
    where = where_this_runs()
    run_chunks = orbital.serial_chunks
    if on_celery_worker():
        run_chunks = SharedChunks(FLEET_CHUNK_TASK, lambda chunk: (view.to_store(), chunk.tolist()))
    set_progress(STARTED)
    result = fleet_year(view, lambda done, total: set_progress((str(done), str(total))), run_chunks)
    shared_by = getattr(run_chunks, "processes", ())
    if len(shared_by) > 1:
        where += f", chunks shared by {len(shared_by)} worker processes"
    return fleet_year_figure(result), (
        f"{result['satellites']:,} satellites in {result['planes']:,} planes, {result['year']}: sunlit "
        f"{result['sunlit_fraction']:.4f} of the year, arrays {result['energy_twh_per_year']:.4g} TWh/yr "
        f"({time.perf_counter() - started:.1f} s on {where})")


@callback(**background_job("sweep", [Output("sweep-graph", "figure"), Output("sweep-message", "children")],
                           [Input("sweep-run", "n_clicks"), State("scenario", "data")]))
def run_sweep(set_progress, clicks, scenario_data):
    """Computed once for all viewers (shared results); the progress bar counts altitude rows."""
    started = time.perf_counter()
    year = ViewState.from_store(scenario_data).year
    set_progress(STARTED)
    grid = shared("sweep", year, lambda y: sweep(y, lambda done, total: set_progress((str(done), str(total)))),
                  check=sweep_shape)
    return sweep_figure(ALTITUDES_KM, LTANS_H, grid), (
        f"{len(ALTITUDES_KM) * len(LTANS_H)} shells, year {year} "
        f"({time.perf_counter() - started:.1f} s on {where_this_runs()})")


def traffic_tables(result):
    """The traffic job's tables: approaches and manoeuvres a day by shell pair, and per shell its
    design distance, phasing and how long a dead satellite stays up."""
    disposal = {row["shell"]: row for row in result["disposal"]}
    pairs = html_table(("shells", "approaches a day", "manoeuvres a day", "closest (km)"),
                       [(row["shells"], f"{row['approaches_per_day']:,.0f}", f"{row['manoeuvres_per_day']:,.0f}",
                         f"{row['closest_km']:.3f}") for row in result["shell_pairs"]])
    shells = html_table(
        ("shell", "Walker phasing f", "closest any two come (km)", "a dead satellite stays up (years, solar max)"),
        [(row["shell"], "—" if row["phasing"] is None else str(row["phasing"]),
          "—" if row["min_distance_km"] is None else f"{row['min_distance_km']:,.3f}",
          three_figures(disposal[row["shell"]]["dead_satellite_years"]) if row["shell"] in disposal else "—")
         for row in result["design"]])
    return [pairs, shells] if result["shell_pairs"] else [shells]


@callback(**background_job("traffic", [Output("traffic-graph", "figure"), Output("traffic-table", "children"),
                                       Output("traffic-message", "children"), Output("approaches", "data")],
                           [Input("traffic-run", "n_clicks"), State("scenario", "data")]))
def run_traffic(set_progress, clicks, scenario_data):
    """Close approaches among the scenario's satellites over a day; the progress bar counts screening
    chunks (a shell, or a group of shells that can meet). On a Celery worker, chunks are shared."""
    started = time.perf_counter()
    view = ViewState.from_store(scenario_data)
    run_chunks = orbital.serial_chunks
    if on_celery_worker():
        run_chunks = SharedChunks(TRAFFIC_CHUNK_TASK, lambda chunk: (view.to_store(), chunk))
    set_progress(STARTED)
    result = traffic(view, lambda done, total: set_progress((str(done), str(total))), run_chunks)
    where = where_this_runs()
    shared_by = getattr(run_chunks, "processes", ())
    if len(shared_by) > 1:
        where += f", chunks shared by {len(shared_by)} worker processes"
    return traffic_figure(result), traffic_tables(result), (
        f"for {result['name']}: {result['satellites']:,} satellites, {result['pairs']:,} pairs within "
        f"{result['screen_km']:g} km, {result['manoeuvres_per_day']:,.0f} manoeuvres a day at Pc ≥ "
        f"{result['pc_threshold']:g} ({time.perf_counter() - started:.1f} s on {where}); the "
        "closest are marked on the globe as the clock passes them"), result["approaches"]


@callback(*(Output(f"{name}-graph", "figure", allow_duplicate=True) for name in SCENARIO_JOBS),
          *(Output(f"{name}-message", "children", allow_duplicate=True) for name in SCENARIO_JOBS),
          Output("traffic-table", "children", allow_duplicate=True), Output("approaches", "data", allow_duplicate=True),
          Input("scenario", "data"), *(State(f"{name}-message", "children") for name in SCENARIO_JOBS),
          prevent_initial_call=True)
def clear_stale_results(scenario_data, *messages):
    """A new scenario clears the results that belonged to the last one (never left under new panels); a
    job that has said nothing has nothing to clear, and is left alone (no figure redrawn, and no
    traffic-message set again to call the verdict strip a second time)."""
    said = [bool(message) for message in messages]
    traffic = said[list(SCENARIO_JOBS).index("traffic")]
    return (*(empty_figure(sentence) if keep else no_update for sentence, keep in zip(SCENARIO_JOBS.values(), said)),
            *("" if keep else no_update for keep in said), [] if traffic else no_update, [] if traffic else no_update)


def say_cancelled(clicks):
    """What a job's Cancel button leaves: its message says so and its bar starts again."""
    return "cancelled", "0"


for job in ("fleet", "sweep", "traffic"):
    callback(Output(f"{job}-message", "children", allow_duplicate=True),
             Output(f"{job}-progress", "value", allow_duplicate=True),
             Input(f"{job}-cancel", "n_clicks"), prevent_initial_call=True)(say_cancelled)
