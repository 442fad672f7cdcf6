"""The rules as pass/fail (orbital/rules.py, the rules stage): deployment milestones against a hand
computation, the disposal verdict across the solar cycle, and the stage on spacex-odc."""

import pytest

import orbital
from orbital.parameters import Model
from orbital.rules import FCC_MILESTONES, ITU_MILESTONES, deployed_share, disposal_verdict, milestones


def test_the_milestones_are_those_of_the_itu_and_the_fcc():
    assert ITU_MILESTONES == ((2.0, 0.10), (5.0, 0.50), (7.0, 1.00))  # Resolution 35 (WRC-19)
    assert FCC_MILESTONES == ((6.0, 0.50), (9.0, 1.00))  # 47 CFR §25.164(b)


def test_milestones_against_a_hand_computation():
    # By hand: 1,000,000 satellites in 8,300 launches at one a day. After 2 years 730 launches have flown:
    # 730 / 8,300 = 8.80 % < 10 % (ITU missed); after 6 years 2,190: 26.4 % < 50 % (FCC missed); all are
    # up after 8,300 / 365 = 22.7 years, well past both 7 and 9.
    rows = {(row["rule"][:3], row["years"]): row for row in milestones(8300, 365.0)}
    assert rows["ITU", 2.0]["share_deployed"] == pytest.approx(730 / 8300)
    assert rows["FCC", 6.0]["share_deployed"] == pytest.approx(2190 / 8300)
    assert rows["ITU", 7.0]["share_deployed"] == pytest.approx(2555 / 8300)
    assert not any(row["met"] for row in rows.values())
    # By hand: 100 launches at 20 a year: 40 % after 2 years, all after 5: every milestone met.
    assert all(row["met"] for row in milestones(100, 20.0))
    assert deployed_share(2.0, 100, 20.0) == pytest.approx(0.4) and deployed_share(4.99, 100, 20.0) == 0.99
    # 100 launches at 12 a year: 24 by year 2 (met), 60 by 5 (met), 84 by 7 (ITU's 100 % missed), all by 9.
    missed = [(row["rule"][:3], row["years"]) for row in milestones(100, 12.0) if not row["met"]]
    assert missed == [("ITU", 7.0)]


def test_the_disposal_verdict_reads_the_whole_solar_cycle():
    assert disposal_verdict(0.2, 3.1, 5.0) == "pass"
    assert disposal_verdict(1.8, 38.9, 5.0) == "solar maximum only"
    assert disposal_verdict(10.7, 183.0, 5.0) == "fail"


def test_the_rules_stage_on_spacex_odc():
    result = orbital.assess(orbital.preset("spacex-odc"), orbital.times("2026-06-21T00:00:00Z", days=2, step_s=1800),
                            Model(), 2)
    verdicts = {row.shell: row.verdict for row in result.rules.disposal}
    assert verdicts["30° 500 km"] == "pass" and verdicts["30° 650 km"] == "solar maximum only"
    sso = [verdict for shell, verdict in verdicts.items() if shell.startswith("SSO")]
    assert len(sso) == 32 and all(verdict == "fail" for verdict in sso)  # 4 shells of 8 layers
    rows = result.rules.milestones
    assert len(rows) == 5 and not any(row.met for row in rows)
    assert rows[0].share_deployed == pytest.approx(730 / result.launch.launches)
    assert result.rules.filed_satellites == 1_000_000 and not result.rules.sustainable
    assert result.rules.sustainable_satellites == pytest.approx(result.launch.sustainable_satellites)
