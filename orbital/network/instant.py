"""The network at one instant, for the globe: a satellite's links (or its formation's), the ground stations
with their footprints and the satellites each sees, and a city's shortest path. Per-satellite and per-station
work only (a city's path on each large shell's sample), so cheap at a million satellites."""

import functools

import numpy as np

from ..constants import EARTH_RADIUS_KM
from ..constellation import Shell, combine
from ..errors import OrbitalError
from ..frames import as_time_array
from ..parameters import OpticalLink
from ..propagation import propagate
from ..timeutil import at
from .budget import cap_half_angle_rad
from .graph import adjacent_shells, group_edges, nearest_across, nearest_edges, FORMATION_NEIGHBOUR_KM
from .ground import ELEVATION_MASK_DEG, read_table
from .latency import ground_ecef_km, ground_graph, ground_teme_km, rtt_s
from .links import rate_bps
from .window import thin_group, thin_indices

# Satellites listed per station in view at an instant (those highest in its sky).
CONTACTS_PER_STATION = 3
# Satellites a city's path is searched over per group at most (larger groups are thinned, window.py's way).
PATH_GROUP_MAX = 2000
# Widening of the cap searched around a station (rad, ~130 km on the ground): its ground point sits up to
# 21 km below the sphere the cap is drawn on, which widens what it sees by well under this.
NEAR_SLACK_RAD = 0.02


def instant(when):
    """A skyfield Time array of one instant from an ISO 8601 string, datetime or Time."""
    return as_time_array(at(when))


def group_of(constellation, index):
    """(group number, group, first global index) of satellite `index`; OrbitalError when it is none."""
    if not 0 <= int(index) < constellation.count:
        raise OrbitalError(f"satellite: {index} is not one of 0 … {constellation.count - 1:,}", parameter="satellite")
    g = int(np.searchsorted(constellation.offsets, int(index), side="right") - 1)
    return g, constellation.groups[g], int(constellation.offsets[g])


def grid_neighbours(planes, per_plane, local):
    """+Grid neighbours (sorted, unique local indices) of slot `local` of a planes × per_plane shell: its
    successor and predecessor in its plane and the same slot of the planes either side (wrapping), as
    graph.plus_grid_edges links them."""
    p, s = divmod(int(local), per_plane)
    near = [p * per_plane + (s + 1) % per_plane, p * per_plane + (s - 1) % per_plane] if per_plane > 1 else []
    if planes > 1:
        near += [((p + 1) % planes) * per_plane + s, ((p - 1) % planes) * per_plane + s]
    return np.array(sorted(set(near) - {int(local)}), dtype=np.int64)


def local_edges(group, local, t):
    """Links (edges, 2, local indices) of satellite `local` of `group` at Time array `t`: its +Grid
    neighbours in a Walker or sun-synchronous shell; every link of its formation (the cluster's); its
    share of a catalogue's nearest-neighbour links (graph.group_edges, from the group at `t`)."""
    if isinstance(group, Shell) and group.kind != "formation" and group.count >= 2 and group.count % group.planes == 0:
        near = grid_neighbours(group.planes, group.count // group.planes, local)
        return np.sort(np.stack([np.full(near.size, local), near], axis=1), axis=1)
    r_km = propagate(combine(group), t).r_teme_km[:, 0]
    if isinstance(group, Shell) and group.kind == "formation":
        return nearest_edges(r_km, radius_km=FORMATION_NEIGHBOUR_KM)
    edges = group_edges(group, r_km)
    return edges[(edges == local).any(axis=1)]


# Satellites of the larger shell nearest the selected one that a satellite of the smaller is checked against
# before its whole-shell nearest is confirmed (across_edges).
ACROSS_CANDIDATES = 8


def across_edges(constellation, index, t, range_km):
    """Satellite `index`'s links to the shells adjacent in altitude, as graph.between_shell_edges makes them
    at Time array `t` (each satellite of the smaller shell to the nearest of the larger within `range_km`):
    edges (k, 2) global indices. In the smaller shell: its own nearest; in the larger: those of the smaller
    nearer it than its ACROSS_CANDIDATES nearest neighbours, confirmed against the whole shell."""
    found = [np.empty((0, 2), dtype=np.int64)]
    for (a0, a1), (b0, b1) in adjacent_shells(constellation):
        if not (a0 <= index < a1 or b0 <= index < b1):
            continue
        small, large = (propagate(combine(group_of(constellation, lo)[1]), t).r_teme_km[:, 0] for lo in (a0, b0))
        if a0 <= index < a1:
            j = nearest_of(large, small[index - a0], range_km)
            found.append(np.array([[index, b0 + j]]) if j >= 0 else found[0])
            continue
        me = index - b0
        near = np.argpartition(np.linalg.norm(large - large[me], axis=1), ACROSS_CANDIDATES)[:ACROSS_CANDIDATES + 1]
        d_km = np.linalg.norm(small[:, None] - large[near][None], axis=-1)
        maybe = np.flatnonzero((near[np.argmin(d_km, axis=1)] == me) & (d_km.min(axis=1) <= range_km))
        i, j = nearest_across(small[maybe], large, range_km)  # confirmed against the whole shell
        hit = maybe[i[j == me]]
        found.append(np.stack([a0 + hit, np.full(hit.size, index)], axis=1))
    return np.sort(np.concatenate(found), axis=1)


def nearest_of(r_km, point_km, range_km):
    """Index of the row of r_km (n, 3) nearest `point_km` (3,), or -1 when none is within `range_km`."""
    d_km = np.linalg.norm(r_km - point_km, axis=1)
    j = int(np.argmin(d_km))
    return j if d_km[j] <= range_km else -1


def satellite_links(constellation, index, when, link=OpticalLink()):
    """Links of satellite `index` at `when` (ISO 8601 or Time), as orbital.network.graph.link_graph makes
    them: edges (k, 2) global indices, distance_km (k,) and rate_bps (k,) each way; for a formation, every
    link of its cluster. A shell's neighbours come from its lattice; its links to the shells either side
    in altitude from those two shells' positions."""
    t = instant(when)
    g, group, lo = group_of(constellation, index)
    edges = np.concatenate([local_edges(group, int(index) - lo, t) + lo,
                            across_edges(constellation, int(index), t, link.range_max_km)])
    ends = np.unique(edges)
    r_km = np.zeros((max(int(ends.max(initial=-1)) + 1, 1), 3))
    if ends.size:
        r_km[ends] = propagate(constellation.subset(ends), t).r_teme_km[:, 0]
    distance_km = np.linalg.norm(r_km[edges[:, 0]] - r_km[edges[:, 1]], axis=1)
    return {"edges": edges, "distance_km": distance_km, "rate_bps": rate_bps(distance_km, link)}


def footprint_half_angle_rad(altitude_km, elevation_mask_deg=ELEVATION_MASK_DEG):
    """Earth-central half-angle (rad) of the ground circle from which a satellite at `altitude_km` stands
    above `elevation_mask_deg` (spherical Earth): arccos(R cos ε ⁄ (R + h)) − ε."""
    return cap_half_angle_rad(altitude_km, elevation_mask_deg)


def station_contacts(constellation, when, elevation_mask_deg=ELEVATION_MASK_DEG,
                     most=CONTACTS_PER_STATION):
    """The ground stations (orbital/data/ground_stations.csv) at `when`: name, kind, lat_deg, lon_deg,
    rate_bps (stations,), in_view (stations,) satellites above the mask, contacts: per station the
    global indices of at most `most` of them, highest first, and the elevation_mask_deg. One propagation
    of every satellite and one (satellites,) product per station; elevations only for satellites near one."""
    t = instant(when)
    table = read_table("ground_stations.csv")
    ground = ground_teme_km(ground_ecef_km(table["lat_deg"], table["lon_deg"]), t)[:, 0]
    up = ground / np.linalg.norm(ground, axis=1, keepdims=True)
    r_km = propagate(constellation, t).r_teme_km[:, 0]
    columns_km = np.ascontiguousarray(r_km.T)  # (3, satellites): each test below one pass over 3 rows
    radius_km = np.sqrt(np.einsum("ij,ij->j", columns_km, columns_km))
    widest = cap_half_angle_rad(radius_km.max(initial=EARTH_RADIUS_KM) - EARTH_RADIUS_KM, elevation_mask_deg)
    # Geocentric central angle, widened by NEAR_SLACK_RAD for stations below the mean radius (the flattening);
    # one contiguous (satellites,) test per station.
    near_km = radius_km * np.cos(min(widest + NEAR_SLACK_RAD, np.pi))
    in_view, contacts = [], []
    for k in range(len(up)):
        rows = np.flatnonzero(up[k] @ columns_km >= near_km)
        look = r_km[rows] - ground[k]
        sin_elevation = look @ up[k] / np.linalg.norm(look, axis=1)
        keep = sin_elevation >= np.sin(np.radians(elevation_mask_deg))
        lowest = -sin_elevation[keep]
        # The `most` highest, highest first (ties by index): sorted among those at or above the most-th.
        top = (np.flatnonzero(lowest <= np.partition(lowest, most - 1)[most - 1]) if lowest.size > most
               else np.arange(lowest.size))
        order = top[np.argsort(lowest[top], kind="stable")][:most]
        in_view.append(int(keep.sum()))
        contacts.append(rows[keep][order].tolist())
    return {"name": table["name"].tolist(), "kind": table["kind"].tolist(), "lat_deg": table["lat_deg"],
            "lon_deg": table["lon_deg"], "rate_bps": table["rate_bps"], "in_view": np.array(in_view),
            "contacts": contacts, "elevation_mask_deg": float(elevation_mask_deg)}


def city_names():
    """The cities of orbital/data/cities.csv (UN DESA's 30 largest), largest first."""
    return read_table("cities.csv")["name"].tolist()


@functools.lru_cache(maxsize=4)
def path_sample(constellation):
    """(sample Constellation, global index of each of its satellites, largest thinning k, edges (E, 2) of
    the sample or None): each group as window.thin_group keeps it (every k-th plane and slot of a large
    +Grid shell, so its links stay a grid). The edges are the sample's links when no group's depend on
    where its satellites are (+Grid shells only), else None. Kept for the last few constellations: the
    same at every instant."""
    groups, index, every = [], [], 1
    for group, lo in zip(constellation.groups, constellation.offsets[:-1]):
        local, _ = thin_indices(group, PATH_GROUP_MAX)
        groups.append(thin_group(group, PATH_GROUP_MAX))
        index.append(local + lo)
        every = max(every, int(round(np.sqrt(group.count / local.size))))
    sample = combine(*groups, name=constellation.name)
    fixed = all(isinstance(g, Shell) and g.kind != "formation" and g.count >= 2 and g.count % g.planes == 0
                for g in groups)
    return sample, np.concatenate(index), every, sample_edges(sample, None) if fixed else None


def sample_edges(sample, r_km):
    """Links (E, 2) of every group of `sample` (graph.group_edges; positions r_km (satellites, 3), which
    +Grid shells do not need)."""
    return np.concatenate([group_edges(g, None if r_km is None else r_km[lo:hi]) + lo for g, lo, hi in
                           zip(sample.groups, sample.offsets[:-1], sample.offsets[1:])])


def city_path(constellation, city, when, elevation_mask_deg=ELEVATION_MASK_DEG):
    """Shortest path at `when` from `city` (a name of orbital/data/cities.csv) up to a satellite it sees,
    over the links (graph.group_edges) and down to the nearest ground station by path length, or, when the
    constellation has a formation, to that cluster (latency.ground_graph, Dijkstra). Returns city,
    lat_deg, lon_deg, satellites (global indices along the path), end (station name, or the cluster's),
    end_lat_deg/end_lon_deg (None for a cluster), length_km, rtt_s (inf when unreachable) and
    sampled_every (largest thinning k of the groups searched)."""
    from scipy.sparse.csgraph import dijkstra

    cities = read_table("cities.csv")
    if city not in cities["name"]:
        raise OrbitalError(f"city: {city!r} is not one of orbital/data/cities.csv", parameter="city")
    c = int(np.flatnonzero(cities["name"] == city)[0])
    stations = read_table("ground_stations.csv")
    t = instant(when)
    sample, index, every, edges = path_sample(constellation)
    r_km = propagate(sample, t).r_teme_km[:, 0]
    edges = sample_edges(sample, r_km) if edges is None else edges
    lat = np.concatenate([[cities["lat_deg"][c]], stations["lat_deg"]])
    lon = np.concatenate([[cities["lon_deg"][c]], stations["lon_deg"]])
    ground = ground_teme_km(ground_ecef_km(lat, lon), t)[:, 0]
    n, m = sample.count, len(lat)
    length, previous = dijkstra(ground_graph(r_km, edges, ground, elevation_mask_deg), directed=True, indices=n,
                                return_predecessors=True)
    cluster = [g for g, group in enumerate(sample.groups) if getattr(group, "kind", "") == "formation"]
    ends = (np.concatenate([np.arange(sample.offsets[g], sample.offsets[g + 1]) for g in cluster]) if cluster
            else n + m + np.arange(1, m))
    end = int(ends[np.argmin(length[ends])])
    hops = []
    node = end
    while np.isfinite(length[end]) and node >= 0 and node != n:
        hops.append(node)
        node = int(previous[node])
    satellites = [int(index[h]) for h in reversed(hops) if h < n]
    station = None if cluster else end - n - m - 1
    return {"city": city, "lat_deg": float(lat[0]), "lon_deg": float(lon[0]), "satellites": satellites,
            "end": sample.groups[cluster[0]].name if cluster else str(stations["name"][station]),
            "end_lat_deg": None if cluster else float(lat[station + 1]),
            "end_lon_deg": None if cluster else float(lon[station + 1]),
            "length_km": float(length[end]), "rtt_s": float(rtt_s(length[end])), "sampled_every": every}
