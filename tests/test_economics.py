"""The whole bill (orbital.economics): launches by the flight per vehicle, the honest Monte Carlo, the
levers, the waterfall and the levelisation, on a two-shell fleet with today's spacex-odc figures."""

import json

import numpy as np
import pytest

from orbital.economics import FleetInputs, drivers, orbit_and_ground_costs
from orbital.economics.costs import with_payload
from orbital.economics.flights import payload_to_shell_kg, return_delta_v_m_s
from orbital.economics.levers import break_even, ratios
from orbital.economics.montecarlo import RANGES, draw
from orbital.economics.tco import capital_recovery_factor, survival_life_average
from orbital.parameters import Launch, Model

# Two of spacex-odc's shells, with its per-satellite figures from `orbital compare --preset spacex-odc
# --json` today (mass by part kg; 17 H100 per satellite; 14.47 PFLOP/s delivered, 97.9 % at end of life).
H100_KW, H100_PFLOPS = 0.7 * 1.82, 0.989


def fleet(vehicle="Starship 200 t"):
    kw = 14.4748 / H100_PFLOPS * H100_KW
    return FleetInputs(
        shell_satellites=np.array([150_000.0, 100_000.0]), altitude_km=np.array([1400.0, 650.0]),
        inclination_deg=np.array([101.6, 30.0]), bus_and_arrays_kg=575.0, compute_kg=272.0, shielding_kg=34.0,
        radiator_kg=202.7, battery_kg=15.7, propellant_kg=np.array([21.8, 25.0]), accelerators_per_satellite=17.0,
        compute_kw_start=kw, compute_kw_end=kw * 0.979, rated_array_w=28_300.0, peak_pflops=17 * H100_PFLOPS,
        delivered_pflops=14.4748, lifetime_years=5.0, utilisation=1.0, accelerator_system_kw=H100_KW,
        vehicle=vehicle, dose_krad=np.array([19.1, 1.6]))


@pytest.fixture(scope="module")
def central():
    return orbit_and_ground_costs(fleet(), Model(), samples=4000)


def launch_part(costs):
    return next(part.usd_per_kw_year for part in costs.orbit.parts if part.name == "launch")


def test_vehicle_changes_the_all_in_cost_by_its_launch_share(central):
    """Starship 200 t → Falcon 9: more flights at Falcon 9's own price; only the launch part moves, so the
    all-in cost changes by (its launch share) × (the launch part's change)."""
    model = Model(launch=Launch.for_vehicle("Falcon 9"))
    falcon = orbit_and_ground_costs(fleet("Falcon 9"), model, samples=500)
    assert falcon.flights_total > 5 * central.flights_total
    expected = 1.0 + central.launch_share * (launch_part(falcon) / launch_part(central) - 1.0)
    assert falcon.orbit.usd_per_kw_year / central.orbit.usd_per_kw_year == pytest.approx(expected, rel=1e-9)
    assert falcon.orbit.usd_per_kw_year > 1.05 * central.orbit.usd_per_kw_year
    assert falcon.usd_per_flight < central.usd_per_flight


def test_a_returning_stage_pays_its_own_return_burn():
    """The ship's return from 1,400–2,000 km costs ~290–415 m/s more than from a low orbit (parameters.md;
    our single-burn deorbit to a 50 km perigee: 275–400), and that propellant comes out of the payload."""
    launch = Launch()
    dv = return_delta_v_m_s(np.array([1400.0, 2000.0]), launch, 50.0)
    assert dv[0] == pytest.approx(290.0, abs=20.0) and dv[1] == pytest.approx(415.0, abs=20.0)
    kept = payload_to_shell_kg(1400.0, 101.6, launch, False)
    returned = payload_to_shell_kg(1400.0, 101.6, launch, True)
    assert 100_000 < kept < 130_000 and kept - returned == pytest.approx(
        launch.upper_stage_dry_kg * (np.exp(dv[0] / (380 * 9.80665)) - 1.0), rel=1e-9)


def test_user_set_launch_price_keeps_central_inside_the_draw():
    """With launch.price_usd_per_kg = 200 set by the user, the launch price is fixed and the central
    estimate lies between the draw's 5th and 95th percentiles."""
    model = Model().with_overrides({"launch.price_usd_per_kg": 200.0})
    costs = orbit_and_ground_costs(fleet(), model, {"launch.price_usd_per_kg"}, samples=4000)
    u = costs.uncertainty
    assert u.orbit_p5 <= u.orbit_central <= u.orbit_p95
    assert "launch.price_factor" in u.fixed
    assert costs.usd_per_flight == pytest.approx(200.0 * 200_000.0)


def test_a_launch_price_the_user_set_is_the_price_of_every_draw(monkeypatch):
    """Only the launch's ranges left to draw: with the user's launch price set, every draw costs the same
    (the issue's Monte Carlo drew the price the user had set, its 5th percentile above the central)."""
    import orbital.economics.montecarlo as montecarlo

    launch_keys = {"launch.price_factor", "operations.launch_learning_rate", "operations.launch_reference_cumulative_t"}
    monkeypatch.setattr(montecarlo, "RANGES", tuple(r for r in RANGES if r.key in launch_keys))
    model = Model().with_overrides({"launch.price_usd_per_kg": 200.0})
    d = drivers(model)
    u = montecarlo.monte_carlo(with_payload(fleet(), model), d, {"launch.price_usd_per_kg"}, samples=500)
    assert u.orbit_p5 == pytest.approx(u.orbit_central, rel=1e-12) == u.orbit_p95
    free = montecarlo.monte_carlo(with_payload(fleet(), Model()), drivers(Model()), frozenset(), samples=500)
    assert free.orbit_p95 > 1.05 * free.orbit_p5


def test_a_satellite_price_the_user_set_is_the_fleets_mean_and_is_held():
    """hardware.satellite_usd_per_kg = 600 set: every subsystem scaled so the fleet's mean satellite costs
    $600/kg, and neither the price factor nor the production learning is drawn."""
    model = Model().with_overrides({"hardware.satellite_usd_per_kg": 600.0})
    costs = orbit_and_ground_costs(fleet(), model, model.user_set, samples=500)
    assert costs.hardware_usd_per_kg == pytest.approx(600.0, rel=1e-9)
    assert {"hardware.price_factor", "hardware.learning_rate"} <= set(costs.uncertainty.fixed)


def test_a_value_the_user_set_is_not_drawn():
    d = {**drivers(Model()), "operations.wacc": 0.11}
    drawn = draw(d, {"operations.wacc"}, 1000, 1)
    assert np.all(drawn["operations.wacc"] == 0.11)
    assert np.std(drawn["hardware.price_factor"]) > 0.1


def test_central_is_reported_with_its_percentile_and_the_median(central):
    u = central.uncertainty
    assert 5.0 < u.central_percentile < 95.0
    assert u.orbit_p5 < u.orbit_median < u.orbit_p95
    assert 0.0 <= u.p_orbit_cheaper_hyperscale <= u.p_orbit_cheaper_industry <= 1.0
    assert {bar.key for bar in u.tornado} == {r.key for r in RANGES}


def test_learning_starts_from_published_launch_mass():
    """BryceTech: SpaceX launched >400 t in Q1 2024 alone; the curve's start is order 10⁴ t, not 400 t."""
    assert Model().operations.launch_reference_cumulative_t >= 10 * 400.0


def test_break_even_is_none_or_a_crossing(central):
    """Each lever alone: None within its sourced range, or a value where orbit meets the ground."""
    d = {**drivers(Model()), "satellite.lifetime_years": 5.0}
    for be in central.break_evens:
        assert be.against_industry is None or min(be.central, be.aggressive) <= be.against_industry
    # Ground energy at $1.70/kWh (far beyond its sourced range): the launch lever alone now crosses.
    dear = {**d, "facility.price_usd_per_kwh": 1.7}
    be = break_even(with_payload(fleet(), Model()), dear, "launch.price_factor")
    assert be.against_industry is not None and 0.1 <= be.against_industry <= 1.0
    assert ratios(with_payload(fleet(), Model()), {**dear, be.key: be.against_industry}, frozenset())[0] == \
        pytest.approx(1.0, abs=1e-6)


def test_ladder_falls_and_waterfalls_multiply(central):
    ratios = [rung.ratio_industry for rung in central.ladder]
    assert all(b <= a + 1e-12 for a, b in zip(ratios, ratios[1:]))
    w = central.orbit_waterfall
    assert w.delivered_pflops == pytest.approx(w.stages_pflops()[-1][1])
    assert 0.0 < w.availability < 1.0 and w.network == 1.0


def test_parts_add_up_and_the_levelisation_is_the_annuity(central):
    """Parts sum to the total; CRF(8 %, 5 yr) = 0.25046 (annuity tables); survival (1 − e^−x)/x."""
    for side in (central.orbit, central.industry, central.hyperscale):
        assert sum(part.usd_per_kw_year for part in side.parts) == pytest.approx(side.usd_per_kw_year)
    assert float(capital_recovery_factor(0.08, 5)) == pytest.approx(0.250456, abs=1e-6)
    assert float(capital_recovery_factor(0.0, 5)) == pytest.approx(0.2)
    assert float(survival_life_average(0.09, 5)) == pytest.approx((1 - np.exp(-0.45)) / 0.45)
    assert central.industry.lcoe_usd_per_mwh == pytest.approx(central.industry.usd_per_kw_year / 8.766)


def test_the_comparison_goes_to_json_with_its_levers_in_units(central):
    data = json.loads(json.dumps(central.to_json()))
    assert data["orbit"]["usd_per_kw_year"] == pytest.approx(central.orbit.usd_per_kw_year)
    assert [part["name"] for part in data["orbit"]["parts"]][-1] == "failures"
    assert central.usd_per_kg_rated == pytest.approx(central.usd_per_flight / 200_000.0)
    assert 300.0 < central.hardware_usd_per_kg < 1500.0
    assert central.hardware_usd_per_array_w == pytest.approx(central.hardware_usd_per_kg * 1123.2 / 28_300.0,
                                                             rel=0.01)
