"""The night sky and the re-entry ledger against closed forms, skyfield and published figures."""

import numpy as np
import pytest
from skyfield.api import EarthSatellite, wgs84

import orbital
from orbital import sky
from orbital.constants import EARTH_RADIUS_KM
from orbital.parameters import Reentry
from orbital.sun import ephemeris

RUBIN = sky.site("rubin")


@pytest.mark.parametrize("altitude_km", [550.0, 1200.0, 2000.0])
def test_share_of_a_uniform_shell_above_the_horizon_is_the_closed_form(altitude_km):
    """(1 − R/(R+h)) / 2 for a uniform spherical shell (spherical Earth; the site's 2.7 km height and
    the Earth's flattening move it by < 3 %)."""
    rng = np.random.default_rng(1)
    points = rng.normal(size=(400_000, 1, 3))
    points *= (EARTH_RADIUS_KM + altitude_km) / np.linalg.norm(points, axis=-1, keepdims=True)
    t = orbital.times("2027-06-21T23:00:00Z", hours=0, step_s=60)
    observer, up = sky.site_teme_km(RUBIN, t)
    elevation_deg = sky._look(points, observer, up, np.array([[1.5e8, 0.0, 0.0]]))[0]
    share = (elevation_deg > 0).mean()
    assert share == pytest.approx(sky.above_horizon_fraction(altitude_km), rel=0.03)


def test_lit_and_above_the_horizon_agrees_with_skyfield(data_dir):
    """skyfield's altaz from a wgs84 site and is_sunlit (de421) for a catalogue sample through a night:
    elevations within 0.01°, and the same lit-above-horizon count."""
    catalogue = orbital.from_tle(data_dir / "sample.tle")
    t = orbital.times("2027-06-21T23:00:00Z", hours=11, step_s=120)
    observer, up = sky.site_teme_km(RUBIN, t)
    r_km = np.stack([next(sky._chunks(g, t))[0] for g in catalogue.groups])[0]
    elevation_deg, _, _, lit = sky._look(r_km, observer, up, orbital.sun.sun_teme_km(t))
    ts = orbital.timeutil.timescale()
    topos = wgs84.latlon(RUBIN.lat_deg, RUBIN.lon_deg, RUBIN.height_km * 1e3)
    theirs = []
    for k, satrec in enumerate(catalogue.groups[0].satrecs):
        satellite = EarthSatellite.from_satrec(satrec, ts)
        altitude = (satellite - topos).at(t).altaz()[0].degrees
        np.testing.assert_allclose(elevation_deg[k], altitude, atol=0.01)
        theirs.append((altitude > 0) & satellite.at(t).is_sunlit(ephemeris()))
    ours = (lit & (elevation_deg > 0)).sum()
    assert ours == np.sum(theirs) > 0


def test_lit_counts_of_starlink_agree_with_skyfield_exactly():
    """All 4,408 Starlink satellites at Rubin at three instants of two nights: skyfield's altaz() from a
    wgs84 site and is_sunlit() (the Sun's centre in view, de421) on the same positions give the same
    numbers lit above the horizon and lit above 30° (ported from the sky2 branch)."""
    from skyfield.positionlib import Geocentric

    from orbital.constants import AU_KM
    from orbital.frames import as_time_array, teme_to_gcrs
    from orbital.propagation import shell_teme_km

    constellation = orbital.presets.preset("starlink")
    ts = orbital.timeutil.timescale()
    topos = wgs84.latlon(RUBIN.lat_deg, RUBIN.lon_deg, RUBIN.height_km * 1e3)
    for moment in ("2027-06-21T23:30:00Z", "2027-12-22T01:40:00Z", "2027-12-22T05:00:00Z"):
        t = as_time_array(orbital.timeutil.at(moment))
        r_gcrs = teme_to_gcrs(np.concatenate([shell_teme_km(g, t) for g in constellation.groups]), t)[:, 0]
        each = ts.tt_jd(np.full(len(r_gcrs), t.tt[0]))
        position = Geocentric(r_gcrs.T / AU_KM, t=each, center=399)
        lit = position.is_sunlit(ephemeris())
        elevation = (position - topos.at(each)).altaz()[0].degrees
        ours = sky.sky_over(constellation, RUBIN, t)
        assert ours["lit_above_horizon"][0] == (lit & (elevation > 0.0)).sum() > 0
        assert ours["lit_above_30"][0] == (lit & (elevation > 30.0)).sum()
        altitude, azimuth = [x.degrees[lit & (elevation > 0.0)] for x in (position - topos.at(each)).altaz()[:2]]
        seen = sky.sky_at(constellation, RUBIN, t[0])
        np.testing.assert_allclose(seen["elevation_deg"], altitude, atol=0.01)
        np.testing.assert_allclose(np.cos(np.radians(seen["azimuth_deg"] - azimuth)), 1.0, atol=1e-6)


def test_satcon_limit_is_the_published_one():
    """SATCON-1: 7.0 at 550 km and 7.85 at 1,200 km (as the issue quotes it)."""
    assert sky.satcon_limit(550.0) == pytest.approx(7.0)
    assert sky.satcon_limit(1200.0) == pytest.approx(7.85, abs=0.01)


def test_mallama_mini_mean_range_reproduces_mean_apparent_magnitude():
    """Mallama et al. 2023 (arXiv:2309.14152): Mini mean apparent 7.06, 7.87 at 1,000 km; at 90° phase our
    model gives 7.06 at the range 10^((7.06 − 7.87)/5) × 1000 km ≈ 688 km."""
    distance_km = 1000.0 * 10 ** ((7.06 - 7.87) / 5.0)
    assert sky.magnitude(distance_km, np.pi / 2, 7.87) == pytest.approx(7.06, abs=0.01)
    # A diffuse sphere seen fully lit (phase 0) is π times brighter than at 90°: 1.24 mag.
    assert sky.magnitude(1000.0, 0.0, 7.87) == pytest.approx(7.87 - 2.5 * np.log10(np.pi), abs=1e-6)


def test_ferreira_ratio_30_kg_alumina_from_a_250_kg_satellite():
    """Ferreira et al. 2024 (GRL e2024GL109280): a 250 kg satellite makes ~30 kg of Al2O3."""
    one = orbital.constellation.combine(orbital.walker(550.0, 53.0, 1, 1), name="one")
    ledger = sky.reentry_ledger(one, 250.0, 1.0)
    assert ledger["reentries_per_year"] == pytest.approx(1.0)
    assert ledger["alumina_t_per_year"] * 1e3 == pytest.approx(30.0, rel=0.01)


def test_issue_arithmetic_million_satellites_five_years():
    """Issue 27: 1,000,000 satellites of 1.1 t at a 5-year life: 200,000 re-entries and 220,000 t a year."""
    ledger = sky.reentry_ledger(orbital.presets.preset("spacex-odc"), 1100.0, 5.0)
    assert ledger["reentries_per_year"] == pytest.approx(200_000)
    assert ledger["burned_t_per_year"] == pytest.approx(220_000)


def test_sky_command_json_and_bad_input(capsys):
    """`orbital sky --json` carries the night and the sky rules; a bad site or date exits 2 with one line."""
    import json

    from orbital.cli import main

    assert main(["sky", "--preset", "suncatcher", "--date", "2027-12-21", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"end_of_twilight"' in out and '"series"' in out
    rules = json.loads(out)["rules"]  # the sky and upper-air rules: SATCON-1 per shell, the Al2O3
    assert [row["over"] for row in rules["brightness"]] == [True] and rules["alumina"]["over"] is False
    for site, date in (("nowhere", "2027-12-21"), ("rubin", "2027-02-30")):
        assert main(["sky", "--preset", "suncatcher", "--site", site, "--date", date]) == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_night_runs_from_sun_18_degrees_below_to_18_below():
    """Astronomical twilight ends and begins with the Sun 18° below the horizon (skyfield's altaz, de421)."""
    dusk, dawn = sky.night(RUBIN, "2027-12-21")
    eph = ephemeris()
    topos = eph["earth"] + wgs84.latlon(RUBIN.lat_deg, RUBIN.lon_deg, RUBIN.height_km * 1e3)
    for moment in (dusk, dawn):
        altitude = topos.at(moment).observe(eph["sun"]).apparent().altaz()[0].degrees
        assert altitude == pytest.approx(-18.0, abs=0.01)
    assert 0.25 < dawn.tt - dusk.tt < 0.4  # a summer night at 30° S: 6–10 hours


def test_chunks_do_not_change_the_sky(monkeypatch):
    """The same counts whether the satellites go through in one piece or in many."""
    constellation = orbital.presets.preset("starlink")
    t = orbital.times("2027-12-22T01:30:00Z", hours=1, step_s=600)
    whole = sky.sky_over(constellation, RUBIN, t)
    monkeypatch.setattr(sky, "CHUNK_SAMPLES", 1000)
    pieces = sky.sky_over(constellation, RUBIN, t)
    for key in whole:
        np.testing.assert_allclose(pieces[key], whole[key])
    assert whole["lit_above_horizon"].max() > 0


# Hainaut & Williams 2020 (A&A 636, A121) simulated 18 constellations, ~26,000 satellites. The shells
# whose numbers are published elsewhere by the same group: Starlink's 2019 filings (11,927; Hainaut's
# ConAn constellation list, McDowell 2020), Amazon Kuiper (3,236) and OneWeb phase 1 (1,980; Bassa,
# Hainaut & Galadí-Enríquez 2022, A&A 657, A75, Table 1): (satellites, planes, inclination deg, km).
HAINAUT_WILLIAMS_SHELLS = (
    (1584, 72, 53.0, 550.0), (1600, 32, 53.8, 1110.0), (400, 8, 74.0, 1130.0), (375, 5, 81.0, 1275.0),
    (450, 6, 70.0, 1325.0), (2547, 2547, 53.0, 345.6), (2478, 2478, 48.0, 340.8), (2493, 2493, 42.0, 335.9),
    (784, 28, 33.0, 590.0), (1296, 36, 42.0, 610.0), (1156, 34, 51.9, 630.0), (1980, 36, 87.9, 1200.0),
    # The other 8,856 (Telesat, Boeing, Samsung, LeoSat, Hongyan ...: 1,000–1,400 km) as one shell at
    # 1,200 km, 55°: an assumption, their shells not being at hand.
    (8856, 72, 55.0, 1200.0))
PARANAL = sky.site("paranal")


@pytest.mark.parametrize("date", ["2020-06-21", "2020-12-21"])
def test_hainaut_williams_counts_at_sunset_end_of_twilight_and_above_30_degrees(date):
    """H&W 2020 (abstract, §4): ~1,600 satellites lit above the horizon at sunset, ~1,100 at the end of
    astronomical twilight, ~250 above 30°; their figures are order-of-magnitude estimates (uniform
    shells): ours, from Walker shells at Paranal's latitude on both solstices, within 30 %."""
    from skyfield import almanac
    from skyfield.api import wgs84

    shells = [orbital.walker(km, inc, total, planes, 0) for total, planes, inc, km in HAINAUT_WILLIAMS_SHELLS]
    constellation = orbital.constellation.combine(*shells, name="hainaut-williams")
    assert constellation.count == pytest.approx(26_000, rel=0.001)
    dusk, _ = sky.night(PARANAL, date)
    times, _ = almanac.find_discrete(dusk.ts.tt_jd(dusk.tt - 0.2), dusk, almanac.sunrise_sunset(
        ephemeris(), wgs84.latlon(PARANAL.lat_deg, PARANAL.lon_deg, PARANAL.height_km * 1e3)))
    counts = sky.sky_over(constellation, PARANAL, dusk.ts.tt_jd(np.array([times[-1].tt, dusk.tt])))
    assert counts["lit_above_horizon"][0] == pytest.approx(1600, rel=0.3)
    assert counts["lit_above_horizon"][1] == pytest.approx(1100, rel=0.3)
    assert counts["lit_above_30"][1] == pytest.approx(250, rel=0.3)


def test_characteristic_magnitude_of_visorsat_against_mallama_and_respler():
    """Mallama & Respler 2022 (arXiv:2210.17268): a VisorSat seen overhead at 550 km at the end of
    astronomical twilight has V = 6.2 (its 'characteristic magnitude'). Our diffuse sphere, calibrated
    on VisorSat's mean at 1,000 km (6.84, RMS 1.05 over 10,628 MMT-9 magnitudes, Mallama 2021,
    'A BRDF for VisorSat calibrated with 10,628 magnitudes from the MMT-9 database'), put at the zenith of Rubin at dusk, is brighter (the sphere has no visor) but
    within twice that scatter: 5.1 (docs/sky.md)."""
    dusk, _ = sky.night(RUBIN, "2027-12-21")
    t = dusk.ts.tt_jd(np.array([dusk.tt]))
    observer, up = sky.site_teme_km(RUBIN, t)
    overhead = (observer + up * 550.0)[None]  # (1, 1, 3)
    _, distance_km, phase_rad, lit = sky._look(overhead, observer, up, orbital.sun.sun_teme_km(t))
    assert lit[0, 0] and np.degrees(phase_rad[0, 0]) == pytest.approx(72.0, abs=1.0)  # Sun 18° below
    ours = float(sky.magnitude(distance_km, phase_rad, 6.84)[0, 0])
    assert 6.2 - 2 * 1.05 < ours < 6.2


def test_casualty_area_is_nasa_standard_closed_form():
    """NASA-STD-8719.14 (DAS): a surviving fragment of area A adds (√0.36 m² + √A)² of casualty area; the
    expectation per re-entry is that area × the population density. One 10 kg fragment of 0.36 m²:
    (0.6 + 0.6)² = 1.44 m²; with 15.9 people/km², 2.29e-5."""
    params = Reentry(surviving_fraction=0.5, fragment_mass_kg=10.0, fragment_area_m2=0.36)
    assert sky.casualty_area_m2(20.0, params) == pytest.approx(1.44)
    ledger = sky.reentry_figures(np.array([5.0, 5.0]), np.array([20.0, 60.0]), 1.0, params)
    assert ledger["shell_casualty_risk_per_reentry"] == pytest.approx([1.44 * 15.9e-6, 3 * 1.44 * 15.9e-6])
    assert ledger["casualty_risk_per_reentry"] == pytest.approx(2 * 1.44 * 15.9e-6)  # the mean re-entry


def test_reentry_parameters_are_the_models():
    """`reentry.*` and `sky.*` are model parameters: settable, listed with their sources, and the
    re-entry stage reads them (twice the population under the track, twice the casualty risk)."""
    model = orbital.Model().with_overrides({"reentry.population_per_km2": 31.8, "sky.field_deg2": 3.5})
    assert model.sky.field_deg2 == 3.5
    assert {"sky", "reentry"} <= {row["group"] for row in model.sources()}
    constellation = orbital.presets.preset("suncatcher")
    t = orbital.times("2027-06-21T00:00:00Z", hours=2, step_s=600)
    risks = [orbital.assess(constellation, t, m, per_shell=8).reentry.casualty_risk_per_reentry
             for m in (orbital.Model(), model)]
    assert risks[1] == pytest.approx(2 * risks[0])


def test_a_sampled_night_estimates_the_full_counts():
    """A seeded 1-in-20 sample of spacex-odc's 1,000,000 satellites (what the dashboard follows), its
    counts scaled, within 5 % of every satellite's at the end of twilight at Rubin (sampling noise
    ~√(59,000 / 20) / 2,950 ≈ 2 % above 30°)."""
    constellation = orbital.presets.preset("spacex-odc")
    dusk, _ = sky.night(RUBIN, "2027-06-21")
    t = dusk.ts.tt_jd(np.array([dusk.tt]))
    full, sampled = (sky.sky_over(constellation, RUBIN, t, every=every) for every in (1, 20))
    for key in ("lit_above_horizon", "lit_above_30", "over_satcon"):
        assert sampled[key][0] == pytest.approx(full[key][0], rel=0.05), key
    assert full["lit_above_30"][0] > 10_000


def test_compare_json_carries_the_sky_and_the_reentry_ledger(capsys):
    """`orbital compare --json` carries the night at Rubin on both solstices of --start's year and the
    re-entry ledger; --set reaches the sky's parameters; a bad --every exits 2 with one line."""
    import json

    from orbital.cli import main

    args = ["compare", "--preset", "starlink", "--days", "1", "--step-s", "3600", "--sample", "4", "--json"]
    assert main(args + ["--set", "sky.satcon_magnitude=20"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [night["date"] for night in out["sky"]] == ["2026-06-21", "2026-12-21"]
    assert out["sky"][0]["end_of_twilight"]["share_over_satcon"] == 1.0  # every one brighter than V = 20
    assert out["reentry"]["reentries_per_year"] == pytest.approx(4408 / 5.0)
    # The rules carry SATCON-1 per shell (5 shells; over even with V = 20 the limit's base: every one brighter)
    # and the Al2O3 (119 t a year, under the natural influx's 1,096).
    assert len(out["rules"]["brightness"]) == 5 and all(row["over"] for row in out["rules"]["brightness"])
    assert out["rules"]["alumina"]["over"] is False
    assert main(args + ["--every", "0"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_airmass_against_bemporads_table_and_the_horizon():
    """Kasten & Young 1989's formula against Bemporad's air-mass table as Hardie (1962) fitted it (to 0.1 %
    up to X = 6.8; SLALIB's sla_AIRMAS): 1.995 at 60° from the zenith, 2.904 at 70°, 5.60 at 80°; Kasten &
    Young revised Bemporad by < 0.5 % there. At the horizon ~38 (Kasten & Young), where sec z is infinite."""
    zenith_deg = np.arange(0.0, 81.0, 5.0)
    sec = 1.0 / np.cos(np.radians(zenith_deg))
    hardie = sec - 0.0018167 * (sec - 1) - 0.002875 * (sec - 1) ** 2 - 0.0008083 * (sec - 1) ** 3
    np.testing.assert_allclose(sky.airmass(90.0 - zenith_deg), hardie, rtol=0.005)
    np.testing.assert_allclose(sky.airmass(np.array([30.0, 20.0, 10.0])), [1.995, 2.904, 5.60], rtol=0.005)
    assert sky.airmass(90.0) == pytest.approx(1.0, abs=0.001)
    assert sky.airmass(0.0) == pytest.approx(38.0, rel=0.01)


def test_extinction_dims_each_satellite_by_k_times_airmass_and_lowers_the_share_over_satcon():
    """V_observed = V + k X(z): every lit satellite in the all-sky map is k × airmass(elevation) fainter
    than without an atmosphere (0.14 mag overhead, ~0.28 at 30°, ~5 at the horizon at CTIO's k), none
    brighter than SATCON-1 that was not before; for spacex-odc at Rubin at twilight's end (2027-06-21,
    1 in 20 followed) the share over SATCON-1 about halves, in the map and in the night's counts alike."""
    constellation = orbital.presets.preset("spacex-odc")
    dusk, _ = sky.night(RUBIN, "2027-06-21")
    params = [orbital.parameters.Sky(extinction_mag_per_airmass=k) for k in (0.0, 0.14)]
    bare, seen = (sky.sky_at(constellation, RUBIN, dusk, p, every=20) for p in params)
    np.testing.assert_allclose(seen["magnitude"] - bare["magnitude"], 0.14 * sky.airmass(seen["elevation_deg"]))
    assert np.all(seen["over_satcon"] <= bare["over_satcon"])
    assert 0.4 < seen["over_satcon"].mean() / bare["over_satcon"].mean() < 0.6
    t = dusk.ts.tt_jd(np.array([dusk.tt]))
    night = [sky.sky_over(constellation, RUBIN, t, p, every=20) for p in params]
    shares = [n["over_satcon"][0] / n["lit_above_horizon"][0] for n in night]
    assert shares == pytest.approx([bare["over_satcon"].mean(), seen["over_satcon"].mean()], rel=0.01)  # each group its own weight
    assert night[1]["brightest_mag"][0] >= night[0]["brightest_mag"][0] + 0.14
