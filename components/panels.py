"""Plotly panels (solar input, compute throughput, energy against the ground) and their callbacks."""

import numpy as np
import plotly.graph_objects as go
from dash import Input, Output, Patch, callback, dcc, html, no_update

from orbital.scenario import Scenario, energy_comparison, fleet_compute, satellite_power, satellite_scatter, yearly
COLOURS = ["#f2b705", "#3b82c4", "#d9534f", "#5cb85c", "#9b59b6", "#e67e22", "#1abc9c", "#7f8c8d"]


def base_layout(title, x_title, y_title):
    return dict(title=dict(text=title, font=dict(size=14)), margin=dict(l=60, r=10, t=40, b=45),
                xaxis=dict(title=x_title), yaxis=dict(title=y_title), template="plotly_white",
                legend=dict(orientation="h", y=-0.25))


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
    """Each shell's sunlit fraction month by month, from the yearly assessment."""
    figure = go.Figure([go.Scatter(x=data["months"], y=[month[k] for month in zip(*data["monthly_sunlit_fraction"])],
                                   mode="lines+markers", name=shell["name"], line=dict(color=COLOURS[k % len(COLOURS)]),
                                   hovertemplate=f"{shell['name']}<br>%{{x}}: sunlit %{{y:.3f}}<extra></extra>")
                        for k, shell in enumerate(data["shells"])])
    figure.update_layout(**base_layout(f"Sunlit fraction by shell, month by month ({data['months'][0][:4]}, "
                                       f"{data['satellites_sampled']} satellites sampled)", "month", "sunlit fraction"))
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
    counts = ", ".join(str(c) for c in np.unique(data["accelerators_per_satellite"]))
    figure = go.Figure([
        go.Scatter(x=minutes, y=data["installed_pflops"] / 1000.0, mode="lines", name="installed",
                   line=dict(color="#7f8c8d", dash="dot"),
                   hovertemplate="installed: %{y:,.1f} EFLOP/s<extra>accelerators × dense BF16</extra>"),
        go.Scatter(x=minutes, y=data["delivered_pflops"] / 1000.0, mode="lines", name="delivered",
                   fill="tonexty", fillcolor="rgba(40, 50, 90, 0.18)", line=dict(color="#3b82c4"),
                   hovertemplate="%{x:.0f} min: %{y:,.1f} EFLOP/s<extra>array power − bus, per accelerator's "
                                 "system power</extra>"),
    ])
    lost = max(0.0, 1.0 - data["delivered_pflops"].mean() / max(data["installed_pflops"][0], 1e-9))
    eclipse = "carried on batteries" if data["eclipse_mode"] == "battery" else "throttled in eclipse"
    figure.update_layout(**base_layout(
        f"Fleet compute: {data['satellites']:,} satellites × {counts} {accelerator}, {eclipse}"
        f" — {lost:.1%} lost (shaded)", "minutes from start", "dense BF16 EFLOP/s"),
        shapes=[cursor_shape(cursor_min)])
    return figure


def fact(label, value, inputs):
    """One headline figure; hovering it names its inputs."""
    return html.Li(title=inputs, className="fact", children=[html.Span(label), html.B(value)])


def compute_facts(result):
    """Per-satellite compute, heat and launch figures of the yearly assessment, each with its inputs."""
    power, compute, heat, launch = (result[k] for k in ("power", "compute", "heat", "launch"))
    return [
        fact("Accelerators per satellite", f"{compute['accelerators_per_satellite']:.1f} × {result['accelerator']}",
             f"array rating {power['rated_w_per_satellite'] / 1e3:.1f} kW − bus {power['bus_w_per_satellite'] / 1e3:.1f} kW,"
             f" ÷ system power per accelerator; eclipse: {result['eclipse_mode']}"),
        fact("Delivered per satellite (year)", f"{compute['delivered_pflops_per_satellite']:.2f} PFLOP/s",
             f"installed {compute['installed_pflops_per_satellite']:.2f} PFLOP/s × utilisation "
             f"{compute['utilisation']:.3f} from the propagated year"),
        fact("Fleet delivered (year)", f"{compute['fleet_delivered_eflops']:,.0f} EFLOP/s",
             f"{result['satellites']:,} satellites, sampled {result['satellites_sampled']} per the shells"),
        fact("Compute per tonne launched", f"{compute['compute_kw_per_tonne']:.0f} kW/t",
             f"accelerator system power ÷ satellite mass {launch['satellite_mass_kg']:.0f} kg "
             "(SpaceX claims 100 kW/t)"),
        fact("Battery per satellite", f"{compute['battery_kg_per_satellite']:.0f} kg",
             f"load through the longest eclipse ({result['sunlight']['longest_eclipse_min']:.1f} min) "
             "÷ depth of discharge ÷ specific energy"),
        fact("Radiator per satellite", f"{heat['radiator_m2_per_satellite']:.0f} m² "
                                       f"({heat['radiator_to_array_area']:.0%} of the array)",
             f"waste heat {heat['waste_heat_w_per_satellite'] / 1e3:.1f} kW ÷ net {heat['radiator_net_w_m2']:.0f} W/m² "
             "(Stefan–Boltzmann less solar, albedo and Earth infrared)"),
        fact("Launches to deploy", f"{launch['launches']:,} ({launch['years']:.1f} years)",
             f"{launch['satellites_per_launch']} satellites per launch of {launch['satellite_mass_kg']:.0f} kg"),
        fact("Launch cost per kW-year of compute", f"${launch['cost_usd_per_compute_kw_year']:,.0f}",
             f"${launch['first_price_usd_per_kg']:,.0f}/kg falling to ${launch['last_price_usd_per_kg']:,.0f}/kg "
             "(20 % per doubling of cumulative mass) ÷ compute kW × lifetime"),
    ]


def energy_figure(table, result):
    sun, power, ground = result["sunlight"], result["power"], result["terrestrial"]
    compute = result["compute"]
    labels = ["orbital arrays", "orbital compute (IT)", f"ground grid, PUE {ground['pue']:.2f}",
              "ground grid, hyperscale PUE"]
    values = [power["array_twh_per_year"], compute["compute_twh_per_year"], ground["grid_twh"],
              ground["hyperscale_grid_twh"]]
    inputs = [
        f"{result['satellites']:,} satellites × {power['mean_array_power_w_per_satellite'] / 1e3:.1f} kW mean array power"
        f" (sunlit {sun['sunlit_fraction']:.3f}) × 8,766 h",
        "array power − bus, capped by the installed accelerators, integrated over the propagated year",
        f"the same IT energy × PUE {ground['pue']:.2f}",
        "the same IT energy × PUE 1.10 (Google 2024)",
    ]
    figure = go.Figure(go.Bar(x=labels, y=values, marker_color=["#f2b705", "#3b82c4", "#7f8c8d", "#95a5a6"],
                              text=[f"{v:,.3g}" for v in values], textposition="auto", customdata=inputs,
                              hovertemplate="%{x}: %{y:,.2f} TWh/yr<br>%{customdata}<extra></extra>"))
    figure.update_layout(**base_layout(
        f"Energy per year (TWh): orbit vs ground for the same compute — sunlight ×{table['sunlight_ratio']:.1f} "
        "a ground panel", "", "TWh per year"))
    figure.add_annotation(
        xref="paper", yref="paper", x=1, y=1.0, showarrow=False, align="right", font=dict(size=11),
        text=f"arrays in orbit {power['array_km2']:,.2f} km² · ground solar farm {ground['solar_farm_km2']:,.2f} km²",
        hovertext=f"{sun['orbit_sunlight_kwh_per_m2_year']:,.0f} kWh/m²/yr of sunlight in orbit ÷ "
                  f"{sun['ground_sunlight_kwh_per_m2_year']:,.0f} on a ground panel at capacity factor "
                  f"{sun['ground_capacity_factor']:.2f}")
    return figure


def comparison_table(table):
    """The orbital-versus-terrestrial table as HTML."""
    def cell(value):
        return "—" if value is None else f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return html.Table(className="comparison", children=[
        html.Thead(html.Tr([html.Th("quantity"), html.Th("unit"), html.Th("orbit"), html.Th("ground")])),
        html.Tbody([html.Tr([html.Td(row["quantity"]), html.Td(row["unit"]), html.Td(cell(row["orbit"])),
                             html.Td(cell(row["ground"]))]) for row in table["rows"]]),
    ])


def sources_table(scenario):
    """Every model parameter of the scenario with its unit and source."""
    return html.Table(className="sources-table", children=[
        html.Thead(html.Tr([html.Th(h) for h in ("group", "parameter", "value", "unit", "source")])),
        html.Tbody([html.Tr([html.Td(row["group"]), html.Td(row["name"]), html.Td(str(row["value"])),
                             html.Td(row["unit"]), html.Td(row["source"])]) for row in scenario.model().sources()]),
    ])


def panels_card():
    graph = dict(config={"displaylogo": False, "responsive": True}, className="graph", style={"height": "260px"})
    return html.Section(className="card panels", children=[
        html.Div(className="panel", id="solar-panel", children=[
            html.H2("Solar input"), html.Div(id="selection-label", className="selection"),
            dcc.Graph(id="solar-graph", **graph), dcc.Graph(id="season-graph", **graph),
            dcc.Graph(id="satellites-graph", **graph)]),
        html.Div(className="panel", id="compute-panel", children=[
            html.H2("Compute throughput"), dcc.Graph(id="compute-graph", **graph),
            html.Ul(id="compute-facts", className="facts")]),
        html.Div(className="panel", id="energy-panel", children=[
            html.H2("Energy against terrestrial data centers"), dcc.Graph(id="energy-graph", **graph),
            html.Div(id="comparison")]),
        html.Details(id="sources", className="panel sources", children=[
            html.Summary("Sources: every parameter of the model"), html.Div(id="sources-table")]),
    ])


# Figures are drawn with their cursor at 0; move_cursors then puts it at the clock's time through a
# Patch, whenever the clock moves or a figure is drawn anew. It is a callback of its own because Dash
# drops a callback's older answer when a newer call of it is in flight: one callback for both would
# lose the new figures to the clock's reset (clock.fit_scrubber) that follows a new scenario.
@callback(Output("season-graph", "figure"), Output("satellites-graph", "figure"), Output("compute-graph", "figure"),
          Output("compute-facts", "children"), Output("energy-graph", "figure"), Output("comparison", "children"),
          Output("sources-table", "children"), Output("compute-panel", "className"), Input("scenario", "data"))
def scenario_panels(scenario_data):
    scenario = Scenario(**scenario_data)
    result = yearly(scenario)
    table = energy_comparison(scenario)
    return (season_figure(result), scatter_figure(satellite_scatter(scenario), [s["name"] for s in result["shells"]]),
            compute_figure(fleet_compute(scenario), 0.0, scenario.accelerator),
            compute_facts(result), energy_figure(table, result), comparison_table(table), sources_table(scenario),
            "panel drawn")


@callback(Output("solar-graph", "figure"), Output("selection-label", "children"),
          Input("scenario", "data"), Input("selection", "data"))
def selection_panel(scenario_data, selection):
    scenario = Scenario(**scenario_data)
    count = scenario.constellation().count
    index = selection if isinstance(selection, int) and 0 <= selection < count else 0
    data = satellite_power(scenario, index)
    return solar_figure(data, 0.0), f"Selected: {data['name']} (#{index})"


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
    point = (click or {}).get("points", [{}])[0]
    return int(point["customdata"]) if "customdata" in point else no_update
