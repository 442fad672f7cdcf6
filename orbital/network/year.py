"""A year of downlink: each month's station contacts from one propagated day (the 15th; large shells
thinned as the panel's, network.window.thin_group), so a dawn–dusk family's geometry is taken month by
month, times each station's clear-sky fraction (annual: neither the sourced site figures nor ITU-R
P.840's maps have months)."""

import calendar

import numpy as np

from ..constants import DAY_S
from ..constellation import combine
from ..parameters import Weather
from .ground import ELEVATION_MASK_DEG, downlink, read_table
from .report import day_contacts
from .window import thin_group


def month_downlink(sample, stations, year, month, elevation_mask_deg, correlation_km):
    """One month's row: contact share per station on the 15th (report.day_contacts: every 5 min, wider
    for large samples), the fleet downlink (bit/s, clear sky and weather-mean) and the bits it moves in
    the month at those rates."""
    seen = day_contacts(sample, stations, f"{year}-{month:02d}-15T00:00:00Z", elevation_mask_deg)
    down = downlink(stations, seen, correlation_km)
    seconds = calendar.monthrange(year, month)[1] * DAY_S
    return {"month": month, "days": seconds / DAY_S, "clear_bps": down["clear_bps"], "weather_bps": down["weather_bps"],
            "clear_bits": down["clear_bps"] * seconds, "weather_bits": down["weather_bps"] * seconds,
            "contact": down["contact_fraction"]}


def network_year(constellation, year=2026, elevation_mask_deg=ELEVATION_MASK_DEG, weather=Weather()):
    """The fleet's downlink month by month over calendar `year` (rows as month_downlink) and its year's
    totals: bits moved (clear sky, weather-mean) and the year-mean rates (bit/s)."""
    sample = combine(*(thin_group(g) for g in constellation.groups), name=constellation.name)
    stations = read_table("ground_stations.csv")
    months = [month_downlink(sample, stations, year, m, elevation_mask_deg, weather.cloud_correlation_km)
              for m in range(1, 13)]
    seconds = sum(row["days"] for row in months) * DAY_S
    clear_bits = float(np.sum([row["clear_bits"] for row in months]))
    weather_bits = float(np.sum([row["weather_bits"] for row in months]))
    return {"year": year, "satellites": constellation.count, "satellites_sampled": sample.count, "months": months,
            "clear_bits": clear_bits, "weather_bits": weather_bits,
            "clear_bps": clear_bits / seconds, "weather_bps": weather_bits / seconds}
