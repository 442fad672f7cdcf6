"""Named constellations, each with its sources and the assumptions made where sources are silent."""

from functools import lru_cache

import numpy as np

from .constellation import Shell, combine, sun_synchronous, walker
from .errors import OrbitalError

# Epoch at which designed shells are laid out (node of each plane, argument of latitude of each slot).
PRESET_EPOCH = "2026-01-01T00:00:00Z"


# The phasing of spacex-odc's 30° shells (100,000/400): the best f at every one of their altitudes.
SPACEX_ODC_WALKER_PHASING = 159
# The distance no two satellites of spacex-odc's design come within, km (see spacex_odc).
SPACEX_ODC_DESIGN_DISTANCE_KM = 2.0
# Thickness of each dawn–dusk shell, km: the filing's "shells up to 50 km thick" (DA 26-113), held by
# SPACEX_ODC_LAYERS layers 7 km apart (the most 150,000 divides into that keep ≥ D apart would be 25;
# 8 is the fewest whose layers of 18,750 each keep D: one ring of 150,000 / 6 would be 1.95 km apart).
SPACEX_ODC_SHELL_THICKNESS_KM = 49.0
SPACEX_ODC_LAYERS = 8
# Planes of each dawn–dusk layer (375 satellites a plane, nodes over an hour), and each layer's phasing f,
# lowest layer first, by the shell's centre (km): the f of layout.grid_min_distance_km's best (lowest
# among equals) at the layer's own altitude and sun-synchronous inclination, 2.11–3.05 km. 50 planes keep
# all 36 groups to 3,200 planes (3,600 before); 150 would keep 2.45 km but need 6,400.
SPACEX_ODC_SSO_PLANES = 50
SPACEX_ODC_SSO_PHASING = {1400: (21, 7, 49, 35, 31, 31, 47, 39), 1600: (7, 8, 43, 15, 15, 27, 14, 25),
                          1800: (39, 26, 6, 23, 23, 11, 22, 38), 1975: (3, 3, 3, 3, 47, 43, 5, 5)}


def spacex_odc_layer_altitudes_km(centre_km):
    """Altitudes (km) of a dawn–dusk shell's layers, lowest first: SPACEX_ODC_LAYERS evenly over the thickness."""
    return np.linspace(centre_km - SPACEX_ODC_SHELL_THICKNESS_KM / 2.0, centre_km + SPACEX_ODC_SHELL_THICKNESS_KM / 2.0,
                       SPACEX_ODC_LAYERS)


def spacex_odc():
    """SpaceX orbital data-center filing: 1,000,000 satellites, 500–2,000 km, 30° and sun-synchronous.

    Source: FCC SAT-LOA-20260108-00016, Public Notice DA 26-113 (secondary): "up to 1,000,000",
    "500 to 2,000 km, shells up to 50 km thick", "30 degree and sun-synchronous", ">99% sunlight
    for high-altitude, sun-synchronous orbits". The filing's split is not public, so we assume:
    - 600,000 (60%) in dawn–dusk sun-synchronous shells 49 km thick centred at 1,400 / 1,600 / 1,800 /
      1,975 km (the top one ends at the filing's 2,000 km), 150,000 each: the sunlight claim is made for
      these, and dawn–dusk is the only SSO family that is "always sunny". Each is 8 layers 7 km apart of
      18,750 (50 planes × 375, nodes spread over 17:30–18:30 local time), each layer with the phasing
      that keeps its satellites farthest apart (SPACEX_ODC_SSO_PHASING);
    - 400,000 (40%) in 30° Walker shells at 500 / 650 / 800 / 950 km, 100,000 each (400 planes × 250,
      f = 159, the best at each altitude: traffic.best_phasing over every f).
    The design keeps every pair at least D = 2 km apart (SPACEX_ODC_DESIGN_DISTANCE_KM), in closed form
    (traffic.design_min_distance_km: 2.40–2.56 km in the 30° shells, 2.11–3.05 km in the layers) and
    layers 7 km apart in radius never closer. Why 2 km: with the operator's own GPS ephemerides (0.1 km
    1σ each, Traffic.position_sigma_km) a pass at 2 km has Pc ~1e-44, far below SpaceX's 1e-5; even at
    catalogue grade (1 km 1σ) it is under CARA's 1e-4. Nearly parallel dawn–dusk planes hold at most
    ~2πr ÷ D satellites a radius (~24,000 at D = 2 km), so 150,000 need at least 7 radii.
    """
    sso = [sun_synchronous(float(h), 18.0, 150_000 // SPACEX_ODC_LAYERS, SPACEX_ODC_SSO_PLANES, f,
                           epoch=PRESET_EPOCH, plane_spread_h=1.0, name=f"SSO {centre} km dawn-dusk L{k + 1}")
           for centre, phasing in SPACEX_ODC_SSO_PHASING.items()
           for k, (h, f) in enumerate(zip(spacex_odc_layer_altitudes_km(centre), phasing))]
    low = [walker(h, 30.0, 100_000, 400, SPACEX_ODC_WALKER_PHASING, epoch=PRESET_EPOCH, name=f"30° {h} km")
           for h in (500, 650, 800, 950)]
    return combine(*sso, *low, name="spacex-odc",
                   description="SpaceX orbital data center filing (1,000,000 satellites; split assumed; "
                               "no two within 2 km)")


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
    """The named constellation; see PRESETS for the names. Built once in each process (every request
    path asks for it; spacex-odc's 36 groups take ~0.1 s) and shared: its arrays are read-only."""
    if name not in PRESETS:
        raise OrbitalError(f"preset: {name!r} is unknown; choose one of {', '.join(PRESETS)}",
                           parameter="preset")
    return built(name)


@lru_cache(maxsize=None)
def built(name):
    """PRESETS[name]() with every shell's node and argument-of-latitude arrays made read-only."""
    constellation = PRESETS[name]()
    for group in constellation.groups:
        for values in (getattr(group, "raan_rad", None), getattr(group, "arg_latitude_rad", None)):
            if isinstance(values, np.ndarray):
                values.flags.writeable = False
    return constellation
