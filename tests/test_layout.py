"""A design that does not collide with itself (orbital/layout.py): layers spaced at least the design
distance apart within the shell's thickness, each the grid that keeps its satellites farthest apart, in
closed form and confirmed by brute-force screening of a sample (test_traffic.brute_force_pairs)."""

import numpy as np
import pytest

import orbital
from orbital.constellation import combine, sun_synchronous, walker
from orbital.layout import best_grid, layer_count, layered, sso_layout
from orbital.phasing import best_phasing
from orbital.traffic import design_min_distance_km
from test_traffic import brute_force_pairs

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
