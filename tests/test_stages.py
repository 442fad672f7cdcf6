"""The assessment's pipeline (orbital/stages): each stage alone on a small fleet (the demo preset, two
days, four satellites a shell), against what its inputs and outside figures say; the pipeline's order;
and the Assessment's JSON form, rebuilt exactly and refused when anything is missing or mistyped."""

import dataclasses
import json
import math

import numpy as np
import pytest

import orbital
from orbital import OrbitalError
from orbital.constants import HOURS_PER_YEAR
from orbital.drag import STANDARD_GRAVITY_M_S2
from orbital.heat import radiator_flux_w_m2
from orbital.parameters import Model
from orbital.phasing import best_phasing
from orbital.stages import STAGES, Assessment, Scenario, needs, run
from orbital.stages.environment import design, disposal, radiation
from orbital.stages.fleet import fleet
from orbital.stages.ground import terrestrial
from orbital.stages.costs import costs
from orbital.stages.launch import launch
from orbital.stages.mass import mass
from orbital.stages.operation import operation
from orbital.stages.shells import shells
from orbital.stages.sizing import sizing
from orbital.stages.summary import compute, end_of_life, heat, power, sunlight
from orbital.stages.warnings import warnings


@pytest.fixture(scope="module")
def scenario():
    return Scenario(constellation=orbital.preset("demo"), t=orbital.times("2026-06-21T00:00:00Z", days=2, step_s=1800),
                    model=Model(), per_shell=4)


@pytest.fixture(scope="module")
def done(scenario):
    """Every stage's record for the scenario, by name (the pipeline run once)."""
    assessment = run(scenario)
    return {name: getattr(assessment, name) for name, _ in STAGES}


def test_the_fleet_stage_samples_every_shell(scenario):
    f = fleet(scenario)
    assert f.shell_names == ("Demo 550 km 53°", "Demo SSO 800 km") and f.shell_satellites.tolist() == [48.0, 24.0]
    assert f.satellites == 72 and f.satellites_sampled == 8 and f.shell_sampled.tolist() == [4, 4]
    assert f.altitude_km.tolist() == [550.0, 800.0] and f.inclination_deg[0] == 53.0
    assert 98.0 < f.inclination_deg[1] < 99.0  # sun-synchronous at 800 km
    assert f.span_days == 2.0 and f.fleet_mean(np.array([1.0, 4.0])) == pytest.approx((48 + 4 * 24) / 72)
    assert f.shell_mean(f.sample_shell.astype(float)).tolist() == [0.0, 1.0]


def test_the_sizing_stage_fills_the_array_with_accelerators_and_the_radiator_sheds_their_heat(scenario, done):
    s = sizing(scenario, done["fleet"], done["radiation"])
    chip = scenario.model.processor()
    # Throttle mode: whole accelerators in what full sun gives above the bus.
    assert s.accelerators_per_satellite.tolist() == np.floor((s.full_sun_w - s.bus_w) / chip.system_power_w).tolist()
    assert s.bus_w == pytest.approx(0.1 * s.rated_w) and 28_000 < s.rated_w < 28_600  # Suncatcher's ~28.3 kW
    net = radiator_flux_w_m2(scenario.model.radiator, s.earth_view_factor)["net"]
    assert s.radiator_m2 * net == pytest.approx(s.heat_w) and (s.heat_w == s.compute_cap_w + s.bus_w).all()
    # The battery carries the bus alone through the worst day's longest eclipse.
    assert s.battery_kg == pytest.approx(s.bus_w * s.worst_eclipse_s / 3600.0 / 0.3 / 150.0)
    # At 550 km with the Sun in the orbit plane (β = 0) the shadow takes 2 asin(R / r) of the orbit:
    # 35.5 min of its 95.6 (a cylindrical shadow; the umbra's cone shortens it by well under a minute).
    r_km = 6378.137 + 550.0
    period_s = 2 * math.pi * math.sqrt(r_km ** 3 / 398600.4418)
    assert s.worst_eclipse_s[0] == pytest.approx(period_s * math.asin(6378.137 / r_km) / math.pi, abs=60.0)
    assert s.worst_eclipse_s[1] < s.worst_eclipse_s[0]  # the dawn–dusk shell (its planes spread over an hour)


def test_the_operation_stage_runs_no_more_than_the_installed_accelerators(scenario, done):
    o = operation(scenario, done["fleet"], done["sizing"])
    chip = scenario.model.processor()
    assert (o.compute_w <= done["sizing"].compute_cap_w + 1e-9).all()
    assert (o.compute_end_of_life_w <= o.compute_w + 1e-9).all()
    assert o.delivered_pflops == pytest.approx(o.compute_w / chip.system_power_w * chip.bf16_pflops)
    assert 0.6 < o.sunlit_fraction[0] < 0.75 < o.sunlit_fraction[1] < 1.0  # 53° at 550 km; near dawn–dusk
    assert o.months == ("2026-06",) and o.monthly_sunlit_fraction.shape == (2, 1)


def test_the_mass_stage_sums_its_parts_and_carries_the_life_s_propellant(scenario, done):
    m = mass(scenario, done["fleet"], done["sizing"])
    parts = m.by_shell
    dry = parts.bus_and_arrays_kg + parts.compute_kg + parts.shielding_kg + parts.radiator_kg + parts.battery_kg
    assert parts.total_kg == pytest.approx(dry + parts.propellant_kg)
    delta_v = np.array([row.station_keeping_delta_v_m_s + row.disposal_delta_v_m_s for row in m.drag])
    assert parts.propellant_kg == pytest.approx(dry * np.expm1(delta_v / (1500.0 * STANDARD_GRAVITY_M_S2)))
    assert m.per_satellite.total_kg == pytest.approx((48 * parts.total_kg[0] + 24 * parts.total_kg[1]) / 72)
    assert [row.shell for row in m.drag] == list(done["fleet"].shell_names)
    assert m.drag[0].solar_max.density_kg_m3 > 10 * m.drag[0].solar_min.density_kg_m3  # NRLMSIS: the Sun heats it
    assert m.drag[1].solar_max.density_kg_m3 < m.drag[0].solar_max.density_kg_m3  # thinner higher up


def test_the_fleet_figure_stages_total_what_the_shells_give(scenario, done):
    f, s, o = done["fleet"], done["sizing"], done["operation"]
    sun = sunlight(scenario, f, s, o)
    assert sun.sunlit_fraction == pytest.approx((48 * o.sunlit_fraction[0] + 24 * o.sunlit_fraction[1]) / 72)
    assert sun.longest_eclipse_min == pytest.approx(s.worst_eclipse_s.max() / 60.0)
    p = power(scenario, f, s, o)
    assert p.array_km2 == pytest.approx(72 * scenario.model.array.area_m2 / 1e6)
    assert p.array_twh_per_year == pytest.approx(p.fleet_array_gw * HOURS_PER_YEAR / 1000.0)
    c = compute(scenario, f, s, o, done["mass"])
    assert 0 < c.utilisation < 1 and c.fleet_delivered_eflops == pytest.approx(72 * c.delivered_pflops_per_satellite
                                                                              / 1000.0)
    eol = end_of_life(scenario, f, s, o)
    assert eol.power_factor == pytest.approx(f.fleet_mean(s.end_of_life_power_factor)) and eol.age_years == 5.0
    # 550 km 53° and 800 km sun-synchronous: fluences near the reference orbit's, so near the flat rate.
    assert s.end_of_life_power_factor == pytest.approx(0.993 ** 5, abs=0.01)
    h = heat(scenario, f, s)
    loads = h.radiator_solar_w_m2 + h.radiator_albedo_w_m2 + h.radiator_earth_ir_w_m2
    assert h.radiator_net_w_m2 == pytest.approx(h.radiator_emitted_w_m2 - loads)


def test_the_ground_stage_runs_the_same_it_energy_at_both_pues(scenario, done):
    g = terrestrial(scenario, done["fleet"], done["operation"])
    assert g.it_twh == pytest.approx(done["compute"].compute_twh_per_year)
    assert g.grid_twh == pytest.approx(g.it_twh * 1.56) and g.hyperscale_grid_twh == pytest.approx(g.it_twh * 1.10)


def test_the_launch_stage_deploys_by_shell_less_the_ships_return_burn(scenario, done):
    f, m = done["fleet"], done["mass"]
    la = launch(scenario, f, m)
    assert la.launches == la.shell_launches.sum() == 2  # a shell a launch: 48 and 24 satellites of ~1.1 t
    assert la.payload_kg[1] < la.payload_kg[0] < 200_000.0  # higher and retrograde costs payload
    expendable = launch(dataclasses.replace(scenario, model=scenario.model.with_overrides({"launch.vehicle": "Falcon 9"})),
                        f, m)
    assert expendable.vehicle == "Falcon 9" and (expendable.payload_kg < 17_500.0).all()


def test_the_environment_stages_give_a_row_per_shell(scenario, done):
    r = radiation(scenario, done["fleet"])
    assert [row.shell for row in r.shells] == list(done["fleet"].shell_names) and r.tested_krad == 15.0
    assert all(row.dose_krad_over_life > 0 for row in r.shells)
    d = disposal(scenario, done["fleet"], done["mass"])
    assert d.rule_years == 5.0 and d.share_for_centuries <= d.share_beyond_rule <= 1.0
    rows = {row.shell: row for row in design(scenario).shells}
    assert rows["Demo 550 km 53°"].phasing == 7 and rows["Demo 550 km 53°"].planes == 8


def test_the_shells_stage_gathers_each_shells_figures(scenario, done):
    rows = shells(scenario, done["fleet"], done["sizing"], done["operation"], done["mass"], done["launch"],
                  design(scenario)).rows
    assert [row.satellites for row in rows] == [48, 24]
    # The design's smallest distance: the demo's Walker shell 48/8/7 as best_phasing finds it.
    assert rows[0].design_min_distance_km == pytest.approx(best_phasing(550.0, 53.0, 48, 8)[1])
    assert [row.mass_kg for row in rows] == done["mass"].by_shell.total_kg.tolist()
    assert rows[0].longest_eclipse_min == pytest.approx(done["sizing"].worst_eclipse_s[0] / 60.0)


def test_the_costs_stage_prices_this_fleets_shells_flights_and_dose(scenario, done):
    """The whole bill on the demo fleet: the flights are the launch stage's, the mass the mass stage's,
    the orbit's all-in cost sits inside its Monte Carlo, and the dose per shell raises its failures."""
    names = ("fleet", "sizing", "operation", "mass", "launch", "radiation")
    c = costs(scenario, *(done[name] for name in names))
    assert c.flights.tolist() == done["launch"].shell_launches.tolist()
    assert c.mass_t == pytest.approx(done["fleet"].fleet_mean(done["mass"].by_shell.total_kg) * 72 / 1000.0)
    u = c.uncertainty
    assert u.samples == 4000 and u.orbit_p5 <= u.orbit_central <= u.orbit_p95
    assert c.ratio_industry == pytest.approx(c.orbit.usd_per_kw_year / c.industry.usd_per_kw_year)
    assert c.orbit.usd_per_kw_year == pytest.approx(u.orbit_central)
    assert 0 < c.orbit_waterfall.availability < 1 and c.ground_waterfall.availability == 0.995


def test_the_vehicle_changes_the_all_in_cost_by_its_launch_share(scenario, done):
    """Starship 200 t → Falcon 9 through the pipeline: Falcon 9's own price per flight and payload move
    the launch part alone, so the all-in cost moves by the launch share × that part's change."""
    names = ("fleet", "sizing", "operation", "mass", "launch", "radiation")
    starship = costs(scenario, *(done[name] for name in names))
    falcon_scenario = dataclasses.replace(scenario, model=scenario.model.with_overrides({"launch.vehicle": "Falcon 9"}))
    falcon_launch = launch(falcon_scenario, done["fleet"], done["mass"])
    falcon = costs(falcon_scenario, *(done[name] for name in names[:4]), falcon_launch, done["radiation"])

    def part(c):
        return next(p.usd_per_kw_year for p in c.orbit.parts if p.name == "launch")
    assert falcon.flights_total > starship.flights_total and falcon.usd_per_flight < starship.usd_per_flight
    expected = 1.0 + starship.launch_share * (part(falcon) / part(starship) - 1.0)
    assert falcon.orbit.usd_per_kw_year / starship.orbit.usd_per_kw_year == pytest.approx(expected, rel=1e-9)
    assert falcon.industry.usd_per_kw_year == starship.industry.usd_per_kw_year


def test_the_warnings_stage_speaks_only_of_a_fleet_the_cadence_cannot_hold(scenario, done):
    assert warnings(scenario, done["fleet"], done["launch"]).messages == ()
    beyond = dataclasses.replace(done["launch"], sustainable=False)
    (message,) = warnings(scenario, done["fleet"], beyond).messages
    assert message.startswith("72 satellites are more than the") and "replacement launches a year" in message


def test_each_stage_reads_only_earlier_stages_and_the_assessment_holds_them_all():
    names = [name for name, _ in STAGES]
    assert len(set(names)) == len(names)
    for k, (name, stage) in enumerate(STAGES):
        assert set(needs(stage)) <= set(names[:k]), name
    assert [field.name for field in dataclasses.fields(Assessment)] == names


def test_the_assessment_round_trips_through_json_exactly(done):
    assessment = Assessment(**done)
    text = json.dumps(assessment.to_json(), allow_nan=True)
    again = Assessment.from_json(json.loads(text))
    assert again == assessment and again.to_json() == assessment.to_json()
    assert again.sizing.accelerators_per_satellite.dtype == np.float64 and again.fleet.sample_index.dtype == np.int64
    assert isinstance(again.shells.rows, tuple) and again.operation.monthly_sunlit_fraction.shape == (2, 1)
    costs = assessment.to_json()["costs"]
    never = {**costs, "orbit": {**costs["orbit"], "usd_per_pflop_day": math.inf}}
    assert math.isinf(Assessment.from_json({**assessment.to_json(), "costs": never}).costs.orbit.usd_per_pflop_day)


@pytest.mark.parametrize("spoil, parameter", [
    (lambda j: j["mass"]["per_satellite"].pop("total_kg"), "Assessment.mass.per_satellite.total_kg"),
    (lambda j: j.pop("costs"), "Assessment.costs"),
    (lambda j: j["sunlight"].update(sunlit_fraction="0.9"), "Assessment.sunlight.sunlit_fraction"),
    (lambda j: j["fleet"].update(sample_index=[0.5]), "Assessment.fleet.sample_index"),
    (lambda j: j["fleet"].update(satellites=72.0), "Assessment.fleet.satellites"),
    (lambda j: j["mass"]["drag"][1]["solar_max"].update(extra=1.0), "Assessment.mass.drag[1].solar_max.extra"),
    (lambda j: j["launch"].update(sustainable=1), "Assessment.launch.sustainable"),
])
def test_from_json_refuses_a_missing_or_mistyped_field_and_names_it(done, spoil, parameter):
    tree = Assessment(**done).to_json()
    spoil(tree)
    with pytest.raises(OrbitalError) as error:
        Assessment.from_json(tree)
    assert error.value.parameter == parameter
