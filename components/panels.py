"""Plotly panels (solar input, compute throughput, energy against the ground) and their callbacks."""

import numpy as np
import plotly.graph_objects as go
from dash import Input, Output, Patch, State, callback, ctx, dcc, html, no_update

from orbital.scenario import (Scenario, energy_comparison, fleet_compute, satellite_power, satellite_scatter,
                              season)

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
COLOURS = ["#f2b705", "#3b82c4", "#d9534f", "#5cb85c", "#9b59b6", "#e67e22", "#1abc9c", "#7f8c8d"]


def base_layout(title, x_title, y_title):
    return dict(title=dict(text=title, font=dict(size=14)), margin=dict(l=60, r=10, t=40, b=45),
                xaxis=dict(title=x_title), yaxis=dict(title=y_title), template="plotly_white",
                legend=dict(orientation="h", y=-0.25), height=260)


def cursor_shape(minutes):
    return dict(type="line", name="cursor", xref="x", yref="paper", x0=minutes, x1=minutes, y0=0, y1=1,
                line=dict(color="#c0392b", width=2))


def solar_figure(data, cursor_min):
    minutes = data["seconds"] / 60.0
    shapes = [cursor_shape(cursor_min)] + [
        dict(type="rect", xref="x", yref="paper", x0=a / 60.0, x1=b / 60.0, y0=0, y1=1, line=dict(width=0),
             fillcolor="rgba(40, 50, 90, 0.18)", layer="below") for a, b in data["umbra_s"]]
    figure = go.Figure(go.Scatter(x=minutes, y=data["power_w"] / 1000.0, mode="lines", name="array power",
                                  line=dict(color="#f2b705"),
                                  hovertemplate="%{x:.0f} min: %{y:.2f} kW<extra></extra>"))
    figure.update_layout(**base_layout(f"Solar input: {data['name']} (β = {data['beta_deg']:.1f}°, umbra shaded)",
                                       "minutes from start", "array power (kW)"), shapes=shapes)
    return figure


def season_figure(data):
    figure = go.Figure([go.Scatter(x=MONTHS, y=data["sunlit"][k], mode="lines+markers", name=name,
                                   line=dict(color=COLOURS[k % len(COLOURS)]))
                        for k, name in enumerate(data["shells"])])
    figure.update_layout(**base_layout("Sunlit fraction by shell across the year (beta-angle seasons)",
                                       "month (one day sampled on the 15th)", "sunlit fraction"))
    figure.update_yaxes(range=[0.5, 1.02])
    return figure


def scatter_figure(data, shells):
    figure = go.Figure()
    for k, name in enumerate(shells):
        rows = data["shell"] == k
        figure.add_trace(go.Scatter(
            x=data["beta_deg"][rows], y=data["sunlit_fraction"][rows], mode="markers", name=name,
            customdata=data["index"][rows].tolist(), text=np.array(data["names"], dtype=object)[rows],
            marker=dict(size=7, color=COLOURS[k % len(COLOURS)]),
            hovertemplate="%{text}<br>β %{x:.1f}°, sunlit %{y:.3f}<extra>click to select</extra>"))
    figure.update_layout(**base_layout("Satellites: beta angle vs sunlit fraction (click one)",
                                       "beta angle at start (°)", "sunlit fraction in window"))
    return figure


def compute_figure(data, cursor_min, accelerator):
    minutes = data["seconds"] / 60.0
    figure = go.Figure([
        go.Scatter(x=minutes, y=data["installed_pflops"] / 1000.0, mode="lines", name="installed",
                   line=dict(color="#7f8c8d", dash="dot")),
        go.Scatter(x=minutes, y=data["delivered_pflops"] / 1000.0, mode="lines", name="delivered",
                   fill="tonexty", fillcolor="rgba(40, 50, 90, 0.18)", line=dict(color="#3b82c4"),
                   hovertemplate="%{x:.0f} min: %{y:,.1f} EFLOP/s<extra></extra>"),
    ])
    lost = 1.0 - data["delivered_pflops"].mean() / max(data["installed_pflops"][0], 1e-9)
    figure.update_layout(**base_layout(
        f"Fleet compute: {data['satellites']:,} satellites × {data['accelerators_per_satellite']} {accelerator}"
        f" — {lost:.1%} lost to eclipse (shaded)", "minutes from start", "dense BF16 EFLOP/s"),
        shapes=[cursor_shape(cursor_min)])
    return figure


def energy_figure(data):
    labels = ["orbital arrays", "orbital compute (IT)", f"ground grid, PUE {data['pue']:.2f}",
              "ground grid, PUE 1.10"]
    values = [data["orbital_array_twh"], data["orbital_it_twh"], data["terrestrial_grid_twh"],
              data["hyperscale_grid_twh"]]
    figure = go.Figure(go.Bar(x=labels, y=values, marker_color=["#f2b705", "#3b82c4", "#7f8c8d", "#95a5a6"],
                              text=[f"{v:,.1f}" for v in values], textposition="auto",
                              hovertemplate="%{x}: %{y:,.2f} TWh/yr<extra></extra>"))
    figure.update_layout(**base_layout(
        f"Energy per year (TWh): orbit vs ground for the same compute — sunlight ×{data['sunlight_ratio']:.1f} "
        "a ground panel", "", "TWh per year"))
    figure.add_annotation(
        xref="paper", yref="paper", x=1, y=1.0, showarrow=False, align="right", font=dict(size=11),
        text=f"arrays in orbit {data['array_km2']:,.0f} km² · ground solar farm {data['ground_solar_farm_km2']:,.0f} km²")
    return figure


def panels_card():
    graph = dict(config={"displaylogo": False}, className="graph")
    return html.Section(className="card panels", children=[
        html.Div(className="panel", id="solar-panel", children=[
            html.H2("Solar input"), html.Div(id="selection-label", className="selection"),
            dcc.Graph(id="solar-graph", **graph), dcc.Graph(id="season-graph", **graph),
            dcc.Graph(id="satellites-graph", **graph)]),
        html.Div(className="panel", id="compute-panel", children=[
            html.H2("Compute throughput"), dcc.Graph(id="compute-graph", **graph)]),
        html.Div(className="panel", id="energy-panel", children=[
            html.H2("Energy against terrestrial data centers"), dcc.Graph(id="energy-graph", **graph)]),
    ])


def only_time_moved(current_figure):
    """True when the clock alone changed and the figure to patch is already there."""
    return current_figure is not None and set(ctx.triggered_prop_ids) == {"time-slider.value"}


@callback(Output("season-graph", "figure"), Output("satellites-graph", "figure"), Output("compute-graph", "figure"),
          Output("energy-graph", "figure"), Input("scenario", "data"), Input("time-slider", "value"),
          State("compute-graph", "figure"))
def scenario_panels(scenario_data, seconds, compute):
    if only_time_moved(compute):
        return no_update, no_update, move_cursor(seconds), no_update
    scenario = Scenario(**scenario_data)
    yearly = season(scenario)
    return (season_figure(yearly), scatter_figure(satellite_scatter(scenario), yearly["shells"]),
            compute_figure(fleet_compute(scenario), (seconds or 0) / 60.0, scenario.accelerator),
            energy_figure(energy_comparison(scenario)))


@callback(Output("solar-graph", "figure"), Output("selection-label", "children"),
          Input("scenario", "data"), Input("selection", "data"), Input("time-slider", "value"),
          State("solar-graph", "figure"))
def selection_panel(scenario_data, selection, seconds, solar):
    if only_time_moved(solar):
        return move_cursor(seconds), no_update
    scenario = Scenario(**scenario_data)
    count = scenario.constellation().count
    index = selection if isinstance(selection, int) and 0 <= selection < count else 0
    data = satellite_power(scenario, index)
    return solar_figure(data, (seconds or 0) / 60.0), f"Selected: {data['name']} (#{index})"


def move_cursor(seconds):
    """A Patch that moves a figure's time cursor (its first shape) to `seconds`."""
    patch = Patch()
    patch["layout"]["shapes"][0]["x0"] = (seconds or 0) / 60.0
    patch["layout"]["shapes"][0]["x1"] = (seconds or 0) / 60.0
    return patch


@callback(Output("selection", "data", allow_duplicate=True), Input("satellites-graph", "clickData"),
          prevent_initial_call=True)
def select_from_panel(click):
    point = (click or {}).get("points", [{}])[0]
    return int(point["customdata"]) if "customdata" in point else no_update
