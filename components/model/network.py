"""The network panel's figures and verdict table: downlink over the window, round trips by city, each
shell's bisection against a training pod's and its all-reduce need, and the bill per workload."""

import numpy as np
import plotly.graph_objects as go

import orbital

from .figures import BLUE, GREY, LIGHT_GREY, RED, base_layout, legend_below, shown, three_figures


PREFIXES = ((1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"))


def si(value, unit):
    """`value` in `unit` with an SI prefix, three significant figures: 5.9e11 bit/s → '590 Gbit/s'."""
    if not np.isfinite(value) or value == 0:
        return f"{value:g} {unit}"
    scale, prefix = next(((s, p) for s, p in PREFIXES if abs(value) >= s), PREFIXES[-1])
    return f"{three_figures(value / scale)} {prefix}{unit}"


def downlink_figure(window, availability):
    """The fleet's downlink at each step, clear sky and with each station's clear-sky fraction, bit/s."""
    clear, weather = window["downlink_clear_bps"], window["downlink_weather_bps"]
    figure = go.Figure()
    for name, values, colour in (("clear sky", clear, BLUE), ("with weather", weather, RED)):
        figure.add_trace(go.Scatter(x=window["minutes"], y=values, name=name, mode="lines", line=dict(color=colour),
                                    hovertemplate=f"{name}: %{{y:.3s}}bit/s at %{{x:.0f}} min<extra></extra>"))
    figure.update_layout(**base_layout(
        f"Downlink to {len(window['station_names'])} ground stations: mean {si(np.mean(clear), 'bit/s')} clear, "
        f"{si(np.mean(weather), 'bit/s')} with weather; a clear station in view {availability:.1%} of the time",
        "minutes from the window's start", "bit/s"))
    figure.update_yaxes(rangemode="tozero", tickformat="~s")
    return legend_below(figure)


def city_percentiles(window):
    """Per city, the 50th and 90th percentile round trip (s) to the others over the steps, weighted by their
    population, and the share of those trips that are reachable."""
    rtt, people = window["rtt_s"], np.asarray(window["population_thousands"], dtype=float)
    rows = []
    for c in range(rtt.shape[1]):
        others = np.arange(rtt.shape[1]) != c
        values, weights = rtt[:, c, others].ravel(), np.broadcast_to(people[others], rtt[:, c, others].shape).ravel()
        ok = np.isfinite(values)
        if not ok.any():
            rows.append((np.nan, np.nan, 0.0))
            continue
        order = np.argsort(values[ok])
        cumulative = np.cumsum(weights[ok][order]) / weights[ok].sum()
        p50, p90 = (values[ok][order][min(np.searchsorted(cumulative, q), ok.sum() - 1)] for q in (0.5, 0.9))
        rows.append((p50, p90, float(weights[ok].sum() / weights.sum())))
    return np.array(rows)


def latency_figure(window, altitude_km):
    """Round trips from each city to the others (population-weighted 50th and 90th percentiles, s) over the
    links, with the bent-pipe floor of the lowest shell."""
    rows, names = city_percentiles(window), [shown(n) for n in window["city_names"]]
    order = np.argsort(np.nan_to_num(rows[:, 0], nan=np.inf))
    figure = go.Figure()
    for column, name, colour in ((0, "median", BLUE), (1, "90th percentile", RED)):
        figure.add_trace(go.Scatter(x=[names[k] for k in order], y=rows[order, column], name=name, mode="markers",
                                    marker=dict(color=colour), customdata=rows[order, 2],
                                    hovertemplate=f"%{{x}}: {name} %{{y:.3s}}s, %{{customdata:.0%}} reachable"
                                                  "<extra></extra>"))
    floor = orbital.bent_pipe_floor_s(altitude_km)
    figure.add_hline(y=floor, line=dict(color=GREY, dash="dot"), annotation_text=f"bent pipe 4h/c {si(floor, 's')}")
    reachable = np.average(rows[:, 2], weights=window["population_thousands"])
    figure.update_layout(**base_layout(
        f"Round trips between the 30 largest cities over the links: {reachable:.0%} reachable "
        f"(population-weighted)", "", "round trip, s"))
    figure.update_yaxes(rangemode="tozero", tickformat="~s")
    figure.update_xaxes(tickangle=-60, tickfont=dict(size=9))
    return legend_below(figure)


def bisection_figure(result, accelerators, chip_tflops):
    """Each shell's bisection (closed form, least over the orbit) against training's need across it
    (1e-4 bit/FLOP × its compute ÷ 2) and a pod's bisection, bit/s, log scale."""
    costs, fleet = result.costs, result.fleet
    compute = fleet.shell_satellites * np.asarray(accelerators) * chip_tflops * 1e12 * costs.orbit_waterfall.delivered_fraction
    need = compute * orbital.WORKLOADS["training"].interchip_bits_per_flop / 2.0
    names = [shown(n) for n in fleet.shell_names]
    figure = go.Figure([go.Bar(x=names, y=costs.network.shell_bisection_bps, name="bisection", marker_color=BLUE,
                               hovertemplate="%{x}: %{y:.3s}bit/s across<extra></extra>"),
                        go.Bar(x=names, y=need, name="training's need", marker_color=RED,
                               hovertemplate="%{x}: training needs %{y:.3s}bit/s<extra></extra>")])
    for (pod, bps), colour in zip(orbital.PODS_BPS.items(), (GREY, LIGHT_GREY)):
        figure.add_trace(go.Scatter(x=names, y=[bps] * len(names), name=pod, mode="lines",
                                    line=dict(color=colour, dash="dash"),
                                    hovertemplate=f"{pod}: %{{y:.3s}}bit/s<extra></extra>"))
    cut = costs.network.shell_bisection_bps
    none = f"; {int(np.sum(cut == 0))} shell(s) none: links out of optical range" if np.any(cut == 0) else ""
    figure.update_layout(**base_layout(f"Bisection per shell vs a pod and training's need{none}", "", "bit/s"),
                         barmode="group")
    figure.update_yaxes(type="log", tickformat="~s", dtick=1)
    return legend_below(figure)


def verdict_rows(result):
    """The bill per workload as table rows of text."""
    return [(row.workload, f"{row.network_factor:.3g}", row.binding, f"{row.delivered_fraction:.1%}",
             f"${three_figures(row.usd_per_pflop_day)}", f"{three_figures(row.ratio_hyperscale)}×", row.verdict)
            for row in result.costs.workloads]
