"""The whole bill against two public models of the same question (issue 23): each peer's inputs mapped
onto orbital.economics, its published result reproduced within 10 %. Their figures carry over, their
code does not. docs/peers.md says where this model differs and by how much."""

import math
from dataclasses import replace

import numpy as np
import pytest

from orbital.constants import HOURS_PER_YEAR
from orbital.economics.inputs import FleetInputs, drivers
from orbital.economics.tco import ground_annual_per_kw, ground_side, orbit_annual, orbit_side
from orbital.economics.waterfall import Waterfall
from orbital.economics.workloads import workload_costs
from orbital.network.budget import NetworkCapacity
from orbital.network.latency import bent_pipe_floor_s
from orbital.parameters import Model

# --- McCalip, github andrewmccalip/thoughts @ e59571e, static/js/math.js (CostModel defaults) -------------
MCCALIP = {
    "years": 5,                      # l.62  years
    "target_w": 1e9,                 # l.63  targetGW: 1
    "launch_usd_per_kg": 500.0,      # l.76  launchCostPerKg
    "satellite_usd_per_w": 22.0,     # l.77  satelliteCostPerW
    "w_per_kg": 36.5,                # l.78  specificPowerWPerKg
    "satellite_w": 27_000.0,         # l.79  satellitePowerKW: 27
    "sun_fraction": 0.98,            # l.80  sunFraction
    "degradation_per_year": 0.025,   # l.81  cellDegradation: 2.5 (%)
    "gpu_failure_per_year": 0.09,    # l.82  gpuFailureRate: 9 (%), charged on satellite hardware
    "nre_usd": 1e9,                  # l.83  nreCost: 1000 ($M)
    "ops_per_year": 0.01,            # l.39  ORBITAL_OPS_FRAC
    "payload_kg": 100_000.0,         # l.27  STARSHIP_PAYLOAD_KG
    "gas_plant_usd_per_kw": 1800.0,  # l.91  gasTurbineCapexPerKW (× PUE)
    "electrical_usd_per_w": 5.25,    # l.94
    "mechanical_usd_per_w": 3.0,     # l.97
    "civil_usd_per_w": 2.5,          # l.100
    "network_usd_per_w": 1.75,       # l.103
    "pue": 1.2,                      # l.106
    "gas_usd_per_mmbtu": 4.30,       # l.109
    "heat_rate_btu_per_kwh": 6200.0,  # l.110
    "capacity_factor": 0.85,         # l.111
}
# Its outputs at these defaults (its script's, not the page's placeholder HTML): orbital $51.10 B
# (LCOE ~$1,167/MWh at 100 % output), terrestrial $15.85 B.
MCCALIP_ORBITAL_USD, MCCALIP_TERRESTRIAL_USD, MCCALIP_ORBITAL_LCOE = 51.10e9, 15.85e9, 1167.0


def mccalip_fleet(m=MCCALIP):
    """McCalip's satellites as FleetInputs: his sizing (enough initial power that the year-by-year
    mean after degradation and his sun fraction is the target; calculateOrbital) and all mass in the bus."""
    retention = np.mean([(1 - m["degradation_per_year"]) ** year for year in range(m["years"])])
    satellites = math.ceil(m["target_w"] / (retention * m["sun_fraction"]) / m["satellite_w"])
    kw = m["satellite_w"] / 1000.0 * m["sun_fraction"] * retention
    zero = np.zeros(1)
    return FleetInputs(np.array([satellites], float), np.array([550.0]), np.array([53.0]),
                       np.array([m["satellite_w"] / m["w_per_kg"]]), zero, zero, zero, zero, zero, zero,
                       np.array([kw]), np.array([kw]), np.array([m["satellite_w"]]), zero, np.ones(1),
                       m["years"], 1.0, 1.0, payload_per_flight_kg=np.array([m["payload_kg"]]))


def mccalip_drivers(m=MCCALIP):
    """His inputs as this model's drivers: no discounting (he sums costs), no learning, his $/W as $/kg
    of the whole satellite, his ops and GPU-replacement rates as yearly shares of the hardware, no
    accelerators; the ground on his on-site gas plant with its five capital buckets over his 5 years."""
    d = drivers(Model())
    d.update({"operations.wacc": 0.0, "satellite.lifetime_years": m["years"], "hardware.learning_rate": 0.0,
              "hardware.bus_and_arrays_usd_per_kg": m["satellite_usd_per_w"] * m["w_per_kg"],
              "operations.ops_fraction_per_year": m["ops_per_year"] + m["gpu_failure_per_year"],
              "operations.failure_per_year": 0.0, "operations.ground_segment_fraction": 0.0,
              "hardware.nre_usd": m["nre_usd"], "hardware.accelerators_included": 0.0,
              "launch.price_usd_per_kg": m["launch_usd_per_kg"], "launch.payload_kg": m["payload_kg"],
              "facility.gas_supply": 1.0, "facility.gas_plant_usd_per_kw": m["gas_plant_usd_per_kw"],
              "facility.power_usd_per_w": 0.0, "facility.electrical_usd_per_w": m["electrical_usd_per_w"],
              "facility.mechanical_usd_per_w": m["mechanical_usd_per_w"], "facility.shell_usd_per_w": m["civil_usd_per_w"],
              "facility.fit_out_usd_per_w": m["network_usd_per_w"], "facility.life_years": m["years"],
              "facility.maintenance_fraction_per_year": 0.0, "facility.load_factor": m["capacity_factor"],
              "facility.availability": 1.0, "facility.heat_rate_btu_per_kwh": m["heat_rate_btu_per_kwh"],
              "facility.gas_usd_per_mmbtu": m["gas_usd_per_mmbtu"], "ground.pue": m["pue"]})
    return d


def test_mccalip_orbital_at_his_defaults():
    """1 GW for 5 years in orbit: $51.10 B and ~$1,167/MWh (his model), from this model's bill."""
    d = mccalip_drivers()
    orbit = orbit_annual(mccalip_fleet(), d, {"launch.price_usd_per_kg"})
    total_usd = float(sum(orbit["annual"].values())[0]) * MCCALIP["years"]
    assert total_usd == pytest.approx(MCCALIP_ORBITAL_USD, rel=0.10)
    assert orbit_side(orbit).lcoe_usd_per_mwh == pytest.approx(MCCALIP_ORBITAL_LCOE, rel=0.10)


def test_mccalip_terrestrial_at_his_defaults():
    """1 GW of IT nameplate on an on-site gas plant for 5 years: $15.85 B (his model)."""
    d = mccalip_drivers()
    per_kw_in_use = float(sum(ground_annual_per_kw(mccalip_fleet(), d, d["ground.pue"]).values())[0])
    total_usd = per_kw_in_use * MCCALIP["target_w"] / 1000.0 * MCCALIP["capacity_factor"] * MCCALIP["years"]
    assert total_usd == pytest.approx(MCCALIP_TERRESTRIAL_USD, rel=0.10)


# --- spacedc-mdao, github jman4162/spacedc-mdao @ 90ef481: text inference, 1 MW ----------------------------
# Scenario inputs: examples/scenarios/orbital_1mw_inference.yaml l.3 mission_life_years 5, l.5 utilization
# 0.85, l.6 sustained_fraction 0.55, l.7 discount_rate 0.08, satellites 64 × 18 accelerators (l.23-24);
# earth_hyperscale_baseline.yaml: 1,152 accelerators, PUE 1.10, $0.06/kWh, $12 M per MW, availability 0.995.
# data/accelerators.yaml l.45-46: H100 $25,000; data/launch.yaml l.6-7 current_reusable $3,000/kg.
# Figures its catalogs yield for this design (orbitdc.evaluate at that commit; Evaluation.cost_breakdown_usd,
# mass_breakdown_kg, waterfall): solar $102.04 M, battery $0.834 M, radiator $7.17 M, bus $2 M and comms
# $0.5 M a satellite, ground segment $20 M, ops $5 M a year, replacements $16.11 M over the life;
# 79,258 kg launched in 4 flights; waterfall software 0.55, network 0.75, availability 0.818, utilisation 0.85.
SPACEDC = {
    "satellites": 64, "accelerators": 18, "accelerator_usd": 25_000.0, "peak_pflops": 0.989,
    "it_w": 1_008_000.0, "years": 5, "rate": 0.08, "launch_usd_per_kg": 3000.0, "launched_kg": 79_258.25,
    "flights": 4, "hardware_usd": 102.044e6 + 0.834e6 + 7.172e6 + 128e6 + 32e6, "ground_segment_usd": 20e6,
    "ops_usd_per_year": 5e6, "replacement_usd": 16.114e6,
    "software": 0.55, "network": 0.75, "availability": 0.81795, "utilisation": 0.85,
    "earth_pue": 1.10, "earth_usd_per_kwh": 0.06, "earth_usd_per_w": 12.0, "earth_availability": 0.995,
    "earth_maintenance": 0.05,
}
SPACEDC_ORBIT_USD_PER_PFLOP_DAY, SPACEDC_EARTH_USD_PER_PFLOP_DAY = 1237.0, 66.0


def spacedc_orbit(s=SPACEDC):
    """Its design as FleetInputs (hardware as one bus of the launched mass per satellite) and drivers."""
    per_sat_kg = s["launched_kg"] / s["satellites"]
    peak = s["accelerators"] * s["peak_pflops"]
    # Its "sustained fraction" is this model's utilisation of peak; its "utilization" a load factor.
    fall = Waterfall(peak, s["software"] * s["utilisation"], 1.0, 1.0, s["availability"], s["network"])
    one = np.ones(1)
    fleet = FleetInputs(np.array([s["satellites"]], float), 650 * one, 98 * one, per_sat_kg * one, 0 * one,
                        0 * one, 0 * one, 0 * one, 0 * one, s["accelerators"] * one, one, one, one, peak * one,
                        fall.delivered_pflops * one, s["years"], s["software"], 0.875,
                        payload_per_flight_kg=per_sat_kg * s["satellites"] / s["flights"] * one)
    hardware = s["hardware_usd"]
    d = drivers(Model())
    d.update({"operations.wacc": s["rate"], "satellite.lifetime_years": s["years"], "hardware.learning_rate": 0.0,
              "hardware.bus_and_arrays_usd_per_kg": hardware / s["launched_kg"],
              "hardware.accelerator_usd": s["accelerator_usd"], "hardware.nre_usd": 0.0,
              "operations.ground_segment_fraction": s["ground_segment_usd"] / hardware,
              "operations.ops_fraction_per_year": (s["ops_usd_per_year"] + s["replacement_usd"] / s["years"]) / hardware,
              "operations.failure_per_year": 0.0, "launch.price_usd_per_kg": s["launch_usd_per_kg"],
              "launch.payload_kg": s["launched_kg"] / s["flights"]})
    return fleet, d


def test_spacedc_text_inference_orbit():
    """$1,237 per delivered PFLOP-day in orbit (its headline), from this model's levelised bill."""
    fleet, d = spacedc_orbit()
    cost = orbit_side(orbit_annual(fleet, d, {"launch.price_usd_per_kg"}))
    assert cost.usd_per_pflop_day == pytest.approx(SPACEDC_ORBIT_USD_PER_PFLOP_DAY, rel=0.10)


def spacedc_earth(fleet, d, s=SPACEDC):
    """SideCost of its hyperscale Earth baseline for `fleet`, with `d` set to its prices."""
    d.update({"facility.electrical_usd_per_w": s["earth_usd_per_w"], "facility.mechanical_usd_per_w": 0.0,
              "facility.shell_usd_per_w": 0.0, "facility.fit_out_usd_per_w": 0.0, "facility.life_years": s["years"],
              "facility.maintenance_fraction_per_year": s["earth_maintenance"],
              "facility.accelerator_service_fraction_per_year": s["earth_maintenance"],
              "facility.accelerator_life_years": s["years"], "facility.load_factor": s["utilisation"],
              "facility.availability": s["earth_availability"], "facility.price_usd_per_kwh": s["earth_usd_per_kwh"],
              "facility.gas_supply": 0.0})
    return ground_side(fleet, d, s["earth_pue"])


def test_spacedc_text_inference_earth_and_ratio():
    """$66 per delivered PFLOP-day on its hyperscale ground, and orbit ÷ ground 18.7×."""
    s = SPACEDC
    fleet, d = spacedc_orbit()
    # Its earth baseline: 1,152 accelerators on 1.008 MW of IT, 0.875 kW each.
    assert fleet.accelerator_system_kw == pytest.approx(s["it_w"] / 1000.0 / (s["satellites"] * s["accelerators"]))
    earth = spacedc_earth(fleet, d)
    orbit = orbit_side(orbit_annual(fleet, d, {"launch.price_usd_per_kg"}))
    assert earth.usd_per_pflop_day == pytest.approx(SPACEDC_EARTH_USD_PER_PFLOP_DAY, rel=0.10)
    assert orbit.usd_per_pflop_day / earth.usd_per_pflop_day == pytest.approx(18.7, rel=0.10)


def test_spacedc_workloads_through_the_network_factor():
    """Its text inference delivers 29 % of installed compute at ~18.7× Earth's $/PFLOP-day, its rich-output
    inference 6.6 % at ~82× (comm intensities 1e-8 and 2e-6 bit/FLOP, one 200 Gb/s optical station always in
    view, 0.75 clear: spacedc-mdao compare.py, f_network = min(1, rate ÷ need) × availability), here from the
    workload catalogue and this project's bill with the network factor left to the workloads."""
    fleet, d = spacedc_orbit({**SPACEDC, "network": 1.0})
    s = SPACEDC
    before = Waterfall(float(fleet.peak_pflops[0]), s["software"] * s["utilisation"], 1.0, 1.0, s["availability"], 1.0)
    orbit = orbit_side(orbit_annual(fleet, d, {"launch.price_usd_per_kg"}))
    earth = spacedc_earth(fleet, d)
    station = NetworkCapacity(("its optical station",), np.ones(1), 200e9, 150e9, 0.75,
                              np.array([50e12]), np.array([bent_pipe_floor_s(650.0)]))
    rows = {row.workload: row for row in workload_costs(fleet, before, orbit.usd_per_pflop_day,
                                                        earth.usd_per_pflop_day, station)}
    text, rich = rows["text inference"], rows["rich-output inference"]
    assert (text.binding, rich.binding) == ("weather", "downlink")
    assert text.delivered_fraction == pytest.approx(0.29, rel=0.03)
    assert rich.delivered_fraction == pytest.approx(0.066, rel=0.03)
    assert text.ratio_hyperscale == pytest.approx(18.7, rel=0.10)
    assert rich.ratio_hyperscale == pytest.approx(82.0, rel=0.10)


def test_peer_fleets_are_what_they_say():
    """McCalip's sizing gives his ~39,700 satellites and 29.4 M kg; spacedc's 1,152 accelerators."""
    fleet = mccalip_fleet()
    assert fleet.satellites == pytest.approx(39_700, rel=0.01)
    assert float(np.sum(fleet.shell_satellites * fleet.total_kg)) == pytest.approx(29.4e6, rel=0.01)
    assert float(replace(fleet).compute_kw_start[0]) * fleet.satellites == pytest.approx(1e6, rel=0.01)
    assert HOURS_PER_YEAR == pytest.approx(8766.0, abs=0.01)
