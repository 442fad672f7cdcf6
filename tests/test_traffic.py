"""Space traffic against references nobody here wrote: brute force over the engine's own positions, the
issue's independent count for Starlink with f = 1, a constructed head-on crossing, the kinetic-gas
rate of a randomised shell, and NASA CARA's published collision-probability case."""

import dataclasses
import csv
import json
import math

import numpy as np
import pytest
from sgp4.api import WGS72, Satrec

import orbital
from collision_probability import encounter_plane, pc_chan, pc_foster
from orbital.cli import main
from orbital.constants import EARTH_RADIUS_KM, MU_EARTH_KM3_S2
from orbital.constellation import Catalogue, Constellation, combine, walker
from orbital.parameters import Model
from orbital.phasing import best_phasing, closest_angle_rad, walker_min_distance_km
from orbital.traffic import (CSV_COLUMNS, design_min_distance_km, grid_steps_rad, pc_circular, screen, shell_min_distance_km,
                             stepped_approaches, traffic)

T0 = orbital.at("2026-06-21T00:00:00Z")


def unit(node, inclination, u):
    return np.stack([np.cos(node) * np.cos(u) - np.sin(node) * np.cos(inclination) * np.sin(u),
                     np.sin(node) * np.cos(u) + np.cos(node) * np.cos(inclination) * np.sin(u),
                     np.sin(inclination) * np.sin(u)], axis=-1)


def test_the_closed_form_closest_angle_equals_brute_force_over_an_orbit():
    rng = np.random.default_rng(7)
    u = np.linspace(0.0, 2 * np.pi, 400_001)
    for _ in range(12):
        inclination, node, phase = rng.uniform(0, np.pi), rng.uniform(-np.pi, np.pi), rng.uniform(-np.pi, np.pi)
        dot = np.einsum("tk,tk->t", unit(0.0, inclination, u), unit(node, inclination, u + phase))
        brute = np.arccos(np.clip(dot, -1.0, 1.0)).min()
        assert closest_angle_rad(inclination, node, phase) == pytest.approx(brute, abs=2e-5)


def test_a_walker_patterns_smallest_distance_is_what_its_propagated_satellites_come_to():
    """Every pair of a 60/6/f pattern propagated by the engine over an orbit, 2 s steps."""
    for phasing in (1, 4):
        shell = combine(walker(550.0, 53.0, 60, 6, phasing))
        t = orbital.times("2026-06-21T00:00:00Z", hours=1.6, step_s=2.0)
        r = orbital.propagate(shell, t).r_teme_km
        first, second = np.triu_indices(60, 1)
        closest = np.linalg.norm(r[first] - r[second], axis=-1).min()
        assert walker_min_distance_km(550.0, 53.0, 60, 6, phasing) == pytest.approx(closest, abs=0.2)
    best, distance = best_phasing(550.0, 53.0, 60, 6)
    assert distance == max(walker_min_distance_km(550.0, 53.0, 60, 6, f) for f in range(6))
    assert walker(550.0, 53.0, 60, 6).phasing == best


def test_a_shells_design_distance_by_symmetry_equals_every_pair_and_the_summary_reports_it(capsys):
    """A dawn–dusk shell with its planes spread over an hour (not a Walker pattern, no wrap-around):
    satellite 0 against the rest equals every pair in closed form and the propagated positions."""
    shell = orbital.sun_synchronous(1400.0, 18.0, 120, 12, 1, plane_spread_h=1.0, epoch="2026-06-21T00:00:00Z")
    assert grid_steps_rad(shell) is not None
    distance = design_min_distance_km(shell)
    assert distance == pytest.approx(shell_min_distance_km(shell, within_km=20_000.0), abs=1e-9)
    t = orbital.times("2026-06-21T00:00:00Z", hours=2.0, step_s=2.0)
    r = orbital.propagate(combine(shell), t).r_teme_km
    every_pair_km = min(np.linalg.norm(r[k + 1:] - r[k], axis=-1).min() for k in range(len(r) - 1))
    assert distance == pytest.approx(every_pair_km, abs=0.5)
    shuffled = dataclasses.replace(shell, raan_rad=np.random.default_rng(1).permutation(shell.raan_rad))
    assert grid_steps_rad(shuffled) is None
    assert main(["summary", "--preset", "demo", "--json"]) == 0
    design = {row["shell"]: row for row in json.loads(capsys.readouterr().out)["design"]["shells"]}
    assert design["Demo 550 km 53°"]["phasing"] == 7
    assert design["Demo 550 km 53°"]["min_distance_km"] == pytest.approx(walker_min_distance_km(550.0, 53.0, 48, 8, 7))


def test_starlink_with_f_1_reproduces_the_issues_independent_count_and_best_phasing_clears_it():
    """The issue's brute force of the engine's positions (1 s steps, refined at 5 ms): 2,422 pairs
    within 5 km in one hour, the closest 0.000 km, for Starlink Gen1 at f = 1."""
    shells = [(550, 53.0, 1584, 72), (540, 53.2, 1584, 72), (570, 70.0, 720, 36), (560, 97.6, 348, 6),
              (560, 97.6, 172, 4)]
    old = combine(*(walker(h, i, t, p, 1, epoch="2026-01-01T00:00:00Z") for h, i, t, p in shells))
    found = screen(old, T0, 3600.0, 5.0)
    assert abs(found["first"].size - 2422) <= 3 and found["miss_km"].min() < 1e-3
    assert screen(orbital.preset("starlink"), T0, 3600.0, 5.0)["first"].size == 0


def random_catalogue(count, altitude_km, thickness_km, seed):
    """Near-circular satellites with isotropic planes and uniform altitudes in a band, as SGP4 records."""
    rng = np.random.default_rng(seed)
    satrecs = []
    for k in range(count):
        a_km = EARTH_RADIUS_KM + altitude_km + rng.uniform(0.0, thickness_km)
        n_rad_min = math.sqrt(MU_EARTH_KM3_S2 / a_km ** 3) * 60.0
        satrec = Satrec()
        satrec.sgp4init(WGS72, "i", k + 1, 26104.0, 0.0, 0.0, 0.0, 1e-5, 0.0, math.acos(rng.uniform(-1, 1)),
                        rng.uniform(0, 2 * np.pi), n_rad_min, rng.uniform(0, 2 * np.pi))
        satrecs.append(satrec)
    return Constellation((Catalogue("random", satrecs, [f"R{k}" for k in range(count)]),), name="random")


def brute_force_pairs(constellation, window_s, screen_km):
    """All pairs at 20 s steps over the window and its end. A pair within `screen_km` at some instant is
    within screen_km + 15.6 km/s × 10 s + 1 km at the nearest step, so every pair that near at a step is
    sampled every 0.1 s from 20 s before that step to 20 s after it (the pairs sampled over the same run
    propagated together), and each local minimum of its distance is placed by a parabola through the
    squared distance at three samples: {(i, j): (time s, closest km)} of each pair's latest within `screen_km`."""
    coarse_s, step_s = 20.0, 0.1
    t = orbital.times(T0.utc_iso(), hours=(window_s + coarse_s) / 3600.0, step_s=coarse_s)  # to the window's end
    r = orbital.propagate(constellation, t).r_teme_km
    radius_squared = np.sum(r ** 2, axis=-1)
    near = {}  # (i, j) → the steps at which i and j are within the bound
    for k in range(len(t)):
        squared = radius_squared[:, k, None] + radius_squared[None, :, k] - 2.0 * (r[:, k] @ r[:, k].T)
        for i, j in zip(*np.nonzero(np.triu(squared < (screen_km + 15.6 * 10.0 + 1.0) ** 2, 1))):
            near.setdefault((int(i), int(j)), []).append(k)
    fine = orbital.times(T0.utc_iso(), hours=window_s / 3600.0, step_s=step_s)
    per = round(coarse_s / step_s)
    runs = {}  # (begin, end) of a run of samples → the pairs sampled over it
    for pair, steps in near.items():
        sampled = np.zeros(len(fine), dtype=bool)
        for k in steps:
            sampled[max(k * per - per, 0):k * per + per + 1] = True
        edges = np.flatnonzero(np.diff(np.r_[False, sampled, False]))  # where each run of samples starts, ends
        for begin, end in zip(edges[::2], edges[1::2]):
            runs.setdefault((int(begin), int(end)), []).append(pair)
    found = {}  # (i, j) → (time s, closest km) of its latest minimum within screen_km
    for (begin, end), pairs in sorted(runs.items()):
        satellites, index = np.unique(np.array(pairs), return_inverse=True)
        positions = orbital.propagate(constellation.subset(satellites), fine[begin:end]).r_teme_km
        index = index.reshape(-1, 2)
        squared = np.sum((positions[index[:, 0]] - positions[index[:, 1]]) ** 2, axis=-1)
        a, b, c = squared[:, :-2], squared[:, 1:-1], squared[:, 2:]
        rows, ks = np.nonzero((b < a) & (b <= c))
        a, b, c = a[rows, ks], b[rows, ks], c[rows, ks]
        shift = 0.5 * (a - c) / (a - 2 * b + c)
        closest = np.sqrt(np.maximum(b - 0.25 * (a - c) * shift, 0.0))
        tca_s = (begin + ks + 1 + shift) * step_s
        within = np.flatnonzero(closest < screen_km)
        last = np.flatnonzero(np.diff(np.r_[rows[within], -1]))  # each pair's last in the run
        for m in within[last]:
            found[pairs[rows[m]]] = (float(tca_s[m]), float(closest[m]))  # runs in time order: the latest
    return found


def test_stepped_screening_finds_exactly_the_brute_force_pairs():
    crowded = random_catalogue(1200, 550.0, 20.0, seed=3)
    window_s = 1800.0
    found = stepped_approaches(crowded, T0, window_s, 10.0)
    reference = brute_force_pairs(crowded, window_s, 10.0)
    assert len(reference) >= 20
    mine = {(int(i), int(j)): (t, d) for i, j, t, d in zip(found["first"], found["second"], found["tca_s"],
                                                          found["miss_km"])}
    assert sorted(mine) == sorted(reference)
    for pair, (tca_s, distance) in reference.items():
        assert mine[pair][1] == pytest.approx(distance, abs=0.010)
        assert mine[pair][0] == pytest.approx(tca_s, abs=0.5)


def test_a_constructed_head_on_crossing_with_a_known_miss_distance():
    """Equatorial prograde at 700 km and retrograde at 701 km: they pass head-on 1 km apart, at the sum
    of their speeds, twice an orbit."""
    pro = orbital.Shell("pro", 700.0, 0.0, np.array([0.0]), np.array([0.0]), T0, 1, "walker")
    retro = orbital.Shell("retro", 701.0, 180.0, np.array([0.0]), np.array([np.pi / 2]), T0, 1, "walker")
    pair = combine(pro, retro)
    found = screen(pair, T0, 6000.0, 5.0)
    assert found["plan"][0]["kind"] == "stepped" and found["first"].size >= 2
    assert np.allclose(found["miss_km"], 1.0, atol=0.01)
    # Each moves at a (u̇ + Ω̇ cos i): its J2 secular rates, as the engine propagates it.
    speed = sum(s.semi_major_axis_km * abs(s.secular_rates_rad_s()[1] + s.secular_rates_rad_s()[0]
                                           * math.cos(math.radians(s.inclination_deg))) for s in (pro, retro))
    assert np.allclose(found["speed_km_s"], speed, rtol=1e-4)


def test_the_kinetic_gas_estimate_agrees_with_the_screened_rate_of_a_randomised_shell():
    """Isotropic planes, uniform altitude over a band H: pair rate = N(N−1)/2 × ⟨v_rel⟩ ÷ A ×
    (πD²H − 4D³/3) ÷ H², with ⟨v_rel⟩ = 4v/π for headings uniform on the circle (Kessler &
    Cour-Palais 1978, in a thin shell)."""
    count, altitude_km, thickness_km, screen_km, window_s = 3000, 550.0, 50.0, 5.0, 7200.0
    found = stepped_approaches(random_catalogue(count, altitude_km, thickness_km, seed=11), T0, window_s, screen_km)
    radius = EARTH_RADIUS_KM + altitude_km + thickness_km / 2.0
    speed = 4.0 * math.sqrt(MU_EARTH_KM3_S2 / radius) / math.pi
    cross = (math.pi * screen_km ** 2 * thickness_km - 4.0 * screen_km ** 3 / 3.0) / thickness_km ** 2
    expected = count * (count - 1) / 2.0 * speed / (4.0 * math.pi * radius ** 2) * cross * window_s
    assert abs(found["first"].size - expected) < 4.0 * math.sqrt(expected)


def test_foster_reproduces_nasa_caras_omitron_case_and_chan_and_the_closed_form_agree():
    """CARA Analysis Tools, Pc2D_Foster_UnitTest.m, Omitron test case 01 (circle, HBR 20 m):
    Pc = 2.70601573490125e-05, to CARA's relative tolerance 1e-3."""
    r1, v1 = [378.39559, 4305.721887, 5752.767554], [2.360800244, 5.580331936, -4.322349039]
    cov1 = [[44.5757544811362, 81.6751751052616, -67.8687662707124],
            [81.6751751052616, 158.453402956163, -128.616921644857],
            [-67.8687662707124, -128.616921644858, 105.490542562701]]
    r2, v2 = [374.5180598, 4307.560983, 5751.130418], [-5.388125081, -3.946827739, 3.322820358]
    cov2 = [[2.31067077720423, 1.69905293875632, -1.4170164577661],
            [1.69905293875632, 1.24957388457206, -1.04174164279599],
            [-1.4170164577661, -1.04174164279599, 0.869260558223714]]
    miss, cov = encounter_plane(r1, v1, cov1, r2, v2, cov2)
    assert pc_foster(miss, cov, 0.020) == pytest.approx(2.70601573490125e-05, rel=1e-3)
    assert pc_chan(miss, cov, 0.020) == pytest.approx(2.70601573490125e-05, rel=1e-3)
    # Isotropic: the non-central χ² closed form equals Foster's integral.
    for distance in (0.0, 0.1, 0.3):
        isotropic = pc_foster([distance, 0.0], np.eye(2) * 0.02, 0.02)
        assert pc_circular(distance, math.sqrt(0.02), 0.02) == pytest.approx(isotropic, rel=1e-6)


def test_traffic_counts_manoeuvres_and_the_command_line_gives_them(capsys):
    result = traffic(orbital.preset("starlink"), T0, 3600.0, Model())
    assert result["pairs"] == 0 and result["manoeuvres_per_satellite_per_year"] == 0
    assert result["starlink_reported_manoeuvres_per_satellite_per_year"] == pytest.approx(38, abs=1)
    assert {row["shell"]: row["phasing"] for row in result["design"]}["Starlink 550 km 53° 1584"] == 65
    # Starlink's 550 km shell at f = 1: every satellite passes its neighbour 3.373 km away (the Walker
    # pattern's closed form); with catalogue-grade uncertainty and a 1e-6 threshold, each is a manoeuvre.
    assert main(["traffic", "--shell", "550,53,1584/72/1", "--hours", "1", "--json", "--set",
                 "traffic.position_sigma_km=2", "--set", "traffic.pc_threshold=1e-6"]) == 0
    crowded = json.loads(capsys.readouterr().out)
    assert crowded["pairs"] == 1584
    assert crowded["closest_km"] == pytest.approx(walker_min_distance_km(550.0, 53.0, 1584, 72, 1), abs=1e-6)
    assert crowded["manoeuvres_per_day"] == pytest.approx(crowded["approaches_per_day"])
    assert crowded["approaches"][0]["pc"] == pytest.approx(pc_circular(crowded["closest_km"], 2 * math.sqrt(2), 0.02))
    assert main(["traffic", "--preset", "demo", "--hours", "0"]) == 2
    assert "--hours" in capsys.readouterr().err


def test_a_recurring_pair_is_rephased_once_and_the_table_exports_as_csv(tmp_path, capsys):
    # Starlink's 550 km shell at f = 1, 1σ = 2 km: every neighbour pair passes 3.373 km apart at
    # Pc = 1.23e-5 (the non-central χ² closed form): above 1e-5, below 1e-4. An operator re-phases each of
    # the 1,584 pairs once; counted per pass the same pairs make approaches × 365.25 / 1,584 a satellite-year.
    table = tmp_path / "approaches.csv"
    assert main(["traffic", "--shell", "550,53,1584/72/1", "--hours", "1", "--json", "--csv", str(table),
                 "--set", "traffic.position_sigma_km=2"]) == 0
    result = json.loads(capsys.readouterr().out)
    pc = pc_circular(walker_min_distance_km(550.0, 53.0, 1584, 72, 1), 2 * math.sqrt(2), 0.02)
    assert 1e-5 < pc < 1e-4
    strict, loose = result["thresholds"]
    assert strict["pc_threshold"] == 1e-4 and strict["rephasings"] == 0 and strict["manoeuvres_per_satellite_per_year"] == 0
    assert loose["rephasings"] == 1584 and loose["rephasings_per_satellite"] == pytest.approx(1.0)
    assert loose["manoeuvres_per_satellite_per_year"] == pytest.approx(result["approaches_per_day"] * 365.25 / 1584)
    # If manoeuvres stopped: the passes' share within the 20 m combined radius of the 5 km screen, (0.02/5)².
    collisions = result["approaches_per_day"] * 365.25 * (0.02 / 5.0) ** 2
    assert result["collisions_per_year_unmanoeuvred"] == pytest.approx(collisions)
    assert result["days_to_first_collision_unmanoeuvred"] == pytest.approx(365.25 / collisions)
    # As screened (the pattern held): every pass at the closed form's Pc.
    assert result["collisions_per_year_as_screened"] == pytest.approx(result["approaches_per_day"] * 365.25 * pc, rel=1e-3)
    rows = list(csv.DictReader(table.open()))
    assert len(rows) == 1000 and list(rows[0]) == list(CSV_COLUMNS)
    assert float(rows[0]["miss_km"]) == pytest.approx(result["closest_km"]) and float(rows[0]["pc"]) == pytest.approx(pc)
    assert "2026-06-21T00:00:00" <= rows[0]["tca_utc"] < "2026-06-21T01:00:00" and rows[0]["tca_utc"].endswith("Z")
