"""The fixture of the browser's orbit model tests (tests/js/*.test.mjs): globe payloads as the server
sends them, and what orbital/ computes for them: Earth-fixed positions (orbital.propagate turned by
GMST 1982), the visible fraction of the Sun's disc (orbital.illumination, penumbra included) and, for
given visible caps, the satellites inside them (every satellite tested).

    .venv/bin/python tests/js/fixture.py      # writes tests/js/orbit_fixture.json
test_js.py checks that the stored fixture still equals what orbital/ computes."""

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

import orbital  # noqa: E402
from components.globe import elements_payload  # noqa: E402
from orbital.frames import earth_rotation_angle_rad  # noqa: E402

FIXTURE = Path(__file__).with_name("orbit_fixture.json")
START = "2026-06-21T00:00:00Z"
WINDOW_H, STEP_S = 6.0, 60.0
SECONDS = [0.0, 1234.5, 7200.0, 21600.0]
# Caps (centre as longitude°, latitude°; angular radius °) at which the visible-arc solver is checked.
CAPS = [(-60.0, 20.0, 30.0), (100.0, -45.0, 12.0), (0.0, 89.0, 50.0), (170.0, 0.0, 3.0)]
# Satellites this close to a cap's edge (in cosine) may fall either way in float arithmetic.
EDGE_COS = 1e-9


def earth_fixed_km(constellation, indices, seconds):
    """orbital/'s positions of `indices` at `seconds` after START, Earth-fixed by GMST 1982, (sats, times, 3)."""
    t0 = orbital.at(START)
    t = t0.ts.tt_jd(t0.whole, t0.tt_fraction + np.asarray(seconds) / 86400.0)
    r = orbital.propagate(constellation.subset(indices), t).r_teme_km
    theta = earth_rotation_angle_rad(t)
    c, s = np.cos(theta)[None, :], np.sin(theta)[None, :]
    return np.stack([c * r[..., 0] + s * r[..., 1], -s * r[..., 0] + c * r[..., 1], r[..., 2]], axis=-1)


def times_after(seconds):
    t0 = orbital.at(START)
    return t0.ts.tt_jd(t0.whole, t0.tt_fraction + np.asarray(seconds, dtype=float) / 86400.0)


def sunlight(constellation, indices, seconds):
    """orbital/'s visible fraction of the Sun's disc for `indices` at `seconds` after START, (sats, times);
    and (index, second, fraction) of a few moments in the penumbra of the first satellite, found at 1 s
    steps over the first three hours."""
    lit = orbital.illumination(orbital.propagate(constellation.subset(indices), times_after(seconds)))
    scan = np.arange(0.0, 3 * 3600.0)
    first = orbital.illumination(orbital.propagate(constellation.subset([indices[0]]), times_after(scan)))[0]
    inside = np.flatnonzero((first > 0.0) & (first < 1.0))
    picked = inside[np.linspace(0, inside.size - 1, 4).astype(int)] if inside.size else []
    return lit, [[int(indices[0]), float(scan[k]), float(first[k])] for k in picked]


def unit(lon_deg, lat_deg):
    lon, lat = np.radians(lon_deg), np.radians(lat_deg)
    return [float(np.cos(lat) * np.cos(lon)), float(np.cos(lat) * np.sin(lon)), float(np.sin(lat))]


def case(name, constellation, tolerance_km):
    """One constellation's payload, positions of a spread of satellites, and its caps' satellites."""
    window = orbital.times(START, hours=WINDOW_H, step_s=STEP_S)
    payload = elements_payload(orbital.mean_elements(constellation, window), START, WINDOW_H * 3600.0, STEP_S)
    indices = sorted({0, constellation.count - 1, *range(0, constellation.count, max(1, constellation.count // 20))})
    positions = earth_fixed_km(constellation, indices, SECONDS)
    every = np.arange(constellation.count)
    direction = earth_fixed_km(constellation, every, SECONDS[1:3])
    direction /= np.linalg.norm(direction, axis=-1, keepdims=True)
    caps = []
    for k, seconds in enumerate(SECONDS[1:3]):
        for lon, lat, radius_deg in CAPS:
            centre = unit(lon, lat)
            cos_radius = float(np.cos(np.radians(radius_deg)))
            dot = direction[:, k] @ centre
            caps.append({"seconds": seconds, "centre": centre, "cos_radius": cos_radius,
                         "inside": every[dot >= cos_radius + EDGE_COS].tolist(),
                         "edge": every[np.abs(dot - cos_radius) < EDGE_COS].tolist()})
    lit, penumbra = sunlight(constellation, indices, SECONDS)
    return {"name": name, "payload": payload, "tolerance_km": tolerance_km, "indices": indices,
            "names": constellation.names(indices),
            "seconds": SECONDS, "positions_km": positions.round(6).tolist(), "lit": lit.round(6).tolist(),
            "penumbra": penumbra, "caps": caps}


def build():
    """The fixture: a Walker and a sun-synchronous lattice (demo), a formation (suncatcher), and a
    catalogue refitted to SGP4 (tests/data/sample.tle, within the refit's stated 25 km)."""
    catalogue = orbital.from_tle(ROOT / "tests" / "data" / "sample.tle")
    return {"cases": [case("demo", orbital.preset("demo"), 0.05),
                      case("suncatcher", orbital.preset("suncatcher"), 0.05),
                      case("catalogue", catalogue, 25.0)]}


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(build(), indent=1) + "\n")
    print(f"wrote {FIXTURE}")
