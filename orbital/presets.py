"""Named constellations, each with its sources and the assumptions made where sources are silent."""

import numpy as np

from .constellation import Shell, combine, sun_synchronous, walker
from .errors import OrbitalError

# Epoch at which designed shells are laid out (node of each plane, argument of latitude of each slot).
PRESET_EPOCH = "2026-01-01T00:00:00Z"


# The phasing of spacex-odc's 30° shells (100,000/400): the best f at every one of their altitudes.
SPACEX_ODC_WALKER_PHASING = 159


def spacex_odc():
    """SpaceX orbital data-center filing: 1,000,000 satellites, 500–2,000 km, 30° and sun-synchronous.

    Source: FCC SAT-LOA-20260108-00016, Public Notice DA 26-113 (secondary): "up to 1,000,000",
    "500 to 2,000 km, shells up to 50 km thick", "30 degree and sun-synchronous", ">99% sunlight
    for high-altitude, sun-synchronous orbits". The filing's split is not public, so we assume:
    - 600,000 (60%) in dawn–dusk sun-synchronous shells at 1,400 / 1,600 / 1,800 / 2,000 km,
      150,000 each (500 planes × 300, nodes spread over 17:30–18:30 local time): the sunlight
      claim is made for these, and dawn–dusk is the only SSO family that is "always sunny";
    - 400,000 (40%) in 30° Walker shells at 500 / 650 / 800 / 950 km, 100,000 each
      (400 planes × 250): the low shells that the filing's lower bound allows.
    Phasing: f = 159 keeps each 30° shell's satellites farthest apart (traffic.best_phasing, searched
    over every f; 2.4–2.6 km, so even the best 100,000-satellite shell has pairs within 5 km); the
    dawn–dusk shells keep f = 1: their planes are nearly parallel, so at most ~2πr ÷ D satellites fit
    a shell without coming within D of each other (~10,000 at D = 5 km), whatever the phasing.
    """
    sso = [sun_synchronous(h, 18.0, 150_000, 500, 1, epoch=PRESET_EPOCH, plane_spread_h=1.0,
                           name=f"SSO {h} km dawn-dusk") for h in (1400, 1600, 1800, 2000)]
    low = [walker(h, 30.0, 100_000, 400, SPACEX_ODC_WALKER_PHASING, epoch=PRESET_EPOCH, name=f"30° {h} km")
           for h in (500, 650, 800, 950)]
    return combine(*sso, *low, name="spacex-odc",
                   description="SpaceX orbital data center filing (1,000,000 satellites; split assumed)")


def starlink():
    """Starlink Gen1 as modified in 2021 (FCC SAT-MOD-20200417-00037, grant DA 21-514): 4,408 satellites.

    Shells: 1,584 at 550 km 53.0° (72×22), 1,584 at 540 km 53.2° (72×22), 720 at 570 km 70°
    (36×20), 348 at 560 km 97.6° (6×58), 172 at 560 km 97.6° (4×43). Phasing is not published:
    each shell takes the f that keeps its satellites farthest apart (walker's default: 65, 13, 25, 1
    and 0, at least 47.9 km apart). The two 97.6° shells cannot share 560 km (no offset of node or
    phase keeps them 5 km apart: 0.7 km at best): the 172-satellite shell is put at 580 km (assumption).
    """
    shells = [(550, 53.0, 1584, 72), (540, 53.2, 1584, 72), (570, 70.0, 720, 36),
              (560, 97.6, 348, 6), (580, 97.6, 172, 4)]
    return combine(*(walker(h, i, t, p, epoch=PRESET_EPOCH, name=f"Starlink {h} km {i:g}° {t}")
                     for h, i, t, p in shells),
                   name="starlink", description="Starlink Gen1 shells (FCC 2021 modification)")


def suncatcher():
    """Google Project Suncatcher's example cluster: 81 satellites, dawn–dusk SSO at 650 km.

    Source: arXiv:2511.19468 §1.2, §2.2: 81 satellites within a 1 km radius, neighbours 100–200 m
    apart. We lay them on a 9 × 9 grid, 150 m apart along track (argument of latitude) and
    150 m across track at the node (right ascension), a simplification of the paper's
    oscillating formation that keeps its size and spacing.
    """
    base = sun_synchronous(650.0, 18.0, 1, 1, 0, epoch=PRESET_EPOCH)
    spacing_rad = 0.150 / base.semi_major_axis_km
    grid = np.arange(9) - 4
    along, across = np.meshgrid(grid, grid, indexing="ij")
    shell = Shell("Suncatcher", base.altitude_km, base.inclination_deg,
                  base.raan_rad[0] + across.ravel() * spacing_rad,
                  base.arg_latitude_rad[0] + along.ravel() * spacing_rad,
                  base.epoch, 9, "formation",
                  "81-satellite dawn–dusk formation at 650 km, 150 m spacing")
    return combine(shell, name="suncatcher", description="Google Project Suncatcher 81-satellite cluster")


def demo():
    """A small mix for trying things quickly: 48 satellites in a 53° Walker shell (its best phasing, f = 7)
    and 24 in dawn–dusk SSO."""
    return combine(walker(550, 53.0, 48, 8, epoch=PRESET_EPOCH, name="Demo 550 km 53°"),
                   sun_synchronous(800, 18.0, 24, 3, 1, epoch=PRESET_EPOCH, plane_spread_h=1.0,
                                   name="Demo SSO 800 km"),
                   name="demo", description="72-satellite demonstration constellation")


PRESETS = {"spacex-odc": spacex_odc, "starlink": starlink, "suncatcher": suncatcher, "demo": demo}


def preset(name):
    """The named constellation; see PRESETS for the names."""
    try:
        build = PRESETS[name]
    except KeyError:
        raise OrbitalError(f"preset: {name!r} is unknown; choose one of {', '.join(PRESETS)}",
                           parameter="preset") from None
    return build()
