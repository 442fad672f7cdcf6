"""The view contract (components/model/state.py): one validated view state, errors placed by parameter,
the link's fields, the clock on the scenario's step and the selection clamped once."""

import json
from pathlib import Path

import pytest
from dash import no_update

import orbital

from components.ui.controls import CONTROL_LABELS, validate_scenario
from components.model.state import (LINK_FIELDS, ViewState, clock_seconds, control_of, ignored_notice, link_controls,
                                    link_query,
                              link_selection, parse_query, selected_satellite, view_from_link)
from orbital import OrbitalError


@pytest.mark.parametrize("parameter, control", [
    ("total", "satellites"), ("phasing", "planes"), ("planes", "planes"), ("altitude_km", "altitude"),
    ("inclination_deg", "inclination"), ("ltan_h", "ltan"), ("pue", "pue"), ("capacity_factor", "capacity"),
    ("cell_efficiency", "efficiency"), ("payload_kg", "vehicle"), ("catalogue", "catalogue"), ("time", "preset"),
    ("price_usd_per_kg", "launch"), ("satellite_usd_per_kg", "hardware"),
])
def test_an_error_goes_to_its_control_by_parameter_whatever_its_words(parameter, control):
    assert control_of(OrbitalError("words that name no control at all", parameter=parameter)) == control


def values(**changes):
    """Control values (LINK_FIELDS order) of the default view with `changes` by control id."""
    view = ViewState()
    base = {control_id: getattr(view, name) for control_id, name in LINK_FIELDS.items()}
    base["sso"] = ["yes"] if view.sun_synchronous else []
    base.update(changes)
    return [base[control_id] for control_id in LINK_FIELDS]


@pytest.mark.parametrize("changes, control", [
    ({"preset": "custom", "satellites": 0}, "satellites"), ({"preset": "custom", "planes": 7}, "planes"),
    ({"preset": "custom", "altitude": -5}, "altitude"), ({"preset": "custom", "sso": [], "inclination": 200},
                                                        "inclination"),
    ({"pue": 0.5}, "pue"), ({"accelerator": "Z80"}, "accelerator"), ({"area": None}, "area"),
    ({"preset": "nope"}, "preset"), ({"efficiency": "high"}, "efficiency"), ({"launch": -200}, "launch"),
    ({"hardware": 0}, "hardware"), ({"launch": "cheap"}, "launch"),
])
def test_a_bad_control_gets_the_message_and_the_store_keeps_the_last_view(changes, control):
    store, *messages, stale = validate_scenario(*values(**changes))
    by_control = dict(zip(LINK_FIELDS, messages))
    assert store is not None and not isinstance(store, dict)  # no_update: the last good view stays
    # …and is marked as the last valid view, naming the control.
    assert stale.startswith("Showing the last valid view") and CONTROL_LABELS[control] in stale
    assert by_control[control] and all(not m for c, m in by_control.items() if c != control)
    # In the page's words: the control's label, then the reason (not the engine's name for it).
    assert by_control[control].startswith(CONTROL_LABELS[control] + ": ")
    assert LINK_FIELDS[control] + ":" not in by_control[control]


def test_the_window_is_the_servers_and_a_store_of_another_shape_is_refused():
    view = ViewState(preset="demo")
    assert ViewState.from_store(view.to_store()) == view
    for planted in ({**view.to_store(), "step_s": 0.005}, [], None):
        with pytest.raises(OrbitalError) as error:
            ViewState.from_store(planted)
        assert error.value.parameter == "scenario"
    assert ViewState.step_s == 60.0 and ViewState.window_h == 6.0


@pytest.mark.parametrize("changes, parameter, words", [
    ({"window_h": 48}, "window_h", "outside the allowed range 1 to 24 h"), ({"window_h": 0}, "window_h", "1 to 24"),
    ({"window_h": 2.5}, "window_h", "whole number of hours"), ({"start_date": "2026-02-30"}, "start_date", "not a date"),
    ({"start_date": "1999-12-31"}, "start_date", "2000-01-01 to 2049-12-31"), ({"start_date": 20260621}, "start_date", ""),
])
def test_the_window_is_bounded_and_a_bad_one_is_named_in_words(changes, parameter, words):
    """A start date and length within their stated ranges (de421 and the timescale cover the dates;
    a day at most at every request), else the field's error saying the range; a good one moves the
    window, its year and the link."""
    with pytest.raises(OrbitalError, match=words) as error:
        ViewState.from_store({**ViewState(preset="demo").to_store(), **changes})
    assert error.value.parameter == parameter
    view = ViewState(preset="demo", start_date="2030-03-20", window_h=24)
    assert view.start == "2030-03-20T00:00:00Z" and view.year == 2030 and view.window_s == 86400.0
    assert len(view.window()) == 24 * 60 + 1 and view.window()[-1].utc_strftime() == "2030-03-21 00:00:00 UTC"
    assert view_from_link(parse_query("?preset=demo&start=2030-03-20&window=24")) == view
    assert link_query(view) == "preset=demo&start=2030-03-20&window=24.0"


def test_a_link_round_trips_and_bad_numbers_name_their_field():
    assert view_from_link(parse_query("?preset=demo&pue=1.1")) == ViewState(preset="demo", pue=1.1)
    for view in (ViewState(preset="custom", sun_synchronous=False, inclination_deg=70.5, launch_usd_per_kg=150.0),
                 ViewState(preset="demo", eclipse_mode="battery")):
        assert view_from_link(parse_query(link_query(view, sat=3))) == view
        assert link_query(view, sat=3).endswith("&sat=3")
    for query, parameter in (("preset=custom&planes=inf", "planes"), ("preset=custom&satellites=abc", "satellites")):
        with pytest.raises(OrbitalError) as error:
            view_from_link(parse_query(query))
        assert error.value.parameter == parameter


@pytest.mark.parametrize("value, count, expected", [
    (5, 10, 5), (10, 10, 0), (-1, 10, 0), ("7", 10, 7), ("²", 10, 0), ("x", 10, 0), (True, 10, 0), (2.0, 10, 0),
    (None, 10, 0),
])
def test_the_selection_is_clamped_once_for_every_user(value, count, expected):
    assert selected_satellite(value, count) == expected


def test_a_links_sat_is_read_only_when_it_is_a_whole_number():
    assert link_selection(parse_query("sat=12")) == 12
    assert link_selection(parse_query("sat=%C2%B2")) is None and link_selection(parse_query("")) is None


@pytest.mark.parametrize("text, expected", [("125", 120), ("95", 120), ("-5", 0), ("1e9", 21600), ("inf", 0),
                                            ("nan", 0), ("x", 0), (None, 0)])
def test_the_clock_from_a_link_is_on_the_scenarios_step_within_the_window(text, expected):
    assert clock_seconds(text, 21600.0, 60.0) == expected


@pytest.mark.parametrize("link, kept, ignored", [
    ("preset=nope", {}, ["preset"]),
    ("preset=SPACEX-ODC", {"preset": "spacex-odc"}, []),
    ("preset=Demo&accelerator=Z80", {"preset": "demo"}, ["accelerator"]),
    ("preset=demo&accelerator=b200", {"preset": "demo", "accelerator": "B200"}, []),
    ("preset=custom&satellites=abc", {"preset": "custom"}, ["satellites"]),
    ("preset=custom&satellites=30&planes=7", {"preset": "custom"}, ["planes", "satellites"]),
    ("preset=custom&satellites=48&planes=7", {"preset": "custom", "satellites": 48}, ["planes"]),
    ("preset=catalogue&catalogue=nope", {}, ["catalogue", "preset"]),
    ("altitude=-5", {}, ["altitude"]), ("preset=demo&altitude=700", {"preset": "demo", "altitude": 700}, []),
])
def test_a_bad_link_field_is_ignored_and_said_and_names_match_in_any_case(link, kept, ignored):
    values, dropped = link_controls(parse_query(link))
    assert values == kept and sorted(c for c, _ in dropped) == sorted(ignored)
    notice = ignored_notice(dropped)
    assert all(control_id in notice for control_id in ignored) and bool(notice) == bool(ignored)


@pytest.mark.parametrize("link, ignored", [
    ("sat=99999999", ["sat"]), ("sat=-3", ["sat"]), ("sat=5", []), ("t=-100", ["t"]), ("t=600", []),
    ("t=1e9", ["t"]), ("t=nan", ["t"]), ("camera=abc", ["camera"]), ("camera=1,2,3,4,5", ["camera"]),
    ("camera=10,20,2e7,0,-90,0", []), ("sat=99999999&t=-100&camera=abc", ["sat", "t", "camera"]),
    ("overlays=links,PATH&city=delhi", []), ("overlays=links,lasers", ["overlays"]), ("city=Atlantis", ["city"]),
    ("overlays=<b>&city=Tokyo%00&sat=5", ["overlays", "city"]),
])
def test_a_links_selection_time_and_camera_that_cannot_be_used_are_named(link, ignored):
    from components.model.state import ignored_link_extras

    view = ViewState(preset="demo")
    dropped = ignored_link_extras(parse_query(link), view)
    assert [field for field, _ in dropped] == ignored
    assert all(f"{field} = " in ignored_notice(dropped) for field in ignored)


def test_overlays_and_city_round_trip_through_a_link_and_unknown_ones_are_refused():
    from components.model.state import OVERLAY_NAMES, link_overlays
    from components.ui.layout import controls_from_link
    from components.ui.overlays import OVERLAYS, overlays_from_link

    assert [value for value, _ in OVERLAYS] == list(OVERLAY_NAMES)  # the checklist offers what a link may say
    cities = orbital.city_names()
    for k, name in enumerate(OVERLAY_NAMES):
        chosen = [n for n in OVERLAY_NAMES if n != name]
        link = link_query(ViewState(preset="demo"), sat=3, overlays=",".join(chosen), city=cities[k])
        assert view_from_link(parse_query(link)) == ViewState(preset="demo")
        assert link_overlays(parse_query(link)) == (chosen, cities[k])
        assert overlays_from_link("?" + link) == (chosen, cities[k])
    assert link_overlays(parse_query("preset=demo")) == (None, None)
    assert overlays_from_link("?overlays=links,lasers&city=Atlantis") == (no_update, no_update)
    answer = controls_from_link("?preset=demo&overlays=lasers&city=Atlantis&pue=1.3")
    assert "overlays = 'lasers'" in answer[-2] and "city = 'Atlantis'" in answer[-2]
    assert answer[-1] == "?preset=demo&pue=1.3"


def test_the_link_notice_names_every_ignored_field():
    from components.ui.layout import controls_from_link

    answer = controls_from_link("?preset=demo&sat=99999999&t=-100&camera=abc&pue=1.3")
    notice, clean = answer[-2], answer[-1]
    assert all(f"{field} = " in notice for field in ("sat", "t", "camera")) and clean == "?preset=demo&pue=1.3"


def test_the_sources_table_says_which_values_the_user_set():
    from components.ui.panels import sources_table

    def sources(view):
        rows = sources_table(view).children[1].children
        return {row.children[1].children: row.children[4].children for row in rows}

    changed = sources(ViewState(preset="demo", pue=1.2, area_m2=50.0))
    assert changed["pue"].startswith("set by the user (sourced default 1.56: industry average, Uptime")
    assert changed["area_m2"].startswith("set by the user (sourced default 105")
    # Choosing a vehicle or an accelerator takes its sourced figures: nothing set by the user.
    chosen = sources(ViewState(preset="demo", vehicle="Falcon 9", accelerator="B200"))
    assert not any(text.startswith("set by the user") for text in chosen.values())


def test_a_price_the_user_gives_is_set_in_the_model_and_a_blank_one_stays_sourced():
    """The launch price and satellite $/kg controls feed the model's user_set (held fixed in the costs'
    Monte Carlo); left blank they are not set, and the vehicle's price a flight and the parts' stand."""
    assert ViewState().model().user_set == frozenset()
    view = view_from_link(parse_query("launch=200&hardware=600"))
    assert view.launch_usd_per_kg == 200.0 and view.satellite_usd_per_kg == 600.0
    model = view.model()
    assert model.user_set == {"launch.price_usd_per_kg", "hardware.satellite_usd_per_kg"}
    assert model.launch.price_usd_per_kg == 200.0 and model.hardware.satellite_usd_per_kg == 600.0
    store, *messages, stale = validate_scenario(*values(launch=200, hardware=None))
    assert store["launch_usd_per_kg"] == 200.0 and store["satellite_usd_per_kg"] is None and not any(messages)


def test_the_sources_cite_the_chosen_vehicles_payload_and_isp():
    from components.ui.panels import sources_table

    rows = {row.children[1].children: row.children[4].children
            for row in sources_table(ViewState(preset="demo", vehicle="Falcon 9")).children[1].children}
    assert rows["payload_kg"].startswith("Falcon 9") and rows["upper_stage_isp_s"].startswith("Merlin Vacuum")
    assert "Starship" not in rows["upper_stage_dry_kg"]


def test_one_view_has_one_spelling_so_its_shared_results_have_one_key():
    """The controls send 105 where the defaults say 105.0: the same view, the same cache key (a warm
    preset was computed again for every viewer before)."""
    from components.jobs.results import result_key

    sent = ViewState.from_store({**ViewState().to_store(), "area_m2": 105, "pue": 2, "satellites": 1200.0})
    typed = ViewState(area_m2=105.0, pue=2.0, satellites=1200)
    assert result_key("yearly", sent, ()) == result_key("yearly", typed, ())
    assert isinstance(sent.satellites, int) and isinstance(sent.area_m2, float)
    with pytest.raises(OrbitalError) as refused:
        ViewState(satellites=12.5)
    assert refused.value.parameter == "satellites"


def test_a_small_chance_is_never_rounded_to_nothing():
    from components.model.verdict import chance_text

    assert chance_text(0.0, 4000) == "< 0.025 %"
    assert chance_text(0.00375, 4000) == "0.4 %"
    assert chance_text(0.37, 4000) == "37 %"


def test_the_strip_counts_every_rule_the_plan_breaks():
    """One rule for the disposal of every shell, one a milestone, the sustainable fleet, the casualty
    risk, SATCON-1's brightness of every shell and the re-entries' Al2O3 against the natural influx: a
    shell of two failing, one milestone of two missed, a fleet beyond the cadence → 3 of 7; the context
    names the broken rules (as many as fit two lines), the title each in plain words."""
    from types import SimpleNamespace as Row

    from components.model.verdict import CONTEXT_CHARS, rules_item, rules_title

    fine = dict(brightness=[Row(over=False)], alumina=Row(over=False))
    rules = Row(disposal=[Row(verdict="pass", rule_years=5.0), Row(verdict="solar maximum only", rule_years=5.0)],
                milestones=[Row(met=True), Row(met=False)], sustainable=False, **fine)
    safe = Row(over_casualty_limit=False, casualty_limit=1e-4)
    label, value, context, _ = rules_item(rules, safe)
    assert (label, value, context) == ("Rules broken", "3 of 7", "disposal, milestones, fleet")
    assert rules_title(rules, safe) == ("Broken: 1 of 2 shells' dead satellites may stay up past 5 years; 1 of 2 "
                                        "deployment milestones missed (ITU, FCC); more satellites than the launch "
                                        "cadence sustains")
    met = Row(disposal=[Row(verdict="pass")], milestones=[Row(met=True)], sustainable=True, **fine)
    assert rules_item(met, safe)[1:3] == ("none of 6", "every rule met")
    assert rules_item(met, Row(over_casualty_limit=True, casualty_limit=1e-4))[1] == "1 of 6"
    # Every rule broken: the context keeps to two lines of the strip and says how many it leaves to the title.
    worst = Row(disposal=[Row(verdict="fail", rule_years=5.0)], milestones=[Row(met=False)], sustainable=False,
                brightness=[Row(over=True), Row(over=False)],
                alumina=Row(over=True, alumina_t_per_year=26_362.0, influx_low_t_per_year=1_096.0,
                            influx_high_t_per_year=109_575.0))
    label, value, context, _ = rules_item(worst, Row(over_casualty_limit=True, casualty_limit=1e-4))
    assert value == "6 of 6" and context == "disposal, milestones, fleet, casualty +2 more"
    assert len(context) <= CONTEXT_CHARS
    title = rules_title(worst, Row(over_casualty_limit=True, casualty_limit=1e-4))
    assert ("1 of 2 shells brighter than SATCON-1's limit at twilight's end" in title
            and "26,362 t of Al2O3 a year, over the natural meteoric influx (1,096–109,575 t)" in title)


def test_a_long_title_wraps_to_fit_the_narrowest_panel():
    from components.model.figures import TITLE_LINE_CHARS, base_layout, wrapped

    title = "All in, orbit ÷ ground per kW-year: 3.62 central (p49), median 3.19; orbit cheaper in 0 %"
    text, lines = wrapped(title)
    assert lines == 2 and all(len(line) <= TITLE_LINE_CHARS for line in text.split("<br>"))
    assert text.replace("<br>", " ") == title
    layout = base_layout(title, "x", "y")
    assert layout["title"]["text"] == text and layout["margin"]["t"] > base_layout("short", "x", "y")["margin"]["t"]
    assert wrapped("a <b>marked</b> title " * 5) == ("a <b>marked</b> title " * 5, 1)


def relative_luminance(colour):
    """WCAG 2.1 relative luminance of '#RRGGBB'."""
    channels = [int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_link_notice_is_readable_against_its_ground():
    """The notice's text in the header (the most specific rule that colours it) against its background:
    WCAG AA asks 4.5:1 for normal text. It was the header's #b8c0d4 on #fff4e5, 1.7:1."""
    import re

    css = (Path(__file__).resolve().parents[1] / "assets" / "style.css").read_text()
    text = re.search(r"\.header \.notice \{[^}]*?color: (#[0-9a-fA-F]{6})", css).group(1)
    ground = re.search(r"\n\.notice \{[^}]*?background: (#[0-9a-fA-F]{6})", css).group(1)
    lighter, darker = sorted((relative_luminance(text), relative_luminance(ground)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (text, ground)


def test_the_strip_reads_the_controls_beside_the_scenario_and_a_new_scenario_calls_it_once():
    """The verdict strip is answered from the controls (not after the scenario store's round trip) with the
    same view the store gets; a bad value leaves it as it is; and a new scenario leaves the jobs' messages
    alone when they said nothing, so traffic-message does not call the strip a second time."""
    from dash.exceptions import PreventUpdate

    from components.ui.background import clear_stale_results
    from components.ui.strip import fill_strip

    view = ViewState(preset="demo", pue=1.3)
    values = [(["yes"] if view.sun_synchronous else []) if control_id == "sso" else getattr(view, name)
              for control_id, name in LINK_FIELDS.items()]
    children, store = fill_strip(*values, "")
    assert store == validate_scenario(*values)[0] == view.to_store() and len(children) == 8
    with pytest.raises(PreventUpdate):
        fill_strip(*[None if control_id == "pue" else v for control_id, v in zip(LINK_FIELDS, values)], "")
    assert all(answer is no_update for answer in clear_stale_results(store, "", ""))
    fleet_figure, traffic_figure, fleet_message, traffic_message, table, approaches = clear_stale_results(
        store, "", "for demo: 72 satellites")
    assert fleet_figure is fleet_message is no_update and traffic_message == "" and table == approaches == []
    assert "Screen a day" in json.dumps(traffic_figure.to_plotly_json() if hasattr(traffic_figure, "to_plotly_json")
                                        else traffic_figure)
