"""Before/after table of issue 23: the launch-only verdict (`orbital compare --json` before the costs
stage) beside the whole bill (the costs stage, `orbital compare --json` now), and the side-by-side with
both peers on their own inputs (tests/test_peers.py's mapping).

    (cd /work/main-before && python -m orbital compare --preset spacex-odc --json) > /tmp/odc_before.json
    python -m orbital compare --preset spacex-odc --json > /tmp/odc_after.json
    (likewise suncatcher)
    PYTHONPATH=. python benchmarks/costs_before_after.py /tmp/odc_before.json /tmp/odc_after.json \\
        /tmp/sun_before.json /tmp/sun_after.json
"""

import importlib.util
import json
import sys
from pathlib import Path

from orbital.economics.tco import ground_annual_per_kw, ground_side, orbit_annual, orbit_side

OLD_COST = "cost per kW-year (orbit: launch over life; ground: grid energy)"
LEVER_UNITS = {"launch.price_factor": ("usd_per_kg_rated", "$/kg"), "hardware.price_factor":
               ("hardware_usd_per_kg", "$/kg of satellite"), "satellite.lifetime_years": (None, "years"),
               "operations.wacc": (None, "/yr")}


def money(value):
    return "—" if value is None else f"${value:,.0f}"


def parts_text(side):
    return ", ".join(f"{p['name']} {p['usd_per_kw_year']:,.0f}" for p in side["parts"] if p["usd_per_kw_year"] >= 0.5)


def lever_text(costs, key, value):
    """A lever's value in units ('none within sourced range' for None)."""
    if value is None:
        return "none within sourced range"
    scale_key, unit = LEVER_UNITS[key]
    scaled = value * (costs[scale_key] if scale_key else 1.0)
    return f"{scaled:,.3g} {unit}"


def rows(before, after):
    """(quantity, before, after) for one preset."""
    old = {row["quantity"]: row for row in before["rows"]}
    v, c = before["verdict"], after["costs"]
    u, orbit, industry, hyperscale = c["uncertainty"], c["orbit"], c["industry"], c["hyperscale"]
    out = [
        ("mass per satellite, kg", f"{before['mass']['per_satellite']['total_kg']:,.0f}",
         f"{after['mass']['per_satellite']['total_kg']:,.0f}"),
        ("launches to deploy", f"{before['launch']['launches']:,} (per kg carried)",
         f"{after['launch']['launches']:,} ({c['flights_total']:,.0f} flights paid whole, "
         f"{min(c['payload_per_flight_kg']) / 1e3:,.0f}–{max(c['payload_per_flight_kg']) / 1e3:,.0f} t each)"),
        ("orbit $/kW-yr", f"{money(old[OLD_COST]['orbit'])} rows / {money(v['orbit_usd_per_kw_year']['central'])} "
         "verdict (launch only)", f"{money(orbit['usd_per_kw_year'])} ({parts_text(orbit)})"),
        ("ground $/kW-yr industry", f"{money(old[OLD_COST]['ground'])} (energy at $0.10/kWh only)",
         f"{money(industry['usd_per_kw_year'])} ({parts_text(industry)})"),
        ("ground $/kW-yr hyperscale", money(v["ground_usd_per_kw_year"]["hyperscale"]),
         money(hyperscale["usd_per_kw_year"])),
        ("orbit ÷ ground industry / hyperscale", f"{v['central_ratio']:.2f}",
         f"{c['ratio_industry']:.2f} / {c['ratio_hyperscale']:.2f}"),
        ("LCOE $/MWh orbit / industry / hyperscale", "—", f"{orbit['lcoe_usd_per_mwh']:,.0f} / "
         f"{industry['lcoe_usd_per_mwh']:,.0f} / {hyperscale['lcoe_usd_per_mwh']:,.0f}"),
        ("$/PFLOP-day orbit / industry / hyperscale", "—", f"{orbit['usd_per_pflop_day']:,.1f} / "
         f"{industry['usd_per_pflop_day']:,.1f} / {hyperscale['usd_per_pflop_day']:,.1f}"),
        ("launch share of orbit cost", "100 %", f"{c['launch_share']:.0%}"),
        ("central vs median orbit $/kW-yr", f"{money(v['orbit_usd_per_kw_year']['central'])}; p5 "
         f"{money(v['orbit_usd_per_kw_year']['p5'])}, p95 {money(v['orbit_usd_per_kw_year']['p95'])}",
         f"{money(u['orbit_central'])} at p{u['central_percentile']:.0f} vs median {money(u['orbit_median'])} "
         f"(p5 {money(u['orbit_p5'])}, p95 {money(u['orbit_p95'])}; ratio {u['ratio_central']:.2f} vs "
         f"median {u['ratio_median']:.2f})"),
        ("P(orbit cheaper) industry / hyperscale", f"{v['p_orbit_cheaper_per_kw_year']['industry']:.3f} / "
         f"{v['p_orbit_cheaper_per_kw_year']['hyperscale']:.3f}",
         f"{u['p_orbit_cheaper_industry']:.3f} / {u['p_orbit_cheaper_hyperscale']:.3f}"),
    ]
    for be in c["break_evens"]:
        was = (f"${before['break_even']['industry']['usd_per_kg']:,.0f}/kg (hyperscale "
               f"${before['break_even']['hyperscale']['usd_per_kg']:,.0f}/kg)" if be["key"] == "launch.price_factor"
               else "—")
        out.append((f"break-even {be['key']} (central {lever_text(c, be['key'], be['central'])}, most aggressive "
                    f"sourced {lever_text(c, be['key'], be['aggressive'])})", was,
                    f"industry: {lever_text(c, be['key'], be['against_industry'])}; hyperscale: "
                    f"{lever_text(c, be['key'], be['against_hyperscale'])}"))
    ladder = " → ".join(f"{r['key']}{'' if r['value'] is None else '=' + format(r['value'], '.3g')}: "
                        f"{r['ratio_industry']:.2f}" for r in c["ladder"])
    return out + [("ladder (orbit ÷ industry ground after each lever at its aggressive end)", "—", ladder)]


def peers():
    """(peer, quantity, published, this model on its inputs) from tests/test_peers.py's mapping."""
    path = Path(__file__).resolve().parent.parent / "tests" / "test_peers.py"
    spec = importlib.util.spec_from_file_location("test_peers", path)
    p = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(p)
    m, d = p.MCCALIP, p.mccalip_drivers()
    orbit = float(sum(orbit_annual(p.mccalip_fleet(), d, {"launch.price_usd_per_kg"})["annual"].values())[0]) * m["years"]
    ground = (float(sum(ground_annual_per_kw(p.mccalip_fleet(), d, d["ground.pue"]).values())[0])
              * m["target_w"] / 1000.0 * m["capacity_factor"] * m["years"])
    fleet, sd = p.spacedc_orbit()
    s = p.SPACEDC
    sd.update({"facility.electrical_usd_per_w": s["earth_usd_per_w"], "facility.mechanical_usd_per_w": 0.0,
               "facility.shell_usd_per_w": 0.0, "facility.fit_out_usd_per_w": 0.0, "facility.life_years": s["years"],
               "facility.maintenance_fraction_per_year": s["earth_maintenance"],
               "facility.accelerator_service_fraction_per_year": s["earth_maintenance"],
               "facility.accelerator_life_years": s["years"], "facility.load_factor": s["utilisation"],
               "facility.availability": s["earth_availability"], "facility.price_usd_per_kwh": s["earth_usd_per_kwh"],
               "facility.gas_supply": 0.0})
    space = orbit_side(orbit_annual(fleet, sd, {"launch.price_usd_per_kg"})).usd_per_pflop_day
    earth = ground_side(fleet, sd, s["earth_pue"]).usd_per_pflop_day
    return [("McCalip (1 GW, 5 yr, $500/kg)", "orbital, $B", 51.10, orbit / 1e9),
            ("McCalip", "terrestrial (gas), $B", 15.85, ground / 1e9),
            ("McCalip", "orbit ÷ ground", 51.10 / 15.85, orbit / ground),
            ("spacedc-mdao (1 MW text inference)", "orbit $/PFLOP-day", 1237.0, space),
            ("spacedc-mdao", "earth $/PFLOP-day", 66.0, earth),
            ("spacedc-mdao", "orbit ÷ earth", 18.7, space / earth)]


def main(paths):
    for before_path, after_path in zip(paths[::2], paths[1::2]):
        before, after = json.load(open(before_path)), json.load(open(after_path))
        print(f"\n## {after['name']} ({after['vehicle']})\n\n| quantity | before | after |\n|---|---|---|")
        for row in rows(before, after):
            print("| " + " | ".join(row) + " |")
    print("\n## Peers on their own inputs\n\n| peer | quantity | published | this model |\n|---|---|---|---|")
    for peer, quantity, published, ours in peers():
        print(f"| {peer} | {quantity} | {published:,.2f} | {ours:,.2f} ({ours / published - 1:+.1%}) |")


if __name__ == "__main__":
    main(sys.argv[1:])
