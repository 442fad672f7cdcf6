"""Before/after table of issue 23: today's `orbital compare --json` (launch against electricity) beside
the whole bill (orbital.economics) for the same fleet.

    python -m orbital compare --preset spacex-odc --json > /tmp/odc.json
    python -m orbital compare --preset suncatcher --json > /tmp/suncatcher.json
    python benchmarks/costs_before_after.py /tmp/odc.json /tmp/suncatcher.json [--set launch.price_usd_per_kg=200]
"""

import json
import sys

import numpy as np

from orbital.compute import accelerator
from orbital.constellation import sun_synchronous
from orbital.economics import FleetInputs, orbit_and_ground_costs
from orbital.parameters import Model

ARRAY_W_PER_M2 = 1360.8 * 0.22 * 0.9  # TSI × cell efficiency × packing (parameters.SolarArray defaults)


def inclination_deg(shell, altitude_km):
    """Inclination of a preset's shell from its name: dawn–dusk SSO, or the degrees it starts with."""
    if "SSO" in shell or shell == "Suncatcher":
        return sun_synchronous(altitude_km, 18.0, 1, 1, 0).inclination_deg
    return float(shell.split("°")[0])


def fleet_from_compare(result, model, vehicle="Starship 200 t"):
    """FleetInputs from a compare --json result: masses are fleet means (propellant per shell), compute
    kW from the delivered PFLOP/s at the chip's system power."""
    chip = model.processor()
    shells, mass = result["drag"], result["mass"]
    rows = {row["quantity"]: row for row in result["rows"]}
    per_sat = rows["compute delivered per satellite (peak dense BF16)"]["orbit"]
    accelerators = rows["accelerators per satellite"]["orbit"]
    kw_start = per_sat / chip.bf16_pflops * chip.system_power_w / 1000.0
    altitude = np.array([s["altitude_km"] for s in shells])
    return FleetInputs(
        shell_satellites=np.array([s["satellites"] for s in shells], dtype=float), altitude_km=altitude,
        inclination_deg=np.array([inclination_deg(s["shell"], s["altitude_km"]) for s in shells]),
        bus_and_arrays_kg=mass["bus_and_arrays_kg"], compute_kg=mass["compute_kg"],
        shielding_kg=mass["shielding_kg"], radiator_kg=mass["radiator_kg"], battery_kg=mass["battery_kg"],
        propellant_kg=np.array([s["propellant_kg"] for s in shells]), accelerators_per_satellite=accelerators,
        compute_kw_start=kw_start, compute_kw_end=kw_start * result["end_of_life"]["compute_share_of_start"],
        rated_array_w=model.array.area_m2 * ARRAY_W_PER_M2, peak_pflops=accelerators * chip.bf16_pflops,
        delivered_pflops=per_sat, lifetime_years=model.satellite.lifetime_years, utilisation=model.chip.utilisation,
        accelerator_system_kw=chip.system_power_w / 1000.0, vehicle=vehicle,
        dose_krad=np.array([r["dose_krad_over_life"] for r in result["radiation"]]))


def table(result, costs):
    """Rows (quantity, before, after) for one preset."""
    rows = {row["quantity"]: row for row in result["rows"]}
    before = result["verdict"]
    u, orbit = costs.uncertainty, costs.orbit
    parts = ", ".join(f"{p.name} {p.usd_per_kw_year:,.0f}" for p in orbit.parts if p.usd_per_kw_year >= 0.5)
    ground = ", ".join(f"{p.name} {p.usd_per_kw_year:,.0f}" for p in costs.industry.parts if p.usd_per_kw_year >= 0.5)
    out = [("mass per satellite, kg", f"{result['mass']['total_kg']:,.0f}", f"{result['mass']['total_kg']:,.0f}"),
           ("launches (flights)", f"{rows['launches to deploy']['orbit']:,.0f}", f"{costs.flights_total:,.0f}"),
           ("payload per flight, t", "200 (per kg carried)",
            f"{costs.payload_per_flight_kg.min() / 1000:,.0f}–{costs.payload_per_flight_kg.max() / 1000:,.0f}"),
           ("orbit $/kW-yr", f"{before['orbit_usd_per_kw_year']['central']:,.0f} (launch only)",
            f"{orbit.usd_per_kw_year:,.0f} ({parts})"),
           ("ground $/kW-yr industry / hyperscale", f"{before['ground_usd_per_kw_year']['industry']:,.0f} / "
            f"{before['ground_usd_per_kw_year']['hyperscale']:,.0f} (energy only)",
            f"{costs.industry.usd_per_kw_year:,.0f} / {costs.hyperscale.usd_per_kw_year:,.0f} ({ground})"),
           ("orbit ÷ ground (industry / hyperscale)", f"{before['central_ratio']:.2f}",
            f"{costs.ratio_industry:.2f} / {costs.ratio_hyperscale:.2f}"),
           ("LCOE $/MWh orbit / industry", "—", f"{orbit.lcoe_usd_per_mwh:,.0f} / {costs.industry.lcoe_usd_per_mwh:,.0f}"),
           ("$/PFLOP-day orbit / industry", "—",
            f"{orbit.usd_per_pflop_day:,.2f} / {costs.industry.usd_per_pflop_day:,.2f}"),
           ("central vs median orbit $/kW-yr (central's percentile)", f"{before['orbit_usd_per_kw_year']['central']:,.0f}"
            f" vs p5 {before['orbit_usd_per_kw_year']['p5']:,.0f}",
            f"{u.orbit_central:,.0f} vs {u.orbit_median:,.0f} (p{u.central_percentile:.0f}; p5 {u.orbit_p5:,.0f}, "
            f"p95 {u.orbit_p95:,.0f})"),
           ("P(orbit cheaper) industry / hyperscale", f"{before['p_orbit_cheaper_per_kw_year']['industry']:.3f} / "
            f"{before['p_orbit_cheaper_per_kw_year']['hyperscale']:.3f}",
            f"{u.p_orbit_cheaper_industry:.3f} / {u.p_orbit_cheaper_hyperscale:.3f}"),
           ("launch share of orbit cost", "100 %", f"{costs.launch_share:.0%}")]
    unit = {"launch.price_factor": (costs.usd_per_kg_rated, " $/kg rated"),
            "hardware.price_factor": (costs.hardware_usd_per_kg, " $/kg satellite")}
    for be in costs.break_evens:
        scale, label = unit.get(be.key, (1.0, ""))
        show = [("none within sourced range" if v is None else f"{v * scale:,.3g}{label}")
                for v in (be.against_industry, be.against_hyperscale)]
        out.append((f"break-even {be.key}: central {be.central * scale:,.3g}{label}, most aggressive sourced "
                    f"{be.aggressive * scale:,.3g}{label}",
                    f"{result['break_even']['industry']['usd_per_kg']:,.0f} $/kg" if be.key == "launch.price_factor"
                    else "—", f"industry {show[0]}, hyperscale {show[1]}"))
    ladder = "; ".join(f"{r.key}{'' if r.key == 'central' else f'={r.value:g}'}: {r.ratio_industry:.2f}"
                       for r in costs.ladder)
    out.append(("ladder (orbit ÷ industry ground)", "—", ladder))
    return out


def main(paths, settings):
    model = Model().with_overrides(settings)
    for path in paths:
        result = json.load(open(path))
        costs = orbit_and_ground_costs(fleet_from_compare(result, model), model, frozenset(settings))
        print(f"\n## {result['name']}{' with ' + str(settings) if settings else ''}\n")
        print("| quantity | before | after |\n|---|---|---|")
        for row in table(result, costs):
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    args = sys.argv[1:]
    sets = dict(arg.split("=", 1) for arg in args[args.index("--set") + 1:]) if "--set" in args else {}
    main([a for a in args[:args.index("--set")] if a] if "--set" in args else args,
         {key: float(value) for key, value in sets.items()})
