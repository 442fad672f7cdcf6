"""Shared test configuration: headless Chromium with SwiftShader WebGL for dash_duo."""

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir():
    return DATA
