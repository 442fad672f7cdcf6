"""The link graph of a constellation (within each group and between adjacent shells) and the bisection
bandwidth of a cluster by minimum cut."""

import numpy as np

from ..constellation import Shell
from ..errors import OrbitalError
from ..parameters import OpticalLink
from .links import rate_bps

# Formation neighbours: satellites closer than this at the epoch are linked (Suncatcher's neighbours are
# 100–200 m apart, the diagonals of its 150 m grid 212 m).
FORMATION_NEIGHBOUR_KM = 0.25
# Catalogue satellites: each links to its nearest few within range (a +Grid needs planes it cannot know).
CATALOGUE_NEIGHBOURS = 4


def plus_grid_edges(planes, per_plane):
    """+Grid links (Hypatia's generate_plus_grid_isls, isl_shift 0): satellite p·S+s to its successor in
    plane p and to slot s of plane p+1 (both wrapping). Shape (edges, 2), int64, local indices."""
    index = np.arange(planes * per_plane).reshape(planes, per_plane)
    along = np.stack([index.ravel(), np.roll(index, -1, axis=1).ravel()], axis=1)
    across = np.stack([index.ravel(), np.roll(index, -1, axis=0).ravel()], axis=1)
    edges = np.concatenate([along, across]) if planes > 1 else along
    edges = np.sort(edges, axis=1)
    return np.unique(edges[edges[:, 0] != edges[:, 1]], axis=0)


def nearest_edges(r_km, radius_km=None, k=None):
    """Pairs (edges, 2) of positions `r_km` (n, 3): all within `radius_km`, or each one's `k` nearest."""
    from scipy.spatial import cKDTree

    tree = cKDTree(r_km)
    if radius_km is not None:
        return tree.query_pairs(radius_km, output_type="ndarray").astype(np.int64)
    k = min(k, len(r_km) - 1)
    if k < 1:
        return np.empty((0, 2), dtype=np.int64)
    _, nearest = tree.query(r_km, k=k + 1)
    edges = np.sort(np.stack([np.repeat(np.arange(len(r_km)), k), nearest[:, 1:].ravel()], axis=1), axis=1)
    return np.unique(edges, axis=0)


def group_edges(group, r_km):
    """Local links of one group: +Grid for Walker and sun-synchronous shells, neighbours for a formation,
    nearest for catalogues. r_km (satellites, 3) at the first time."""
    if isinstance(group, Shell) and group.kind == "formation":
        return nearest_edges(r_km, radius_km=FORMATION_NEIGHBOUR_KM)
    if isinstance(group, Shell) and group.count % group.planes == 0 and group.count >= 2:
        return plus_grid_edges(group.planes, group.count // group.planes)
    return nearest_edges(r_km, k=CATALOGUE_NEIGHBOURS)


def adjacent_shells(constellation):
    """Pairs of shells adjacent in altitude (formations and catalogues apart), each as ((lo, hi) of the
    smaller, (lo, hi) of the larger) global index spans: the smaller links to the larger."""
    shells = sorted((g.altitude_km, lo, hi) for g, lo, hi in zip(constellation.groups, constellation.offsets[:-1],
                                                                 constellation.offsets[1:])
                    if isinstance(g, Shell) and g.kind != "formation")
    return [tuple(sorted([(a0, a1), (b0, b1)], key=lambda span: span[1] - span[0]))
            for (_, a0, a1), (_, b0, b1) in zip(shells, shells[1:])]


def nearest_across(r_small_km, r_large_km, range_km):
    """Each satellite of the smaller shell to the nearest of the larger within `range_km` (a k-d tree,
    N log N): (i, j) local indices of the pairs found."""
    from scipy.spatial import cKDTree

    d, j = cKDTree(r_large_km).query(r_small_km, distance_upper_bound=range_km)
    ok = np.isfinite(d)
    return np.flatnonzero(ok), j[ok]


def between_shell_edges(constellation, r_km, range_km):
    """Links between shells adjacent in altitude (adjacent_shells): at each step each satellite of the
    smaller shell to the nearest satellite of the other within `range_km` (nearest_across). Edges (E, 2)
    global indices, the union over steps, and active (E, T) bool: whether each is one of that step's nearest."""
    n, steps = r_km.shape[0], r_km.shape[1]
    keys, step = [], []
    for (a0, a1), (b0, b1) in adjacent_shells(constellation):
        for k in range(steps):
            i, j = nearest_across(r_km[a0:a1, k], r_km[b0:b1, k], range_km)
            keys.append((a0 + i) * n + b0 + j)
            step.append(np.full(i.size, k))
    if not keys:
        return np.empty((0, 2), dtype=np.int64), np.empty((0, steps), dtype=bool)
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    active = np.zeros((len(unique), steps), dtype=bool)
    active[inverse.ravel(), np.concatenate(step)] = True
    return np.sort(np.stack([unique // n, unique % n], axis=1), axis=1), active


def link_graph(constellation, r_km, link=OpticalLink(), between_shells=True):
    """Links of every group and (`between_shells`) between adjacent shells: edges (E, 2) global indices,
    distance_km (E, T) and rate_bps (E, T) each way, from positions r_km (satellites, T, 3); a link between
    shells carries 0 at the steps where it is not one of the nearest."""
    parts = [group_edges(group, r_km[lo:hi, 0]) + lo for group, lo, hi in
             zip(constellation.groups, constellation.offsets[:-1], constellation.offsets[1:])]
    within = np.concatenate(parts) if parts else np.empty((0, 2), dtype=np.int64)
    between, active = (between_shell_edges(constellation, r_km, link.range_max_km) if between_shells else
                       (np.empty((0, 2), dtype=np.int64), np.empty((0, r_km.shape[1]), dtype=bool)))
    edges = np.concatenate([within, between])
    distance_km, rate = np.empty((len(edges), r_km.shape[1])), np.empty((len(edges), r_km.shape[1]))
    for k in range(r_km.shape[1]):  # one step at a time: ~E × 50 bytes beyond the outputs (net2's way)
        distance_km[:, k] = np.linalg.norm(r_km[edges[:, 0], k] - r_km[edges[:, 1], k], axis=-1)
        rate[:, k] = rate_bps(distance_km[:, k], link)
    rate[len(within):] *= active
    return edges, distance_km, rate


def cut_bps(n, edges, capacity_bps, side):
    """Minimum cut (bit/s) between the nodes where `side` is True and the rest: maximum flow from a super
    source on one side to a super sink on the other (scipy.sparse.csgraph.maximum_flow, in Mbit/s)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_flow

    source, sink = n, n + 1
    cap = np.round(np.asarray(capacity_bps, dtype=float) / 1e6).astype(np.int64)
    big = int(min(cap.sum() + 1, 2**31 - 1))
    a_side, b_side = np.flatnonzero(side), np.flatnonzero(~side)
    rows = np.concatenate([edges[:, 0], edges[:, 1], np.full(a_side.size, source), b_side])
    cols = np.concatenate([edges[:, 1], edges[:, 0], a_side, np.full(b_side.size, sink)])
    data = np.concatenate([cap, cap, np.full(a_side.size + b_side.size, big)]).astype(np.int32)
    graph = csr_matrix((data, (rows, cols)), shape=(n + 2, n + 2))
    graph.sum_duplicates()
    return float(maximum_flow(graph, source, sink).flow_value) * 1e6


def bisection_bps(r_km, edges, capacity_bps):
    """Bisection bandwidth (bit/s) of a cluster at positions r_km (n, 3): the least minimum cut between
    its halves split at the median along each principal axis of the positions (a geometric bisection; the
    exact balanced minimum bisection is NP-hard)."""
    n = len(r_km)
    if n < 2:
        raise OrbitalError("bisection: a cluster needs at least 2 satellites", parameter="satellites")
    centred = r_km - r_km.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    cuts = []
    for axis in axes:
        along = centred @ axis
        side = np.zeros(n, dtype=bool)
        side[np.argsort(along, kind="stable")[: n // 2]] = True
        cuts.append(cut_bps(n, edges, capacity_bps, side))
    return min(cuts)
