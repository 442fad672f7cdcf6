"""Plotly panels (solar input, compute throughput, energy against the ground) and their callbacks."""

import json

from dash import Input, Output, Patch, dcc, html, no_update
from plotly.io.json import to_json_plotly

import orbital

from .callbacks import Callbacks
from .background import jobs_card
from .safety import safety_panel
from .sky import sky_panel
from .satellite import satellite_facts_block
from .network import network_panel
from ..model.engine import energy_comparison, fleet_compute, satellite_power, satellite_scatter, yearly
from ..model.figures import (GRAPH_CONFIG, compute_figure, cost_breakdown_figure, energy_figure, fact_rows, mass_figure,
                             scatter_figure, season_figure, selected_point, solar_figure, three_figures, tornado_figure,
                             waterfall_figure)
from ..jobs.results import shared
from ..model.state import ViewState, selected_satellite
from ..model.verdict import source_rows
from .tables import html_table

CALLBACKS = Callbacks()
callback = CALLBACKS.callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register


def compute_facts(result):
    """The headline per-satellite figures; hovering one names its inputs."""
    return [html.Li(title=inputs, className="fact", children=[html.Span(label), html.B(value)])
            for label, value, inputs in fact_rows(result)]


def comparison_table(table):
    """The orbital-versus-terrestrial table as HTML."""
    return html_table(("quantity", "unit", "orbit", "ground"),
                      [(row["quantity"], row["unit"], orbital.format_value(row["orbit"]),
                        orbital.format_value(row["ground"])) for row in table["rows"]])


def years_text(value):
    """A span of years as the drag table shows it: tenths below a century, whole years above."""
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def drag_table(result):
    """Drag and disposal per shell: NRLMSIS 2.1 at solar minimum and maximum."""
    return html_table(
        ("shell", "altitude km", "density kg/m³ (min–max)", "Δv m/s a year (max)", "propellant kg a year (max)",
         "a dead satellite stays, years (max–min)"),
        [(row.shell, f"{row.altitude_km:,.0f}",
          f"{row.solar_min.density_kg_m3:.2g}–{row.solar_max.density_kg_m3:.2g}",
          three_figures(row.solar_max.delta_v_m_s_per_year), three_figures(row.solar_max.propellant_kg_per_year),
          f"{years_text(row.solar_max.dead_satellite_years)}–"
          f"{years_text(row.solar_min.dead_satellite_years)}") for row in result.mass.drag])


def worse_fluence(row, name):
    """A shell's yearly fluence of `name` (protons_10mev, electrons_1mev), the worse of solar min and max."""
    fluence = row.fluence_per_cm2_year
    return max(fluence[f"{name}_solar_min"], fluence[f"{name}_solar_max"])


def radiation_table(result):
    """Trapped radiation per shell: AE-8/AP-8 fluences, the dose over life and Suncatcher's tolerances, and
    the arrays' power left at the end of life from their displacement damage (orbital.cells)."""
    return html_table(
        ("shell", "protons > 10 MeV /cm²/yr", "electrons > 1 MeV /cm²/yr", "× the reference orbit's protons",
         "dose over life behind the shield, krad(Si)", "against Suncatcher's TPU tests", "arrays' power at end of life"),
        [(row.shell, f"{worse_fluence(row, 'protons_10mev'):.2g}", f"{worse_fluence(row, 'electrons_1mev'):.2g}",
          f"{row.proton_ratio_to_reference:,.2g}", f"{row.dose_krad_over_life:,.2g}", row.flag, f"{factor:.1%}")
         for row, factor in zip(result.radiation.shells, result.sizing.end_of_life_power_factor)])


def sources_table(view):
    """Every model parameter of the view with its unit and source (source_rows)."""
    return html_table(("group", "parameter", "value", "unit", "source"), source_rows(view), "sources-table")


def panels_card():
    """Solar input, compute, energy, background jobs and sources."""
    graph = dict(config=GRAPH_CONFIG, className="graph", style={"height": "260px"})
    return html.Section(className="card panels", children=[
        html.Div(className="panel", id="solar-panel", children=[
            html.H2("Solar input"), html.Div(id="selection-label", className="selection"), satellite_facts_block(),
            dcc.Graph(id="solar-graph", **graph), dcc.Graph(id="season-graph", **graph),
            dcc.Graph(id="satellites-graph", **graph)]),
        html.Div(className="panel", id="compute-panel", children=[
            html.H2("Compute throughput"), dcc.Graph(id="compute-graph", **graph),
            html.Ul(id="compute-facts", className="facts"),
            dcc.Graph(id="mass-graph", **{**graph, "style": {"height": "200px"}})]),
        html.Div(className="panel", id="energy-panel", children=[
            html.H2("Energy against terrestrial data centers"), dcc.Graph(id="energy-graph", **graph),
            html.Div(id="comparison"), dcc.Graph(id="tornado-graph", **{**graph, "style": {"height": "340px"}}),
            dcc.Graph(id="costs-graph", **{**graph, "style": {"height": "340px"}}),
            dcc.Graph(id="waterfall-graph", **graph),
            html.H3("Drag and disposal per shell (NRLMSIS 2.1, solar minimum and maximum)"),
            html.Div(id="drag"),
            html.H3("Trapped radiation per shell (AE-8/AP-8, the worse of solar minimum and maximum; dose "
                    "scaled from Suncatcher's 650 km orbit by >10 MeV protons)"),
            html.Div(id="radiation")]),
        sky_panel(),
        safety_panel(),
        network_panel(),
        jobs_card(),
        html.Details(id="sources", className="panel sources", children=[
            html.Summary("Sources: every parameter of the model"), html.Div(id="sources-table")]),
    ])


# Figures are drawn with their cursor at 0; move_cursors then puts it at the clock's time through a
# Patch, whenever the clock moves or a figure is drawn anew. It is a callback of its own because Dash
# drops a callback's older answer when a newer call of it is in flight: one callback for both would
# lose the new figures to the clock's reset (clock.fit_scrubber) that follows a new scenario.
@callback(Output("season-graph", "figure"), Output("satellites-graph", "figure"), Output("compute-graph", "figure"),
          Output("compute-facts", "children"), Output("mass-graph", "figure"), Output("energy-graph", "figure"),
          Output("comparison", "children"), Output("tornado-graph", "figure"), Output("costs-graph", "figure"),
          Output("waterfall-graph", "figure"),
          Output("drag", "children"),
          Output("radiation", "children"),
          Output("sources-table", "children"), Output("compute-panel", "className"), Input("panels-scenario", "data"),
          prevent_initial_call=True)
def scenario_panels(scenario_data):
    """Every panel that depends on the view alone: built once for every viewer of the view (the
    answer's JSON is a shared result, so a warm answer is a read, not ~180 ms of Plotly). The view
    comes once the strip shows its verdict (panels-scenario), so drawing a dozen charts, seconds of
    the page's one thread in software WebGL, never holds the verdict up."""
    view = ViewState.from_store(scenario_data)
    return json.loads(shared("panels-answer", view, panels_answer, check=lambda value: isinstance(value, str)))


def panels_answer(view):
    """scenario_panels' outputs for `view` as the JSON text Dash sends."""
    result = yearly(view)
    table = energy_comparison(view)
    return to_json_plotly([
        season_figure(result), scatter_figure(satellite_scatter(view), [s.name for s in result.shells.rows]),
        compute_figure(fleet_compute(view), 0.0, view.accelerator),
        compute_facts(result), mass_figure(result), energy_figure(table, result), comparison_table(table),
        tornado_figure(result), cost_breakdown_figure(result), waterfall_figure(result), drag_table(result), radiation_table(result),
        sources_table(view), "panel drawn"])


@callback(Output("solar-graph", "figure"), Output("selection-label", "children"),
          Output("satellites-graph", "figure", allow_duplicate=True),
          Input("scenario", "data"), Input("selection", "data"), Input("compute-panel", "className"),
          prevent_initial_call="initial_duplicate")
def selection_panel(scenario_data, selection, panels_drawn):
    """The selected satellite's solar input over the window, and its mark in the beta scatter (the
    scatter's last trace; again once the scenario's panels are drawn)."""
    view = ViewState.from_store(scenario_data)
    constellation = view.constellation()
    index = selected_satellite(selection, constellation.count)
    data = satellite_power(view, index)
    mark = Patch()
    point = selected_point(data)
    mark["data"][len(constellation.groups)]["x"] = point["x"]
    mark["data"][len(constellation.groups)]["y"] = point["y"]
    drawn = "drawn" in (panels_drawn or "")
    return solar_figure(data, 0.0), f"Selected: {data['name']} (#{index})", mark if drawn else no_update


@callback(Output("solar-graph", "figure", allow_duplicate=True), Output("compute-graph", "figure", allow_duplicate=True),
          Input("time-slider", "value"), Input("selection-label", "children"), Input("compute-panel", "className"),
          prevent_initial_call=True)
def move_cursors(seconds, selection_label, compute_class):
    """Patches that move both time cursors (each figure's first shape) to `seconds`, once the figures are
    drawn; a figure drawn anew (its label or panel class set again) gets the clock's time this way too."""
    patch = Patch()
    patch["layout"]["shapes"][0]["x0"] = (seconds or 0) / 60.0
    patch["layout"]["shapes"][0]["x1"] = (seconds or 0) / 60.0
    return (patch if selection_label else no_update), (patch if "drawn" in (compute_class or "") else no_update)


@callback(Output("selection", "data", allow_duplicate=True), Input("satellites-graph", "clickData"),
          prevent_initial_call=True)
def select_from_panel(click):
    """A click on a satellite of the beta-angle scatter selects it."""
    point = (click or {}).get("points", [{}])[0]
    return int(point["customdata"]) if "customdata" in point else no_update
