"""A design that does not collide with itself (orbital/layout.py): layers spaced at least the design
distance apart within the shell's thickness, each the grid that keeps its satellites farthest apart, in
closed form and confirmed by brute-force screening of a sample (test_traffic.brute_force_pairs)."""

import numpy as np
import pytest

import orbital
from orbital.constellation import combine, sun_synchronous, walker
from orbital.layout import best_grid, layer_count, layered, sso_layout
from orbital.parameters import Model
from orbital.phasing import best_phasing, closest_angle_rad
from orbital.traffic import design_min_distance_km, design_rows, grid_steps_rad
from test_traffic import T0, brute_force_pairs

DISTANCE_KM = 2.0


@pytest.fixture(scope="module")
def sample():
    """A dawn–dusk shell of 3,000 (nodes over an hour, every satellite on one radius) and a 30° Walker shell
    of 2,000, each split over 12 km into 6 layers 2.4 km apart."""
    shells = combine(sun_synchronous(1400, 18.0, 3000, 60, 1, plane_spread_h=1.0, name="SSO"),
                     walker(500, 30.0, 2000, 40, 1, name="30°"), name="sample")
    return shells, layered(shells, 12.0, DISTANCE_KM)


def test_the_layers_divide_the_shell_and_keep_the_distance_in_closed_form(sample):
    shells, design = sample
    assert layer_count(3000, 12.0, 2.0) == 6 and layer_count(150_000, 50.0, 2.0) == 25 and layer_count(7, 50, 2) == 7
    assert design.count == shells.count and len(design.groups) == 11  # 2,000 in 5 layers of 400, 3 km apart
    assert [g.altitude_km for g in design.groups[:6]] == pytest.approx([1394.0, 1396.4, 1398.8, 1401.2, 1403.6, 1406.0])
    assert sso_layout(shells.groups[0]) == pytest.approx((18.0, 1.0)) and sso_layout(design.groups[0])[0] == pytest.approx(18.0)
    before = [design_min_distance_km(g) for g in shells.groups]
    after = [design_min_distance_km(g) for g in design.groups]
    assert min(after) >= DISTANCE_KM and min(after[:6]) > before[0]  # fewer satellites a radius: more room
    # A Walker layer's grid is the Walker pattern: the search agrees with best_phasing's distance.
    planes, _, distance = best_grid(500.0, 30.0, 500, 2.0 * np.pi)
    assert distance == pytest.approx(best_phasing(500.0, 30.0, 500, planes)[1])


def test_brute_force_finds_no_pair_closer_than_the_closed_form(sample):
    """One dawn–dusk layer (500 satellites) screened pair by pair for half an hour (a lattice's closest
    pairs meet twice an orbit): its closest pair is the closed form's, to 10 m, and above the design
    distance (layers are 2.4 km apart in radius: never closer)."""
    _, design = sample
    layer = design.groups[2]
    closed_form = design_min_distance_km(layer)
    found = brute_force_pairs(combine(layer, name="one layer"), 1800.0, closed_form + 1.0)
    assert found
    closest = min(distance for _, distance in found.values())
    assert closest == pytest.approx(closed_form, abs=0.01) and closest >= DISTANCE_KM


@pytest.fixture(scope="module")
def odc():
    return orbital.preset("spacex-odc")


def test_spacex_odc_keeps_every_pair_beyond_its_design_distance_in_closed_form(odc):
    """The filing's million (FCC DA 26-113: 500–2,000 km, shells up to 50 km thick): every group at least
    D from every other in radius (circular orbits never closer), and within each, in closed form, no
    pair closer than D either."""
    from orbital.presets import SPACEX_ODC_DESIGN_DISTANCE_KM as D

    assert odc.count == 1_000_000 and len(odc.groups) == 36
    altitudes = np.sort([g.altitude_km for g in odc.groups])
    assert np.diff(altitudes).min() >= D and 500.0 <= altitudes[0] and altitudes[-1] <= 2000.0
    sso = [g for g in odc.groups if g.kind == "sso"]
    assert max(g.altitude_km for g in sso[:8]) - min(g.altitude_km for g in sso[:8]) <= 50.0
    distances = {row["shell"]: row["min_distance_km"] for row in design_rows(odc)}
    assert min(distances.values()) >= D
    assert distances["30° 500 km"] == pytest.approx(2.4, abs=0.01)  # the issue: the 30° lattices keep ≥ 2.4 km


def neighbourhood(shell):
    """Satellite 0's plane and the plane of its closest partner (closed form): every slot of both (a
    sample in which pairs at the shell's closest distance meet many times an orbit, by the grid's symmetry)."""
    per_plane = shell.count // shell.planes
    steps = grid_steps_rad(shell)
    index = np.arange(1, shell.count)
    angle = closest_angle_rad(np.radians(shell.inclination_deg), index // per_plane * steps[0],
                              index % per_plane * (2.0 * np.pi / per_plane) + index // per_plane * steps[1])
    partner = int(index[np.argmin(angle)] // per_plane)
    planes = sorted({0, partner % shell.planes})
    return np.concatenate([np.arange(p * per_plane, (p + 1) * per_plane) for p in planes])


# One layer (each layer is the same kind of grid; the closed form is checked on all 36 above).
@pytest.mark.parametrize("name", ["SSO 1975 km dawn-dusk L8"])
def test_spacex_odc_brute_force_finds_the_closed_forms_closest_pair_and_none_closer(odc, name):
    """Brute-force screening (test_traffic.brute_force_pairs, pair by pair over five minutes: with 375
    slots a plane, some pair of the closest offset is near its closest approach at every instant) of a
    sample of the layer's satellites: its closest pair is the closed form's to 10 m, and above D."""
    from orbital.presets import SPACEX_ODC_DESIGN_DISTANCE_KM as D

    layer = next(g for g in odc.groups if g.name == name)
    closed_form = design_min_distance_km(layer)
    sample = combine(layer, name="layer").subset(neighbourhood(layer))
    found = brute_force_pairs(sample, 300.0, closed_form + 1.0)
    closest = min(distance for _, distance in found.values())
    assert closest == pytest.approx(closed_form, abs=0.01) and closest >= D


def test_spacex_odc_screened_through_the_front_door_has_no_manoeuvre(odc):
    """traffic() over two hours on two adjacent layers and a 30° shell: nothing closer than D, the closest
    pair the design's, no manoeuvre at either threshold (Pc at 2 km with 0.1 km ephemerides ~1e-44)."""
    from orbital.presets import SPACEX_ODC_DESIGN_DISTANCE_KM as D

    groups = [g for g in odc.groups if g.name in ("SSO 1800 km dawn-dusk L1", "SSO 1800 km dawn-dusk L2", "30° 950 km")]
    result = orbital.traffic(combine(*groups, name="sample"), T0, 7200.0, Model())
    design = min(row["min_distance_km"] for row in result["design"])
    assert result["closest_km"] >= D and result["closest_km"] == pytest.approx(design, abs=0.01)
    assert result["manoeuvres_per_day"] == 0 and all(row["rephasings"] == 0 for row in result["thresholds"])
    assert result["collisions_per_year_as_screened"] < 1e-30  # held as designed, it never collides
