"""The million-satellite globe in headless Chromium: the GPU path agrees with orbital/, renders,
animates and picks the exact satellite clicked."""

import io
import time

import numpy as np
import pytest
from PIL import Image
from selenium.webdriver.common.action_chains import ActionChains

from conftest import globe_colours, hex_rgb, open_dashboard
from orbital.frames import earth_rotation_angle_rad
from orbital.propagation import propagate
from components.model.state import ViewState
from orbital.timeutil import at, timescale

ODC = ViewState(preset="spacex-odc")
# Satellite colours of assets/primitive.mjs (sunlit, penumbra, umbra), as drawn without blending.
SATELLITE_RGB = np.array([hex_rgb(globe_colours()[name]) for name in ("sunlit", "penumbra", "umbra")])


@pytest.fixture
def million(dash_duo):
    open_dashboard(dash_duo, "/?preset=spacex-odc", "ready: 1,000,000 satellites", timeout=90)
    wait_until(dash_duo, "return window.orbitalGlobe.drawnCount() > 10000")
    return dash_duo


def wait_until(duo, script, timeout=30):
    deadline = time.time() + timeout
    while not duo.driver.execute_script(script):
        assert time.time() < deadline, f"timed out: {script}"
        time.sleep(0.1)


def canvas_pixels(duo):
    png = duo.find_element("#globe canvas").screenshot_as_png
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def satellite_coloured(pixels):
    """Mask of pixels within a few levels of a satellite colour."""
    distance = np.abs(pixels[:, :, None, :] - SATELLITE_RGB[None, None, :, :]).max(axis=-1)
    return (distance <= 6).any(axis=-1)


def earth_fixed_km(constellation, indices, seconds, start):
    """orbital/'s positions of `indices` at `seconds` after `start`, turned Earth-fixed by GMST, (sats, times, 3)."""
    t0 = at(start)
    t = timescale().tt_jd(t0.whole, t0.tt_fraction + np.asarray(seconds) / 86400.0)
    r = propagate(constellation.subset(indices), t).r_teme_km
    theta = earth_rotation_angle_rad(t)
    c, s = np.cos(theta)[None, :], np.sin(theta)[None, :]
    return np.stack([c * r[..., 0] + s * r[..., 1], -s * r[..., 0] + c * r[..., 1], r[..., 2]], axis=-1)


def browser_positions_km(duo, indices, seconds):
    return np.array(duo.driver.execute_script(
        "const [indices, seconds] = arguments;"
        "return indices.map(i => seconds.map(t => window.orbitalGlobe.positionKm(i, t)));",
        [int(i) for i in indices], list(seconds)))


def drawn_offset_px(coloured, x, y, reach=3):
    """Distance (px) from (x, y) to the centroid of satellite-coloured pixels within `reach`, or None."""
    cx, cy = int(x), int(y)
    rows, cols = np.nonzero(coloured[cy - reach:cy + reach + 1, cx - reach:cx + reach + 1])
    if rows.size == 0:
        return None
    return float(np.hypot(cols.mean() + cx - reach + 0.5 - x, rows.mean() + cy - reach + 0.5 - y))


def isolated_on_canvas(duo, gap_px, shape, margin_px=2):
    """Drawn satellites [index, x, y] on the canvas with no other drawn satellite within gap_px."""
    drawn = np.array(duo.driver.execute_script("return window.orbitalGlobe.drawnOnCanvas(200000)"))
    xy = drawn[:, 1:]
    inside = ((xy[:, 0] >= margin_px) & (xy[:, 1] >= margin_px) & (xy[:, 0] < shape[1] - margin_px)
              & (xy[:, 1] < shape[0] - margin_px))
    cells = {}
    for k, (x, y) in enumerate(xy):
        cells.setdefault((int(x // gap_px), int(y // gap_px)), []).append(k)
    out = []
    for k in np.flatnonzero(inside):
        cx, cy = int(xy[k, 0] // gap_px), int(xy[k, 1] // gap_px)
        near = [j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in cells.get((cx + dx, cy + dy), []) if j != k]
        if not near or np.hypot(*(xy[near] - xy[k]).T).min() > gap_px:
            out.append([int(drawn[k, 0]), float(xy[k, 0]), float(xy[k, 1])])
    return out


def set_scenario_clock(duo, seconds):
    duo.driver.execute_script(f"window.dash_clientside.set_props('time-slider', {{value: {seconds}}})")
    wait_until(duo, f"return Math.abs(window.orbitalGlobe.secondsNow() - {seconds}) < 1")
    start = duo.driver.execute_script("return window.orbitalGlobe.frames()")
    wait_until(duo, f"return window.orbitalGlobe.frames() > {start + 3}")


def test_million_satellites_agree_render_animate_and_pick(million):
    duo = million
    constellation = ODC.constellation()
    # 1. The browser's model (the shader's, in double precision) against orbital/ over a day.
    rng = np.random.default_rng(7)
    indices = np.sort(rng.choice(constellation.count, 40, replace=False))
    seconds = [0.0, 3600.0, 43200.0, 86400.0]
    error_km = np.linalg.norm(browser_positions_km(duo, indices, seconds)
                              - earth_fixed_km(constellation, indices, seconds, ODC.start), axis=-1)
    assert error_km.max() < 1.0, f"worst {error_km.max():.3f} km"

    # 2. The shader draws each satellite where that model puts it: satellite colours under the
    #    projected positions of drawn satellites (a wrong shader leaves Earth or black there).
    #    A sparse view (1,500 drawn) leaves satellites far enough apart to tell one from another.
    duo.driver.execute_script("window.orbitalGlobe.setBudget(1500)")
    set_scenario_clock(duo, 0)
    pixels = canvas_pixels(duo)
    isolated = isolated_on_canvas(duo, 8.0, pixels.shape, 4)
    assert len(isolated) > 30
    coloured = satellite_coloured(pixels)
    offsets = [drawn_offset_px(coloured, x, y) for _, x, y in isolated]
    found = [o for o in offsets if o is not None]
    assert len(found) > 0.95 * len(offsets), f"{len(found)} of {len(offsets)} projected satellites drawn"
    assert np.median(found) < 0.75, f"satellites drawn {np.median(found):.2f} px from where orbital/ puts them"
    duo.driver.execute_script("window.orbitalGlobe.setBudget(60000)")
    set_scenario_clock(duo, 0)
    pixels = canvas_pixels(duo)
    coloured = satellite_coloured(pixels)
    # The Earth is still there under 60,000 satellites drawn of a million (thinned evenly).
    ocean = (pixels[..., 2] > pixels[..., 0] + 20) & (pixels[..., 2] > 60) & ~coloured
    assert ocean.mean() > 0.02

    # 3. It animates: half an hour later, satellite pixels have moved.
    set_scenario_clock(duo, 1800)
    later = satellite_coloured(canvas_pixels(duo))
    moved = (coloured != later).mean()
    assert moved > 0.01, f"only {moved:.2%} of the canvas changed where satellites are"

    # 4. Picking among all drawn: click a satellite with no other within 4 px (the click, at whole
    #    pixels, lands up to ~1.5 px from it; 36 layers put more satellites within 2 px of each other);
    #    exactly that one is selected.
    #    The page is scrolled first and the satellites listed after, so nothing moves between the two.
    canvas = duo.find_element("#globe canvas")
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    set_scenario_clock(duo, 1800)
    candidates = [entry for entry in isolated_on_canvas(duo, 4.0, (canvas.size["height"], canvas.size["width"]), 20)
                  if entry[0] != 0]
    # Only where the canvas itself takes the click (not the sticky strip or an overlay above it).
    on_top = duo.driver.execute_script(
        "const [c, points] = arguments, box = c.getBoundingClientRect();"
        "return points.map(([i, x, y]) => document.elementFromPoint(box.left + x, box.top + y) === c);",
        canvas, candidates)
    candidates = [entry for entry, top in zip(candidates, on_top) if top]
    assert candidates, "no isolated satellite to click"
    index, x, y = candidates[len(candidates) // 2]
    x, y = int(round(x)), int(round(y))
    assert duo.driver.execute_script(f"return window.orbitalGlobe.pickAt({x}, {y})") == index
    ActionChains(duo.driver).move_to_element_with_offset(canvas, x, y).click().perform()
    name = constellation.names([index])[0]
    wait_until(duo, f"return window.orbitalGlobe.selected() === {index}", timeout=10)
    # The panel's label follows from the server, which may still be drawing a million's cold panels.
    duo.wait_for_text_to_equal("#selection-label", f"Selected: {name} (#{index})", timeout=120)
    logs = duo.get_logs()
    assert logs == [], "\n".join(entry["message"] for entry in logs)

    # 5. Legible at every density (assets/lod.mjs pointStyle): with every satellite in view drawn (a
    #     GPU's budget) on a 1366 × 768 screen, under half of the lit pixels are solid satellite colour
    #     (75 % with the 2 px opaque points before: a slab), and the Earth shows through.
    duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False})
    duo.driver.execute_script("window.orbitalGlobe.setBudget(1000000)")
    set_scenario_clock(duo, 0)
    pixels = canvas_pixels(duo)
    solid = satellite_coloured(pixels).sum() / max(1, (pixels.sum(axis=-1) > 60).sum())
    assert solid < 0.5, f"{solid:.0%} of the lit pixels are solid satellite colour"
    duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # 6. A formation is sent as float32 elements, not a lattice, and agrees as well.
    duo.driver.execute_script("window.dash_clientside.set_props('preset', {value: 'suncatcher'})")
    duo.wait_for_text_to_equal("#globe-status", "ready: 81 satellites", timeout=60)
    suncatcher = ViewState(preset="suncatcher")
    indices = np.arange(0, 81, 8)
    error_km = np.linalg.norm(browser_positions_km(duo, indices, seconds)
                              - earth_fixed_km(suncatcher.constellation(), indices, seconds, suncatcher.start), axis=-1)
    assert error_km.max() < 1.0, f"worst {error_km.max():.3f} km"
