"""The Sky panel: its answers for a view (no browser) and, in headless Chromium, that it draws."""

import time

from components.model.state import ViewState
from components.ui import sky as sky_ui
from conftest import open_dashboard

DEMO = ViewState(preset="demo")


def test_the_panel_answers_a_view_and_names_a_bad_site_or_night():
    """The night's figures and tables for the demo at Rubin; a site or night it cannot take is said in
    the panel (and the re-entry ledger still shown), never an error page."""
    night, satcon, table, reentry, message, state = sky_ui.sky_night_panel(DEMO.to_store(), "rubin", "2026-06-20")
    assert state == "panel drawn" and message == ""
    assert [trace["name"] for trace in night["data"]] == ["above the horizon", "above 30°"]
    assert "re-entries a year" in str(reentry)
    for site, date, word in (("moon", "2026-06-20", "site"), ("rubin", "2026-02-30", "date")):
        *_, message, state = sky_ui.sky_night_panel(DEMO.to_store(), site, date)
        assert message.startswith(word) and state == "panel"


def test_the_sky_panel_draws(dash_duo):
    """The Sky panel of the demo: the night's counts, the all-sky map at the clock's instant and the
    re-entry ledger are drawn in the page."""
    duo = open_dashboard(dash_duo, "/?preset=demo", "ready: 72 satellites")
    panel = duo.find_element("#sky-panel")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", panel)
    deadline = time.time() + 60
    while "drawn" not in (panel.get_attribute("class") or ""):
        assert time.time() < deadline, "the Sky panel was not drawn"
        time.sleep(0.2)
    duo.wait_for_contains_text("#reentry-table", "re-entries a year", timeout=20)
    duo.wait_for_element("#sky-night-graph .scatterlayer .trace", timeout=20)
    duo.wait_for_element("#sky-map-graph .polarlayer", timeout=20)
    assert duo.get_logs() == []


def test_the_map_takes_any_clock_value_and_site():
    """The all-sky map at the clock's instant: a clock off the window or not a number is held to it; a
    site that is not one is said in the figure."""
    for seconds in (None, -5.0, float("inf"), 1e12, 1800):
        figure = sky_ui.sky_map(seconds, DEMO.to_store(), "paranal")
        assert [trace.name for trace in figure.data] == ["fainter than SATCON-1", "brighter than SATCON-1"]
    assert "site" in sky_ui.sky_map(0, DEMO.to_store(), ["rubin"]).layout.annotations[0].text
