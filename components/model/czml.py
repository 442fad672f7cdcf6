"""The constellation over the view's window as CZML (the `czml3` package), so any Cesium application
can load it: a document packet with the window's clock, then one packet a satellite, its position
sampled every step of the window in the Earth-fixed frame (metres), interpolated by Cesium (Lagrange).

Bounded: satellites × samples at most ORBITAL_CZML_SAMPLES_MAX (the file is ~35 bytes a sample and
takes ~25 µs a sample to write); a larger view is refused with the limit named."""

from datetime import datetime

import numpy as np

import orbital
from orbital import OrbitalError

from .. import settings
from .figures import COLOURS


def fixed_positions_m(view):
    """(satellites, samples, 3) Earth-fixed positions, m, over the window: orbital's TEME positions turned
    by −GMST about z (ITRS without polar motion, as orbital.frames.geodetic), and the seconds (samples,)."""
    t = view.window()
    r_km = orbital.propagate(view.constellation(), t).r_teme_km
    theta = orbital.earth_rotation_angle_rad(t)
    cos, sin = np.cos(theta), np.sin(theta)
    fixed = np.empty_like(r_km)
    fixed[..., 0] = cos * r_km[..., 0] + sin * r_km[..., 1]
    fixed[..., 1] = -sin * r_km[..., 0] + cos * r_km[..., 1]
    fixed[..., 2] = r_km[..., 2]
    return fixed * 1000.0, np.arange(len(t)) * view.step_s


def checked_size(view):
    """Satellites × samples of the view's window, or OrbitalError past ORBITAL_CZML_SAMPLES_MAX."""
    limit = settings.CZML_SAMPLES_MAX.value()
    count = view.constellation().count
    samples = int(round(view.window_s / view.step_s)) + 1
    if count * samples > limit:
        raise OrbitalError(f"CZML export: {count:,} satellites × {samples:,} samples is more than "
                           f"{limit:,} (ORBITAL_CZML_SAMPLES_MAX); export a smaller constellation",
                           parameter="ORBITAL_CZML_SAMPLES_MAX")
    return count, samples


def rgba(colour):
    """[r, g, b, 255] of '#RRGGBB'."""
    return [int(colour[k:k + 2], 16) for k in (1, 3, 5)] + [255]


def constellation_czml(view):
    """The CZML document (text) of the view's constellation over its window; OrbitalError when too large."""
    from czml3 import Clock, Document, Packet, Point, Position, TimeInterval

    checked_size(view)
    constellation = view.constellation()
    positions_m, seconds = fixed_positions_m(view)
    start = datetime.fromisoformat(view.start.replace("Z", "+00:00"))
    end = datetime.fromtimestamp(start.timestamp() + view.window_s, tz=start.tzinfo)
    names = constellation.names()
    shell = constellation.group_index()
    packets = [Packet(id="document", name=constellation.name, version="1.0", clock=Clock(
        currentTime=start, multiplier=60, interval=TimeInterval(start=start, end=end)))]
    for index in range(constellation.count):
        samples = np.column_stack([seconds, np.round(positions_m[index], 1)]).ravel().tolist()
        packets.append(Packet(
            id=f"satellite-{index}", name=str(names[index]),
            position=Position(epoch=start, referenceFrame="FIXED", interpolationAlgorithm="LAGRANGE",
                              interpolationDegree=5, cartesian=samples),
            point=Point(pixelSize=4, color={"rgba": rgba(COLOURS[int(shell[index]) % len(COLOURS)])})))
    return Document(packets=packets).dumps()
