"""Dashboard speed: server start → first globe frame in headless Chromium, and server time of the main callbacks.

Run: .venv/bin/python benchmarks/bench_dashboard.py  (needs chromium + chromedriver, as `make test` installs).
Callback times, for each preset: cold (every cache and the engine's memo of orbits cleared), a
control changed (the array's area: the view is new, its orbits are known, as after components/ui/warm.py),
and warm (the view asked before), with the demo preset's cold time as the baseline measured in the same run.
"""

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from selenium import webdriver  # noqa: E402

import components.jobs.results as results  # noqa: E402
import orbital  # noqa: E402
import components.model.state as state  # noqa: E402
from app_server import running_app  # noqa: E402
from components.model.engine import energy_comparison, fleet_compute, satellite_power, satellite_scatter, yearly  # noqa: E402
from components.ui.globe import globe_payload  # noqa: E402
from components.ui.panels import panels_answer  # noqa: E402
from components.jobs.results import shared  # noqa: E402
from components.model.state import ViewState  # noqa: E402
from conftest import chromium_options  # noqa: E402


def clear_caches():
    """A fresh, empty results store and no constellation kept in memory: the next request is cold."""
    os.environ["ORBITAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="orbital-bench-")
    results._stores.clear()
    state._constellation.cache_clear()
    orbital.ORBIT_MEMO.clear()


def first_frame_s(preset):
    """Seconds from starting `python app.py` to the globe's first rendered frame with satellites."""
    started = time.perf_counter()
    driver = webdriver.Chrome(options=chromium_options())
    try:
        with running_app() as url:
            driver.get(f"{url}/?preset={preset}")
            while not driver.execute_script(
                    "return !!(window.orbitalGlobe && window.orbitalGlobe.hasData() && window.orbitalGlobe.frames() > 0)"):
                time.sleep(0.02)
            return time.perf_counter() - started
    finally:
        driver.quit()


def callback_work(view):
    """What the main callbacks compute for a new view (globe feed, panels, selection)."""
    ViewState.from_store(view.to_store())
    shared("globe", view, globe_payload)
    yearly(view)
    satellite_scatter(view)
    fleet_compute(view)
    energy_comparison(view)
    shared("panels-answer", view, panels_answer)
    satellite_power(view, 0)


def timed(work, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return median(times)


def main():
    print(f"{'preset':12s} {'cold s':>8s} {'control changed s':>18s} {'warm s':>8s} {'cold ÷ demo':>12s}")
    cold = {}
    for preset in ("demo", "suncatcher", "starlink", "spacex-odc"):
        scenario = ViewState(preset=preset)

        def cold_work():
            clear_caches()
            callback_work(scenario)

        cold[preset] = timed(cold_work, 3)
        areas = iter((110.0, 115.0, 120.0))
        changed = timed(lambda: callback_work(replace(scenario, area_m2=next(areas))), 3)
        warm = timed(lambda: callback_work(scenario), 3)
        print(f"{preset:12s} {cold[preset]:8.3f} {changed:18.3f} {warm:8.3f} {cold[preset] / cold['demo']:12.1f}")
    print()
    print(f"{'preset':12s} {'server start → first globe frame s':>36s}")
    frames = {}
    for preset in ("demo", "spacex-odc"):
        frames[preset] = first_frame_s(preset)
        print(f"{preset:12s} {frames[preset]:36.2f}")
    print(f"\nspacex-odc first frame ÷ demo first frame: {frames['spacex-odc'] / frames['demo']:.2f}")


if __name__ == "__main__":
    main()
