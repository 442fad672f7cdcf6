"""Shared test configuration: the test tiers, and the browser the browser tier runs.

Browser tests run Debian's headless Chromium with WebGL through SwiftShader (software, no GPU);
the flags live here and nowhere else (docs/testing.md).
"""

import os
import re
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

DATA = Path(__file__).parent / "data"
# Each test run starts with an empty shared-results cache (components/jobs/results.py).
os.environ.setdefault("ORBITAL_CACHE_DIR", tempfile.mkdtemp(prefix="orbital-results-"))
# Servers started by tests warm no presets unless a test asks (each test measures what it computes).
os.environ.setdefault("ORBITAL_WARM_PRESETS", "")

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1000",
]


def globe_colours():
    """The satellite colours assets/primitive.mjs draws: {'sunlit': '#RRGGBB', …, 'power': [three stops]}."""
    source = (Path(__file__).parents[1] / "assets" / "primitive.mjs").read_text()
    body = re.search(r"const COLOURS = \{(.*?)\};", source, re.S).group(1)
    colours = {name: value for name, value in re.findall(r"(\w+): '(#[0-9A-Fa-f]{6})'", body)}
    colours["power"] = re.findall(r"'(#[0-9A-Fa-f]{6})'", re.search(r"power: \[(.*?)\]", body).group(1))
    return colours


def hex_rgb(colour):
    """(r, g, b) of '#RRGGBB', 0–255."""
    return tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5))


def chromium_options():
    """Selenium options for headless Chromium with software WebGL and a fresh profile."""
    options = Options()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}")
    return options


def pytest_addoption(parser):
    parser.addoption("--update-baselines", action="store_true",
                     help="write the screenshot baselines under tests/baselines anew (on purpose only)")


def pytest_configure(config):
    """Each pytest-xdist worker (gw0, gw1, …) serves its dash_duo apps from ports of its own."""
    from dash.testing.application_runners import BaseDashRunner

    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    BaseDashRunner._next_port = 58050 + 100 * int(worker.removeprefix("gw"))


def pytest_setup_options():
    """dash[testing]'s hook: the options its `dash_duo` browser starts with."""
    return chromium_options()


# The test tiers (docs/testing.md). Every test gets a marker, registered in pyproject.toml:
#   engine    orbital/ alone
#   model     the dashboard in this process: view state, engine requests, layout, callbacks through
#             Flask's test client; no browser, no server
#   browser   headless Chromium: dash_duo, dash_thread_server, selenium, kaleido's PNG/SVG export
#   services  processes a test starts and serves from: redis-server, Celery workers, app.py on a port
# A test needing both Chromium and services carries both. `make check` runs
# -m "not browser and not services"; `make test` runs every tier. tests/test_tiers.py checks this table
# against what each test's code does.

# A module's tier for its tests that need neither Chromium nor a server: engine when the module
# imports nothing of the dashboard (orbital/ at most), model when it does.
MODULE_TIERS = {
    "test_against_skyfield.py": "engine",
    "test_catalogue_and_cli.py": "engine",
    "test_cells.py": "engine",
    "test_dashboard.py": "model",
    "test_debris.py": "engine",
    "test_docs.py": "engine",
    "test_drag.py": "engine",
    "test_economics.py": "engine",
    "test_fleet.py": "engine",
    "test_fuzz.py": "model",
    "test_globe.py": "model",
    "test_jobs.py": "model",
    "test_layout.py": "engine",
    "test_load.py": "model",
    "test_memo.py": "engine",
    "test_model.py": "engine",
    "test_network.py": "engine",
    "test_network_instant.py": "engine",
    "test_overlays.py": "model",
    "test_network_weather.py": "engine",
    "test_offline.py": "model",
    "test_peers.py": "engine",
    "test_physics.py": "engine",
    "test_population.py": "engine",
    "test_safety_panel.py": "model",
    "test_presentation.py": "model",
    "test_radiation.py": "engine",
    "test_refit.py": "engine",
    "test_rules.py": "engine",
    "test_results_redis.py": "model",
    "test_security.py": "model",
    "test_server.py": "model",
    "test_sgp4_vallado.py": "engine",
    "test_satellite.py": "engine",
    "test_sky.py": "engine",
    "test_sky_panel.py": "model",
    "test_stages.py": "engine",
    "test_state.py": "model",
    "test_structure.py": "model",
    "test_tiers.py": "engine",
    "test_traffic.py": "engine",
}
# Fixtures (used directly or through another fixture) that put a test in a tier.
FIXTURE_TIERS = {
    "dash_duo": "browser", "dash_br": "browser", "dash_thread_server": "browser",
    "dash_process_server": "services", "services": "services", "redis_store": "services",
}
# Tests that start Chromium or a server without such a fixture: module::test → tiers.
TEST_TIERS = {
    "test_load.py::test_twenty_clients_posting_the_worst_scenario_stay_within_memory_and_health_answers":
        ("services",),
    # kaleido renders PNG and SVG through the local Chromium
    "test_presentation.py::test_cli_export_writes_every_panel_and_a_report": ("browser",),
    "test_presentation.py::test_report_opens_with_networking_off": ("browser",),
    # the services fixture's page is opened in headless Chromium (open_page)
    "test_jobs.py::test_celery_worker_killed_mid_job_the_job_runs_again_and_matches_in_process": ("browser",),
    "test_jobs.py::test_a_fleet_year_on_celery_is_shared_with_idle_workers_and_equals_in_process": ("browser",),
    "test_jobs.py::test_results_are_shared_in_redis_and_when_redis_stops_jobs_and_panels_carry_on_here": ("browser",),
}
TIERS = ("engine", "model", "browser", "services")
# Every collected test's tiers by node id, whatever -m later deselects (read by tests/test_tiers.py).
COLLECTED = {}


def tiers_of(item):
    """The tiers of one collected test: its fixtures' and its own, else its module's (none for a module
    missing from MODULE_TIERS, which tests/test_tiers.py reports)."""
    module = item.path.name
    name = f"{module}::{item.originalname}"
    tiers = {FIXTURE_TIERS[f] for f in item.fixturenames if f in FIXTURE_TIERS} | set(TEST_TIERS.get(name, ()))
    return tiers or ({MODULE_TIERS[module]} if module in MODULE_TIERS else set())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every test with its tiers before -m selects among them."""
    for item in items:
        tiers = tiers_of(item)
        for tier in sorted(tiers):
            item.add_marker(tier)
        COLLECTED[item.nodeid] = (item, tiers)


@pytest.fixture(scope="session")
def data_dir():
    return DATA


def open_dashboard(duo, link, status, timeout=60):
    """Serve the app with dash_duo, open `link` (e.g. "/?preset=demo") and wait for the globe's `status`."""
    from app import app

    duo.start_server(app, navigate=False)
    duo.driver.set_window_size(1400, 1000)
    duo.driver.get(duo.server.url + link)
    duo.wait_for_text_to_equal("#globe-status", status, timeout=timeout)
    return duo
