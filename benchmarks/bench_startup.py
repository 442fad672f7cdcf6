"""Start-up of the engine and its command line against `python -c "import numpy"` in the same run:
`import orbital` (target ≤ 0.5 s), `python -m orbital sources` and the installed `orbital sources`
(target ≤ 0.8 s), each the median wall-clock time of RUNS fresh processes; then checks that
`python -X importtime -m orbital sources` loads no Dash, Plotly or kaleido.

Run: .venv/bin/python benchmarks/bench_startup.py [--runs N]. The installed `orbital` script runs the
code its environment was installed from (an editable install: that checkout), not necessarily this one.
Exits 1 if the command line loads a web module.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
WEB = ("dash", "plotly", "kaleido", "components")
# Targets, seconds (issue 22): the engine's import, and a command that prints a table.
TARGETS_S = {"import orbital": 0.5, "python -m orbital sources": 0.8, "orbital sources": 0.8}


def median_s(argv, runs):
    """Median wall-clock seconds of `runs` runs of `argv` from the repository root (output discarded)."""
    spans = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        spans.append(time.perf_counter() - start)
    return statistics.median(spans)


def web_modules():
    """The web modules `python -X importtime -m orbital sources` imports (none expected)."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "orbital", "sources"], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    loaded = {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    return sorted(m for m in loaded if m.split(".")[0] in WEB)


def entry_point(script):
    """The module whose main an installed console script calls ('components.export', 'orbital.cli')."""
    for line in script.read_text(errors="replace").splitlines():
        if line.startswith("from ") and line.endswith(" import main"):
            return line.split()[1]
    return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per command (default {RUNS})")
    runs = parser.parse_args().runs
    commands = {"import numpy (baseline)": [sys.executable, "-c", "import numpy"],
                "import orbital": [sys.executable, "-c", "import orbital"],
                "python -m orbital sources": [sys.executable, "-m", "orbital", "sources"]}
    installed = Path(sys.executable).parent / "orbital"
    if installed.exists():
        print(f"the installed orbital calls {entry_point(installed)}.main")
        commands["orbital sources"] = [str(installed), "sources"]
    print(f"median of {runs} runs, wall clock, from {ROOT}")
    baseline_s = None
    for name, argv in commands.items():
        seconds = median_s(argv, runs)
        baseline_s = baseline_s or seconds
        target = TARGETS_S.get(name)
        verdict = "" if target is None else f"  target ≤ {target:.1f} s: {'met' if seconds <= target else 'MISSED'}"
        print(f"  {name:<28} {seconds:6.3f} s  {seconds / baseline_s:5.2f} × numpy{verdict}")
    web = web_modules()
    print(f"python -X importtime -m orbital sources loads web modules: {', '.join(web) if web else 'none'}")
    return 1 if web else 0


if __name__ == "__main__":
    sys.exit(main())
