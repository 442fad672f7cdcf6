"""The filing and disposal rules as pass/fail: the deployment milestones of the ITU and the FCC against
the launch cadence, and each shell's dead-satellite lifetime across the solar cycle against the FCC's
5-year post-mission disposal rule.

The milestone clock is taken to start with the first launch (the most lenient reading: an operator
may launch before the clock starts, which only helps it)."""

import math

# ITU Radio Regulations, Resolution 35 (WRC-19): a non-geostationary system must deploy 10 % of its
# filed satellites within 2 years after the end of the bringing-into-use period, 50 % within 5, and
# all within 7 (Resolution 35 (Rev.WRC-19), resolves 7–11). (years, share)
ITU_MILESTONES = ((2.0, 0.10), (5.0, 0.50), (7.0, 1.00))
# FCC 47 CFR §25.164(b): an NGSO licensee launches and operates 50 % of its authorised satellites
# within 6 years of the grant, and all of them within 9. (years, share)
FCC_MILESTONES = ((6.0, 0.50), (9.0, 1.00))
MILESTONE_RULES = {"ITU Resolution 35 (WRC-19)": ITU_MILESTONES, "FCC 47 CFR §25.164(b)": FCC_MILESTONES}


def deployed_share(years, launches, launches_per_year):
    """Share of the fleet in orbit `years` after the first launch when it takes `launches` launches at
    `launches_per_year`, the satellites spread evenly over the launches (0 to 1)."""
    if launches <= 0:
        return 1.0
    return min(1.0, math.floor(years * launches_per_year + 1e-9) / launches)


def milestones(launches, launches_per_year):
    """Each milestone of MILESTONE_RULES met or missed: rows of rule, years, share required, share
    deployed by then and `met`."""
    return [{"rule": rule, "years": years, "share_required": share,
             "share_deployed": deployed_share(years, launches, launches_per_year),
             "met": deployed_share(years, launches, launches_per_year) >= share - 1e-12}
            for rule, steps in MILESTONE_RULES.items() for years, share in steps]


def disposal_verdict(shortest_years, longest_years, rule_years):
    """A dead satellite's lifetime across the solar cycle (`shortest_years` at solar maximum,
    `longest_years` at minimum) against the disposal rule: "pass" if it is down within `rule_years` at
    every phase, "solar maximum only" if only at the fastest decay, "fail" otherwise."""
    if longest_years <= rule_years:
        return "pass"
    return "solar maximum only" if shortest_years <= rule_years else "fail"
