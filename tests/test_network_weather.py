"""Weather, site diversity, a year of downlink and links between shells, against references nobody here
wrote: ITU-R P.840 and P.618 through itur (the shipped fractions recomputed), scipy's bivariate normal
(Genz) for correlated sites, Horst et al. 2023's ~10 sites for 99.9 %, a closed-form year and the
altitude gap between two co-phased shells."""

import numpy as np
import pytest

from orbital.constellation import combine, walker
from orbital.network.ground import read_table
from orbital.network.weather import (any_clear, cloud_liquid_max_kg_m2, optical_clear_fraction_itur,
                                     rain_availability_itur, sites_needed)
from orbital.parameters import Weather


def test_shipped_itur_fractions_recompute_through_itur():
    import itur.models.itu618 as p618
    import itur.models.itu840 as p840

    table = read_table("ground_stations.csv")
    rows = [list(table["name"]).index(name) for name in ("Izaña OGS", "Oberpfaffenhofen", "Singapore")]
    lat, lon = table["lat_deg"][rows], table["lon_deg"][rows]
    optical = optical_clear_fraction_itur(lat[:2], lon[:2])
    assert optical == pytest.approx(table["itur_fraction"][rows[:2]], abs=1e-3)
    rain = rain_availability_itur(lat[2:], lon[2:])
    assert rain == pytest.approx(table["itur_fraction"][rows[2:]], abs=1e-3)
    assert table["clear_sky_fraction"][rows[2]] == table["itur_fraction"][rows[2]]
    # P.618 itself: at the outage found, the rain attenuation is the margin.
    outage_percent = (1.0 - rain[0]) * 100.0
    assert p618.rain_attenuation(lat[2], lon[2], Weather().ka_frequency_ghz, 25.0, p=outage_percent).value == \
        pytest.approx(Weather().ka_rain_margin_db, rel=0.01)
    # P.840's lognormal against its own tabulated maps: the liquid a 3 dB margin closes through is crossed
    # within 10 points of the time share the lognormal gives.
    for a, b, clear in zip(lat[:2], lon[:2], optical):
        percent = (1.0 - clear) * 100.0
        assert p840.columnar_content_reduced_liquid(a, b, percent - 10.0).value > cloud_liquid_max_kg_m2()
        assert p840.columnar_content_reduced_liquid(a, b, percent + 10.0).value < cloud_liquid_max_kg_m2()


def test_correlated_sites_against_closed_forms_and_genz():
    from scipy.stats import multivariate_normal
    from scipy.special import ndtri

    p = np.array([0.6, 0.7])
    # Far apart: independent, 1 − Π(1 − p). Together: one site.
    assert any_clear([0.0, 0.0], [0.0, 120.0], p) == pytest.approx(1 - np.prod(1 - p), abs=0.003)
    assert any_clear([0.0, 0.0], [0.0, 0.0], [0.6, 0.6]) == pytest.approx(0.6, abs=0.003)
    # 300 km apart (correlation e^−1): both cloudy is the bivariate normal's upper orthant (Genz's algorithm).
    lon = np.degrees(300.0 / 6371.0)
    rho = np.exp(-1.0)
    both_cloudy = multivariate_normal(mean=[0, 0], cov=[[1, rho], [rho, 1]]).cdf(-ndtri(p))
    assert any_clear([0.0, 0.0], [0.0, lon], p, correlation_km=300.0) == pytest.approx(1 - both_cloudy, abs=0.003)
    # Contact: a site never in view adds nothing.
    assert any_clear([0.0, 0.0], [0.0, 120.0], p, contact=[1.0, 0.0]) == pytest.approx(0.6, abs=0.003)


def test_site_diversity_needs_about_horsts_ten_sites_for_three_nines():
    # Horst et al., Light Sci. Appl. 12, 153 (2023): ~10 site-diverse optical ground stations for 99.9 %.
    # Sites clear 50–65 % of the time (Central to Southern Europe), 500 km apart, weather correlated:
    needed = [sites_needed(p, 500.0, 0.999) for p in (0.5, 0.65)]
    assert all(8 <= n <= 13 for n in needed), needed
    # Independent weather would need ⌈log(0.001) ⁄ log(0.35)⌉ = 7 at 65 %; correlation asks for more.
    assert sites_needed(0.65, 200.0, 0.999) > 7


def test_a_year_of_downlink_under_a_dense_polar_shell_is_the_closed_form():
    from orbital.network.year import network_year

    # 50 × 50 polar shell at 550 km: every station sees a satellite above 25° at every step (cap 8.4°).
    shell = walker(550.0, 90.0, 2500, 50, 1, epoch="2026-01-01T00:00:00Z")
    year = network_year(combine(shell), 2026)
    table = read_table("ground_stations.csv")
    assert sum(row["days"] for row in year["months"]) == 365
    seconds = 365 * 86400.0
    assert year["clear_bits"] == pytest.approx(table["rate_bps"].sum() * seconds, rel=0.01)
    assert year["weather_bits"] == pytest.approx((table["rate_bps"] * table["clear_sky_fraction"]).sum() * seconds,
                                                 rel=0.01)


def test_links_between_shells_join_them_at_their_altitude_gap():
    from orbital.network.graph import link_graph
    from orbital.network.report import components
    from orbital.propagation import propagate
    from orbital.timeutil import times

    # Two co-phased 53° shells 10 km apart in altitude: at the epoch each lower satellite's nearest upper one
    # is straight above it, 10 km away; the two +Grids become one network.
    low, high = (walker(h, 53.0, 100, 10, 1, epoch="2026-01-01T00:00:00Z", name=f"{h}") for h in (550.0, 560.0))
    pair = combine(low, high)
    t = times("2026-01-01T00:00:00Z", hours=0.25, step_s=900.0)
    r_km = propagate(pair, t).r_teme_km
    edges, distance_km, rate = link_graph(pair, r_km)
    between = (edges[:, 0] < 100) & (edges[:, 1] >= 100)
    first = between & (rate[:, 0] > 0)
    assert first.sum() == 100 and distance_km[first, 0] == pytest.approx(10.0, abs=0.05)
    assert components(200, edges, rate[:, 0] > 0) == 1
    alone, _, rate_alone = link_graph(pair, r_km, between_shells=False)
    assert components(200, alone, rate_alone[:, 0] > 0) == 2


def test_a_dawn_dusk_familys_months_keep_the_closed_form_contact():
    from orbital.constellation import sun_synchronous
    from orbital.network.budget import station_contact
    from orbital.network.year import network_year

    # A dawn–dusk plane keeps its local time, so every month each station passes under it twice a day:
    # the propagated contact of each month is the closed form's (budget.station_contact), season or not.
    family = combine(sun_synchronous(1400.0, 18.0, 1000, 20, 1, epoch="2026-01-01T00:00:00Z", plane_spread_h=1.0))
    table = read_table("ground_stations.csv")
    closed = station_contact(family, [1400.0], [family.groups[0].inclination_deg], table["lat_deg"])
    months = np.array([[row["contact"][name] for name in table["name"]] for row in network_year(family)["months"]])
    assert np.abs(months - closed).max() < 0.03
    assert np.ptp(months, axis=0).max() < 0.02  # a few 5-minute steps of the sampled day
