"""Shared test configuration.

Browser tests run Debian's headless Chromium with WebGL through SwiftShader (software, no GPU);
the flags live here and nowhere else (see ../shared/reference/browser.md).
"""

import os
import re
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

DATA = Path(__file__).parent / "data"
# Each test run starts with an empty shared-results cache (components/results.py).
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


def pytest_setup_options():
    """dash[testing]'s hook: the options its `dash_duo` browser starts with."""
    return chromium_options()


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
