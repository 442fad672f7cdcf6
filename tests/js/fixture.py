"""The fixture of the browser's orbit model tests (tests/js/*.test.mjs): globe payloads as the server
sends them, and what orbital/ computes for them: Earth-fixed positions (orbital.propagate turned by
GMST 1982), the visible fraction of the Sun's disc (orbital.illumination, penumbra included), for
given visible caps the satellites inside them, and for given cameras the satellites in view (in front
of the Earth and inside the view frustum's side planes); every satellite tested.

    .venv/bin/python tests/js/fixture.py      # writes tests/js/orbit_fixture.json
test_js.py checks that the stored fixture still equals what orbital/ computes."""

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

import orbital  # noqa: E402
from components.ui.globe import elements_payload  # noqa: E402
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


# Cameras at which the browser's in-view count is checked: (longitude °, latitude °, height km, tilt °
# towards the north, seconds); each looks down with a 60° × 40° view, zoomed in and tilted.
VIEWS = [(-75.0, 35.0, 9000.0, 0.0, 0.0), (-75.0, 35.0, 2000.0, 70.0, 1234.5), (20.0, -10.0, 20000.0, 10.0, 7200.0),
         (140.0, 60.0, 9000.0, 30.0, 21600.0)]


def frustum_planes(camera_km, tilt_deg):
    """The four side planes of a 60° × 40° view from `camera_km` looking down, tilted north by tilt_deg,
    as Cesium gives them: {x, y, z, w} with n · p + w ≥ 0 inside, p in metres."""
    camera = np.asarray(camera_km, float)
    down = -camera / np.linalg.norm(camera)
    east = np.cross([0.0, 0.0, 1.0], camera)
    east /= np.linalg.norm(east)
    north = np.cross(camera / np.linalg.norm(camera), east)
    tilt = np.radians(tilt_deg)
    forward = np.cos(tilt) * down + np.sin(tilt) * north
    up = np.cross(east, forward)
    up /= np.linalg.norm(up)
    planes = []
    for axis, half_deg in ((east, 30.0), (-east, 30.0), (up, 20.0), (-up, 20.0)):
        h = np.radians(half_deg)
        n = np.sin(h) * forward - np.cos(h) * axis
        n /= np.linalg.norm(n)
        planes.append({"x": float(n[0]), "y": float(n[1]), "z": float(n[2]), "w": float(-1000.0 * n @ camera)})
    return planes


def in_view(constellation, camera_km, planes, seconds, occluding_km, margin_km):
    """Satellites orbital/ puts in view (in front of the Earth and inside every plane) at `seconds`, and
    those within `margin_km` of the view's edge (either way for the browser's model)."""
    r = earth_fixed_km(constellation, np.arange(constellation.count), [seconds])[:, 0]
    camera = np.asarray(camera_km, float)
    d = r - camera
    s = np.clip(-(camera @ d.T) / np.einsum("ij,ij->i", d, d), 0.0, 1.0)
    closest = np.linalg.norm(camera + s[:, None] * d, axis=1)
    normals = np.array([[p["x"], p["y"], p["z"]] for p in planes])
    offsets = np.array([p["w"] for p in planes]) / 1000.0
    side = r @ normals.T + offsets
    inside = (closest >= occluding_km) & (side >= 0).all(axis=1)
    edge = (np.abs(closest - occluding_km) < margin_km) | (np.abs(side) < margin_km).any(axis=1)
    every = np.arange(constellation.count)
    return every[inside & ~edge].tolist(), every[edge].tolist()


def case(name, constellation, tolerance_km, caps_too=True):
    """One constellation's payload, positions of a spread of satellites, its caps' satellites (unless
    not `caps_too`) and the satellites each camera of VIEWS sees."""
    window = orbital.times(START, hours=WINDOW_H, step_s=STEP_S)
    payload = elements_payload(orbital.mean_elements(constellation, window), START, WINDOW_H * 3600.0, STEP_S)
    indices = sorted({0, constellation.count - 1, *range(0, constellation.count, max(1, constellation.count // 20))})
    positions = earth_fixed_km(constellation, indices, SECONDS)
    every = np.arange(constellation.count)
    direction = earth_fixed_km(constellation, every, SECONDS[1:3])
    direction /= np.linalg.norm(direction, axis=-1, keepdims=True)
    caps = []
    for k, seconds in enumerate(SECONDS[1:3] if caps_too else []):
        for lon, lat, radius_deg in CAPS:
            centre = unit(lon, lat)
            cos_radius = float(np.cos(np.radians(radius_deg)))
            dot = direction[:, k] @ centre
            caps.append({"seconds": seconds, "centre": centre, "cos_radius": cos_radius,
                         "inside": every[dot >= cos_radius + EDGE_COS].tolist(),
                         "edge": every[np.abs(dot - cos_radius) < EDGE_COS].tolist()})
    lit, penumbra = sunlight(constellation, indices, SECONDS)
    views = []
    for lon, lat, height_km, tilt_deg, seconds in VIEWS:
        camera = [(payload["constants"]["occluding_radius_km"] + height_km) * x for x in unit(lon, lat)]
        planes = frustum_planes(camera, tilt_deg)
        inside, edge = in_view(constellation, camera, planes, seconds, payload["constants"]["occluding_radius_km"],
                               2.0 * tolerance_km)
        views.append({"camera_km": camera, "planes": planes, "seconds": seconds, "inside": inside, "edge": edge})
    return {"name": name, "payload": payload, "tolerance_km": tolerance_km, "indices": indices,
            "names": constellation.names(indices),
            "seconds": SECONDS, "positions_km": positions.round(6).tolist(), "lit": lit.round(6).tolist(),
            "penumbra": penumbra, "caps": caps, "views": views}


def build():
    """The fixture: a Walker and a sun-synchronous lattice (demo), a formation (suncatcher), a
    catalogue refitted to SGP4 (tests/data/sample.tle, within the refit's stated 25 km), and a dense
    Walker lattice (10,000 satellites at 1,200 km, 70°) for the cameras."""
    catalogue = orbital.from_tle(ROOT / "tests" / "data" / "sample.tle")
    dense = orbital.combine(orbital.walker(1200.0, 70.0, 10_000, 100, 37, epoch=START, name="dense"), name="dense")
    return {"cases": [case("demo", orbital.preset("demo"), 0.05),
                      case("suncatcher", orbital.preset("suncatcher"), 0.05),
                      case("catalogue", catalogue, 25.0),
                      case("dense", dense, 0.05, caps_too=False)]}


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(build(), indent=1) + "\n")
    print(f"wrote {FIXTURE}")
