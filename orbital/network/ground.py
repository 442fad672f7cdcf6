"""Down to Earth: the sourced ground stations (orbital/data/ground_stations.csv) and sourced cities
(orbital/data/cities.csv), contact from geometry with an elevation mask, weather, and fleet downlink."""

import csv
from pathlib import Path

import numpy as np

from ..parameters import Weather
from .latency import ground_ecef_km, ground_teme_km, ground_links
from .weather import any_clear

DATA = Path(__file__).resolve().parent.parent / "data"
# Least elevation of a ground link (optical stations typically 20–30°; Hypatia's Kuiper runs use 30°).
ELEVATION_MASK_DEG = 25.0


def read_table(name):
    """Rows of a CSV under orbital/data (comment lines '#' skipped) as a dict of numpy columns."""
    with open(DATA / name, encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    table = {}
    for key in rows[0]:
        values = [r[key] for r in rows]
        try:
            table[key] = np.array(values, dtype=float)
        except ValueError:
            table[key] = np.array(values)
    return table


def contacts(stations, r_teme_km, t, elevation_mask_deg=ELEVATION_MASK_DEG):
    """Whether each station sees at least one satellite at each time: (stations, times) bool."""
    ground = ground_teme_km(ground_ecef_km(stations["lat_deg"], stations["lon_deg"]), t)
    seen = np.zeros(ground.shape[:2], dtype=bool)
    for k in range(ground.shape[1]):
        g, _, _ = ground_links(ground[:, k], r_teme_km[:, k], elevation_mask_deg=elevation_mask_deg)
        seen[np.unique(g), k] = True
    return seen


def downlink(stations, seen, correlation_km=Weather().cloud_correlation_km):
    """Fleet downlink (bit/s, time mean) with clear sky and with weather (each station's clear fraction;
    one terminal per station), and the availability of at least one optical station: one site and all
    sites together (weather correlated over `correlation_km`, network.weather.any_clear, and as if
    independent, 1 − Π(1 − p)), which is what site diversity buys."""
    rate = stations["rate_bps"][:, None] * seen
    clear = stations["clear_sky_fraction"]
    optical = stations["kind"] == "optical"
    return {"clear_bps": float(rate.sum(axis=0).mean()),
            "weather_bps": float((rate * clear[:, None]).sum(axis=0).mean()),
            "optical_availability_best_site": float(clear[optical].max()),
            "optical_availability_all_sites": any_clear(stations["lat_deg"][optical], stations["lon_deg"][optical],
                                                        clear[optical], correlation_km=correlation_km),
            "optical_availability_all_sites_independent": float(1.0 - np.prod(1.0 - clear[optical])),
            "contact_fraction": dict(zip(stations["name"].tolist(), seen.mean(axis=1).round(4).tolist()))}
