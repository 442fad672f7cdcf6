"""The globe's network overlays as the server sends them (components/ui/overlays.py, no browser): what
each checked overlay carries, JSON that a browser reads (no Infinity), and odd values taken without an error."""

import json

import numpy as np

import orbital
from components.model.state import ViewState
from components.ui.overlays import overlay_data

ALL = ["links", "stations", "path", "site"]


def test_every_overlay_of_suncatcher_at_the_windows_start_in_json_a_browser_reads():
    store = ViewState(preset="suncatcher").to_store()
    assert overlay_data([], 40, 0, "Tokyo", "rubin", store) == (None, "")
    data, words = overlay_data(ALL, 40, 0, "Tokyo", "rubin", store)
    json.dumps(data, allow_nan=False)  # JSON.parse refuses Infinity: an unreachable path is None
    # The 9 × 9 cluster, 150 m apart: 144 sides and 128 diagonals (212 m, inside the 250 m neighbour range).
    links = data["links"]
    assert links["cluster"] and len(links["edges"]) == 2 * 9 * 8 + 2 * 8 * 8
    assert np.allclose(links["rate_bps"], orbital.satellite_links(orbital.preset("suncatcher"), 40, ViewState(
        preset="suncatcher").start)["rate_bps"])
    assert data["path"]["rtt_s"] is None and words.startswith("Tokyo: no path at this instant")
    footprint = orbital.footprint_half_angle_rad(650.0, 25.0)
    assert [s["footprint_rad"] for s in data["stations"]] == [footprint] * 10
    assert {s["kind"] for s in data["stations"]} == {"optical", "rf"}
    assert [r["half_angle_rad"] for r in data["site"]["rings"]] == [
        orbital.footprint_half_angle_rad(650.0, e) for e in (0.0, 30.0)]
    assert data["site"]["name"] == "Rubin Observatory, Cerro Pachón"


def test_odd_values_are_taken_as_defaults_without_an_error():
    store = ViewState(preset="demo").to_store()
    assert overlay_data("links", 7, 0, "Tokyo", "rubin", store) == (None, "")
    data, words = overlay_data(["path", "site", {"x": 1}], 10**9, float("nan"), 5, ["rubin"], store)
    assert data["seconds"] == 0 and words.startswith("Tokyo") and data["site"]["name"].startswith("Rubin")
