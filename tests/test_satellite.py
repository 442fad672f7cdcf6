"""The selected satellite's engineering facts against references: its osculating elements against
skyfield's (elementslib) and SGP4's own mean elements, its eclipses against skyfield's is_sunlit
(de421), its array and radiator temperatures against their energy balances in closed form."""

import numpy as np
import pytest
from skyfield.api import EarthSatellite
from skyfield.elementslib import osculating_elements_of

import orbital
from orbital.constants import MU_EARTH_KM3_S2
from orbital.heat import STEFAN_BOLTZMANN_W_M2_K4, earth_view_factor, radiator_flux_w_m2, radiator_temperature_c
from orbital.power import EARTH_TEMPERATURE_K, cell_temperature_c
from orbital.sun import ephemeris

START = "2026-06-21T00:00:00Z"


@pytest.fixture(scope="module")
def catalogue(data_dir):
    return orbital.from_tle(data_dir / "sample.tle")


def skyfield_satellite(catalogue, k):
    return EarthSatellite.from_satrec(catalogue.groups[0].satrecs[k], orbital.timeutil.timescale())


def test_elements_of_a_state_match_skyfields_osculating_elements(catalogue):
    t = orbital.times(START, hours=2, step_s=1800)
    for k in range(catalogue.count):
        for position in skyfield_satellite(catalogue, k).at(t):
            theirs = osculating_elements_of(position, gm_km3_s2=MU_EARTH_KM3_S2)
            ours = orbital.orbital_elements(position.position.km, position.velocity.km_per_s)
            assert ours["semi_major_axis_km"] == pytest.approx(theirs.semi_major_axis.km, abs=1e-6)
            assert ours["eccentricity"] == pytest.approx(theirs.eccentricity, abs=1e-9)
            assert ours["period_s"] == pytest.approx(theirs.period_in_days * 86400.0, abs=1e-6)
            for name, their_angle in (("inclination_deg", theirs.inclination),
                                      ("raan_deg", theirs.longitude_of_ascending_node),
                                      ("argument_of_perigee_deg", theirs.argument_of_periapsis),
                                      ("true_anomaly_deg", theirs.true_anomaly),
                                      ("argument_of_latitude_deg", theirs.argument_of_latitude)):
                difference = (ours[name] - their_angle.degrees + 180.0) % 360.0 - 180.0
                assert abs(difference) < 1e-6, name


def test_a_catalogue_satellites_elements_at_its_epoch_are_near_its_tle(catalogue):
    """Osculating against SGP4's mean elements at the TLE's epoch: they differ by J2's short-period terms
    only (~10 km in a, hundredths of a degree in i and the node)."""
    for k, satrec in enumerate(catalogue.groups[0].satrecs):
        epoch = orbital.timeutil.timescale().ut1_jd(satrec.jdsatepoch + satrec.jdsatepochF)
        epoch = orbital.at(epoch.utc_iso(places=6))
        ours = orbital.satellite_elements(catalogue, k, epoch)
        mean_motion_rad_s = satrec.no_kozai / 60.0
        assert ours["kind"] == "osculating"
        assert ours["semi_major_axis_km"] == pytest.approx((MU_EARTH_KM3_S2 / mean_motion_rad_s ** 2) ** (1 / 3), abs=20.0)
        assert ours["period_s"] == pytest.approx(2 * np.pi / mean_motion_rad_s, abs=30.0)
        assert ours["inclination_deg"] == pytest.approx(np.degrees(satrec.inclo), abs=0.05)
        assert abs((ours["raan_deg"] - np.degrees(satrec.nodeo) + 180) % 360 - 180) < 0.05
        assert ours["eccentricity"] == pytest.approx(satrec.ecco, abs=0.002)


def skyfield_eclipses(satellite, t0, span_s):
    """(entry s, exit s) of each time skyfield's is_sunlit turns false, then true: found every 10 s,
    then placed at 0.1 s resolution."""
    ts = orbital.timeutil.timescale()

    def sunlit(seconds):
        return satellite.at(ts.tt_jd(t0.whole, t0.tt_fraction + seconds / 86400.0)).is_sunlit(ephemeris())

    coarse = np.arange(0.0, span_s, 10.0)
    lit = sunlit(coarse)
    edges = []
    for i in np.nonzero(np.diff(lit.astype(int)))[0]:
        fine = coarse[i] + np.arange(0.0, 10.05, 0.1)
        j = np.nonzero(np.diff(sunlit(fine).astype(int)))[0][0]
        edges.append((fine[j] + 0.05, bool(lit[i])))
    entries = [s for s, was_lit in edges if was_lit]
    exits = [s for s, was_lit in edges if not was_lit]
    return [(entry, next(x for x in exits if x > entry)) for entry in entries if any(x > entry for x in exits)]


def test_eclipse_entry_and_exit_match_skyfield_within_seconds(catalogue):
    """The umbra (the whole disc hidden) is entered after skyfield's Sun centre sets and left before it
    rises, each by half the penumbra's crossing: a few seconds in LEO at a low beta angle, over a minute
    for a grazing eclipse (β = 67° here); the midpoints agree within 2 s."""
    view_hours = 3.0
    t = orbital.times(START, hours=view_hours, step_s=60.0)
    model = orbital.Model()
    matched = 0
    for k in range(catalogue.count):
        facts = orbital.satellite_facts(catalogue, k, t, model, 8, 40.0)
        theirs = skyfield_eclipses(skyfield_satellite(catalogue, k), t[0], view_hours * 3600.0)
        complete = [e for e in facts["eclipses"] if e["complete"]]
        assert len(complete) == len(theirs) > 0
        half_penumbra_s = 10.0 if abs(facts["beta_deg"]) < 45.0 else 90.0
        for ours, (entry, exit_) in zip(complete, theirs):
            assert (ours["entry_s"] + ours["exit_s"]) / 2 == pytest.approx((entry + exit_) / 2, abs=2.0)
            assert 0.0 < ours["entry_s"] - entry < half_penumbra_s and 0.0 < exit_ - ours["exit_s"] < half_penumbra_s
            assert ours["duration_s"] == pytest.approx(ours["exit_s"] - ours["entry_s"])
            matched += 1
    assert matched >= 3


def test_array_and_radiator_temperatures_follow_their_energy_balances():
    array, radiator = orbital.SolarArray(), orbital.Radiator()
    view = earth_view_factor(650.0)
    # In eclipse the array sees only Earth's infrared on its back face: ε_b σ T_E⁴ F = (ε_f + ε_b) σ T⁴.
    dark_k = (array.back_emissivity * EARTH_TEMPERATURE_K ** 4 * view
              / (array.front_emissivity + array.back_emissivity)) ** 0.25
    assert cell_temperature_c(array, 650.0, 0.0) == pytest.approx(dark_k - 273.15, abs=1e-9)
    # In full sun, at its sizing heat (the net flux at its temperature), a radiator is at that temperature.
    net = radiator_flux_w_m2(radiator, view)["net"]
    assert radiator_temperature_c(radiator, net, view) == pytest.approx(radiator.temperature_c, abs=1e-9)
    # With no heat and no sun, only Earth's infrared: faces ε σ T⁴ = α_IR σ T_E⁴ F.
    cold_k = (radiator.infrared_absorptivity * EARTH_TEMPERATURE_K ** 4 * view * radiator.earth_facing_faces
              / (radiator.radiating_faces * radiator.emissivity)) ** 0.25
    assert radiator_temperature_c(radiator, 0.0, view, 0.0) == pytest.approx(cold_k - 273.15, abs=1e-9)
    assert STEFAN_BOLTZMANN_W_M2_K4 > 0


def test_a_satellites_series_go_to_csv_rows_with_units(catalogue):
    t = orbital.times(START, hours=1, step_s=60.0)
    facts = orbital.satellite_facts(catalogue, 0, t, orbital.Model(), 8, 40.0)
    header, rows = orbital.satellite_rows(facts)
    assert header[0] == "time_s" and all("_" in name for name in header) and len(rows) == len(t)
    dark = facts["lit"] == 0.0
    assert np.all(facts["compute_pflops"][dark] == 0.0)  # throttled in eclipse
    assert np.all(facts["array_temperature_c"][dark] < facts["array_temperature_c"][~dark].min())
