"""The Sky panel's figures and rows, built from orbital.night_sky, orbital.sky_at and the reentry stage
(no Dash here). Counts from zero; magnitudes are V; the map looks up (north at the top, east left)."""

import plotly.graph_objects as go

import orbital

from .figures import BLUE, GREY, RED, base_layout, legend_below, three_figures

# Most lit satellites the all-sky map draws (a random sample of more, sky_at's `every`).
MAP_POINTS = 5_000
# Most satellites followed through a night on the dashboard (orbital.night_sky's `every`): the 1M
# night in about a second, its counts within ~1 % of every satellite's (tests/test_sky.py).
NIGHT_SATELLITES = 50_000


def every_for(count, most):
    """The 1-in-N sampling that follows at most `most` of `count` satellites."""
    return max(1, -(-int(count) // most))


def night_figure(night):
    """Lit satellites above the horizon and above 30° through the night (counts from zero)."""
    series = night["series"]
    figure = go.Figure([go.Scatter(x=series["utc"], y=series["lit_above_horizon"], name="above the horizon",
                                   mode="lines", line=dict(color=BLUE)),
                        go.Scatter(x=series["utc"], y=series["lit_above_30"], name="above 30°", mode="lines",
                                   line=dict(color=RED, dash="dash"))])
    figure.update_layout(**base_layout(f"Lit satellites over {night['site']}, night of {night['date']}",
                                       "UTC (end to start of astronomical twilight)", "satellites"))
    figure.update_yaxes(rangemode="tozero")
    return legend_below(figure)


def satcon_figure(night):
    """The share of lit satellites above the horizon brighter than SATCON-1's limit, and the brightest
    magnitude, through the night."""
    series = night["series"]
    share = [over / seen if seen else 0.0 for over, seen in zip(series["over_satcon"], series["lit_above_horizon"])]
    figure = go.Figure([go.Scatter(x=series["utc"], y=share, name="share brighter than SATCON-1", mode="lines",
                                   line=dict(color=RED)),
                        go.Scatter(x=series["utc"], y=series["brightest_mag"], name="brightest (V mag)", mode="lines",
                                   line=dict(color=BLUE, dash="dot"), yaxis="y2")])
    figure.update_layout(**base_layout("Brighter than SATCON-1's V = 7 + 2.5 log10(h / 550 km)",
                                       "UTC", "share of lit satellites"))
    figure.update_layout(yaxis=dict(range=[0, 1], tickformat=".0%"),
                         yaxis2=dict(title="brightest, V mag", overlaying="y", side="right", autorange="reversed"),
                         margin=dict(r=60))
    return legend_below(figure)


def map_figure(seen, when):
    """The lit satellites above the horizon at `when` on an all-sky map: zenith at the centre, the
    horizon at the rim; red the ones brighter than SATCON-1's limit."""
    figure = go.Figure()
    for over, colour, name in ((False, BLUE, "fainter than SATCON-1"), (True, RED, "brighter than SATCON-1")):
        keep = seen["over_satcon"] == over
        figure.add_trace(go.Scatterpolar(
            r=90.0 - seen["elevation_deg"][keep], theta=seen["azimuth_deg"][keep], mode="markers", name=name,
            marker=dict(color=colour, size=4), customdata=seen["magnitude"][keep],
            hovertemplate="elevation %{r}° from the zenith, azimuth %{theta:.0f}°, V %{customdata:.1f}<extra></extra>"))
    sampled = f", 1 in {seen['every']:,} drawn" if seen["every"] > 1 else ""
    title = (f"Sky at {when} UTC (Sun {seen['sun_elevation_deg']:.0f}°): "
             f"{len(seen['elevation_deg']) * seen['every']:,} lit above the horizon{sampled}")
    figure.update_layout(**base_layout(title, "", ""))
    figure.update_layout(polar=dict(
        radialaxis=dict(range=[0, 90], tickvals=[0, 30, 60, 90], ticktext=["90°", "60°", "30°", "0°"], angle=90,
                        gridcolor=GREY),
        angularaxis=dict(rotation=90, direction="counterclockwise", tickvals=[0, 90, 180, 270],
                         ticktext=["N", "E", "S", "W"])))
    return legend_below(figure)


def night_rows(night):
    """(moment, lit above the horizon, above 30°, brightest V, share over SATCON-1, streaks per exposure)
    at the end of twilight and the middle of the night."""
    rows = []
    for label, key in (("end of twilight", "end_of_twilight"), ("middle of the night", "middle_of_night")):
        moment = night[key]
        brightest = moment["brightest_mag"]
        rows.append((f"{label} ({moment['utc'][11:16]} UTC)", f"{moment['lit_above_horizon']:,}",
                     f"{moment['lit_above_30']:,}", "—" if brightest is None else f"{brightest:.1f}",
                     f"{moment['share_over_satcon']:.0%}", three_figures(moment["streaks_per_exposure"])))
    return rows


def reentry_rows(reentry):
    """(quantity, the plan's, beside it) of the re-entry ledger: re-entries, tonnes and Al2O3 a year
    against the natural influx, and the casualty risk per re-entry against NASA's 1 in 10,000."""
    risk = reentry.casualty_risk_per_reentry
    return [("re-entries a year", f"{reentry.reentries_per_year:,.0f}", ""),
            ("tonnes burned a year", f"{reentry.burned_t_per_year:,.0f}",
             f"meteoroids {reentry.natural_influx_low_t_per_year:,.0f}–{reentry.natural_influx_high_t_per_year:,.0f}"),
            ("Al2O3 made a year, t", f"{reentry.alumina_t_per_year:,.0f}",
             f"natural {reentry.natural_alumina_t_per_year:,.1f}"),
            ("casualty risk per re-entry", f"1 in {1 / risk:,.0f}" if risk > 0 else "0",
             ("over" if reentry.over_casualty_limit else "within") +
             f" NASA's 1 in {1 / reentry.casualty_limit:,.0f}")]


def site_options():
    """The site picker's options: orbital.SKY_SITES by name."""
    return [{"label": where.name, "value": key} for key, where in orbital.SKY_SITES.items()]
