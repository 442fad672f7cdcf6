"""The space-safety panel's figure and table, free of Dash: LEO's population over decades with and
without the fleet (orbital.population_outlook's JSON tree)."""

import math

import plotly.graph_objects as go

from .figures import BLUE, GREY, RED, base_layout, legend_below, three_figures


def outlook_figure(outlook):
    """Debris ≥ 10 cm and derelicts over the years, with and without the fleet (log scale: a runaway
    spans orders of magnitude); a runaway's end marked."""
    traces = []
    for key, name, colour in (("with_fleet", "with the fleet", RED), ("without_fleet", "without", BLUE)):
        projection = outlook[key]
        traces.append(go.Scatter(x=projection["years"], y=projection["debris"], name=f"debris ≥ 10 cm, {name}",
                                 mode="lines", line=dict(color=colour)))
        derelicts = [a + b for a, b in zip(projection["derelict"], projection["fleet_derelict"])]
        traces.append(go.Scatter(x=projection["years"], y=derelicts, name=f"derelicts, {name}", mode="lines",
                                 line=dict(color=colour, dash="dot")))
    figure = go.Figure(traces)
    figure.update_layout(**base_layout("LEO's population over the years (source–sink model, 200–2,000 km)",
                                       "years from now", "objects"))
    figure.update_yaxes(type="log")
    runaway = outlook["with_fleet"]["runaway_year"]
    if runaway is not None:
        figure.add_vline(x=runaway, line=dict(color=GREY, dash="dash"))
        figure.add_annotation(x=runaway, y=1, yref="paper", yanchor="top", xanchor="left", showarrow=False,
                              text=f"runaway: {runaway:g} years")
    return legend_below(figure)


def days_text(days):
    """Days as read: hours under a day, 'never' for no collision at all."""
    if math.isinf(days):
        return "never"
    return f"{three_figures(days * 24)} hours" if days < 1 else f"{three_figures(days)} days"


def outlook_rows(outlook):
    """(quantity, with the fleet, without) rows: the CRASH clock, the runaway, and the debris and
    collisions a year at the end of each projection."""
    with_fleet, without = outlook["with_fleet"], outlook["without_fleet"]

    def end(projection, key):
        return f"{three_figures(projection[key][-1])} (year {projection['years'][-1]:g})"

    return [("days to a collision if every manoeuvre stopped", days_text(outlook["crash_clock_days_with_fleet"]),
             days_text(outlook["crash_clock_days_now"])),
            ("debris runs away (> 10⁸ objects)", *(f"after {p['runaway_year']:g} years" if p["runaway_year"] is not None
                                                   else "no" for p in (with_fleet, without))),
            ("debris ≥ 10 cm at the end", end(with_fleet, "debris"), end(without, "debris")),
            ("collisions a year at the end", end(with_fleet, "collisions_per_year"), end(without, "collisions_per_year"))]
