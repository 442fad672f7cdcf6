"""The verdict strip: the scenario's answer in a few big numbers, each with one line of context and a
link to the panel that explains it, always at the top of the page."""

from dash import Input, Output, callback, html

from .engine import traffic_if_screened, yearly
from .figures import flops_text, three_figures
from .state import ViewState


def energy_text(twh):
    """An energy a year with the SI prefix that fits: TWh or GWh."""
    return f"{three_figures(twh)} TWh" if twh >= 1 else f"{three_figures(twh * 1000)} GWh"


def duration_text(years):
    """A span of years in the unit that reads: days under two months, months under two years."""
    if years < 2 / 12:
        days = max(round(years * 365.25), 1)
        return f"{days:,} day{'s' if days > 1 else ''}"
    if years < 2:
        return f"{years * 12:,.0f} months"
    return f"{years:,.1f} years"


def verdict_items(result):
    """(label, big number, one line of context, panel id) for the scenario's yearly assessment; each
    context fits two lines of the strip at 1366 px (tested)."""
    sun, compute, power, launch, ground = (result.sunlight, result.compute, result.power, result.launch,
                                           result.terrestrial)
    cheaper, even = result.verdict.p_orbit_cheaper_per_kw_year, result.break_even
    return [
        ("Sunlit", f"{sun.sunlit_fraction:.1%}",
         f"of the year (seed: > 99 %); eclipses ≤ {sun.longest_eclipse_min:.0f} min", "solar-panel"),
        ("Fleet compute", flops_text(compute.fleet_delivered_eflops * 1000.0),
         f"{result.fleet.satellites:,} × {compute.accelerators_per_satellite:.0f} {result.sizing.accelerator}, "
         f"{result.sizing.throughput}", "compute-panel"),
        ("Energy a year", energy_text(power.array_twh_per_year),
         f"orbit; ground {energy_text(ground.grid_twh)} (PUE {ground.pue:.2f}), "
         f"{energy_text(ground.hyperscale_grid_twh)} ({ground.hyperscale_pue:.2f})", "energy-panel"),
        ("Cost per kW-year", f"${launch.cost_usd_per_compute_kw_year:,.0f}",
         f"orbit; ground ${ground.cost_usd_per_kw_year:,.0f}, hyperscale "
         f"${ground.hyperscale_cost_usd_per_kw_year:,.0f}", "energy-panel"),
        ("Launches", f"{launch.launches:,}",
         f"deployed in {duration_text(launch.years)}; then "
         f"{three_figures(launch.replacement_launches_per_year)} a year to replace", "compute-panel"),
        ("Orbit cheaper", f"{cheaper.industry:.0%}",
         f"chance ({cheaper.hyperscale:.0%} vs hyperscale); even at ${even.industry.usd_per_kg:,.0f}/kg",
         "tornado-graph"),
    ]


def traffic_item(traffic):
    """The strip's traffic item: manoeuvres per satellite a year once a day has been screened."""
    if traffic is None:
        return ("Manoeuvres", "not screened", "screen a day under Background jobs",
                "jobs-panel")
    return ("Manoeuvres", three_figures(traffic["manoeuvres_per_satellite_per_year"]),
            f"a satellite-year (Starlink ~{traffic['starlink_reported_manoeuvres_per_satellite_per_year']:.0f}); "
            f"{traffic['approaches_per_day']:,.0f} approaches a day ≤ {traffic['screen_km']:g} km", "jobs-panel")


def strip_children(result, traffic=None):
    """The strip's items as links to their panels."""
    return [html.A(className="verdict", href=f"#{target}", title=context, children=[
        html.Span(label, className="verdict-label"), html.B(value, className="verdict-value"),
        html.Span(context, className="verdict-context")]) for label, value, context, target in [*verdict_items(result), traffic_item(traffic)]]


def verdict_strip():
    """The strip, filled for each scenario."""
    return html.Nav(id="verdict-strip", className="strip", **{"aria-label": "the verdict"})


@callback(Output("verdict-strip", "children"), Input("scenario", "data"), Input("traffic-message", "children"))
def fill_strip(scenario_data, traffic_message):
    """The big numbers of the scenario on screen (again when a traffic job ends)."""
    view = ViewState.from_store(scenario_data)
    return strip_children(yearly(view), traffic_if_screened(view))
