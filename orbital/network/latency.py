"""Latency from ground points over the link graph (Hypatia's method, Kassing et al. IMC 2020): each
ground point links to every satellite it sees, paths are shortest over ground and inter-satellite links
at each time step, round-trip time = 2 × path length ÷ c."""

import numpy as np

from ..constants import EARTH_FLATTENING, EARTH_MEAN_RADIUS_KM, EARTH_RADIUS_KM
from ..frames import earth_rotation_angle_rad
from .links import LIGHT_SPEED_M_S

LIGHT_SPEED_KM_S = LIGHT_SPEED_M_S / 1e3


def ground_ecef_km(lat_deg, lon_deg, height_km=0.0, radius_km=EARTH_RADIUS_KM, flattening=EARTH_FLATTENING):
    """Earth-fixed positions (points, 3), km, of geodetic latitudes and longitudes (degrees)."""
    lat, lon = np.radians(np.asarray(lat_deg, float)), np.radians(np.asarray(lon_deg, float))
    e2 = flattening * (2.0 - flattening)
    n = radius_km / np.sqrt(1.0 - e2 * np.sin(lat) ** 2)
    return np.stack([(n + height_km) * np.cos(lat) * np.cos(lon), (n + height_km) * np.cos(lat) * np.sin(lon),
                     (n * (1.0 - e2) + height_km) * np.sin(lat)], axis=-1)


def ground_teme_km(ecef_km, t):
    """TEME positions (points, times, 3) of Earth-fixed points at Time array `t` (GMST 1982 rotation)."""
    theta = earth_rotation_angle_rad(t)
    c, s = np.cos(theta)[None, :], np.sin(theta)[None, :]
    x, y = ecef_km[:, None, 0], ecef_km[:, None, 1]
    z = np.broadcast_to(ecef_km[:, None, 2], (len(ecef_km), len(theta)))
    return np.stack([c * x - s * y, s * x + c * y, z], axis=-1)


def mask_slant_km(ground_km, sat_km, elevation_mask_deg):
    """Longest slant range (km) at which a satellite can be above the mask: the highest satellite seen from
    the lowest ground point, ρ = √(r² − R² cos² ε) − R sin ε (every satellite when no mask is given)."""
    if elevation_mask_deg is None:
        return 4.0 * EARTH_RADIUS_KM
    r, big_r = np.linalg.norm(sat_km, axis=1).max(), np.linalg.norm(ground_km, axis=1).min()
    e = np.radians(elevation_mask_deg)
    return float(np.sqrt(r**2 - (big_r * np.cos(e)) ** 2) - big_r * np.sin(e))


def ground_links(ground_km, sat_km, elevation_mask_deg=None, slant_max_km=None):
    """Ground-to-satellite links at one time: (ground index, satellite index, length km) of every satellite
    above `elevation_mask_deg` (geocentric up) or within `slant_max_km` (Hypatia's cone) of each point."""
    from scipy.spatial import cKDTree

    reach_km = slant_max_km if slant_max_km is not None else mask_slant_km(ground_km, sat_km, elevation_mask_deg)
    pairs = cKDTree(sat_km).query_ball_point(ground_km, reach_km)
    g = np.repeat(np.arange(len(ground_km)), [len(p) for p in pairs])
    s = np.fromiter((j for p in pairs for j in p), dtype=np.int64, count=g.size)
    look = sat_km[s] - ground_km[g]
    length_km = np.linalg.norm(look, axis=1)
    keep = np.ones(g.size, dtype=bool)
    if elevation_mask_deg is not None:
        up = ground_km[g] / np.linalg.norm(ground_km[g], axis=1, keepdims=True)
        keep &= np.einsum("ij,ij->i", look, up) / length_km >= np.sin(np.radians(elevation_mask_deg))
    return g[keep], s[keep], length_km[keep]


def ground_graph(sat_km, edges, ground_km, elevation_mask_deg=None, slant_max_km=None):
    """The directed graph (csr, n + 2m nodes, km) of satellites (nodes 0…n−1) over links `edges` (E, 2) at
    positions sat_km (n, 3) and ground points (m, 3) as two nodes each, n + g only sending and n + m + g
    only receiving, so no path relays through the ground (Hypatia's algorithm_free_one_only_over_isls)."""
    from scipy.sparse import csr_matrix

    n, m = len(sat_km), len(ground_km)
    g, s, gsl_km = ground_links(ground_km, sat_km, elevation_mask_deg, slant_max_km)
    isl_km = np.linalg.norm(sat_km[edges[:, 0]] - sat_km[edges[:, 1]], axis=1)
    rows = np.concatenate([edges[:, 0], edges[:, 1], n + g, s])
    cols = np.concatenate([edges[:, 1], edges[:, 0], s, n + m + g])
    data = np.concatenate([isl_km, isl_km, gsl_km, gsl_km])
    return csr_matrix((data, (rows, cols)), shape=(n + 2 * m, n + 2 * m))


def path_lengths_km(sat_km, edges, ground_km, elevation_mask_deg=None, slant_max_km=None):
    """Shortest path lengths (ground, ground), km, at one time over satellite links `edges` (E, 2) at
    positions sat_km (n, 3) (ground_graph); inf where unreachable."""
    from scipy.sparse.csgraph import dijkstra

    n, m = len(sat_km), len(ground_km)
    graph = ground_graph(sat_km, edges, ground_km, elevation_mask_deg, slant_max_km)
    out = dijkstra(graph, directed=True, indices=n + np.arange(m))[:, n + m:]
    np.fill_diagonal(out, 0.0)
    return out


def rtt_s(length_km):
    """Round-trip time (s) of a one-way path length (km) at the speed of light in vacuum."""
    return 2.0 * np.asarray(length_km) / LIGHT_SPEED_KM_S


def bent_pipe_floor_s(altitude_km):
    """Least round-trip time through one satellite overhead: up and down twice, 4 h / c (s)."""
    return 4.0 * altitude_km / LIGHT_SPEED_KM_S


def great_circle_km(lat1_deg, lon1_deg, lat2_deg, lon2_deg, radius_km=EARTH_MEAN_RADIUS_KM):
    """Great-circle distance (km) on a sphere of `radius_km` (haversine)."""
    p1, p2 = np.radians(lat1_deg), np.radians(lat2_deg)
    dl = np.radians(np.asarray(lon2_deg) - lon1_deg)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2.0 * radius_km * np.arcsin(np.sqrt(h))
