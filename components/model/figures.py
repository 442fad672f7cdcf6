"""The panels' Plotly figures, built from orbital/'s results (no Dash here: the report and the
command line's export use them too). Every name that comes from a user (satellites and shells of an
uploaded catalogue) passes through `shown`, so Plotly draws it as text, never as its HTML subset."""

import html
import math

import numpy as np
import plotly.graph_objects as go

import orbital

# Shells, mass parts and other categories, in order: Okabe–Ito and Paul Tol colours chosen and ordered
# so that any first n stay apart for protan, deutan and tritan viewers too (tests/test_presentation.py
# checks it with colorspacious's CVD simulation).
COLOURS = ["#E69F00", "#000000", "#33BBEE", "#882255", "#CC3311", "#009E73", "#AA4499", "#332288"]
# Satellites by sunlight, as the globe draws them (assets/primitive.mjs; a test checks they agree).
SATELLITE_COLOURS = {"sunlit": "#F0E442", "penumbra": "#D55E00", "umbra": "#56B4E9"}
# A pair told apart by every viewer (low and high ends, two references), and greys for context.
BLUE, RED, GREY, LIGHT_GREY = "#0077BB", "#CC3311", "#999999", "#BBBBBB"


# The charts' modebar: saving, zoom, pan and reset only, so it stays narrow beside a title or ticks.
GRAPH_CONFIG = {"displaylogo": False, "responsive": True,
                "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d",
                                           "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian"]}


def shown(name):
    """A user-supplied name as Plotly shows text: its HTML subset's markup escaped."""
    return html.escape(str(name), quote=False)


# Characters a title's line holds in the narrowest panel (~420 px at 14 px type): longer ones wrap.
TITLE_LINE_CHARS = 50


def wrapped(text, chars=TITLE_LINE_CHARS):
    """`text` broken at spaces into lines of at most `chars` characters (Plotly's <br>), so a title is
    never cut by its panel's edge; (text, number of lines). Text with markup or entities is left as it is."""
    if not isinstance(text, str) or "<" in text or "&" in text or len(text) <= chars:
        return text, 1
    lines = [""]
    for word in text.split(" "):
        if lines[-1] and len(lines[-1]) + 1 + len(word) > chars:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return "<br>".join(lines), len(lines)


def base_layout(title, x_title, y_title):
    """Plotly layout shared by the panels: title, axis titles (wrapped to fit), margins and legend."""
    title, title_lines = wrapped(title)
    x_title, x_lines = wrapped(x_title)
    return dict(title=dict(text=title, font=dict(size=14)),
                margin=dict(l=60, r=10, t=40 + 18 * (title_lines - 1), b=45 + 16 * (x_lines - 1)),
                xaxis=dict(title=x_title), yaxis=dict(title=y_title), template="plotly_white",
                legend=dict(orientation="h", yref="container", yanchor="bottom", y=0.0, xanchor="left", x=0.0,
                            traceorder="normal"))


# Width (px) a legend row may take in the narrowest panel, and the width of one legend character.
LEGEND_ROW_PX, LEGEND_CHAR_PX = 460, 7


def legend_below(figure):
    """Room at the bottom for the legend's rows, under the x axis's ticks and title (the legend sits
    on the figure's bottom edge: it never covers the axes)."""
    names = [trace.name or "" for trace in figure.data if trace.showlegend is not False and trace.name]
    if len(names) < 2:
        return figure
    rows = math.ceil(sum(len(name) + 5 for name in names) * LEGEND_CHAR_PX / LEGEND_ROW_PX)
    figure.update_layout(margin=dict(b=62 + 20 * rows))
    return figure


def cursor_shape(minutes):
    """The clock's cursor: a vertical line at `minutes` from the window's start."""
    return dict(type="line", name="cursor", xref="x", yref="paper", x0=minutes, x1=minutes, y0=0, y1=1,
                line=dict(color="#c0392b", width=2))


def empty_figure(sentence):
    """A figure that says in a sentence why there is nothing to draw yet (no axes)."""
    figure = go.Figure()
    figure.update_layout(template="plotly_white", margin=dict(l=10, r=10, t=10, b=10),
                         xaxis=dict(visible=False), yaxis=dict(visible=False),
                         annotations=[dict(text=sentence, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
                                           font=dict(size=14, color="#6b7280"))])
    return figure


# SI prefixes of FLOP/s by PFLOP/s: the largest unit the value reaches.
FLOPS_UNITS = ((1e6, "ZFLOP/s"), (1e3, "EFLOP/s"), (1.0, "PFLOP/s"), (1e-3, "TFLOP/s"))


# SI prefixes of energy by TWh: the largest unit the largest bar reaches.
ENERGY_UNITS = ((1e3, "PWh"), (1.0, "TWh"), (1e-3, "GWh"), (1e-6, "MWh"))


def flops_unit(pflops):
    """(divisor from PFLOP/s, unit) of the SI prefix that fits `pflops` (PFLOP/s)."""
    return next(((scale, unit) for scale, unit in FLOPS_UNITS if abs(pflops) >= scale), FLOPS_UNITS[-1])


def three_figures(value):
    """`value` to three significant figures in plain digits with thousands separators, never an
    exponent: 1661 → '1,660', 0.0421 → '0.0421', 2.5e7 → '25,000,000'."""
    value = float(value)
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    digits = math.floor(math.log10(abs(value)))
    if digits >= 2:
        return f"{round(value, 2 - digits):,.0f}"
    return f"{value:.{max(2 - digits, 0)}f}" if digits >= -3 else f"{value:.3g}"


def flops_text(pflops):
    """A throughput (PFLOP/s) in words with the SI prefix that fits, 3 significant figures: '16.3 ZFLOP/s'."""
    scale, unit = flops_unit(pflops)
    return f"{pflops / scale:,.3g} {unit}"


def solar_figure(data, cursor_min):
    """One satellite's array power over the window (kW), umbra shaded, cursor at `cursor_min`."""
    minutes = data["seconds"] / 60.0
    shapes = [cursor_shape(cursor_min)] + [
        dict(type="rect", xref="x", yref="paper", x0=a / 60.0, x1=b / 60.0, y0=0, y1=1, line=dict(width=0),
             fillcolor="rgba(40, 50, 90, 0.18)", layer="below") for a, b in data["umbra_s"]]
    figure = go.Figure(go.Scatter(x=minutes, y=data["power_w"] / 1000.0, mode="lines", name="array power",
                                  line=dict(color=COLOURS[0]),
                                  hovertemplate="%{x:.0f} min: %{y:.2f} kW<extra></extra>"))
    figure.update_layout(**base_layout(f"Solar input: {shown(data['name'])} (β = {data['beta_deg']:.1f}°, umbra shaded)",
                                       "minutes from start", "array power (kW)"), shapes=shapes)
    figure.update_yaxes(rangemode="tozero")
    return figure


def season_figure(data):
    """Each shell's sunlit fraction month by month, from the yearly assessment."""
    months = list(data.operation.months)
    figure = go.Figure([go.Scatter(x=months, y=data.operation.monthly_sunlit_fraction[k].tolist(),
                                   mode="lines+markers", name=shown(shell.name),
                                   line=dict(color=COLOURS[k % len(COLOURS)]),
                                   hovertemplate="%{fullData.name}<br>%{x}: sunlit %{y:.3f}<extra></extra>")
                        for k, shell in enumerate(data.shells.rows)])
    figure.update_layout(**base_layout(f"Sunlit fraction by shell, month by month ({months[0][:4]}, "
                                       f"{data.fleet.satellites_sampled} satellites sampled)", "month", "sunlit fraction"))
    lowest = float(np.min(data.operation.monthly_sunlit_fraction)) if len(months) else 0.5
    figure.update_yaxes(range=[min(0.5, lowest - 0.02), 1.02])  # a fraction: never past 1, never a point cut
    return legend_below(figure)


def scatter_figure(data, shells):
    """Sampled satellites by beta angle and sunlit fraction, one colour per shell; a click selects one."""
    figure = go.Figure()
    for k, name in enumerate(shells):
        rows = data["shell"] == k
        figure.add_trace(go.Scatter(
            x=data["beta_deg"][rows], y=data["sunlit_fraction"][rows], mode="markers", name=shown(name),
            customdata=data["index"][rows].tolist(), text=[shown(n) for n in np.array(data["names"], dtype=object)[rows]],
            marker=dict(size=7, color=COLOURS[k % len(COLOURS)]),
            hovertemplate="%{text}<br>β %{x:.1f}°, sunlit %{y:.3f}<extra>click to select</extra>"))
    # The selected satellite, placed by selected_point (a Patch of this last trace).
    figure.add_trace(go.Scatter(x=[], y=[], mode="markers", name="selected", showlegend=False,
                                marker=dict(size=16, color="rgba(0,0,0,0)", line=dict(color="#00bcd4", width=3)),
                                hovertemplate="selected: β %{x:.1f}°, sunlit %{y:.3f}<extra></extra>"))
    figure.update_layout(**base_layout("Satellites: beta angle vs sunlit fraction (click one)",
                                       "beta angle at start (°)", "sunlit fraction in window"))
    figure.update_yaxes(range=[-0.02, 1.02])  # a fraction: 0 to 1 (autorange ran to 1.5 for one satellite)
    return legend_below(figure)


def selected_point(data):
    """The scatter's selected-satellite trace (x, y) for one satellite's window (satellite_power)."""
    return {"x": [data["beta_deg"]], "y": [float(np.mean(np.nan_to_num(data["lit"]) > 0))]}


# Cells across the Earth's disc of the globe figure's day and night shading.
GLOBE_SHADING_CELLS = 241


def view_axes(toward):
    """Unit vectors (east, north, toward the viewer) of an orthographic view looking down on `toward`."""
    e3 = np.asarray(toward, float) / np.linalg.norm(toward)
    pole = np.array([0.0, 0.0, 1.0]) if abs(e3[2]) < 0.99 else np.array([1.0, 0.0, 0.0])
    e1 = np.cross(pole, e3)
    e1 /= np.linalg.norm(e1)
    return e1, np.cross(e3, e1), e3


def globe_figure(snap, when):
    """The constellation at one instant seen from far above the selected satellite (orthographic):
    the Earth's day and night sides from the Sun's direction, the satellites drawn by the snapshot
    (orbital.snapshot) coloured by sunlight, those behind the Earth hidden, the selected one ringed.
    `when` says the instant in words."""
    radius = snap["earth_radius_km"]
    e1, e2, e3 = view_axes(snap["r_teme_km"][np.searchsorted(snap["index"], snap["selected"])])
    cells = np.linspace(-1.0, 1.0, GLOBE_SHADING_CELLS)
    x, y = np.meshgrid(cells, cells)
    inside = x ** 2 + y ** 2 <= 1.0
    depth = np.sqrt(np.maximum(1.0 - x ** 2 - y ** 2, 0.0))
    day = (x * (e1 @ snap["sun_unit"]) + y * (e2 @ snap["sun_unit"]) + depth * (e3 @ snap["sun_unit"])) > 0
    shading = go.Heatmap(x=cells, y=cells, z=np.where(inside, day.astype(float), np.nan), showscale=False,
                         colorscale=[[0.0, "#1b2440"], [1.0, "#5d86b8"]], zmin=0, zmax=1, hoverinfo="skip")
    r = snap["r_teme_km"] / radius
    px, py, pz = r @ e1, r @ e2, r @ e3
    visible = (pz > 0) | (px ** 2 + py ** 2 > 1.0)
    lit = np.nan_to_num(snap["lit"])
    classes = {"sunlit": lit >= 1.0, "penumbra": (lit > 0.0) & (lit < 1.0), "umbra": lit <= 0.0}
    traces = [shading] + [
        go.Scattergl(x=px[visible & mask], y=py[visible & mask], mode="markers", hoverinfo="skip",
                     name=f"{label} ({np.count_nonzero(mask):,} of {snap['drawn']:,})",
                     marker=dict(size=3 if snap["drawn"] > 2000 else 6, color=SATELLITE_COLOURS[label]))
        for label, mask in classes.items()]
    k = np.searchsorted(snap["index"], snap["selected"])
    traces.append(go.Scatter(x=[px[k]], y=[py[k]], mode="markers", name=f"selected: {shown(snap['selected_name'])}",
                             marker=dict(size=14, color="rgba(0,0,0,0)", line=dict(color="#00bcd4", width=3))))
    reach = max(1.05, float(np.hypot(px[visible], py[visible]).max(initial=1.0)) * 1.05)
    figure = go.Figure(traces)
    drawn = "all" if snap["drawn"] >= snap["count"] else f"{snap['drawn']:,} of"
    figure.update_layout(**base_layout(f"The constellation at {when}: {drawn} {snap['count']:,} satellites "
                                       "(night side shaded, seen from above the selected satellite)", "", ""))
    figure.update_layout(plot_bgcolor="#0b1020", margin=dict(l=10, r=10, t=40, b=40))
    figure.update_xaxes(range=[-reach, reach], visible=False)
    figure.update_yaxes(range=[-reach, reach], visible=False, scaleanchor="x", scaleratio=1)
    return figure


def compute_figure(data, cursor_min, accelerator):
    """The fleet's delivered and installed compute over the window, cursor at `cursor_min`."""
    minutes = data["seconds"] / 60.0
    counts = ", ".join(str(c) for c in np.unique(data["accelerators_per_satellite"]))
    scale, unit = flops_unit(float(np.max(data["installed_pflops"])))
    figure = go.Figure([
        go.Scatter(x=minutes, y=data["installed_pflops"] / scale, mode="lines", name="installed",
                   line=dict(color=GREY, dash="dot"),
                   hovertemplate=f"installed: %{{y:,.3g}} {unit}<extra>accelerators × {data['throughput']}</extra>"),
        go.Scatter(x=minutes, y=data["delivered_pflops"] / scale, mode="lines", name="delivered",
                   fill="tonexty", fillcolor="rgba(40, 50, 90, 0.18)", line=dict(color=BLUE),
                   hovertemplate=f"%{{x:.0f}} min: %{{y:,.3g}} {unit}<extra>array power − bus, per accelerator's "
                                 "system power</extra>"),
    ])
    lost = max(0.0, 1.0 - data["delivered_pflops"].mean() / max(data["installed_pflops"][0], 1e-9))
    eclipse = "carried on batteries" if data["eclipse_mode"] == "battery" else "throttled in eclipse"
    figure.update_layout(**base_layout(
        f"Fleet compute: {data['satellites']:,} satellites × {counts} {accelerator}, {eclipse}"
        f" — {lost:.1%} lost (shaded)", "minutes from start", f"{data['throughput']} {unit}"),
        shapes=[cursor_shape(cursor_min)])
    figure.update_yaxes(rangemode="tozero")
    return legend_below(figure)


def energy_figure(table, result):
    """Yearly energy of orbit against the ground references, from the comparison `table`."""
    sun, power, ground = result.sunlight, result.power, result.terrestrial
    compute = result.compute
    labels = ["orbital arrays", "orbital compute (IT)", f"ground grid, PUE {ground.pue:.2f}",
              "ground grid, hyperscale PUE"]
    values = [power.array_twh_per_year, compute.compute_twh_per_year, ground.grid_twh, ground.hyperscale_grid_twh]
    inputs = [
        f"{result.fleet.satellites:,} satellites × {power.mean_array_power_w_per_satellite / 1e3:.1f} kW mean array power"
        f" (sunlit {sun.sunlit_fraction:.3f}) × 8,766 h",
        "array power − bus, capped by the installed accelerators, integrated over the propagated year",
        f"the same IT energy × PUE {ground.pue:.2f}",
        "the same IT energy × PUE 1.10 (Google 2024)",
    ]
    scale, unit = next(((s, u) for s, u in ENERGY_UNITS if max(values) >= s), ENERGY_UNITS[-1])
    values = [v / scale for v in values]
    figure = go.Figure(go.Bar(x=labels, y=values, marker_color=[COLOURS[0], BLUE, GREY, LIGHT_GREY],
                              text=[f"{v:,.3g}" for v in values], textposition="auto", customdata=inputs,
                              hovertemplate=f"%{{x}}: %{{y:,.3g}} {unit}/yr<br>%{{customdata}}<extra></extra>"))
    figure.update_layout(**base_layout(
        f"Energy per year ({unit}): orbit vs ground for the same compute — sunlight ×{table['sunlight_ratio']:.1f} "
        f"a ground panel; arrays in orbit {area_text(power.array_km2)}, ground solar farm "
        f"{area_text(ground.solar_farm_km2)}", "", f"{unit} per year"))
    return figure


def area_text(km2):
    """An area with the unit that fits: km² from 1 km², m² below (three significant figures)."""
    return f"{three_figures(km2)} km²" if km2 >= 1 else f"{three_figures(km2 * 1e6)} m²"


MASS_PARTS = (("bus_and_arrays", "bus and arrays", COLOURS[1]), ("compute", "compute", COLOURS[0]),
              ("shielding", "shielding", COLOURS[2]), ("radiator", "radiator", COLOURS[3]),
              ("battery", "battery", COLOURS[4]), ("propellant", "propellant", COLOURS[5]))


def mass_figure(result):
    """One satellite's mass by part (kg), as a stacked bar from zero, from the yearly assessment."""
    mass = result.mass.per_satellite
    figure = go.Figure([go.Bar(y=["per satellite"], x=[getattr(mass, f"{part}_kg")], name=label, orientation="h",
                               marker_color=colour, hovertemplate=f"{label}: %{{x:,.0f}} kg<extra></extra>")
                        for part, label, colour in MASS_PARTS if getattr(mass, f"{part}_kg") > 0])
    figure.update_layout(**base_layout(f"Mass per satellite: {mass.total_kg:,.0f} kg — "
                                       f"{result.compute.compute_kw_per_tonne:.0f} kW of compute per tonne",
                                       "kg", ""), barmode="stack")
    figure.update_xaxes(rangemode="tozero")
    figure.update_layout(margin=dict(l=90, r=10))
    return legend_below(figure)


# The cost drivers' names as the tornado labels them (orbital.economics.montecarlo.RANGES' keys).
DRIVER_LABELS = {
    "hardware.price_factor": "satellite hardware $/kg (× central)", "hardware.learning_rate":
    "satellite production learning (per doubling)", "launch.price_factor": "price of a flight (× central)",
    "operations.launch_learning_rate": "launch learning (per doubling)",
    "operations.launch_reference_cumulative_t": "launch mass flown before (t)", "operations.wacc": "WACC (per year)",
    "satellite.lifetime_years": "satellite life (years)", "operations.failure_per_year": "accelerator failures a year",
    "operations.failure_doubling_krad": "dose that doubles failures (krad)",
    "operations.ops_fraction_per_year": "operations (of hardware a year)", "hardware.nre_usd": "development ($)",
    "hardware.accelerator_usd": "accelerator price ($)", "facility.price_factor": "facility $/W (× central)",
    "facility.life_years": "facility life (years)", "facility.load_factor": "facility load factor",
    "facility.price_usd_per_kwh": "electricity ($/kWh)", "ground.pue": "PUE (industry)",
    "ground.hyperscale_pue": "PUE (hyperscale)"}


def tornado_figure(result):
    """Which all-in driver moves the answer most: orbit's cost ÷ the ground's (industry PUE) with each
    driver at its low and high end, the others central (drivers the user set are held and left out);
    the line at 1 is where orbit breaks even."""
    answer = result.costs.uncertainty
    rows = [bar for bar in answer.tornado if not bar.fixed][::-1]  # the widest on top
    labels = [DRIVER_LABELS.get(bar.key, bar.key) for bar in rows]
    figure = go.Figure()
    for end, colour in (("low", BLUE), ("high", RED)):
        figure.add_trace(go.Bar(
            y=labels, x=[getattr(bar, f"ratio_at_{end}") - answer.ratio_central for bar in rows],
            base=answer.ratio_central, orientation="h", name=f"{end} end", marker_color=colour,
            customdata=[[getattr(bar, end), getattr(bar, f"ratio_at_{end}")] for bar in rows],
            hovertemplate="%{y} = %{customdata[0]:,.3g}: orbit costs %{customdata[1]:.2f}× the ground<extra></extra>"))
    held = f"; held as set: {', '.join(answer.fixed)}" if answer.fixed else ""
    figure.update_layout(**base_layout(
        f"All in, orbit ÷ ground per kW-year: {answer.ratio_central:.2f} central (p{answer.central_percentile:.0f}), "
        f"median {answer.ratio_median:.2f}; orbit cheaper in {answer.p_orbit_cheaper_industry:.1%} of "
        f"{answer.samples:,} draws (hyperscale {answer.p_orbit_cheaper_hyperscale:.1%}){held}",
        "orbit ÷ ground", ""), barmode="overlay")
    figure.add_vline(x=1.0, line=dict(color="#1d2330", dash="dash"), annotation_text="break-even",
                     annotation_position="bottom right")
    figure.update_layout(margin=dict(l=290, r=10))
    figure.update_xaxes(rangemode="tozero")
    return legend_below(figure)


# The bill's parts as the breakdown stacks them: (label, capital or operating, economics part names).
COST_GROUPS = (
    ("satellite hardware", "capital", ("bus_and_arrays", "radiator", "structure_and_shielding",
                                       "compute_integration", "battery", "propellant")),
    ("facility", "capital", ("power", "electrical", "mechanical", "shell", "fit_out")),
    ("accelerators", "capital", ("accelerators",)),
    ("launch", "capital", ("launch",)),
    ("ground segment and development", "capital", ("ground_segment", "development")),
    ("operations and maintenance", "operating", ("operations", "maintenance", "accelerator_service")),
    ("energy", "operating", ("energy",)),
    ("failed accelerators", "operating", ("failures",)),
)


def cost_breakdown_figure(result):
    """The whole bill, $ per kW-year of IT power in use, stacked by part (capital solid, operating
    hatched) for orbit and both grounds, with the orbit's 5th–95th percentile and median from the
    Monte Carlo."""
    costs, u = result.costs, result.costs.uncertainty
    sides = (("orbit", costs.orbit), (f"ground, PUE {result.terrestrial.pue:.2f}", costs.industry),
             (f"ground, PUE {result.terrestrial.hyperscale_pue:.2f}", costs.hyperscale))
    names = [name for name, _ in sides]
    figure = go.Figure()
    for k, (label, kind, parts) in enumerate(COST_GROUPS):
        values = [sum(p.usd_per_kw_year for p in side.parts if p.name in parts) for _, side in sides]
        if max(values) <= 0:
            continue
        figure.add_trace(go.Bar(x=names, y=values, name=f"{label} ({kind})", marker_color=COLOURS[k],
                                marker_pattern_shape="/" if kind == "operating" else "",
                                hovertemplate=f"{label}: $%{{y:,.0f}} per kW-year<extra></extra>"))
    figure.add_trace(go.Scatter(
        x=[names[0]], y=[u.orbit_median], mode="markers", name="orbit: median, 5th–95th percentile",
        marker=dict(color=GREY, size=9, symbol="diamond", line=dict(color="#1d2330", width=1)),
        error_y=dict(type="data", symmetric=False, array=[u.orbit_p95 - u.orbit_median],
                     arrayminus=[u.orbit_median - u.orbit_p5], color="#1d2330"),
        hovertemplate=f"median $%{{y:,.0f}}; 5th–95th percentile ${u.orbit_p5:,.0f}–${u.orbit_p95:,.0f}"
                      "<extra></extra>"))
    figure.update_layout(**base_layout(
        f"All in: orbit ${costs.orbit.usd_per_kw_year:,.0f} vs ground ${costs.industry.usd_per_kw_year:,.0f} per "
        f"kW-year ({costs.ratio_industry:.1f}×); LCOE ${costs.orbit.lcoe_usd_per_mwh:,.0f} vs "
        f"${costs.industry.lcoe_usd_per_mwh:,.0f}/MWh", "", "$ per kW-year of IT power"), barmode="stack")
    figure.update_yaxes(rangemode="tozero", tickformat="~s", tickprefix="$")
    return legend_below(figure)


def waterfall_figure(result):
    """Delivered compute on both sides: the installed peak, then what is left after each step of the
    waterfall (utilisation, power, thermal, availability and failures, network), FLOP/s, from zero."""
    costs = result.costs
    steps = ["installed peak", *(step for step, _ in costs.orbit_waterfall.factors)]
    figure = go.Figure()
    for name, fall, colour in (("orbit", costs.orbit_waterfall, RED), ("ground", costs.ground_waterfall, BLUE)):
        values = [fall.peak_pflops, *(pflops for _, pflops in fall.stages_pflops())]
        figure.add_trace(go.Bar(x=steps, y=[v * 1e15 for v in values], name=name, marker_color=colour,
                                customdata=[v / fall.peak_pflops for v in values],
                                hovertemplate=f"{name}, %{{x}}: %{{y:.3s}}FLOP/s (%{{customdata:.1%}} of peak)"
                                              "<extra></extra>"))
    figure.update_layout(**base_layout(
        f"Delivered compute, life-averaged: orbit {costs.orbit_waterfall.delivered_fraction:.0%} of the installed "
        f"peak, ground {costs.ground_waterfall.delivered_fraction:.0%}", "", "FLOP/s (dense BF16)"), barmode="group")
    figure.update_yaxes(rangemode="tozero", tickformat="~s")
    return legend_below(figure)


def fact_rows(result):
    """Per-satellite compute, heat and launch figures of the yearly assessment: (label, value, inputs)."""
    power, compute, heat, launch, eol = result.power, result.compute, result.heat, result.launch, result.end_of_life
    satellites, accelerator, eclipse_mode = result.fleet.satellites, result.sizing.accelerator, result.sizing.eclipse_mode
    return [
        ("Accelerators per satellite", f"{compute.accelerators_per_satellite:.1f} × {accelerator}",
         f"array rating {power.rated_w_per_satellite / 1e3:.1f} kW × losses {power.loss_factor:.3f} (cells at "
         f"{power.cell_temperature_c:.0f} °C, conditioning {power.conditioning_efficiency:.0%}) = "
         f"{power.full_sun_w_per_satellite / 1e3:.1f} kW in full sun − bus {power.bus_w_per_satellite / 1e3:.1f} kW,"
         f" ÷ system power per accelerator; eclipse: {eclipse_mode}"),
        ("At the end of life", f"{eol.compute_share_of_start:.1%} of the compute",
         f"the array's power × {eol.power_factor:.3f} (degradation over "
         f"{eol.age_years:g} years) = {eol.full_sun_w_per_satellite / 1e3:.1f} kW "
         "in full sun, run over the same propagated year"),
        ("Delivered per satellite (year)", f"{compute.delivered_pflops_per_satellite:.2f} PFLOP/s",
         f"{result.sizing.throughput}: installed {compute.installed_pflops_per_satellite:.2f} PFLOP/s × utilisation "
         f"{compute.utilisation:.3f} from the propagated year"),
        ("Fleet delivered (year)", flops_text(compute.fleet_delivered_eflops * 1000.0),
         f"{satellites:,} satellites, sampled {result.fleet.satellites_sampled} per the shells"),
        ("Compute per tonne launched", f"{compute.compute_kw_per_tonne:.0f} kW/t",
         f"accelerator system power ÷ satellite mass {launch.satellite_mass_kg:.0f} kg "
             "(SpaceX claims 100 kW/t)"),
        ("Battery per satellite", f"{compute.battery_kg_per_satellite:.0f} kg",
         ("compute and bus" if eclipse_mode == "battery" else "the bus (housekeeping; compute stops)")
         + f" through the longest eclipse ({result.sunlight.longest_eclipse_min:.1f} min) "
             "÷ depth of discharge ÷ specific energy"),
        ("Radiator per satellite", f"{heat.radiator_m2_per_satellite:.0f} m² "
                                   f"({heat.radiator_to_array_area:.0%} of the array)",
         f"waste heat {heat.waste_heat_w_per_satellite / 1e3:.1f} kW ÷ net {heat.radiator_net_w_m2:.0f} W/m² "
             f"(Stefan–Boltzmann less solar, and albedo and Earth infrared on the Earth-facing face at view "
             f"factor {heat.earth_view_factor:.2f} from the altitude)"),
    ] + fleet_fact_rows(result)


def fleet_fact_rows(result):
    """fact_rows' launch, mass, radiation and disposal figures: (label, value, inputs)."""
    compute, launch, costs = result.compute, result.launch, result.costs
    mass, disposal, satellites = result.mass.per_satellite, result.disposal, result.fleet.satellites
    return [
        ("Launches to deploy", f"{launch.launches:,} ({launch.years:.1f} years)",
         f"{launch.satellites_per_launch:.0f} satellites of {launch.satellite_mass_kg:.0f} kg per launch on "
         f"average on {launch.vehicle}: {launch.payload_kg_to_orbit / 1e3:.0f} t reach the shells' orbits (the upper "
         "stage's rocket equation from the quoted low orbit, less a returning stage's own return burn)"),
        ("Cost per kW-year, all in", f"${costs.orbit.usd_per_kw_year:,.0f} "
                                     f"(ground ${costs.industry.usd_per_kw_year:,.0f})",
         f"satellites, launches ({costs.flights_total:,.0f} flights at ${costs.usd_per_flight / 1e6:,.1f} M on "
         f"average, {costs.launch_share:.0%} of the bill), operations, development and failed accelerators, "
         "levelised at the WACC over life-averaged compute"),
        ("Mass per satellite", f"{mass.total_kg:,.0f} kg",
         " + ".join(f"{label} {getattr(mass, part + '_kg'):,.0f}" for part, label, _ in MASS_PARTS)
         + f" kg (compute: {compute.accelerators_per_satellite:.0f} × "
           f"{mass.compute_kg / max(compute.accelerators_per_satellite, 1):.0f} kg)"),
        ("Beyond the dose Suncatcher tested",
         f"{sum(r.satellites for r in result.radiation.shells if r.dose_krad_over_life > result.radiation.tested_krad) / satellites:.0%} of the fleet",
         "AP-8 >10 MeV proton fluence along each shell's orbit ÷ that of Suncatcher's 650 km orbit × its "
         "~750 rad(Si) in 5 years × life, against the ~15 krad(Si) it tested"),
        ("Dead satellites that stay for centuries", f"{disposal.share_for_centuries:.0%} of the fleet",
         "shells whose dead satellites take over a century to re-enter: decay through NRLMSIS 2.1 at solar "
         f"maximum (the fastest) with Cd × A ÷ m of each shell; {disposal.share_beyond_rule:.0%} "
         f"outlast the FCC's {disposal.rule_years:g}-year rule"),
        ("Replacement launches a year", three_figures(launch.replacement_launches_per_year),
         f"{satellites:,} satellites ÷ {launch.lifetime_years:g}-year life ÷ "
         f"{launch.satellites_per_launch:.0f} per launch, at steady state"),
        ("Largest fleet the cadence sustains",
         f"{launch.sustainable_satellites:,.0f}" + ("" if launch.sustainable else " (this fleet is larger)"),
         f"{launch.launches_per_year:g} launches a year × {launch.lifetime_years:g}-year life × "
         f"{launch.satellites_per_launch:.0f} per launch"),
    ]


def sweep_figure(altitudes_km, ltans_h, sunlit):
    """Heatmap of the yearly sunlit fraction of sun-synchronous shells (altitude × local time of the node)."""
    labels = [f"{int(h):02d}:{int(round(h % 1 * 60)):02d}" for h in ltans_h]
    figure = go.Figure(go.Heatmap(
        x=labels, y=list(altitudes_km), z=np.asarray(sunlit).tolist(), zmin=0.6, zmax=1.0, colorscale="Cividis",
        text=[[f"{v:.3f}" for v in row] for row in sunlit], texttemplate="%{text}", textfont=dict(size=9),
        colorbar=dict(title="sunlit"),
        hovertemplate="%{y} km, node at %{x}: sunlit %{z:.3f} of the year<extra></extra>"))
    figure.update_layout(**base_layout("Sun-synchronous shells: sunlit fraction over a year",
                                       "local time of the ascending node (06:00 and 18:00 = dawn–dusk)",
                                       "altitude (km)"))
    return figure


def fleet_year_figure(result):
    """Satellites by yearly sunlit fraction (1 % bins), stacked by shell, from orbital.fleet_year."""
    edges = np.asarray(orbital.SUNLIT_BIN_EDGES)
    centres = (edges[:-1] + edges[1:]) / 2.0
    histogram = np.asarray(result["histogram"])
    figure = go.Figure([go.Bar(x=centres, y=row.tolist(), width=edges[1] - edges[0], name=shown(name),
                               marker_color=COLOURS[g % len(COLOURS)],
                               hovertemplate="%{fullData.name}: %{y:,} satellites sunlit %{x:.2f} of the year"
                                             "<extra></extra>")
                        for g, (name, row) in enumerate(zip(result["group_names"], histogram)) if row.any()])
    figure.update_layout(**base_layout(f"Every satellite's year of sunlight, {result['year']}",
                                       "sunlit fraction of the year", "satellites"), barmode="stack")
    return legend_below(figure)


def traffic_figure(result):
    """Close approaches a day by miss distance (bars from zero), from orbital.traffic; titled with the
    day's approaches, the manoeuvres they call for per satellite a year, and Starlink's reported figure."""
    histogram = result["miss_histogram"]
    edges = np.asarray(histogram["edges_km"])
    figure = go.Figure(go.Bar(x=(edges[:-1] + edges[1:]) / 2.0, y=histogram["approaches_per_day"],
                              width=edges[1] - edges[0], marker_color=RED,
                              hovertemplate="miss %{x:.2f} km: %{y:,.4s} approaches a day<extra></extra>"))
    figure.update_layout(**base_layout(
        f"{shown(result['name'])}: {result['approaches_per_day']:,.0f} approaches a day within "
        f"{result['screen_km']:g} km — {three_figures(result['manoeuvres_per_satellite_per_year'])} manoeuvres per "
        f"satellite a year (Starlink reported ~{result['starlink_reported_manoeuvres_per_satellite_per_year']:.0f})",
        "miss distance (km)", "approaches a day"))
    figure.update_xaxes(range=[0.0, float(edges[-1])])
    figure.update_yaxes(rangemode="tozero")
    return legend_below(figure)
