"""Catalogue readers, the command line and its errors for bad input."""

import json
import subprocess
import sys

import numpy as np
import pytest

import orbital
from orbital import OrbitalError
from orbital.catalogue import tle_checksum
from orbital.cli import main
from orbital.fleet import fleet_year
from orbital.parameters import SolarArray
from orbital.presets import preset

T0 = "2026-06-21T00:00:00Z"


def test_tle_json_and_csv_give_the_same_satellites(data_dir):
    t = orbital.times(T0, hours=3, step_s=600)
    states = [orbital.propagate(orbital.from_tle(data_dir / f"sample.{ext}"), t) for ext in ("tle", "json", "csv")]
    for state in states[1:]:
        np.testing.assert_allclose(state.r_teme_km, states[0].r_teme_km, atol=1e-6)
    assert orbital.from_omm(data_dir / "sample.json").names() == ["ISS (ZARYA)", "STARLINK-1007", "SENTINEL-2A"]


def test_tle_from_lines_and_two_line_form(data_dir):
    lines = (data_dir / "sample.tle").read_text().splitlines()
    two_line = [line for line in lines if line.startswith(("1 ", "2 "))]
    c = orbital.from_tle(lines=iter(two_line))
    assert c.names() == ["NORAD 25544", "NORAD 44713", "NORAD 40697"]


def corrupt(line, column, char):
    return line[:column] + char + line[column + 1:]


def with_checksum(line):
    return line[:68] + str(tle_checksum(line))


@pytest.mark.parametrize("mutate, message", [
    (lambda l1, l2: (corrupt(l1, 68, str((int(l1[68]) + 1) % 10)), l2), "checksum"),
    (lambda l1, l2: (l1[:60], l2), "has 60 characters, 69 expected"),
    (lambda l1, l2: (l1, None), "not followed by a line 2"),
    (lambda l1, l2: (l1, with_checksum(corrupt(l2, 4, "9"))), "does not match"),
])
def test_malformed_tle_is_refused_with_the_line(data_dir, mutate, message):
    _, l1, l2 = (data_dir / "sample.tle").read_text().splitlines()[:3]
    l1, l2 = mutate(l1, l2)
    with pytest.raises(OrbitalError, match=message) as info:
        orbital.from_tle(lines=[x for x in (l1, l2) if x is not None])
    assert "line 1" in str(info.value) or "line 2" in str(info.value)


def test_malformed_omm_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"OBJECT_NAME": "X", "EPOCH": "not a date"}]')
    with pytest.raises(OrbitalError, match="record 1"):
        orbital.from_omm(bad)
    bad.write_text("[{")
    with pytest.raises(OrbitalError, match="not valid JSON"):
        orbital.from_omm(bad)


@pytest.mark.parametrize("call, names", [
    (lambda: orbital.walker(-100, 53, 10, 2), "altitude_km"),
    (lambda: orbital.walker(100, 53, 10, 2), "altitude_km"),
    (lambda: orbital.walker(550, 181, 10, 2), "inclination_deg"),
    (lambda: orbital.walker(550, -1, 10, 2), "inclination_deg"),
    (lambda: orbital.walker(550, 53, 10, 3), "10 satellites cannot be split evenly into 3 planes"),
    (lambda: orbital.walker(550, 53, 10, 2, 2), "phasing"),
    (lambda: orbital.sun_synchronous(7000, 18), "too high for a sun-synchronous"),
    (lambda: orbital.sun_synchronous(650, "25:00"), "local time"),
    (lambda: orbital.preset("nope"), "preset: 'nope' is unknown"),
    (lambda: orbital.times(T0, hours=-1), "time span"),
    (lambda: orbital.times(T0, days=400, step_s=0.1), "steps"),
    (lambda: orbital.times("yesterday", hours=1), "ISO 8601"),
    (lambda: orbital.propagate(orbital.preset("spacex-odc"), orbital.times(T0, hours=1, step_s=10)), "satellites × times"),
    (lambda: orbital.walker(550, 53, 10_000_000, 1000), "walker total"),
    (lambda: orbital.SolarArray(cell_efficiency=-0.1), "cell_efficiency"),
    (lambda: orbital.SolarArray(pointing="sideways"), "pointing"),
])
def test_bad_input_names_the_parameter(call, names):
    with pytest.raises(OrbitalError, match=names):
        call()


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "orbital", *args], capture_output=True, text=True, timeout=120)


def test_cli_positions_json_matches_the_engine():
    result = run_cli("positions", "--preset", "demo", "--at", T0, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    state = orbital.propagate(orbital.preset("demo"), orbital.at(T0))
    assert len(rows) == 72 and set(rows[0]) == {"name", "lat_deg", "lon_deg", "alt_km"}
    np.testing.assert_allclose([r["lat_deg"] for r in rows], state.lat_deg[:, 0], atol=1e-5)
    np.testing.assert_allclose([r["alt_km"] for r in rows], state.alt_km[:, 0], atol=1e-3)


def test_cli_sunlit_for_shells_and_tle(data_dir, capsys):
    assert main(["sunlit", "--shell", "650,sso@06:00,4/2/1", "--shell", "550,53,6/3/1",
                 "--start", T0, "--hours", "3", "--step-s", "30", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 10
    assert {"name", "sunlit_fraction", "mean_illumination", "eclipse_minutes_max"} <= set(rows[0])
    assert all(0 <= r["mean_illumination"] <= r["sunlit_fraction"] <= 1 for r in rows)
    assert main(["sunlit", "--tle", str(data_dir / "sample.tle"), "--start", T0, "--days", "0.5"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["name", "sunlit_fraction", "mean_illumination", "eclipse_minutes_max"]
    assert table[1].startswith("ISS (ZARYA)")


def test_cli_summary_reports_fleet_figures(capsys):
    assert main(["summary", "--preset", "suncatcher", "--days", "30", "--step-s", "3600", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["fleet"]["satellites"] == 81
    assert 0.9 < summary["sunlight"]["sunlit_fraction"] <= 1.0
    power = summary["power"]
    assert power["fleet_array_gw"] * 1e9 == pytest.approx(81 * power["mean_array_power_w_per_satellite"], rel=1e-6)
    assert power["array_twh_per_year"] == pytest.approx(power["fleet_array_gw"] * 8766 / 1e3, rel=1e-6)


def test_cli_fleet_year_reports_every_shell_of_the_fleet(capsys):
    assert main(["fleet-year", "--preset", "demo", "--step-s", "1800", "--set", "array.area_m2=50", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    result = fleet_year(preset("demo"), 2026, SolarArray(area_m2=50), 1800.0)
    assert report["planes"] == 11 and report["satellites"] == 72
    assert report["energy_twh_per_year"] == pytest.approx(result["energy_twh_per_year"])
    shells = {row["shell"]: row for row in report["shells"]}
    assert shells["Demo 550 km 53°"]["planes"] == 8 and shells["Demo SSO 800 km"]["satellites"] == 24
    assert sum(row["energy_twh_per_year"] for row in report["shells"]) == pytest.approx(report["energy_twh_per_year"])
    low = shells["Demo 550 km 53°"]
    high = shells["Demo SSO 800 km"]
    assert low["sunlit_least"] <= low["sunlit_fraction"] <= low["sunlit_most"] < high["sunlit_least"]


@pytest.mark.parametrize("args, message", [
    (["positions", "--shell=-5,53,10/2/1", "--at", T0], "altitude_km"),
    (["positions", "--shell", "550,200,10/2/1", "--at", T0], "inclination_deg"),
    (["positions", "--shell", "550,53,10/3/1", "--at", T0], "cannot be split evenly into 3 planes"),
    (["positions", "--preset", "moon", "--at", T0], "unknown"),
    (["positions", "--tle", "tests/data/does-not-exist.tle", "--at", T0], "cannot read"),
    (["sunlit", "--preset", "demo", "--start", T0, "--days", "400", "--step-s", "0.1"], "steps"),
    (["positions", "--preset", "demo"], "--at"),
    (["sunlit", "--preset", "demo", "--start", "2060-01-01T00:00:00Z", "--hours", "1"], "de421"),
    (["sunlit", "--preset", "demo", "--start", "2053-10-07T00:00:00Z", "--days", "3"], "2053-10-10"),
    (["fleet-year", "--preset", "demo", "--year", "1890"], "de421"),
    (["fleet-year", "--preset", "demo", "--step-s", "0"], "step_s"),
    (["fleet-year", "--shell", "550,53,40000/40000/1"], "40,000 planes"),
    (["launch"], "invalid choice"),
])
def test_cli_bad_input_exits_2_with_one_line(args, message, capsys):
    """In this process (a process of its own is tested below: a malformed TLE file, --help)."""
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("orbital: error:") and message in lines[0]


def test_cli_refuses_a_malformed_tle_file(tmp_path, data_dir):
    text = (data_dir / "sample.tle").read_text().replace("0  9991", "0  9990", 1)
    (tmp_path / "bad.tle").write_text(text)
    result = run_cli("positions", "--tle", str(tmp_path / "bad.tle"), "--at", T0)
    assert result.returncode == 2 and "line 2: TLE line 1 checksum is 0" in result.stderr


def test_cli_reads_a_catalogue_from_standard_input(data_dir):
    result = subprocess.run([sys.executable, "-m", "orbital", "positions", "--tle", "-", "--at", T0, "--json"],
                            input=(data_dir / "sample.json").read_text(), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [row["name"] for row in json.loads(result.stdout)] == ["ISS (ZARYA)", "STARLINK-1007", "SENTINEL-2A"]


def test_help_documents_the_shell_syntax():
    result = run_cli("--help")
    assert result.returncode == 0 and "ALT_KM,sso@HH:MM,T/P/F" in result.stdout


ISS_OMM = {"OBJECT_NAME": "ISS (ZARYA)", "OBJECT_ID": "1998-067A", "EPOCH": "2026-06-20T12:00:00.000000",
           "MEAN_MOTION": 15.5, "ECCENTRICITY": 0.0004, "INCLINATION": 51.64, "RA_OF_ASC_NODE": 120.0,
           "ARG_OF_PERICENTER": 80.0, "MEAN_ANOMALY": 280.0, "EPHEMERIS_TYPE": 0, "CLASSIFICATION_TYPE": "U",
           "NORAD_CAT_ID": 25544, "ELEMENT_SET_NO": 999, "REV_AT_EPOCH": 1000, "BSTAR": 0.0001,
           "MEAN_MOTION_DOT": 0.0001, "MEAN_MOTION_DDOT": 0}


def test_compact_one_line_omm_json_is_read_from_text_and_from_a_file(tmp_path):
    one_line = json.dumps([ISS_OMM, {**ISS_OMM, "NORAD_CAT_ID": 25545, "OBJECT_NAME": "TWO"}])
    assert "\n" not in one_line
    assert orbital.from_tle(text=one_line).names() == ["ISS (ZARYA)", "TWO"]
    (tmp_path / "one.json").write_text(one_line)
    assert orbital.from_omm(tmp_path / "one.json").count == 2


def test_an_error_quotes_at_most_80_characters_of_the_input(tmp_path):
    huge = "x" * 2_000_000
    with pytest.raises(OrbitalError) as info:
        orbital.from_tle(text=huge)
    assert len(str(info.value)) < 200
    with pytest.raises(OrbitalError) as info:
        orbital.from_tle(tmp_path / ("y" * 200 + ".tle"))
    assert len(str(info.value)) < 200


@pytest.mark.parametrize("change, reason", [
    ({"ECCENTRICITY": 1.2}, "eccentricity"), ({"ECCENTRICITY": 0.9999999}, "below the surface"),
    ({"MEAN_MOTION": 0}, "mean motion"), ({"MEAN_MOTION": -3}, "mean motion"), ({"INCLINATION": "NaN"}, "finite"),
    ({"MEAN_MOTION": float("inf")}, "finite"), ({"MEAN_MOTION": 17.5}, "decayed"),
    ({"EPOCH": "1957-01-01T00:00:00.000000"}, "Sputnik"), ({"MEAN_MOTION": "fifteen"}, "OMM field"),
])
def test_an_impossible_omm_record_is_refused_with_its_record_and_reason(change, reason):
    records = [ISS_OMM, {**ISS_OMM, **change}]
    with pytest.raises(OrbitalError, match=reason) as info:
        orbital.from_tle(text=json.dumps(records, allow_nan=True))
    assert "record 2" in str(info.value) and info.value.parameter == "catalogue"
    skipped = orbital.from_tle(text=json.dumps(records, allow_nan=True), skip_bad=True)
    assert skipped.count == 1 and len(skipped.groups[0].skipped) == 1 and "skipped" in skipped.description


@pytest.mark.parametrize("mutate, reason", [
    (lambda l1, l2: (l1, with_checksum(corrupt(l2, 12, "A"))), "inclination"),
    (lambda l1, l2: (with_checksum(l1[:18] + "57001.00000000" + l1[32:]), l2), "Sputnik"),
    (lambda l1, l2: (l1, with_checksum(l2[:52] + "17.50000000" + l2[63:])), "decayed"),
])
def test_an_impossible_tle_record_is_refused_with_its_line_and_reason(data_dir, mutate, reason):
    _, l1, l2 = (data_dir / "sample.tle").read_text().splitlines()[:3]
    l1, l2 = mutate(l1, l2)
    with pytest.raises(OrbitalError, match=reason) as info:
        orbital.from_tle(lines=[l1, l2])
    assert "line " in str(info.value)


def test_every_bad_record_is_listed_with_its_line_the_first_50_and_the_count(data_dir):
    """Not just the first: each bad record with its own line and reason (checksums by the modulo-10
    rule, lengths against the 69 columns of the TLE format), the first 50, and how many in all."""
    lines = (data_dir / "sample.tle").read_text().splitlines()  # three 3LE records, lines 1–9
    bad = [lines[0], lines[1], corrupt(lines[2], 20, "9" if lines[2][20] != "9" else "8")] + lines[3:9]
    bad[5] = bad[5][:60]  # line 6: the second record's line 2 cut short
    text = "\n".join(bad + ["1 too short"] * 55)  # lines 10–64
    with pytest.raises(orbital.BadRecordsError) as info:
        orbital.from_tle(text=text, name="bad.tle")
    error = info.value
    assert error.parameter == "catalogue" and error.count == 57 and error.usable == 1 and error.skippable
    assert error.records[0].startswith("line 3: TLE line 2 checksum is")
    assert error.records[1] == "line 6: TLE line 2 has 60 characters, 69 expected"
    assert list(error.records[2:]) == [f"line {n}: TLE line 1 has 11 characters, 69 expected" for n in range(10, 58)]
    assert str(error).startswith("bad.tle: 57 bad records (1 good), the first: line 3:")
    skipped = orbital.from_tle(text=text, skip_bad=True).groups[0]
    assert skipped.count == 1 and list(skipped.skipped) == list(error.records) and skipped.skipped.count == 57
    with pytest.raises(orbital.BadRecordsError) as info:  # every record bad: skipping cannot help
        orbital.from_tle(text="\n".join(lines[:2] + bad[2:3]), skip_bad=True)
    assert info.value.count == 1 and not info.value.skippable


def test_an_omm_csv_record_is_named_by_its_line():
    header = ",".join(ISS_OMM)
    row = ",".join(str(v) for v in ISS_OMM.values())
    text = "\n".join([header, row, row.replace(str(ISS_OMM["MEAN_MOTION"]), "0"), row])
    with pytest.raises(orbital.BadRecordsError, match="line 3: its mean motion") as info:
        orbital.from_tle(text=text)
    assert info.value.usable == 2 and info.value.records == ("line 3: its mean motion 0 rev/day is not positive",)


def test_the_verification_files_bad_records_can_be_skipped_with_a_count(tmp_path):
    from test_sgp4_vallado import VER_LINES

    (tmp_path / "ver.tle").write_text("\n".join(VER_LINES))
    with pytest.raises(OrbitalError, match="checksum|decayed"):
        orbital.from_tle(tmp_path / "ver.tle")
    result = run_cli("positions", "--tle", str(tmp_path / "ver.tle"), "--skip-bad", "--at", T0, "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 29 and "skipped 4 bad records" in result.stderr


def test_a_path_is_never_taken_for_text_nor_text_for_a_path():
    with pytest.raises(OrbitalError, match="exactly one"):
        orbital.from_tle()
    with pytest.raises(OrbitalError, match="cannot read"):
        orbital.from_tle(json.dumps([ISS_OMM]))  # a string given as a path is a path
