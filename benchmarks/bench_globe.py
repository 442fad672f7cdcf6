"""The globe at 0, 10k, 100k and 1M satellites in headless Chromium: frame time, time to first frame,
bytes on the wire, browser memory, and how many satellites the adaptive draw budget settled on, with
every frame time as a ratio to the empty globe's measured in the same run.

Run: .venv/bin/python benchmarks/bench_globe.py [--gpu] [--seconds S]
(needs chromium + chromedriver, as `make test` installs). Default: SwiftShader (software WebGL),
as the tests use; --gpu lets Chromium use a GPU where the machine has one.
"""

import argparse
import os
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import numpy as np  # noqa: E402
import orjson  # noqa: E402
from selenium import webdriver  # noqa: E402
from sgp4.api import WGS72, Satrec  # noqa: E402
from sgp4.exporter import export_tle  # noqa: E402

from app_server import running_app  # noqa: E402
from components.ui.globe import globe_payload  # noqa: E402
from conftest import chromium_options  # noqa: E402
from components.jobs.catalogues import catalogue_store  # noqa: E402
from components.model.state import ViewState  # noqa: E402
from orbital.timeutil import at  # noqa: E402

CATALOGUE_SATELLITES = 50_000
START = ViewState().start


def synthetic_catalogue(count, seed=1):
    """3LE text of `count` Starlink-like satellites (550 km, 53°, random node and anomaly), written by
    sgp4's own exporter: a stand-in for a large uploaded catalogue."""
    rng = np.random.default_rng(seed)
    epoch = at(START).ut1 - 2433281.5  # sgp4init counts days from 1949 December 31 00:00 UT
    lines = []
    for k in range(count):
        satrec = Satrec()
        satrec.sgp4init(WGS72, "i", 10000 + k % 89999, epoch, 2.5e-5, 0.0, 0.0, 1.3e-4, 1.57,
                        np.radians(53.0), rng.uniform(0, 2 * np.pi), 15.06 * 2 * np.pi / 1440.0,
                        rng.uniform(0, 2 * np.pi))
        line1, line2 = export_tle(satrec)
        lines += [f"SYNTHETIC-{k}", line1, line2]
    return "\n".join(lines) + "\n"


def cases():
    """(name, ViewState, link): the empty globe is the demo page with every shell hidden."""
    key, _ = catalogue_store().put(synthetic_catalogue(CATALOGUE_SATELLITES), "synthetic.tle")
    return [
        ("empty", ViewState(preset="demo"), "?preset=demo"),
        ("10k", ViewState(preset="custom", sun_synchronous=False, altitude_km=550, inclination_deg=53,
                         satellites=10_000, planes=100),
         "?preset=custom&sso=0&altitude=550&inclination=53&satellites=10000&planes=100"),
        ("100k", ViewState(preset="custom", sun_synchronous=False, altitude_km=550, inclination_deg=53,
                          satellites=100_000, planes=400),
         "?preset=custom&sso=0&altitude=550&inclination=53&satellites=100000&planes=400"),
        ("1M", ViewState(preset="spacex-odc"), "?preset=spacex-odc"),
        ("50k TLE", ViewState(preset="catalogue", catalogue=key), f"?preset=catalogue&catalogue={key}"),
    ]
GPU_FLAGS = ["--use-angle=vulkan", "--enable-features=Vulkan", "--ignore-gpu-blocklist", "--enable-gpu-rasterization"]


def browser(gpu):
    """A Chromium driver and its profile folder (to find its processes)."""
    options = chromium_options()
    if gpu:
        options.arguments[:] = [a for a in options.arguments if "swiftshader" not in a] + GPU_FLAGS
    profile = next(a.split("=", 1)[1] for a in options.arguments if a.startswith("--user-data-dir="))
    return webdriver.Chrome(options=options), profile


def chromium_rss_mb(profile):
    """Resident memory of every Chromium process of this profile, MB."""
    total_kb = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if profile.encode() not in cmdline:
                continue
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def wait_for(driver, script, timeout=180):
    deadline = time.time() + timeout
    while not driver.execute_script(script):
        if time.time() > deadline:
            raise TimeoutError(script)
        time.sleep(0.02)


def measure(driver, url, satellites, seconds):
    started = time.perf_counter()
    driver.get(url)
    wait_for(driver, "const g = window.orbitalGlobe; return !!(g && g.hasData() && g.frames() > 0)")
    if satellites:
        wait_for(driver, "return window.orbitalGlobe.loadToFrameMs() !== null")
        first_frame_ms = (time.perf_counter() - started) * 1000
        load_to_frame_ms = driver.execute_script("return window.orbitalGlobe.loadToFrameMs()")
    else:
        driver.execute_script("window.dash_clientside.set_props('shells', {value: []})")
        wait_for(driver, "return window.orbitalGlobe.drawnCount() === 0")
        first_frame_ms = load_to_frame_ms = float("nan")
    driver.execute_script("document.querySelector('#play').click()")  # animate: satellites move every frame
    time.sleep(4.0)  # the draw budget follows the frame time, a step a second
    driver.execute_script("window.orbitalGlobe.clearFrameTimes()")
    time.sleep(seconds)
    stamps = driver.execute_script("return window.orbitalGlobe.frameTimes()")
    frame_ms = median(b - a for a, b in zip(stamps, stamps[1:])) if len(stamps) > 2 else float("nan")
    lod = driver.execute_script("return window.orbitalGlobe.lod()")
    lod["budget"] = driver.execute_script("return window.orbitalGlobe.budget()")
    wire = driver.execute_script("""
        return performance.getEntriesByType('resource')
          .filter(e => e.name.includes('_dash-update-component'))
          .reduce((sum, e) => sum + e.encodedBodySize, 0)""")
    canvas = driver.execute_script("const c = document.querySelector('#globe canvas'); return [c.width, c.height]")
    return {"frame_ms": frame_ms, "frames": len(stamps), "first_frame_ms": first_frame_ms,
            "load_to_frame_ms": load_to_frame_ms, "callback_bytes": wire, "lod": lod, "canvas": canvas}


def switch_ms(driver, url):
    """In a running dashboard (page settled), ms from the 1M scenario's globe data arriving to its first frame."""
    driver.get(url)
    wait_for(driver, "const g = window.orbitalGlobe; return !!(g && g.loadToFrameMs() !== null)")
    time.sleep(4.0)
    driver.execute_script("window.dash_clientside.set_props('preset', {value: 'spacex-odc'})")
    wait_for(driver, "return document.querySelector('#globe-status').innerText === 'ready: 1,000,000 satellites'"
                     " && window.orbitalGlobe.loadToFrameMs() !== null")
    return driver.execute_script("return window.orbitalGlobe.loadToFrameMs()")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", action="store_true", help="let Chromium use the GPU instead of SwiftShader")
    parser.add_argument("--seconds", type=float, default=8.0,
                        help="seconds of animation timed per case (after 4 s for the draw budget to settle)")
    parser.add_argument("--only", help="comma-separated cases to run besides the empty globe, e.g. 1M")
    args = parser.parse_args()
    scenarios = [case for case in cases()
                 if not args.only or case[0] == "empty" or case[0] in args.only.split(",")]
    driver, profile = browser(args.gpu)
    try:
        with running_app() as base:
            results, renderer, switches = run_cases(driver, profile, base, scenarios, args.seconds)
    finally:
        driver.quit()
    print_results(results, renderer, switches)


def run_cases(driver, profile, base, scenarios, seconds):
    """Each case's figures, the WebGL renderer's name, and three switches to 1M in a running dashboard."""
    renderer = None
    results = {}
    for name, scenario, link in scenarios:
        satellites = 0 if name == "empty" else scenario.constellation().count
        results[name] = measure(driver, f"{base}/{link}", satellites, seconds)
        results[name]["memory_mb"] = chromium_rss_mb(profile)
        results[name]["satellites"] = satellites
        results[name]["globe_bytes"] = len(orjson.dumps(globe_payload(scenario)))
        if renderer is None:
            renderer = driver.execute_script("""
                const gl = document.createElement('canvas').getContext('webgl2');
                const info = gl.getExtension('WEBGL_debug_renderer_info');
                return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)""")
    switches = [switch_ms(driver, f"{base}/?preset=demo") for _ in range(3)]
    return results, renderer, switches


def print_results(results, renderer, switches):
    empty = results["empty"]["frame_ms"]
    print(f"renderer: {renderer}; canvas {results['empty']['canvas'][0]}×{results['empty']['canvas'][1]}")
    print(f"{'case':8s} {'frame ms':>9s} {'÷ empty':>8s} {'fps':>6s} {'request→frame ms':>17s} "
          f"{'data→frame ms':>14s} {'globe bytes':>12s} {'bytes/sat':>10s} {'all callbacks B':>16s} "
          f"{'memory MB':>10s}  drawn of in view (the budget the frame time settled on)")
    for name, r in results.items():
        per_sat = r["globe_bytes"] / r["satellites"] if r["satellites"] else float("nan")
        print(f"{name:8s} {r['frame_ms']:9.1f} {r['frame_ms'] / empty:8.2f} {1000 / r['frame_ms']:6.1f} "
              f"{r['first_frame_ms']:17.0f} {r['load_to_frame_ms']:14.0f} {r['globe_bytes']:12,d} {per_sat:10.3f} "
              f"{r['callback_bytes']:16,d} {r['memory_mb']:10.0f}  {r['lod']['drawn']:,} of {r['lod']['inView']:,} "
              f"(budget {r['lod']['budget']:,})")
    print(f"\nswitching a running dashboard to 1M: data→frame ms {', '.join(f'{x:.0f}' for x in switches)}"
          f" (median {median(switches):.0f})")


if __name__ == "__main__":
    main()
