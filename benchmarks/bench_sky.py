"""The night's sky for 1,000,000 satellites (spacex-odc) from Rubin Observatory: wall time and peak
resident memory (chunked: orbital.sky.CHUNK_SAMPLES bounds the arrays). Run from the repository root:
python benchmarks/bench_sky.py [PRESET] [DATE]"""

import resource
import sys
import time

from orbital import presets, sky


def main(name="spacex-odc", date="2027-06-21"):
    constellation = presets.preset(name)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = sky.night_sky(constellation, sky.site("rubin"), date)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = len(result["series"]["utc"])
    print(f"{name} {date}: {constellation.count:,} satellites × {times} times in {seconds:.1f} s "
          f"({constellation.count * times / seconds / 1e6:.1f} M satellite·times/s); peak RSS {peak_mb:.0f} MB "
          f"(before the night {before_mb:.0f} MB)")
    for moment in ("end_of_twilight", "middle_of_night"):
        print(moment, result[moment])
    print("night_brightest_mag", result["night_brightest_mag"])


if __name__ == "__main__":
    main(*sys.argv[1:])
