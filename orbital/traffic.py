"""Space traffic: how close satellites of a constellation come to each other, how likely a collision is
at each close approach, and the avoidance manoeuvres that means.

Two screeners, one answer:
- Designed shells are rigid patterns: every satellite of a shell (and of shells that share its altitude
  and inclination) keeps the same orbit period and node drift, so the geometry of each pair repeats
  every orbit. Two circular orbits of equal radius and inclination i, nodes ΔΩ apart, with arguments
  of latitude Δu apart, come closest twice an orbit at an angle ρ with
      sin(ρ/2) = √((1 + cos²i)/2 + sin²i cos ΔΩ / 2) · |sin(ΔF/2)|,  ΔF = Δu − 2 atan(−cos i tan(ΔΩ/2))
  (the Walker-pattern result, e.g. Walker 1984; checked here against brute force). Such groups are
  screened in closed form: exact, and cheap enough for a million satellites.
- Everything else (catalogues, shells of one altitude but different inclinations, anything eccentric)
  is stepped: at each step a k-d tree (scipy cKDTree) finds the pairs within the query radius
  D + v_max Δt / 2 + margin, which no pair can cross unseen between two steps (its relative motion
  over half a step is at most v_max Δt / 2, and bends by under the margin); each candidate's closest
  approach is then refined on a cubic Hermite interpolation of its relative position over the step.
Shells whose radii differ by more than D can never approach, and are screened apart.

Units in names: km, s, km/s; times in seconds from the window's start.
"""

import math

import numpy as np

from .constants import DAY_S, EARTH_RADIUS_KM, JULIAN_YEAR_S, MU_EARTH_KM3_S2
from .constellation import Shell, combine
from .fleet import serial_chunks
from .phasing import chord_km, closest_angle_rad, crossing_phase_rad, grid_min_angle_rad
from .propagation import propagate
from .timeutil import seconds_between

# Bound on the relative speed of two satellites, km/s: head-on at the lowest circular speed allowed
# (2 × 7.8 km/s at 150 km).
RELATIVE_SPEED_MAX_KM_S = 2.0 * math.sqrt(MU_EARTH_KM3_S2 / (EARTH_RADIUS_KM + 150.0))
# Extra query radius for the bending of relative motion over half a step, km: ½ a_rel (Δt/2)² with
# a_rel ≤ 2 g ≈ 0.02 km/s² is 0.6 km at a 15 s step.
BENDING_MARGIN_KM = 1.0
# Default step of the stepped screener, s; queries reach D + 15.6 × 5 + 1 ≈ 84 km at D = 5 km.
STEP_S = 10.0
# Finite-difference half-step for velocities, s.
VELOCITY_DT_S = 0.5
# Pairs moving apart slower than this are not encounters (formation neighbours), km/s.
ENCOUNTER_SPEED_MIN_KM_S = 1e-3
# Shells closer in semi-major axis than this (km) and equal in inclination (deg) form one rigid group.
RIGID_TOLERANCE = 1e-6
# Largest departure (rad) from a regular grid of planes and slots that still counts as one.
GRID_TOLERANCE_RAD = 1e-9


def node_and_phase_at(shell, t0):
    """Each satellite's node and argument of latitude (rad) at skyfield Time `t0`, and the shell's
    (node rate, argument-of-latitude rate) in rad/s."""
    node_rate, u_rate = shell.secular_rates_rad_s()
    dt_s = float(seconds_between(shell.epoch, t0))
    return (np.mod(shell.raan_rad + node_rate * dt_s, 2 * np.pi), np.mod(shell.arg_latitude_rad + u_rate * dt_s,
                                                                          2 * np.pi), node_rate, u_rate)


def shell_min_distance_km(shell, within_km=200.0):
    """Smallest distance (km) any two satellites of a designed shell ever come to (pairs in closed form,
    by planes; a formation's neighbours included), when below `within_km`; else `within_km` (nothing
    closer), inf for a single satellite."""
    node, u, _, _ = node_and_phase_at(shell, shell.epoch)
    if shell.count < 2:
        return math.inf
    angle_max = 2.0 * math.asin(min(within_km / (2.0 * shell.semi_major_axis_km), 1.0))
    pairs = rigid_pairs(node, u, np.radians(shell.inclination_deg), angle_max, same_plane=True)
    if pairs["angle_rad"].size == 0:
        return float(within_km)
    return float(chord_km(shell.semi_major_axis_km, pairs["angle_rad"].min()))


def grid_steps_rad(shell):
    """(node step, phase step) in rad between consecutive planes when `shell` is a regular grid (planes
    of equal size, slots evenly spaced in each, nodes and first slots advancing by fixed steps from
    plane to plane, as walker() and sun_synchronous() lay them out); None for any other layout."""
    total, planes = shell.count, shell.planes
    if planes < 1 or total % planes:
        return None
    per_plane = total // planes
    node = shell.raan_rad.reshape(planes, per_plane)
    u = shell.arg_latitude_rad.reshape(planes, per_plane)

    def wrapped(angle):
        return angle - (2.0 * np.pi) * np.round(angle / (2.0 * np.pi))

    slot_step = 2.0 * np.pi / per_plane
    if np.abs(wrapped(node - node[:, :1])).max() > GRID_TOLERANCE_RAD or np.abs(wrapped(
            u - u[:, :1] - slot_step * np.arange(per_plane))).max() > GRID_TOLERANCE_RAD:
        return None
    node_step = wrapped(node[1, 0] - node[0, 0]) if planes > 1 else 0.0
    phase_step = wrapped(u[1, 0] - u[0, 0]) if planes > 1 else 0.0
    plane = np.arange(planes)
    if np.abs(wrapped(node[:, 0] - node[0, 0] - plane * node_step)).max() > GRID_TOLERANCE_RAD or np.abs(
            wrapped(u[:, 0] - u[0, 0] - plane * phase_step)).max() > GRID_TOLERANCE_RAD:
        return None
    return float(node_step), float(phase_step)


def design_min_distance_km(shell):
    """Smallest distance (km) two satellites of a designed shell ever come to. A regular grid (every
    Walker and sun-synchronous shell) is symmetric, so satellite 0 against every other decides it
    (phasing.grid_min_angle_rad, a closed form a plane); any other layout goes pair by pair (shell_min_distance_km, which
    reports at most 200 km). None for a single satellite."""
    if shell.count < 2:
        return None
    steps = grid_steps_rad(shell)
    if steps is None:
        return shell_min_distance_km(shell)
    angle = grid_min_angle_rad(np.radians(shell.inclination_deg), shell.count // shell.planes, shell.planes, *steps)
    return float(chord_km(shell.semi_major_axis_km, angle[0]))


def design_rows(constellation):
    """Per designed shell: satellites, planes, Walker phasing f (None if not a Walker pattern) and the
    smallest distance (km) two of its satellites ever come to (design_min_distance_km)."""
    return [{"shell": shell.name, "satellites": shell.count, "altitude_km": shell.altitude_km,
             "inclination_deg": shell.inclination_deg, "planes": shell.planes, "phasing": shell.phasing,
             "min_distance_km": design_min_distance_km(shell)}
            for shell in constellation.groups if isinstance(shell, Shell)]


def rigid_pairs(node_rad, u_rad, inclination_rad, angle_max_rad, same_plane=False):
    """Every pair of a rigid group (satellites on circular orbits of one radius and inclination, nodes
    `node_rad` and arguments of latitude `u_rad` at one time) whose closest angle is below `angle_max_rad`.

    Satellites are grouped by plane (equal node); for each plane, the satellites of the later planes are
    sorted by their phase at the crossing, and each of the plane's satellites finds its matches by
    binary search. Same-plane pairs keep a constant angle and never approach: left out unless
    `same_plane`. Returns dict of (pairs,) arrays: first, second (indices, first < second), angle_rad.
    """
    order = np.argsort(node_rad, kind="stable")
    node_sorted = node_rad[order]
    starts = np.flatnonzero(np.r_[True, np.diff(node_sorted) > 1e-12])
    ends = np.r_[starts[1:], node_sorted.size]
    bound = math.sin(angle_max_rad / 2.0) if angle_max_rad < math.pi else 1.0
    firsts, seconds, angles = [], [], []
    for start, end in zip(starts, ends):
        members = order[start:end]
        if same_plane and members.size > 1:
            a, b = np.triu_indices(members.size, 1)
            angle = closest_angle_rad(inclination_rad, 0.0, u_rad[members[b]] - u_rad[members[a]])
            keep = angle < angle_max_rad
            firsts.append(members[a[keep]]), seconds.append(members[b[keep]]), angles.append(angle[keep])
        rest = order[end:]
        if rest.size == 0:
            continue
        delta_node = node_rad[rest] - node_rad[members[0]]
        key = np.mod(u_rad[rest] - crossing_phase_rad(inclination_rad, delta_node), 2 * np.pi)
        ci2 = math.cos(inclination_rad) ** 2
        amplitude = np.sqrt(np.maximum((1.0 + ci2) / 2.0 + (1.0 - ci2) / 2.0 * np.cos(delta_node), 1e-300))
        # |ΔF| below the widest window any plane allows (the smallest amplitude); exact check after.
        window = 2.0 * math.asin(min(1.0, bound / amplitude.min())) if bound < 1.0 else 2 * np.pi
        sort = np.argsort(key)
        keys = np.r_[key[sort] - 2 * np.pi, key[sort], key[sort] + 2 * np.pi]
        lows = np.searchsorted(keys, u_rad[members] - window, side="left")
        highs = np.searchsorted(keys, u_rad[members] + window, side="right")
        counts = np.minimum(highs - lows, rest.size)
        if counts.sum() == 0:
            continue
        first = np.repeat(members, counts)
        offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        second = rest[sort[(np.repeat(lows, counts) + offsets) % rest.size]]
        angle = closest_angle_rad(inclination_rad, node_rad[second] - node_rad[first], u_rad[second] - u_rad[first])
        keep = angle < angle_max_rad
        firsts.append(first[keep]), seconds.append(second[keep]), angles.append(angle[keep])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return {"first": empty, "second": empty, "angle_rad": np.zeros(0)}
    first, second, angle = np.concatenate(firsts), np.concatenate(seconds), np.concatenate(angles)
    low, high = np.minimum(first, second), np.maximum(first, second)
    pair_key = np.unique(np.stack([low, high], axis=1), axis=0, return_index=True)[1]
    return {"first": low[pair_key], "second": high[pair_key], "angle_rad": angle[pair_key]}


def unit_vectors(node_rad, inclination_rad, u_rad):
    """Position and along-track unit vectors (..., 3) of circular orbits at node, inclination, u."""
    cn, sn = np.cos(node_rad), np.sin(node_rad)
    ci, si = np.cos(inclination_rad), np.sin(inclination_rad)
    e1 = np.stack([cn, sn, np.zeros_like(cn)], axis=-1)
    e2 = np.stack([-sn * ci, cn * ci, np.full_like(cn, si)], axis=-1)
    cu, su = np.cos(u_rad)[..., None], np.sin(u_rad)[..., None]
    return cu * e1 + su * e2, -su * e1 + cu * e2


def closest_argument_rad(node_first, node_second, inclination_rad, delta_u_rad):
    """The first satellite's argument of latitude (rad, mod π) at the pair's closest approach: where
    the quadratic form v·(M R(Δu)) v of their unit positions, v = (cos u, sin u), is largest."""
    zero = np.zeros_like(node_first)
    a1, b1 = unit_vectors(node_first, inclination_rad, zero)
    a2, b2 = unit_vectors(node_second, inclination_rad, zero)
    m11, m12 = np.einsum("...k,...k", a1, a2), np.einsum("...k,...k", a1, b2)
    m21, m22 = np.einsum("...k,...k", b1, a2), np.einsum("...k,...k", b1, b2)
    c, s = np.cos(delta_u_rad), np.sin(delta_u_rad)
    # (M R)_ab with R = [[c, −s], [s, c]]: the second satellite is Δu ahead.
    p11, p12 = m11 * c + m12 * s, -m11 * s + m12 * c
    p21, p22 = m21 * c + m22 * s, -m21 * s + m22 * c
    s11, s22, s12 = p11, p22, (p12 + p21) / 2.0
    return 0.5 * np.arctan2(2.0 * s12, s11 - s22)


def rigid_group_approaches(shells, t0, window_s, screen_km):
    """Pairs that come within `screen_km` over `window_s` seconds from skyfield Time `t0` among `shells`
    (designed shells of one radius and inclination: a rigid group), in closed form. A pair's geometry
    repeats every half orbit, so each row stands for `passes` approaches of the same miss distance.

    Returns dict of (pairs,) arrays: first, second (indices into the group's satellites, in shell
    order), tca_s (the first approach in the window), passes, miss_km, speed_km_s, and repeat_s (the
    half orbit after which each approach comes again).
    """
    parts = [node_and_phase_at(shell, t0) for shell in shells]
    node = np.concatenate([p[0] for p in parts])
    u = np.concatenate([p[1] for p in parts])
    u_rate = parts[0][3]
    radius_km = shells[0].semi_major_axis_km
    inclination = np.radians(shells[0].inclination_deg)
    angle_max = 2.0 * math.asin(min(screen_km / (2.0 * radius_km), 1.0))
    pairs = rigid_pairs(node, u, inclination, angle_max)
    first, second = pairs["first"], pairs["second"]
    u_star = closest_argument_rad(node[first], node[second], inclination, u[second] - u[first])
    # Twice an orbit: the first satellite at u* and at u* + π.
    tca_s = np.mod(u_star - u[first], np.pi) / u_rate
    half_orbit_s = np.pi / u_rate
    passes = np.where(tca_s <= window_s, np.floor((window_s - tca_s) / half_orbit_s) + 1, 0).astype(np.int64)
    _, along_first = unit_vectors(node[first], inclination, u[first] + u_rate * tca_s)
    _, along_second = unit_vectors(node[second], inclination, u[second] + u_rate * tca_s)
    speed = radius_km * u_rate * np.linalg.norm(along_first - along_second, axis=-1)
    keep = (passes > 0) & (speed > ENCOUNTER_SPEED_MIN_KM_S)
    return {"first": first[keep], "second": second[keep], "tca_s": tca_s[keep], "passes": passes[keep],
            "miss_km": chord_km(radius_km, pairs["angle_rad"][keep]), "speed_km_s": speed[keep],
            "repeat_s": np.full(int(keep.sum()), half_orbit_s)}


def hermite(p0, v0, p1, v1, h, s):
    """Cubic Hermite interpolation over a step of `h` s at fractions `s` (candidates, samples) of
    positions p (candidates, 3) and velocities v (km/s): positions (candidates, samples, 3) and their
    first and second derivatives with respect to s."""
    s = s[..., None]
    basis = ((2 * s ** 3 - 3 * s ** 2 + 1, s ** 3 - 2 * s ** 2 + s, -2 * s ** 3 + 3 * s ** 2, s ** 3 - s ** 2),
             (6 * s ** 2 - 6 * s, 3 * s ** 2 - 4 * s + 1, -6 * s ** 2 + 6 * s, 3 * s ** 2 - 2 * s),
             (12 * s - 6, 6 * s - 4, -12 * s + 6, 6 * s - 2))
    points = [x[:, None, :] for x in (p0, v0 * h, p1, v1 * h)]
    return tuple(sum(b * x for b, x in zip(weights, points)) for weights in basis)


def step_states(constellation, t0, seconds):
    """Positions (satellites, times, 3) km and velocities (finite differences, ±VELOCITY_DT_S) at
    `seconds` from `t0`."""
    offsets = np.concatenate([seconds - VELOCITY_DT_S, seconds + VELOCITY_DT_S])
    times = t0.ts.tt_jd(t0.tt + offsets / DAY_S)
    r = propagate(constellation, times).r_teme_km
    n = len(seconds)
    before, after = r[:, :n], r[:, n:]
    return (before + after) / 2.0, (after - before) / (2.0 * VELOCITY_DT_S)


def stepped_approaches(constellation, t0, window_s, screen_km, step_s=STEP_S, steps_per_chunk=None):
    """Closest approaches within `screen_km` over `window_s` from skyfield Time `t0`, by stepping with a
    k-d tree (see the module's docstring): dict of (approaches,) arrays first, second (indices into
    `constellation`), tca_s, passes (1 each), miss_km, speed_km_s, and the query radius and step used."""
    from scipy.spatial import cKDTree  # here, not at the top: scipy.spatial takes 0.4 s to import

    query_km = screen_km + RELATIVE_SPEED_MAX_KM_S * step_s / 2.0 + BENDING_MARGIN_KM
    steps = int(math.ceil(window_s / step_s))
    grid_s = np.arange(steps + 1) * (window_s / steps)
    if steps_per_chunk is None:
        steps_per_chunk = max(1, min(steps + 1, 2_000_000 // max(constellation.count, 1)))
    found = {key: [] for key in ("first", "second", "tca_s", "miss_km", "speed_km_s")}
    previous = None
    for start in range(0, steps + 1, steps_per_chunk):
        chunk = grid_s[start:start + steps_per_chunk]
        position, velocity = step_states(constellation, t0, chunk)
        for column, time_s in enumerate(chunk):
            current = (time_s, position[:, column], velocity[:, column],
                       cKDTree(position[:, column]).query_pairs(query_km, output_type="ndarray"))
            if previous is not None:
                candidates = np.unique(np.concatenate([previous[3], current[3]]), axis=0)
                refined = refine(previous, current, candidates)
                keep = (refined["miss_km"] < screen_km) & refined["interior"]
                for key in found:
                    found[key].append(refined[key][keep])
            previous = current
    out = {key: (np.concatenate(values) if values else np.zeros(0)) for key, values in found.items()}
    out["first"], out["second"] = out["first"].astype(np.int64), out["second"].astype(np.int64)
    out["passes"] = np.ones(out["first"].size, dtype=np.int64)
    out["repeat_s"] = np.zeros(out["first"].size)
    out.update(query_km=query_km, step_s=float(window_s / steps))
    return out


# Samples of the interpolated step searched before Newton's refinement.
REFINE_SAMPLES = 17


def refine(start, end, candidates):
    """Each candidate pair's closest approach between two steps (time, positions, velocities at each
    end): the minimum of |Δr(s)|² on the cubic Hermite interpolation of the relative position, found
    on REFINE_SAMPLES samples and polished by Newton; `interior` marks minima strictly inside the step."""
    t_start, r_start, v_start, _ = start
    t_end, r_end, v_end, _ = end
    h = t_end - t_start
    i, j = candidates[:, 0], candidates[:, 1]
    dp0, dv0 = r_start[j] - r_start[i], v_start[j] - v_start[i]
    dp1, dv1 = r_end[j] - r_end[i], v_end[j] - v_end[i]
    grid = np.linspace(0.0, 1.0, REFINE_SAMPLES)
    relative, _, _ = hermite(dp0, dv0, dp1, dv1, h, np.broadcast_to(grid, (i.size, grid.size)))
    s = grid[np.argmin(np.einsum("csk,csk->cs", relative, relative), axis=1)]
    for _ in range(6):
        # Newton on f(s) = Δr · Δr' (zero at the minimum), f'(s) = |Δr'|² + Δr · Δr''.
        relative, first, second = (x[:, 0] for x in hermite(dp0, dv0, dp1, dv1, h, s[:, None]))
        f = np.einsum("ck,ck->c", relative, first)
        slope = np.einsum("ck,ck->c", first, first) + np.einsum("ck,ck->c", relative, second)
        s = np.clip(s - np.where(slope > 0, f / np.where(slope > 0, slope, 1.0), 0.0), 0.0, 1.0)
    relative, derivative, _ = hermite(dp0, dv0, dp1, dv1, h, s[:, None])
    miss = np.linalg.norm(relative[:, 0], axis=1)
    speed = np.linalg.norm(derivative[:, 0], axis=1) / h
    interior = (s > 0.0) & (s < 1.0) & (speed > ENCOUNTER_SPEED_MIN_KM_S)
    return {"first": i, "second": j, "tca_s": t_start + s * h, "miss_km": miss, "speed_km_s": speed,
            "interior": interior}


def screening_groups(constellation, screen_km):
    """How `constellation` is screened: a list of (kind, group indices), kind "rigid" for designed
    shells of one radius and inclination whose radius is more than `screen_km` from every other
    group's, "stepped" for the rest, grouped so that no two groups can come within `screen_km`."""
    radii = []
    for g, group in enumerate(constellation.groups):
        if isinstance(group, Shell):
            radii.append((group.semi_major_axis_km, group.semi_major_axis_km, g))
        else:
            a = np.array([s.a for s in group.satrecs]) * EARTH_RADIUS_KM
            e = np.array([s.ecco for s in group.satrecs])
            radii.append((float((a * (1 - e)).min()), float((a * (1 + e)).max()), g))
    radii.sort()
    clusters, reach = [], -math.inf
    for low, high, g in radii:
        if low - reach > screen_km or not clusters:
            clusters.append([g])
        else:
            clusters[-1].append(g)
        reach = max(reach, high) if low - reach <= screen_km else high
    plan = []
    for cluster in clusters:
        groups = [constellation.groups[g] for g in cluster]
        rigid = all(isinstance(group, Shell) for group in groups) and len(
            {round(group.inclination_deg, 6) for group in groups}) == 1 and len(
            {round(group.semi_major_axis_km, 6) for group in groups}) == 1
        plan.append(("rigid" if rigid else "stepped", sorted(cluster)))
    return plan


def screen_chunk(constellation, chunk, t0, window_s, screen_km, step_s=STEP_S):
    """Screen one chunk of the plan (a pair (kind, group indices) of screening_groups): dict of (rows,)
    arrays first, second (satellite indices of `constellation`, first < second), tca_s, passes,
    miss_km, speed_km_s, and `plan`, the chunk's row of the plan."""
    kind, groups = chunk
    offsets = np.concatenate([np.arange(constellation.offsets[g], constellation.offsets[g + 1]) for g in groups])
    names = [constellation.groups[g].name for g in groups]
    if kind == "rigid" and len(groups) == 1 and constellation.groups[groups[0]].kind == "formation":
        # A formation's members fly together by design: not conjunctions.
        kind, found = "formation", {key: np.zeros(0, dtype=np.int64) for key in ("first", "second", "passes")}
        found.update({key: np.zeros(0) for key in ("tca_s", "miss_km", "speed_km_s", "repeat_s")})
    elif kind == "rigid":
        found = rigid_group_approaches([constellation.groups[g] for g in groups], t0, window_s, screen_km)
    else:
        found = stepped_approaches(combine(*(constellation.groups[g] for g in groups)), t0, window_s, screen_km,
                                   step_s)
    first, second = offsets[found["first"]], offsets[found["second"]]
    return {"first": np.minimum(first, second), "second": np.maximum(first, second),
            **{key: np.asarray(found[key]) for key in ("tca_s", "passes", "miss_km", "speed_km_s", "repeat_s")},
            "plan": {"kind": kind, "groups": names, "satellites": int(offsets.size), "rows": int(first.size)}}


ROW_KEYS = ("first", "second", "tca_s", "passes", "miss_km", "speed_km_s", "repeat_s")


def screen(constellation, t0, window_s, screen_km, step_s=STEP_S, progress=None, run_chunks=serial_chunks):
    """Every close approach within `screen_km` among the satellites of `constellation` over `window_s`
    seconds from skyfield Time `t0` (see the module's docstring for the two screeners), chunk by chunk
    of the plan (screening_groups) through `run_chunks(chunks, compute, progress)`. A formation alone
    at its radius (kind "formation") flies together by design and is not screened against itself.

    Returns dict of (rows,) arrays: first, second (satellite indices, first < second), tca_s (of the
    row's first approach), passes (approaches the row stands for), repeat_s (s between them; 0 for
    one), miss_km, speed_km_s; and `plan`, the screening groups with how each was screened.
    """
    chunks = [[kind, list(groups)] for kind, groups in screening_groups(constellation, screen_km)]
    parts = run_chunks(chunks, lambda chunk: screen_chunk(constellation, chunk, t0, window_s, screen_km, step_s),
                       progress)
    out = {key: np.concatenate([np.asarray(part[key]) for part in parts]) if parts else np.zeros(0)
           for key in ROW_KEYS}
    for key in ("first", "second", "passes"):
        out[key] = out[key].astype(np.int64)
    out["plan"] = [part["plan"] for part in parts]
    return out


def pc_circular(miss_km, sigma_km, hard_body_radius_km):
    """Collision probability of an encounter with miss distance `miss_km` when the combined position
    uncertainty in the encounter plane is isotropic with standard deviation `sigma_km` (arrays
    broadcast): the 2-D Gaussian's mass inside the hard-body circle, a non-central χ² with 2 degrees
    of freedom (Foster's integral in closed form for this case)."""
    from scipy.stats import ncx2  # here, not at the top: scipy.stats takes 0.7 s to import

    sigma = np.asarray(sigma_km, dtype=float)
    return ncx2.cdf((hard_body_radius_km / sigma) ** 2, 2, (np.asarray(miss_km) / sigma) ** 2)


# SpaceX's semi-annual report to the FCC: 144,404 Starlink collision-avoidance manoeuvres from 1 December
# 2024 to 31 May 2025, with ~7,600 satellites in orbit (secondary: press reports of the filing).
STARLINK_REPORTED = {"manoeuvres": 144_404, "years": 0.5, "satellites": 7_600,
                     "source": "SpaceX semi-annual Starlink report to the FCC, Dec 2024 – May 2025 (secondary)"}
# Closest approaches listed one by one (the rest are counted).
LISTED_MAX = 1000
# Bins of the miss-distance histogram.
MISS_BINS = 25
# Days in a Julian year.
DAYS_PER_YEAR = JULIAN_YEAR_S / DAY_S
# Manoeuvre thresholds shown side by side: NASA CARA's 1e-4 and SpaceX's 1e-5 (see Traffic.pc_threshold).
PC_THRESHOLDS = (1e-4, 1e-5)


def chunk_summary(constellation, found, model, window_s):
    """What traffic() keeps of one screened chunk (`found` as screen_chunk returns it), small whatever
    the chunk held: approaches, manoeuvres (Traffic parameters of `model`) and closest distance by pair
    of groups, the miss-distance histogram, the LISTED_MAX closest approaches, and the chunk's plan.
    JSON-friendly, so a Celery worker sends it back as it is."""
    p = model.traffic
    pc = pc_circular(found["miss_km"], math.sqrt(2.0) * p.position_sigma_km, 2.0 * p.hard_body_radius_m / 1000.0)
    passes = np.asarray(found["passes"], dtype=float)
    manoeuvre = pc >= p.pc_threshold
    group = constellation.group_index()
    first_group, second_group = group[found["first"]], group[found["second"]]
    by_pair = []
    for a, b in sorted(set(zip(first_group.tolist(), second_group.tolist()))):
        mine = (first_group == a) & (second_group == b)
        by_pair.append([a, b, float(passes[mine].sum()), float(passes[mine & manoeuvre].sum()),
                        float(found["miss_km"][mine].min())])
    histogram, _ = np.histogram(found["miss_km"], bins=np.linspace(0.0, p.screen_km, MISS_BINS + 1), weights=passes)
    order = np.argsort(found["miss_km"], kind="stable")[:LISTED_MAX]
    closest = [[int(found["first"][k]), int(found["second"][k]), float(found["tca_s"][k]), float(found["miss_km"][k]),
                float(found["speed_km_s"][k]), float(pc[k]), int(found["passes"][k]), float(found["repeat_s"][k])]
               for k in order]
    return {"pairs": int(passes.size), "approaches": float(passes.sum()), "manoeuvres": float(passes[manoeuvre].sum()),
            "expected_collisions": float((passes * pc).sum()),
            "passes_over": [float(passes[pc >= level].sum()) for level in PC_THRESHOLDS],
            "pairs_over": [int((pc >= level).sum()) for level in PC_THRESHOLDS], "by_pair": by_pair, "histogram": histogram.tolist(), "closest": closest, "plan": found["plan"]}


def traffic_chunk(constellation, chunk, t0, window_s, model):
    """One chunk of traffic(): screen_chunk with `model`'s Traffic parameters, kept as chunk_summary."""
    p = model.traffic
    return chunk_summary(constellation, screen_chunk(constellation, chunk, t0, window_s, p.screen_km, p.step_s),
                         model, window_s)


def traffic(constellation, t0, window_s, model, disposal=None, progress=None, run_chunks=serial_chunks):
    """Close approaches among `constellation`'s satellites over `window_s` seconds from skyfield Time
    `t0`, with the Traffic parameters of `model`: collision probability of each (isotropic 1σ position
    uncertainty per satellite, combined hard-body radius of two satellites), the avoidance manoeuvres
    above the threshold (one a conjunction), per day and per satellite per year, by shell pair; at each
    of PC_THRESHOLDS, the manoeuvres a satellite-year counted per pass and the re-phasings an operator
    makes instead (each pair above it in the window moved once, its recurrences gone with it); the
    collisions a year and days to the first if every manoeuvre stopped (the passes' share inside the
    combined hard-body disc, their miss distances taken as spread evenly over the screening disc, as
    a drifting pattern's would be), and a year's collisions as screened (each pass's Pc summed: the
    pattern held, nothing manoeuvring); the
    miss-distance histogram; each shell's design distance; and `disposal` rows if given. JSON-friendly.
    The plan's chunks (screening_groups) go through `run_chunks(chunks, compute, progress)`, each
    reduced to a chunk_summary where it is screened, with `progress(done, total)`.
    """
    p = model.traffic
    chunks = [[kind, list(groups)] for kind, groups in screening_groups(constellation, p.screen_km)]
    parts = run_chunks(chunks, lambda chunk: traffic_chunk(constellation, chunk, t0, window_s, model), progress)
    days = window_s / DAY_S
    names = [g.name for g in constellation.groups]
    pair_rows = [{"shells": names[a] if a == b else f"{names[a]} × {names[b]}", "approaches_per_day": n / days,
                  "manoeuvres_per_day": m / days, "closest_km": closest}
                 for a, b, n, m, closest in sorted(row for part in parts for row in part["by_pair"])]
    histogram = np.sum([part["histogram"] for part in parts], axis=0) / days if parts else np.zeros(MISS_BINS)
    closest = sorted((row for part in parts for row in part["closest"]), key=lambda row: row[3])[:LISTED_MAX]
    satellite_names = constellation.names([row[0] for row in closest] + [row[1] for row in closest])
    listed = [{"first": i, "second": j, "first_name": satellite_names[k], "second_name": satellite_names[k + len(closest)],
               "tca_s": t, "miss_km": d, "speed_km_s": v, "pc": c, "passes": n, "repeat_s": r}
              for k, (i, j, t, d, v, c, n, r) in enumerate(closest)]
    approaches = sum(part["approaches"] for part in parts)
    manoeuvres = sum(part["manoeuvres"] for part in parts)
    reported = STARLINK_REPORTED["manoeuvres"] / STARLINK_REPORTED["years"] / STARLINK_REPORTED["satellites"]
    satellite_years = window_s / JULIAN_YEAR_S * max(constellation.count, 1)
    # If every manoeuvre stopped (the CRASH clock, Thiele, Lawler, Boley et al., arXiv:2512.09643): passes
    # within the screen spread evenly over its disc, the share inside the combined hard-body disc collides.
    unmanoeuvred = approaches / days * DAYS_PER_YEAR * (2.0 * p.hard_body_radius_m / 1000.0 / p.screen_km) ** 2
    # If the orbits held as screened (the design kept) and nothing manoeuvred: each pass's Pc summed.
    at_design = sum(part["expected_collisions"] for part in parts) / days * DAYS_PER_YEAR
    thresholds = [{"pc_threshold": level,
                   "manoeuvres_per_satellite_per_year": sum(part["passes_over"][k] for part in parts) / satellite_years,
                   "rephasings": sum(part["pairs_over"][k] for part in parts),
                   "rephasings_per_satellite": sum(part["pairs_over"][k] for part in parts)
                   / max(constellation.count, 1)} for k, level in enumerate(PC_THRESHOLDS)]
    return {
        "name": constellation.name, "satellites": constellation.count, "hours": window_s / 3600.0,
        "start": t0.utc_iso(), "screen_km": p.screen_km, "step_s": p.step_s,
        "position_sigma_km": p.position_sigma_km, "hard_body_radius_m": p.hard_body_radius_m,
        "pc_threshold": p.pc_threshold,
        "approaches_per_day": approaches / days,
        "pairs": sum(part["pairs"] for part in parts),
        "manoeuvres_per_day": manoeuvres / days,
        "manoeuvres_per_satellite_per_year": manoeuvres / window_s * JULIAN_YEAR_S / max(constellation.count, 1),
        "starlink_reported_manoeuvres_per_satellite_per_year": reported,
        "starlink_reported_source": STARLINK_REPORTED["source"],
        "thresholds": thresholds,
        "collisions_per_year_unmanoeuvred": unmanoeuvred,
        "days_to_first_collision_unmanoeuvred": DAYS_PER_YEAR / unmanoeuvred if unmanoeuvred > 0 else None,
        "collisions_per_year_as_screened": at_design,
        "closest_km": min((row["closest_km"] for row in pair_rows), default=None),
        "plan": [part["plan"] for part in parts],
        "shell_pairs": pair_rows,
        "miss_histogram": {"edges_km": np.linspace(0.0, p.screen_km, MISS_BINS + 1).tolist(),
                           "approaches_per_day": np.asarray(histogram, float).tolist()},
        "design": design_rows(constellation),
        "disposal": disposal or [],
        "approaches": listed,
    }


# Columns of the close-approach table (approaches_csv), after SOCRATES's.
CSV_COLUMNS = ("first_name", "second_name", "first", "second", "tca_utc", "miss_km", "speed_km_s", "pc", "passes",
               "repeat_s")


def approaches_csv(result):
    """The close-approach table of a traffic() result as CSV text: a row per listed pair (closest first),
    its first time of closest approach in UTC, miss distance, relative speed, Pc, passes in the window and
    their repeat period."""
    import csv
    import io

    start = np.datetime64(result["start"].rstrip("Z"), "ms")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in result["approaches"]:
        tca = str(start + np.timedelta64(int(round(row["tca_s"] * 1000.0)), "ms")) + "Z"
        writer.writerow([tca if key == "tca_utc" else row[key] for key in CSV_COLUMNS])
    return out.getvalue()
