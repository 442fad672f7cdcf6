"""How soon a viewer reads the verdict: in headless Chromium, with the browser's own clock
(performance.now(), from the navigation's start), the time until the strip's numbers are in the page
after loading it, and after a control changes (Ground PUE typed anew) until the strip shows the new
numbers. The baseline is another commit of the dashboard (default: the one before the verdict came with
the page), served from a temporary git worktree and measured in the same run, on a warm server each.

Goals (issue 24): first verdict ≤ 2 s after load on a warm server, ≤ 1 s after a control changes.

Run: .venv/bin/python benchmarks/bench_first_verdict.py [--before REV] [--runs 3] [--preset spacex-odc]
"""

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.app_server import free_port  # noqa: E402
from tests.conftest import chromium_options  # noqa: E402

# Set at the document's start: the time the strip first holds a number, and each later change of it.
WATCH_STRIP = """
window.verdictTimes = [];
new MutationObserver(() => {
  const value = document.querySelector('#verdict-strip .verdict-value');
  const text = value ? document.querySelector('#verdict-strip').innerText : '';
  const last = window.verdictTimes[window.verdictTimes.length - 1];
  if (text && (!last || last.text !== text)) window.verdictTimes.push({ms: performance.now(), text});
}).observe(document, {childList: true, subtree: true, characterData: true});
"""
TIMEOUT_S = 120


@contextmanager
def serving(folder):
    """app.py of `folder` on a free port, warmed by one page load; yields its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + TIMEOUT_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"app.py of {folder} did not serve") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def browser():
    driver = webdriver.Chrome(options=chromium_options())
    driver.set_window_size(1366, 768)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_STRIP})
    return driver


def wait_times(driver, count):
    deadline = time.time() + TIMEOUT_S
    while len(times := driver.execute_script("return window.verdictTimes")) < count:
        if time.time() > deadline:
            raise RuntimeError("the strip never showed its numbers")
        time.sleep(0.05)
    return times


def one_view(url):
    """(ms to the first verdict after load, ms from a control's change to the new verdict)."""
    driver = browser()
    try:
        driver.get(url)
        first = wait_times(driver, 1)[0]["ms"]
        time.sleep(3.0)  # the page settles: the globe starts and the panels draw
        driver.execute_script("const d = document.getElementById('drawer'); if (d) d.open = true;")
        box = driver.find_element(By.ID, "pue")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        seen = len(driver.execute_script("return window.verdictTimes"))
        box.send_keys(Keys.CONTROL, "a")
        changed_at = driver.execute_script("return performance.now()")
        box.send_keys("1.3", Keys.TAB)
        after = wait_times(driver, seen + 1)[-1]["ms"] - changed_at
        return first, after
    finally:
        driver.quit()


def measure(folder, preset, runs):
    with serving(folder) as base:
        url = f"{base}/?preset={preset}"
        one_view(url)  # warms the server for this preset and PUE
        return [one_view(url) for _ in range(runs)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="f9f42f2", help="the baseline commit (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preset", default="spacex-odc")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="before-") as folder:
        subprocess.run(["git", "worktree", "add", "--detach", folder, args.before], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (Path(folder) / "node_modules").symlink_to(ROOT / "node_modules")
        try:
            rows = [(f"before ({args.before})", measure(folder, args.preset, args.runs)),
                    ("after (this tree)", measure(ROOT, args.preset, args.runs))]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", folder], cwd=ROOT, check=False)
    print(f"{args.preset} at 1366 × 768, headless Chromium (SwiftShader), warm server, median of {args.runs}")
    print(f"{'':24} {'first verdict after load':>26} {'after a control change':>24}")
    medians = {}
    for name, times in rows:
        first, after = (statistics.median(column) for column in zip(*times))
        medians[name] = first, after
        print(f"{name:24} {first / 1000:>24.2f} s {after / 1000:>22.2f} s")
    (before_first, before_after), (first, after) = medians.values()
    print(f"{'after ÷ before':24} {first / before_first:>26.2f} {after / before_after:>24.2f}")
    print(f"goals: first verdict ≤ 2 s: {'met' if first <= 2000 else 'not met'}; "
          f"after a change ≤ 1 s: {'met' if after <= 1000 else 'not met'}")


if __name__ == "__main__":
    main()
