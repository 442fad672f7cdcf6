"""The night's sky for 1,000,000 satellites (spacex-odc) from Rubin Observatory: wall time and peak
resident memory (chunked: orbital.sky.CHUNK_SAMPLES bounds the arrays), following every satellite or a
1-in-EVERY sample (the dashboard's Sky panel follows 50,000). Run from the repository root:
python benchmarks/bench_sky.py [PRESET] [DATE] [EVERY]"""

import resource
import sys
import time

from orbital import presets, sky


def main(name="spacex-odc", date="2027-06-21", every="1"):
    constellation = presets.preset(name)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = sky.night_sky(constellation, sky.site("rubin"), date, every=int(every))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times = len(result["series"]["utc"])
    followed = constellation.count / int(every)
    print(f"{name} {date}: {followed:,.0f} of {constellation.count:,} satellites × {times} times in {seconds:.2f} s "
          f"({followed * times / seconds / 1e6:.1f} M satellite·times/s); peak RSS {peak_mb:.0f} MB "
          f"(before the night {before_mb:.0f} MB)")
    for moment in ("end_of_twilight", "middle_of_night"):
        print(moment, result[moment])
    print("night_brightest_mag", result["night_brightest_mag"])


if __name__ == "__main__":
    main(*sys.argv[1:])
