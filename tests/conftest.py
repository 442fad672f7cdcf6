"""Shared test configuration.

Browser tests run Debian's headless Chromium with WebGL through SwiftShader (software, no GPU);
the flags live here and nowhere else (see ../shared/reference/browser.md).
"""

import os
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

DATA = Path(__file__).parent / "data"
# Each test run starts with an empty shared-results cache (components/results.py).
os.environ.setdefault("ORBITAL_CACHE_DIR", tempfile.mkdtemp(prefix="orbital-results-"))

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1400,1000",
]


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
