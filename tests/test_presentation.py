"""Presentation mode: exports, the offline report, embedding rules, shareable links, and screenshots
of the presentation fixture against baselines (regenerate on purpose with --update-baselines)."""

import base64
import http.server
import io
import json
import math
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.common.keys import Keys

from conftest import chromium_options, globe_colours, hex_rgb, open_dashboard
from components.cli import main as export_main
from components.model.figures import BLUE, COLOURS, MASS_PARTS, RED, SATELLITE_COLOURS
from components.model.report import report_html
from components.model.state import ViewState

BASELINES = Path(__file__).parent / "baselines"
FAILURES = BASELINES / "failures"
# The presentation fixture: time, selection and camera pinned, clock paused.
FIXTURE = "?preset=demo&present=1&t=1800&sat=5&camera=-40,10,21000000,0,-90,0"
# A pixel differs when a channel moves by more than this; a screenshot differs when more than
# MAX_CHANGED of its pixels do. Anti-aliasing moves a few edge pixels; a missing panel, a blank globe
# or another colour scale moves thousands.
PIXEL_TOLERANCE = 48
MAX_CHANGED = 0.004
# The presentation fixture's viewport (CSS px): a 720p slide.
VIEWPORT = (1280, 720)


# The panels every export writes, by file name.
PANELS = ("globe", "solar", "season", "satellites", "compute", "mass", "energy", "tornado", "costs", "waterfall")
# Colour vision as simulated by colorspacious (Machado, Oliveira & Fernandes 2009, full severity).
VISIONS = (None, "protanomaly", "deuteranomaly", "tritanomaly")


def smallest_difference(colours):
    """The smallest CAM02-UCS ΔE between any two of `colours` ('#RRGGBB'), over normal vision and the
    three simulated dichromacies, with the pair and the vision it belongs to."""
    from colorspacious import cspace_convert, deltaE

    rgb = np.array([hex_rgb(c) for c in colours], dtype=float) / 255.0
    worst = (np.inf, None, None)
    for vision in VISIONS:
        seen = rgb if vision is None else np.clip(cspace_convert(
            rgb, {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}, "sRGB1"), 0.0, 1.0)
        for a in range(len(colours)):
            for b in range(a + 1, len(colours)):
                worst = min(worst, (float(deltaE(seen[a], seen[b], input_space="sRGB1")),
                                    (colours[a], colours[b]), vision or "normal"), key=lambda w: w[0])
    return worst


def test_the_palettes_stay_apart_for_colour_blind_viewers():
    """Sunlit, penumbra and umbra on the globe, the solar-power scale's stops, and the shells' and mass
    parts' colours, seen with each simulated dichromacy. ~20 ΔE is a clear difference of hue or
    lightness; the old palette's yellow and orange were 13 apart for deutans, its blue and purple 3."""
    globe = globe_colours()
    assert SATELLITE_COLOURS == {name: globe[name] for name in ("sunlit", "penumbra", "umbra")}  # the report's globe
    assert smallest_difference([globe["sunlit"], globe["penumbra"], globe["umbra"]])[0] >= 25
    assert smallest_difference(globe["power"])[0] >= 20
    for n in range(2, len(COLOURS) + 1):
        assert smallest_difference(COLOURS[:n])[0] >= 15, f"the first {n} category colours"
    assert smallest_difference([colour for _, _, colour in MASS_PARTS])[0] >= 15
    assert smallest_difference([BLUE, RED])[0] >= 25


def test_energy_and_compute_are_shown_in_the_si_prefix_that_fits():
    """The demo's ~12 GWh a year in GWh (not "0.0122 TWh"), and a million satellites' compute in ZFLOP/s."""
    from components.model.engine import energy_comparison, yearly
    from components.model.figures import energy_figure, flops_text, three_figures

    demo = ViewState(preset="demo")
    figure = energy_figure(energy_comparison(demo), yearly(demo))
    assert figure.layout.yaxis.title.text == "GWh per year"
    assert 1 <= max(figure.data[0].y) < 1000
    assert flops_text(16_268_000.0) == "16.3 ZFLOP/s" and flops_text(939.0) == "939 PFLOP/s"
    # Counts in plain digits, never an exponent ("1.66e+03 replacement launches a year").
    assert three_figures(1661.2) == "1,660" and three_figures(2.5e7) == "25,000,000" and three_figures(0.0421) == "0.0421"


def test_cli_export_writes_every_panel_and_a_report(tmp_path, capsys):
    assert export_main(["export", "--preset", "demo", "--out", str(tmp_path), "--json", "--format", "png"]) == 0
    written = {Path(row["file"]).name for row in json.loads(capsys.readouterr().out)}
    assert written == {f"{p}.png" for p in PANELS} | {"report.html"}
    for panel in PANELS:
        image = Image.open(tmp_path / f"{panel}.png")
        assert image.size == (1920, 1080)
        assert len(np.unique(np.asarray(image.convert("RGB")).reshape(-1, 3), axis=0)) > 20
    report = (tmp_path / "report.html").read_text()
    assert "<script src=" not in report and "<link " not in report
    assert all(f'id="{panel}"' in report for panel in PANELS)
    assert "arXiv:2511.19468" in report and "orbit against the ground" in report.lower()


def test_report_opens_with_networking_off(tmp_path):
    assert export_main(["export", "--preset", "suncatcher", "--out", str(tmp_path), "--format", "svg"]) == 0
    for panel in PANELS:
        assert "<svg" in (tmp_path / f"{panel}.svg").read_text()[:500]
    options = chromium_options()
    # No name resolves and every connection goes to a closed port: the network is off for this page.
    options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND")
    options.add_argument("--proxy-server=127.0.0.1:9")
    driver = webdriver.Chrome(options=options)
    try:
        driver.get((tmp_path / "report.html").as_uri())
        deadline = time.time() + 30
        while driver.execute_script("return document.querySelectorAll('.js-plotly-plot .main-svg').length") < 5:
            assert time.time() < deadline, "the report's panels did not render offline"
            time.sleep(0.2)
        assert driver.execute_script("return document.querySelectorAll('.js-plotly-plot').length") == 10  # every panel of components/model/report.py's panel_figures
        assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
        assert "suncatcher" in driver.find_element("css selector", "h1").text
    finally:
        driver.quit()


def serve_page(html):
    """A loopback HTTP server answering `html` for every GET; returns (origin, server)."""
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


def test_embed_is_allowed_only_for_listed_hosts(dash_duo):
    from app import server as flask_server

    open_dashboard(dash_duo, "/?preset=demo", "ready: 72 satellites")
    frame = f'<iframe id="slide" src="{dash_duo.server.url}/embed/energy?preset=demo" width="800" height="500"></iframe>'
    listed, listed_server = serve_page(frame)
    other, other_server = serve_page(frame)
    flask_server.config["FRAME_ANCESTORS"] = [listed]
    driver = dash_duo.driver
    try:
        driver.get(listed + "/slide.html")
        driver.switch_to.frame(driver.find_element("css selector", "#slide"))
        deadline = time.time() + 60
        while not driver.execute_script("return document.querySelectorAll('#energy-graph .main-svg').length"):
            assert time.time() < deadline, "the listed host could not embed /embed/energy"
            time.sleep(0.3)
        assert driver.execute_script("return document.body.className") == "embed embed-energy"
        assert not driver.find_element("css selector", "#globe").is_displayed()
        driver.switch_to.default_content()
        dash_duo.get_logs()
        driver.get(other + "/slide.html")
        time.sleep(3)
        refused = [entry["message"] for entry in dash_duo.get_logs() if "frame-ancestors" in entry["message"]]
        assert refused, "a host that is not listed embedded the dashboard"
        driver.switch_to.frame(driver.find_element("css selector", "#slide"))
        assert not driver.execute_script("return document.querySelectorAll('#energy-graph').length")
        driver.switch_to.default_content()
    finally:
        flask_server.config["FRAME_ANCESTORS"] = []
        listed_server.shutdown()
        other_server.shutdown()


def settle(driver, timeout=90):
    """Wait until the globe has its data and imagery and the panels are drawn, then a few frames more."""
    deadline = time.time() + timeout
    script = """
        const g = window.orbitalGlobe;
        const ready = !g || !g.hasViewer() || !document.querySelector('#globe').offsetParent
          || (g.hasData() && g.tilesLoaded() && g.loadToFrameMs() !== null);
        const plots = [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent);
        return ready && plots.every(p => p.querySelector('.main-svg')) && !document.querySelector('._dash-loading');"""
    stable = 0
    while stable < 3:
        assert time.time() < deadline, "the page did not settle"
        stable = stable + 1 if driver.execute_script(script) else 0
        time.sleep(0.5)


def screenshot(driver):
    driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
    time.sleep(0.5)
    return np.asarray(Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")).astype(int)


def changed_share(actual, expected):
    """Share of pixels that differ by more than PIXEL_TOLERANCE in any channel (1.0 if sizes differ)."""
    if actual.shape != expected.shape:
        return 1.0
    return float((np.abs(actual - expected).max(axis=-1) > PIXEL_TOLERANCE).mean())


def compare_with_baseline(name, actual, update):
    """Assert `actual` matches tests/baselines/NAME.png; write it there with --update-baselines;
    on a failure, write the actual image and a diff next to the baselines (failures/)."""
    path = BASELINES / f"{name}.png"
    if update or not path.exists():
        assert update, f"no baseline {path.name}: run pytest --update-baselines on purpose to create it"
        BASELINES.mkdir(exist_ok=True)
        Image.fromarray(actual.astype(np.uint8)).save(path)
        return
    expected = np.asarray(Image.open(path).convert("RGB")).astype(int)
    share = changed_share(actual, expected)
    if share > MAX_CHANGED:
        FAILURES.mkdir(parents=True, exist_ok=True)
        Image.fromarray(actual.astype(np.uint8)).save(FAILURES / f"{name}-actual.png")
        if actual.shape == expected.shape:
            diff = np.abs(actual - expected).max(axis=-1) > PIXEL_TOLERANCE
            marked = (expected * 0.35).astype(np.uint8)
            marked[diff] = (255, 0, 255)
            Image.fromarray(marked).save(FAILURES / f"{name}-diff.png")
        pytest.fail(f"{name}: {share:.2%} of pixels differ from {path.name} (diff in {FAILURES})")


# Each view: its baseline's name, path and query. The default view and presentation mode pin the
# same clock, selection and camera; embeds present too.
VIEWS = [("default", "/", FIXTURE.replace("&present=1", "")), ("present", "/", FIXTURE),
         ("embed-globe", "/embed/globe", FIXTURE), ("embed-solar", "/embed/solar", FIXTURE),
         ("embed-compute", "/embed/compute", FIXTURE), ("embed-energy", "/embed/energy", FIXTURE)]
# Each embed's main element.
EMBED_MAIN = {"embed-globe": "#globe", "embed-solar": "#solar-graph", "embed-compute": "#compute-graph",
              "embed-energy": "#energy-graph"}
# The screens every view is compared at (CSS px).
SIZES = ((1920, 1080), (1366, 768))


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.fixture
def presentation(dash_duo):
    open_dashboard(dash_duo, "/" + FIXTURE, "ready: 72 satellites")
    set_viewport(dash_duo.driver, *VIEWPORT)
    return dash_duo


# What an embed's frame shows: its main chart (or the globe), how far the page scrolls, and whether a
# modebar or status line is on screen.
FRAME = """
const r = document.querySelector(arguments[0]).getBoundingClientRect();
return {w: innerWidth, h: innerHeight, scroll: document.scrollingElement.scrollHeight, area: r.width * r.height,
        modebar: [...document.querySelectorAll('.modebar')].some(m => m.offsetParent),
        status: [...document.querySelectorAll('.status')].some(m => m.offsetParent)}"""


# What the tour's caption covers, or leaves the screen for: [] when it sits wholly on screen and clear of
# the globe, the clock, the strip and the panels.
CAPTION_CLEAR = """
const box = s => document.querySelector(s).getBoundingClientRect();
const c = box('#tour-caption');
const apart = (a, b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
const out = ['#globe', '.clock', '#verdict-strip', '.panels'].filter(s => !apart(c, box(s)));
if (c.height === 0 || c.top < 0 || c.bottom > innerHeight || c.right > innerWidth) out.push('the screen');
return out;"""


# axe-core's serious and critical findings on the page (contrast included), one line each: rule, impact, elements.
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(
  (r) => done(r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)),
  (e) => done([`axe failed: ${e}`]));"""


def axe_findings(driver, axe_source):
    """axe-core (served by the app, node_modules/axe-core) run on the page `driver` shows."""
    driver.set_script_timeout(120)
    driver.execute_script(axe_source)
    return driver.execute_async_script(AXE_RUN)


# The texts an embed's caption lies over ([] when none): its main element's chart title and strip items.
CAPTION_APART = """
const c = document.querySelector('#embed-caption').getBoundingClientRect();
const apart = (a, b) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
return [...document.querySelectorAll(arguments[0] + ' .gtitle, ' + arguments[0] + ' .verdict')]
  .filter((t) => !apart(c, t.getBoundingClientRect())).map((t) => t.textContent);"""


# The views in three groups, each its own test so that the two workers share them (docs/testing.md).
VIEW_GROUPS = {"page": ("default", "present"), "embeds": tuple(EMBED_MAIN), "report": ("report",)}


@pytest.mark.parametrize("group", VIEW_GROUPS)
def test_every_view_matches_its_baselines_at_both_screen_sizes(presentation, request, tmp_path, group):
    """The default view, presentation mode, each embed and the report at 1920 × 1080 and 1366 × 768
    against their baselines; each embed fills its frame (its chart or globe covers most of it), does
    not scroll and shows neither Plotly's modebar nor the status line; axe-core finds nothing serious
    or critical in any of them (at 1920 × 1080, the controls' drawer open). Each view is opened once
    and the screen resized under it, as a viewer's window is. With the report: the strip's and the
    tornado's captioned embeds."""
    duo = presentation
    axe_source = urllib.request.urlopen(duo.server.url + "/axe/axe.min.js").read().decode()
    update = request.config.getoption("--update-baselines")
    report = tmp_path / "report.html"
    report.write_text(report_html(ViewState(preset="demo"), 5, 1800.0))
    urls = {**{name: duo.server.url + path + query for name, path, query in VIEWS}, "report": report.as_uri()}
    for name in VIEW_GROUPS[group]:
        url = urls[name]
        set_viewport(duo.driver, *SIZES[0])
        duo.driver.get(url)
        for width, height in SIZES:
            set_viewport(duo.driver, width, height)
            settle(duo.driver)
            if name in EMBED_MAIN:
                frame = duo.driver.execute_script(FRAME, EMBED_MAIN[name])
                assert (frame["w"], frame["h"]) == (width, height)
                assert frame["scroll"] <= height, f"{url} scrolls ({frame['scroll']} px) at {width} × {height}"
                assert frame["area"] >= 0.8 * width * height, f"{url} fills {frame['area'] / (width * height):.0%}"
                assert not frame["modebar"] and not frame["status"], f"{url} shows its modebar or status line"
            if name == "present":
                assert duo.driver.execute_script(CAPTION_CLEAR) == [], f"the caption covers them at {width} × {height}"
            if width == SIZES[0][0]:
                assert axe_findings(duo.driver, axe_source) == [], f"axe-core on {name}"
            compare_with_baseline(f"{name}-{width}x{height}", screenshot(duo.driver), update)
    if group == "report":
        captioned_embeds_fit_a_slide(duo, axe_source)


def captioned_embeds_fit_a_slide(duo, axe_source):
    """The strip's and the tornado's embeds on a 720p slide, captioned (?caption=1): the scenario and its
    date in a corner, over neither the strip's numbers nor the chart's title; axe-core clean too."""
    set_viewport(duo.driver, *VIEWPORT)
    for name, main in (("strip", "#verdict-strip"), ("tornado", "#tornado-graph")):
        duo.driver.get(f"{duo.server.url}/embed/{name}{FIXTURE}&caption=1")
        duo.wait_for_text_to_equal("#embed-caption", "demo · 72 satellites · 2026-06-21, 6 h from 00:00 UTC", timeout=30)
        settle(duo.driver)
        frame = duo.driver.execute_script(FRAME, main)
        assert frame["scroll"] <= VIEWPORT[1] and not frame["modebar"] and not frame["status"], (name, frame)
        assert duo.driver.execute_script(CAPTION_APART, main) == [], name
        if name == "tornado":
            assert frame["area"] >= 0.8 * VIEWPORT[0] * VIEWPORT[1], f"the tornado fills {frame['area']:.0f} px²"
        else:
            assert frame["area"] >= 0.9 * VIEWPORT[0] * 70, f"the strip shows {frame['area']:.0f} px²"
            assert duo.driver.execute_script("return document.querySelectorAll('#verdict-strip .verdict').length") == 8
            assert not duo.driver.execute_script("return document.querySelector('#globe').offsetParent")
        assert axe_findings(duo.driver, axe_source) == [], f"axe-core on /embed/{name}"


def test_an_altered_render_fails_the_comparison(presentation):
    duo = presentation
    duo.driver.get(duo.server.url + "/embed/energy" + FIXTURE)
    settle(duo.driver)
    before = screenshot(duo.driver)
    duo.driver.get(duo.server.url + "/embed/energy" + FIXTURE)
    settle(duo.driver)
    assert changed_share(screenshot(duo.driver), before) <= MAX_CHANGED  # two runs render the same pixels
    # A different colour scale on the bars, then a missing panel: both must be caught.
    duo.driver.execute_script(
        "document.querySelectorAll('#energy-graph .bars path').forEach(p => p.style.fill = '#d62728')")
    assert changed_share(screenshot(duo.driver), before) > MAX_CHANGED
    duo.driver.execute_script("document.querySelector('#energy-graph').style.visibility = 'hidden'")
    assert changed_share(screenshot(duo.driver), before) > MAX_CHANGED


def test_a_copied_link_reopens_the_same_view_in_another_browser(dash_duo):
    duo = open_dashboard(dash_duo, "/?preset=demo&present=1", "ready: 72 satellites")
    driver = duo.driver
    driver.set_window_size(1280, 900)
    settle(driver)
    driver.execute_script("window.dash_clientside.set_props('selection', {data: 17})")
    driver.execute_script("window.dash_clientside.set_props('time-slider', {value: 2400})")
    driver.execute_script("window.dash_clientside.set_props('globe-overlays', {value: ['site', 'path']})")
    driver.execute_script("window.dash_clientside.set_props('path-city', {value: 'Delhi'})")
    driver.execute_script("window.orbitalGlobe.camera().setView({destination: "
                          "Cesium.Cartesian3.fromDegrees(120, -20, 18000000)})")
    duo.wait_for_contains_text("#selection-label", "(#17)", timeout=20)
    rtt_script = "return document.querySelector('#path-rtt').textContent"  # hidden while presenting
    deadline = time.time() + 30
    while not driver.execute_script(rtt_script).startswith("Delhi"):
        assert time.time() < deadline, "the path overlay gave no round trip"
        time.sleep(0.5)
    settle(driver)
    driver.execute_script("document.querySelector('#copy-link').click()")  # hidden while presenting
    deadline = time.time() + 10
    while not (link := driver.find_element("css selector", "#share-link").get_attribute("value")):
        assert time.time() < deadline, "Copy link gave no link"
        time.sleep(0.2)
    assert "sat=17" in link and "t=2400" in link and "camera=120.0000%2C-20.0000" in link
    assert "overlays=site%2Cpath" in link and "city=Delhi" in link
    first = screenshot(driver)
    second_driver = webdriver.Chrome(options=chromium_options())
    try:
        second_driver.set_window_size(1280, 900)
        second_driver.get(link)
        settle(second_driver)
        deadline = time.time() + 30
        while not (rtt := second_driver.execute_script(rtt_script)) and time.time() < deadline:
            time.sleep(0.5)  # the overlays' callback follows the link's
        settle(second_driver)
        label = second_driver.find_element("css selector", "#selection-label").text
        second = screenshot(second_driver)
    finally:
        second_driver.quit()
    assert label == driver.find_element("css selector", "#selection-label").text
    assert rtt.startswith("Delhi") and rtt == driver.execute_script(rtt_script)
    assert changed_share(second, first) <= MAX_CHANGED, f"{changed_share(second, first):.2%} of pixels differ"


# Loads a CZML file into a CzmlDataSource of the page's Cesium: its entity count, clock start and one
# entity's position at an instant (arguments: url, entity id, ISO instant).
CZML_LOAD = """
const [url, id, iso, done] = arguments;
Cesium.CzmlDataSource.load(url).then((source) => {
  const p = source.entities.getById(id).position.getValue(Cesium.JulianDate.fromIso8601(iso));
  done({count: source.entities.values.length, start: Cesium.JulianDate.toIso8601(source.clock.startTime, 0),
        position_m: [p.x, p.y, p.z]});
}, (error) => done({error: String(error)}));"""


def test_tour_advances_on_a_key_and_the_globe_exports_as_png(presentation):
    duo = presentation
    settle(duo.driver)
    data_url = duo.driver.execute_async_script(
        "window.orbitalGlobe.globePng().then(arguments[arguments.length - 1])")
    assert data_url.startswith("data:image/png;base64,")
    png = np.asarray(Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1]))).convert("RGB")).astype(int)
    # Between its bands, the same pixels as the canvas on screen: a globe, not a blank buffer.
    canvas = np.asarray(Image.open(io.BytesIO(duo.find_element("#globe canvas").screenshot_as_png)).convert("RGB"))
    assert png.shape == canvas.shape
    scale = max(1.0, png.shape[1] / 960)
    top, bottom = math.ceil(44 * scale), math.ceil(32 * scale)
    assert (png.sum(axis=-1) > 60).mean() > 0.03 and len(np.unique(png.reshape(-1, 3), axis=0)) > 500
    assert changed_share(png[top:-bottom], canvas[top:-bottom].astype(int)) < 0.02
    # The top band carries the title and instant in white; the bottom one the legend's colours.
    assert ((png[:top] > 235).all(axis=-1)).sum() > 200
    for name in ("sunlit", "penumbra", "umbra"):
        colour = np.array(hex_rgb(globe_colours()[name]))
        assert (np.abs(png[-bottom:] - colour).max(axis=-1) <= 8).sum() > 20, f"no {name} in the legend"
    # The CZML export loads into this page's offline Cesium: one entity a satellite, each where the file says.
    loaded = duo.driver.execute_async_script(CZML_LOAD, "/export/constellation.czml?preset=demo", "satellite-5",
                                             "2026-06-21T00:30:00Z")
    assert loaded.get("count") == 72 and loaded["start"] == "2026-06-21T00:00:00Z", loaded
    from components.model.czml import fixed_positions_m
    assert np.abs(np.array(loaded["position_m"]) - fixed_positions_m(ViewState(preset="demo"))[0][5, 30]).max() < 1.0
    duo.driver.find_element("css selector", "body").send_keys(Keys.ARROW_RIGHT)
    duo.wait_for_contains_text("#tour-caption", "1/4", timeout=20)
    duo.wait_for_text_to_equal("#globe-status", "ready: 1,000,000 satellites", timeout=90)
    assert duo.driver.execute_script("return window.orbitalGlobe.present()") is True


def test_each_tour_caption_agrees_with_the_panel_beside_it():
    """Each step's caption names the satellite, β and sunlit share the solar panel beside it draws: its
    title's name and β, and 1 − (umbra shaded) / window within a point (the caption counts penumbra as
    partly lit). Step 2 once said "sunlit more than 99 %" beside a 94 % satellite with three eclipses."""
    import re

    from components.model.engine import satellite_power
    from components.model.figures import solar_figure
    from components.model.state import link_selection, parse_query, selected_satellite, view_from_link
    from components.ui.presentation import TOUR, tour_caption

    for step, entry in enumerate(TOUR):
        caption = tour_caption(step)
        assert caption.startswith(f"{step + 1}/{len(TOUR)} ") and "{" not in caption, caption
        query = parse_query(entry["search"])
        view = view_from_link(query)
        count = view.constellation().count
        assert f"{count:,} satellites" in caption or "sunlit" in caption, caption
        if "sunlit" not in caption:
            continue
        data = satellite_power(view, selected_satellite(link_selection(query), count))
        figure = solar_figure(data, 0.0)
        title = figure.layout.title.text.replace("<br>", " ")
        beta = re.search(r"β = (-?[\d.]+)°", title).group(1)
        assert data["name"] in caption and data["name"] in title, (caption, title)
        if "β" in caption:
            assert f"β = {beta}°" in caption, (caption, title)
        shaded_min = sum(shape.x1 - shape.x0 for shape in figure.layout.shapes[1:])
        drawn_share = 1.0 - shaded_min * 60.0 / view.window_s
        stated = float(re.search(r"sunlit ([\d.]+)%", caption).group(1)) / 100.0
        assert abs(stated - drawn_share) < 0.01, (caption, drawn_share)
    assert "99" not in tour_caption(1)


def test_czml_export_puts_each_satellite_where_orbital_does_and_is_bounded(monkeypatch):
    """/export/constellation.czml: a clock over the window and one packet a satellite whose samples
    (every step, Earth-fixed, m) are orbital's TEME positions turned into ITRS by skyfield's own frames
    (within the export's rounding to 0.1 m; a turn the wrong way is off by up to 11,000 km); past
    ORBITAL_CZML_SAMPLES_MAX it is refused (400) naming the limit."""
    from skyfield.framelib import itrs
    from skyfield.sgp4lib import TEME

    import orbital
    from app import server

    http = server.test_client()
    answer = http.get("/export/constellation.czml?preset=demo")
    assert answer.status_code == 200, answer.data[:200]
    packets = json.loads(answer.data)
    view = ViewState(preset="demo")
    constellation = view.constellation()
    assert packets[0]["id"] == "document" and packets[0]["clock"]["interval"].startswith("2026-06-21T00:00:00")
    assert [p["name"] for p in packets[1:]] == list(constellation.names())
    t = view.window()
    teme_to_itrs = np.einsum("ijt,kjt->ikt", itrs.rotation_at(t), TEME.rotation_at(t))
    expected_m = np.einsum("ikt,stk->sti", teme_to_itrs, orbital.propagate(constellation, t).r_teme_km) * 1000.0
    for index in (0, 40, 71):
        position = packets[1 + index]["position"]
        assert position["referenceFrame"] == "FIXED" and position["epoch"].startswith("2026-06-21T00:00:00")
        samples = np.array(position["cartesian"]).reshape(-1, 4)
        assert np.array_equal(samples[:, 0], np.arange(len(t)) * view.step_s)
        assert np.abs(samples[:, 1:] - expected_m[index]).max() <= 0.06
    monkeypatch.setenv("ORBITAL_CZML_SAMPLES_MAX", str(72 * 361 - 1))
    refused = http.get("/export/constellation.czml?preset=demo")
    assert refused.status_code == 400 and b"ORBITAL_CZML_SAMPLES_MAX" in refused.data
