"""The globe at 0, 10k, 100k and 1M satellites in headless Chromium: frame time, time to first frame,
bytes on the wire and browser memory, with every frame time as a ratio to the empty globe's
measured in the same run.

Run: .venv/bin/python benchmarks/bench_globe.py [--gpu] [--seconds S]
(needs chromium + chromedriver, as `make test` installs). Default: SwiftShader (software WebGL),
as the tests use; --gpu lets Chromium use a GPU where the machine has one.
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from selenium import webdriver  # noqa: E402

from conftest import chromium_options  # noqa: E402

# name, satellites, link: the empty globe is the demo page with every shell hidden.
CASES = [
    ("empty", 0, "?preset=demo"),
    ("10k", 10_000, "?preset=custom&sso=0&altitude=550&inclination=53&satellites=10000&planes=100"),
    ("100k", 100_000, "?preset=custom&sso=0&altitude=550&inclination=53&satellites=100000&planes=400"),
    ("1M", 1_000_000, "?preset=spacex-odc"),
]
GPU_FLAGS = ["--use-angle=vulkan", "--enable-features=Vulkan", "--ignore-gpu-blocklist", "--enable-gpu-rasterization"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    wait_for(driver, "const g = window.orbitalGlobe; return !!(g && g.state.data && g.frames() > 0)")
    if satellites:
        wait_for(driver, "return window.orbitalGlobe.state.loadToFrameMs !== null")
        first_frame_ms = (time.perf_counter() - started) * 1000
        load_to_frame_ms = driver.execute_script("return window.orbitalGlobe.state.loadToFrameMs")
    else:
        driver.execute_script("window.dash_clientside.set_props('shells', {value: []})")
        wait_for(driver, "return window.orbitalGlobe.state.layer.count === 0")
        first_frame_ms = load_to_frame_ms = float("nan")
    driver.execute_script("document.querySelector('#play').click()")  # animate: satellites move every frame
    time.sleep(1.0)
    driver.execute_script("window.orbitalGlobe.state.frameTimes.length = 0")
    time.sleep(seconds)
    stamps = driver.execute_script("return window.orbitalGlobe.state.frameTimes")
    frame_ms = median(b - a for a, b in zip(stamps, stamps[1:])) if len(stamps) > 2 else float("nan")
    lod = driver.execute_script("return window.orbitalGlobe.state.lod")
    wire = driver.execute_script("""
        return performance.getEntriesByType('resource')
          .filter(e => e.name.includes('_dash-update-component'))
          .reduce((sum, e) => sum + e.encodedBodySize, 0)""")
    canvas = driver.execute_script("const c = document.querySelector('#globe canvas'); return [c.width, c.height]")
    return {"frame_ms": frame_ms, "frames": len(stamps), "first_frame_ms": first_frame_ms,
            "load_to_frame_ms": load_to_frame_ms, "callback_bytes": wire, "lod": lod, "canvas": canvas}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", action="store_true", help="let Chromium use the GPU instead of SwiftShader")
    parser.add_argument("--seconds", type=float, default=6.0, help="seconds of animation timed per case")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver, profile = browser(args.gpu)
    try:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        renderer = None
        results = {}
        for name, satellites, link in CASES:
            results[name] = measure(driver, f"http://127.0.0.1:{port}/{link}", satellites, args.seconds)
            results[name]["memory_mb"] = chromium_rss_mb(profile)
            if renderer is None:
                renderer = driver.execute_script("""
                    const gl = document.createElement('canvas').getContext('webgl2');
                    const info = gl.getExtension('WEBGL_debug_renderer_info');
                    return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)""")
    finally:
        driver.quit()
        server.terminate()
        server.wait()
    empty = results["empty"]["frame_ms"]
    print(f"renderer: {renderer}; canvas {results['empty']['canvas'][0]}×{results['empty']['canvas'][1]}")
    print(f"{'case':6s} {'frame ms':>9s} {'÷ empty':>8s} {'fps':>6s} {'request→frame ms':>17s} "
          f"{'data→frame ms':>14s} {'callback bytes':>15s} {'bytes/sat':>10s} {'memory MB':>10s}  drawn of in view")
    for (name, satellites, _), r in zip(CASES, results.values()):
        per_sat = r["callback_bytes"] / satellites if satellites else float("nan")
        print(f"{name:6s} {r['frame_ms']:9.1f} {r['frame_ms'] / empty:8.2f} {1000 / r['frame_ms']:6.1f} "
              f"{r['first_frame_ms']:17.0f} {r['load_to_frame_ms']:14.0f} {r['callback_bytes']:15,d} "
              f"{per_sat:10.4f} {r['memory_mb']:10.0f}  {r['lod']['drawn']:,} of {r['lod']['inView']:,}")


if __name__ == "__main__":
    main()
