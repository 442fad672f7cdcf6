"""The verdict in words, free of Dash: the strip's big numbers with their context (ui/strip.py lays them
out at the top of the page) and the sources of the model's parameters (the panels and the report)."""

import orbital

from .figures import flops_text, three_figures


def energy_text(twh):
    """An energy a year with the SI prefix that fits: TWh or GWh."""
    return f"{three_figures(twh)} TWh" if twh >= 1 else f"{three_figures(twh * 1000)} GWh"


def duration_text(years):
    """A span of years in the unit that reads: days under two months, months under two years."""
    if years < 2 / 12:
        days = max(round(years * orbital.JULIAN_YEAR_S / orbital.DAY_S), 1)
        return f"{days:,} day{'s' if days > 1 else ''}"
    if years < 2:
        return f"{years * 12:,.0f} months"
    return f"{years:,.1f} years"


def verdict_items(result):
    """(label, big number, one line of context, panel id) for the scenario's yearly assessment; each
    context fits two lines of the strip at 1366 px (tested)."""
    sun, compute, power, launch, ground = (result.sunlight, result.compute, result.power, result.launch,
                                           result.terrestrial)
    costs, u = result.costs, result.costs.uncertainty
    return [
        ("Sunlit", f"{sun.sunlit_fraction:.1%}",
         f"of the year (seed: > 99 %); eclipses ≤ {sun.longest_eclipse_min:.0f} min", "solar-panel"),
        ("Fleet compute", flops_text(compute.fleet_delivered_eflops * 1000.0),
         f"{result.fleet.satellites:,} × {compute.accelerators_per_satellite:.0f} {result.sizing.accelerator}, "
         f"{result.sizing.throughput}", "compute-panel"),
        ("Energy a year", energy_text(power.array_twh_per_year),
         f"orbit; ground {energy_text(ground.grid_twh)} ({energy_text(ground.hyperscale_grid_twh)} hyperscale)",
         "energy-panel"),
        ("All in, orbit costs", f"{costs.ratio_industry:.1f}×",
         f"the ground per kW-yr; {launch_lever_text(costs)}", "costs-graph"),
        ("Launches", f"{launch.launches:,}", launches_text(launch), "compute-panel"),
        ("Orbit cheaper", chance_text(u.p_orbit_cheaper_industry, u.samples),
         f"chance all in ({chance_text(u.p_orbit_cheaper_hyperscale, u.samples)} vs hyperscale); "
         f"median {u.ratio_median:.1f}×",
         "tornado-graph"),
        rules_item(result.rules, result.reentry),
    ]


# The strip's rules item: each rule's short name (its line of context) and, when broken, what breaks it in
# plain words (the item's title, shown on hover).
RULE_NAMES = ("disposal", "milestones", "fleet", "casualty", "brightness", "Al2O3")
CONTEXT_CHARS = 46  # two lines of the strip's context at 1366 px


def broken_rules(rules, reentry):
    """(short name, plain words) of each rule the plan breaks, in RULE_NAMES' order: the disposal rule of
    every shell, the deployment milestones, the fleet the cadence sustains, the casualty risk per
    re-entry, SATCON-1's brightness of every shell and the re-entries' Al2O3 against the natural influx."""
    failing = [row for row in rules.disposal if row.verdict != "pass"]
    missed = [m for m in rules.milestones if not m.met]
    bright = [row for row in rules.brightness if row.over]
    alumina = rules.alumina
    broken = [
        failing and f"{len(failing)} of {len(rules.disposal)} shells' dead satellites may stay up past "
                    f"{failing[0].rule_years:g} years",
        missed and f"{len(missed)} of {len(rules.milestones)} deployment milestones missed (ITU, FCC)",
        not rules.sustainable and "more satellites than the launch cadence sustains",
        reentry.over_casualty_limit and f"casualty risk per re-entry over 1 in {1 / reentry.casualty_limit:,.0f}",
        bright and f"{len(bright)} of {len(rules.brightness)} shells brighter than SATCON-1's limit at twilight's end",
        alumina.over and f"{alumina.alumina_t_per_year:,.0f} t of Al2O3 a year, over the natural meteoric "
                         f"influx ({alumina.influx_low_t_per_year:,.0f}–{alumina.influx_high_t_per_year:,.0f} t)",
    ]
    return [(name, words) for name, words in zip(RULE_NAMES, broken) if words]


def rules_item(rules, reentry):
    """The strip's rules item ("Rules broken", "3 of 10"; the value short enough for the strip's column):
    how many of the rules the plan breaks (a rule for the disposal of every
    shell, one a milestone, the sustainable fleet, the casualty risk, SATCON-1's brightness of every shell,
    the Al2O3 against the natural influx) and the short names of those broken, as many as fit."""
    broken = broken_rules(rules, reentry)
    missed = sum(not m.met for m in rules.milestones)
    count = len(broken) - (missed > 0) + missed
    total = len(RULE_NAMES) - 1 + len(rules.milestones)
    value = f"{count or 'none'} of {total}"
    names = [name for name, _ in broken]
    context = ", ".join(names) or "every rule met"
    while len(context) > CONTEXT_CHARS:
        names.pop()
        context = f"{', '.join(names)} +{len(broken) - len(names)} more"
    return ("Rules broken", value, context, "drag")


def rules_title(rules, reentry):
    """The rules item's title (hover): each broken rule in plain words, or that every rule is met."""
    broken = broken_rules(rules, reentry)
    return "Every rule met" if not broken else "Broken: " + "; ".join(words for _, words in broken)


def chance_text(p, samples):
    """A probability from `samples` draws as a percentage that does not round a small chance to 0:
    '< 0.025 %' when no draw of 4,000 had it, '0.4 %' under 1 %, '37 %' above."""
    if p == 0:
        return f"< {100 / samples:.2g} %"
    return f"{100 * p:.1f} %" if p < 0.01 else f"{100 * p:.0f} %"


def launch_lever_text(costs):
    """What a launch price alone does: 'no launch price closes it' when no price within its sourced
    range closes the gap, else the price at which it does."""
    even = next(be for be in costs.break_evens if be.key == "launch.price_factor")
    value, unit = costs.lever_in_units(even.key, even.against_industry)
    return "no launch price closes it" if value is None else f"even at ${value:,.0f}/kg launch"


def launches_text(launch):
    """The strip's feasibility line: years to deploy at the cadence, and a fleet beyond what it sustains."""
    held = ("more than the cadence sustains" if not launch.sustainable
            else f"then {three_figures(launch.replacement_launches_per_year)} a year to replace")
    return f"{duration_text(launch.years)} to deploy; {held}"


def traffic_item(traffic):
    """The strip's traffic item: manoeuvres per satellite a year once a day has been screened."""
    if traffic is None:
        return ("Manoeuvres", "not screened", "screen a day under Background jobs",
                "jobs-panel")
    return ("Manoeuvres", three_figures(traffic["manoeuvres_per_satellite_per_year"]),
            f"a satellite-year (Starlink ~{traffic['starlink_reported_manoeuvres_per_satellite_per_year']:.0f}); "
            f"{traffic['approaches_per_day']:,.0f} approaches a day ≤ {traffic['screen_km']:g} km", "jobs-panel")


def source_rows(view):
    """(group, parameter, value, unit, source) of every model parameter of the view; a value the user
    changed from its source's says so ("set by the user"), with the sourced default beside it."""
    sourced = orbital.Model(satellite=orbital.Satellite(eclipse_mode=view.eclipse_mode),
                            launch=orbital.Launch.for_vehicle(view.vehicle), accelerator=view.accelerator)
    defaults = {(row["group"], row["name"]): row for row in sourced.sources()}

    def source(row):
        default = defaults[(row["group"], row["name"])]
        if row["value"] == default["value"] or row["source"] == "set by the user":
            return row["source"]
        return f"set by the user (sourced default {default['value']}: {default['source']})"

    return [(row["group"], row["name"], str(row["value"]), row["unit"], source(row))
            for row in view.model().sources()]
