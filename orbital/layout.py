"""A design that does not collide with itself: each designed shell split into layers at altitude
offsets within a stated thickness, spaced at least the design distance D apart in radius (so two
layers never come within D), and each layer laid out as the grid of planes and phasing that keeps its
satellites farthest apart (closed form, phasing.closest_angle_rad). Walker shells stay Walker; a
sun-synchronous shell keeps its local time and the hours its nodes spread over."""

import math

import numpy as np

from .constellation import Constellation, Shell, mean_sun_node_rad, sun_synchronous, walker
from .errors import OrbitalError
from .phasing import chord_km, grid_min_angle_rad
from .constants import EARTH_RADIUS_KM

# Planes a layer may have, as a share of its satellites: at least this many satellites a plane.
MIN_PER_PLANE = 4
# Fewest planes searched.
MIN_PLANES = 4
# Phasings evaluated together in best_grid's search (bounds its arrays to planes × this).
PHASINGS_AT_ONCE = 256


def grid_min_distance_km(altitude_km, inclination_deg, total, planes, node_spread_rad, phasing):
    """Smallest distance (km) two satellites of a grid come to: `planes` planes of total/planes slots,
    nodes node_spread_rad/planes apart (2π: a Walker pattern), first slots 2π f/total apart (f =
    `phasing`, a number or an array of them → an array); in closed form (phasing.grid_min_angle_rad);
    inf for one satellite."""
    if total < 2:
        return math.inf
    angle = grid_min_angle_rad(math.radians(inclination_deg), total // planes, planes, node_spread_rad / planes,
                               2.0 * np.pi * np.asarray(phasing, dtype=float) / total)
    distance = chord_km(EARTH_RADIUS_KM + altitude_km, angle)
    return float(distance[0]) if np.ndim(phasing) == 0 else distance


def best_grid(altitude_km, inclination_deg, total, node_spread_rad, min_per_plane=MIN_PER_PLANE):
    """(planes, phasing f, smallest distance km) of the grid of `total` satellites that keeps them farthest
    apart: planes among the divisors of `total` (MIN_PLANES up to total / `min_per_plane`), f among 0 … p − 1;
    the fewest planes and lowest f among equals."""
    best = (1, 0, grid_min_distance_km(altitude_km, inclination_deg, total, 1, node_spread_rad, 0))
    for planes in (p for p in range(MIN_PLANES, total // min_per_plane + 1) if total % p == 0):
        for first in range(0, planes, PHASINGS_AT_ONCE):
            distances = grid_min_distance_km(altitude_km, inclination_deg, total, planes, node_spread_rad,
                                             np.arange(first, min(first + PHASINGS_AT_ONCE, planes)))
            k = int(np.argmax(distances))
            if distances[k] > best[2] + 1e-9:
                best = (planes, first + k, float(distances[k]))
    return best


def layer_count(total, thickness_km, distance_km):
    """Layers of a shell of `total` satellites: the most that divide it evenly and sit at least
    `distance_km` apart within `thickness_km` (1 when the thickness holds no second layer)."""
    most = int(math.floor(thickness_km / distance_km + 1e-9)) + 1
    return max(k for k in range(1, min(most, total) + 1) if total % k == 0)


def sso_layout(shell):
    """(local time of the ascending node h, hours the nodes spread over) of a sun_synchronous() shell."""
    per_plane = shell.count // shell.planes
    nodes = np.unwrap(shell.raan_rad.reshape(shell.planes, per_plane)[:, 0])
    spread_h = 0.0 if shell.planes < 2 else math.degrees(nodes.max() - nodes.min()) / 15.0 * shell.planes / (
        shell.planes - 1)
    midnight = mean_sun_node_rad(shell.epoch, 0.0)
    ltan_h = math.degrees(np.angle(np.exp(1j * (nodes.mean() - midnight)))) / 15.0 % 24.0
    return ltan_h, spread_h


def layered_shell(shell, thickness_km, distance_km):
    """`shell` (a walker() or sun_synchronous() shell) as layers centred on its altitude, each the best
    grid (best_grid, searched at the shell's altitude); a list of Shells named "<name> L<k>"."""
    layers = layer_count(shell.count, thickness_km, distance_km)
    total = shell.count // layers
    offsets = np.linspace(-thickness_km / 2.0, thickness_km / 2.0, layers) if layers > 1 else np.zeros(1)
    if shell.kind == "sso":
        ltan_h, spread_h = sso_layout(shell)
        planes, f, _ = best_grid(shell.altitude_km, shell.inclination_deg, total, math.radians(15.0 * spread_h))
        return [sun_synchronous(shell.altitude_km + dh, ltan_h, total, planes, f, epoch=shell.epoch.utc_iso(),
                                plane_spread_h=spread_h, name=f"{shell.name} L{k + 1}") for k, dh in enumerate(offsets)]
    planes, f, _ = best_grid(shell.altitude_km, shell.inclination_deg, total, 2.0 * math.pi)
    return [walker(shell.altitude_km + dh, shell.inclination_deg, total, planes, f, epoch=shell.epoch.utc_iso(),
                   name=f"{shell.name} L{k + 1}") for k, dh in enumerate(offsets)]


def layered(constellation, thickness_km, distance_km):
    """`constellation` with each Walker and sun-synchronous shell split into layers (layered_shell); other
    groups (catalogues, formations) as they are."""
    if not 0.0 < distance_km <= thickness_km:
        raise OrbitalError(f"layers: the distance {distance_km:g} km must be above 0 and at most the thickness "
                           f"{thickness_km:g} km", parameter="layers")
    groups = []
    for group in constellation.groups:
        designed = isinstance(group, Shell) and group.kind in ("walker", "sso")
        groups.extend(layered_shell(group, thickness_km, distance_km) if designed else [group])
    return Constellation(tuple(groups), constellation.name,
                         f"{constellation.description} — layered: {thickness_km:g} km shells, {distance_km:g} km apart")
