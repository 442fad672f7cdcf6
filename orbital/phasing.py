"""How close the satellites of a Walker pattern come to each other, in closed form, and the phasing
that keeps them farthest apart.

Two satellites on circular orbits of the same radius and inclination i, nodes ΔΩ apart and arguments
of latitude Δu apart, come closest twice an orbit, at an angle ρ with
    sin(ρ/2) = √((1 + cos²i)/2 + sin²i cos ΔΩ / 2) · |sin(ΔF/2)|,  ΔF = Δu − 2 atan(−cos i tan(ΔΩ/2))
(the classic Walker-pattern result; tests check it against brute force). A Walker pattern i:t/p/f
is symmetric, so satellite 0 against every other gives the whole pattern's smallest distance.
"""

import math

import numpy as np

from .constants import EARTH_RADIUS_KM


def crossing_phase_rad(inclination_rad, delta_node_rad):
    """The phase 2 atan(−cos i tan(ΔΩ/2)) that a satellite nodes ΔΩ ahead must lead by to meet its
    neighbour at the planes' crossing (arrays broadcast)."""
    return 2.0 * np.arctan(-np.cos(inclination_rad) * np.tan(np.asarray(delta_node_rad) / 2.0))


def closest_angle_rad(inclination_rad, delta_node_rad, delta_u_rad):
    """Smallest angle (rad) between two satellites on circular orbits of the same radius and inclination,
    nodes `delta_node_rad` and arguments of latitude `delta_u_rad` apart (arrays broadcast)."""
    ci2 = np.cos(inclination_rad) ** 2
    amplitude = np.sqrt(np.maximum((1.0 + ci2) / 2.0 + (1.0 - ci2) / 2.0 * np.cos(delta_node_rad), 0.0))
    phase = np.asarray(delta_u_rad) - crossing_phase_rad(inclination_rad, delta_node_rad)
    return 2.0 * np.arcsin(np.minimum(amplitude * np.abs(np.sin(phase / 2.0)), 1.0))


def chord_km(radius_km, angle_rad):
    """Straight-line distance (km) between two points `angle_rad` apart on a sphere of `radius_km`."""
    return 2.0 * radius_km * np.sin(np.asarray(angle_rad) / 2.0)


def walker_min_distance_km(altitude_km, inclination_deg, total, planes, phasing):
    """Smallest distance (km) two satellites of Walker pattern i:t/p/f ever come to: by the pattern's
    symmetry, satellite 0 against every other (t − 1 closed-form evaluations)."""
    per_plane = total // planes
    index = np.arange(1, total)
    plane, slot = index // per_plane, index % per_plane
    delta_node = plane * (2.0 * np.pi / planes)
    delta_u = slot * (2.0 * np.pi / per_plane) + plane * (2.0 * np.pi * phasing / total)
    if index.size == 0:
        return math.inf
    angle = closest_angle_rad(np.radians(inclination_deg), delta_node, delta_u)
    return float(chord_km(EARTH_RADIUS_KM + altitude_km, angle.min()))


def best_phasing(altitude_km, inclination_deg, total, planes):
    """The phasing factor f (0 … p − 1) of Walker pattern i:t/p/f that keeps its satellites farthest
    apart, and that smallest distance (km); the lowest f among equals."""
    distances = [walker_min_distance_km(altitude_km, inclination_deg, total, planes, f) for f in range(planes)]
    best = int(np.argmax(np.round(distances, 9)))
    return best, distances[best]


def grid_min_angle_rad(inclination_rad, per_plane, planes, node_step_rad, phase_steps_rad):
    """Smallest angle (rad) two satellites of a regular grid come to, for each phase step in
    `phase_steps_rad` (k,): `planes` planes of `per_plane` slots 2π/per_plane apart, each plane's nodes
    and first slot `node_step_rad` and the phase step ahead of the last. Satellite 0 against every
    plane j: the slots fall every 2π/per_plane, so the closest one lies nearest to the crossing phase
    (O(planes) a phase step, not O(satellites)) → (k,)."""
    slot_rad = 2.0 * np.pi / per_plane
    steps = np.atleast_1d(np.asarray(phase_steps_rad, dtype=float))
    best = np.full(steps.shape, slot_rad if per_plane > 1 else np.pi)
    j = np.arange(1, planes, dtype=float)[:, None]
    if j.size:
        ci2 = np.cos(inclination_rad) ** 2
        amplitude = np.sqrt(np.maximum((1.0 + ci2) / 2.0 + (1.0 - ci2) / 2.0 * np.cos(j * node_step_rad), 0.0))
        x = j * steps[None, :] - crossing_phase_rad(inclination_rad, j * node_step_rad)
        nearest = np.abs(x - slot_rad * np.round(x / slot_rad))
        best = np.minimum(best, (2.0 * np.arcsin(np.minimum(amplitude * np.sin(nearest / 2.0), 1.0))).min(axis=0))
    return best
