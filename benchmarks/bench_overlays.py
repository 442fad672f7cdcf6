"""Time per clock push of the globe's network overlays at spacex-odc's million satellites
(components/ui/overlays.overlay_data, as the server answers each push of the clock while it plays):
each overlay alone and all four, over a few consecutive clock steps after one warm-up push.

Run: python benchmarks/bench_overlays.py [--preset spacex-odc] [--pushes 5]"""

import argparse
import statistics
import time

from components.model.state import ViewState
from components.ui.overlays import OVERLAYS, overlay_data


def push_times_s(overlays, store, first_s, pushes, step_s):
    """Seconds of each of `pushes` clock pushes, one step apart from `first_s` + step_s (after a warm-up
    push at `first_s`), with `overlays` checked: instants no earlier push asked for."""
    overlay_data(overlays, 17, first_s, "Tokyo", "rubin", store)
    times = []
    for k in range(1, pushes + 1):
        started = time.perf_counter()
        overlay_data(overlays, 17, first_s + k * step_s, "Tokyo", "rubin", store)
        times.append(time.perf_counter() - started)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="spacex-odc")
    parser.add_argument("--pushes", type=int, default=5)
    args = parser.parse_args()
    view = ViewState(preset=args.preset)
    store = view.to_store()
    print(f"{args.preset}: {view.constellation().count:,} satellites; seconds per clock push (median, max)")
    names = [name for name, _ in OVERLAYS]
    for k, overlays in enumerate([[name] for name in names] + [names]):
        times = push_times_s(overlays, store, k * (args.pushes + 1) * view.step_s, args.pushes, view.step_s)
        print(f"  {'+'.join(overlays):28s} {statistics.median(times):6.3f} {max(times):6.3f}")


if __name__ == "__main__":
    main()
