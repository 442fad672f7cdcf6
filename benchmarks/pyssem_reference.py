"""orbital/population.py against MIT ARCLab's pyssem (MOCAT-SSEM) on the same inputs, without and with fleets.

Two steps, because pyssem (sympy, pandas) is no dependency of this project:

  python benchmarks/pyssem_reference.py inputs /tmp/inputs.json
      this engine's start (Population defaults: the ~11,000 actives at 550 km, the derelicts and the
      debris ≥ 10 cm spread by MASTER's profile over 36 bins of 50 km, 200–2,000 km), the actives'
      launches (each retired one replaced), life, disposal and the species' sizes, as JSON;
  PYTHONPATH=<pyssem checkout> <python with sympy, pandas, scipy> benchmarks/pyssem_reference.py run \\
      /tmp/inputs.json tests/data/pyssem_no_fleet.csv
      pyssem's own equations (ARCLab-MIT/pyssem, its static exponential atmosphere, NASA standard
      breakup model, fragments kept in their bin) on those inputs, built without its launch files (its
      initial_pop_and_launch, which downloads them, is replaced by the inputs), propagated 200 years:
      each species' total every 5 years;
  PYTHONPATH=<pyssem checkout> <python> benchmarks/pyssem_reference.py fleets /tmp/inputs.json \\
      tests/data/pyssem_with_fleet.csv
      the same with a fleet species F (each preset of FLEETS as `orbital population` assesses it: its
      satellites per bin, mass, 10 m hard-body radius, Cd A/m, life, deployment years; SHARES of it) and
      its derelicts, at each disposal success of PMDS: deployed evenly over its years, each retired
      satellite replaced, integrated (BDF) until 200 years or until the fragments pass 10⁸ (the runaway
      year, an event of the integration); and without a fleet (case "none").

tests/test_population.py compares this engine's curves with the CSV. pyssem's commit and the run's
settings are written into the CSV's header.
"""

import json
import sys

YEARS, STEP_YEARS = 200, 5
PYSSEM = "ARCLab-MIT/pyssem, commit e8e3517cb342b5d039544a20d3396d3f8c63d357 of 2026-02-08"


def inputs(path):
    """This engine's no-fleet start and rates (Population and Satellite defaults) → JSON at `path`."""
    import numpy as np

    from orbital.parameters import Model, Population
    from orbital.population import ACTIVE, DEBRIS, DERELICT, FleetInputs, System

    model, params = Model(), Population()
    fleet = FleetInputs(altitudes_km=np.array([550.0]), satellites=np.array([0.0]), mass_kg=params.derelict_mass_kg,
                        radius_m=params.derelict_radius_m, ballistic_m2_kg=params.derelict_ballistic_m2_kg,
                        life_years=model.satellite.lifetime_years, deploy_years=1.0,
                        speed_km_s=model.traffic.debris_speed_km_s)
    system = System(fleet, model.drag, params)
    x = system.start()
    out = {"low_km": params.low_km, "high_km": params.high_km, "bins": int(x.shape[1]),
           "life_years": fleet.life_years, "pmd_success": params.pmd_success, "alpha": params.unavoided_share,
           "speed_km_s": fleet.speed_km_s, "fragment_length_m": params.fragment_length_m,
           "active": x[ACTIVE].tolist(), "derelict": x[DERELICT].tolist(), "debris": x[DEBRIS].tolist(),
           "launch_per_year": (system.background_active / fleet.life_years).tolist(),
           "intact": {"mass_kg": params.derelict_mass_kg, "radius_m": params.derelict_radius_m,
                      "area_m2": params.derelict_ballistic_m2_kg / 2.2 * params.derelict_mass_kg},
           "fragment": {"mass_kg": params.debris_mass_kg, "radius_m": params.debris_radius_m,
                        "area_m2": params.debris_ballistic_m2_kg / 2.2 * params.debris_mass_kg}}
    out["fleets"] = {name: fleet_json(name, system.edges_km) for name in FLEETS}
    with open(path, "w") as handle:
        json.dump(out, handle)


def fleet_json(name, edges_km):
    """The preset `name`'s FleetInputs (as `orbital population` assesses it), rounded, and its satellites
    per bin ((K,) list)."""
    from orbital import cli
    from orbital.population import counts_in_bins, fleet_inputs

    args = cli.build_parser().parse_args(["population", "--preset", name])
    given = fleet_inputs(cli.assessment(args), cli.model_from_args(args)).to_json()
    given.update(mass_kg=round(given["mass_kg"]), ballistic_m2_kg=round(given["ballistic_m2_kg"], 4),
                 deploy_years=round(given["deploy_years"], 2))
    return {"inputs": given, "bins": counts_in_bins(edges_km, given["altitudes_km"], given["satellites"]).tolist()}


def species(given, pmd_success, fleet=None):
    """pyssem's species list: S (actives, station-keeping) and N (fragments ≥ 10 cm, tracked: the actives
    avoid all but alpha of their collisions with them, as here); pyssem adds the intact derelicts
    N_<mass>kg for S's failed disposals, with S's size and area. With `fleet` (its FleetInputs as JSON),
    the fleet's satellites F beside S, their derelicts N_<fleet mass>kg."""
    intact, fragment = given["intact"], given["fragment"]
    active = {"Cd": 2.2, "active": True, "maneuverable": True, "trackable": True, "deltat": given["life_years"],
              "Pm": pmd_success, "alpha": given["alpha"], "alpha_active": 0.0, "slotted": False,
              "slotting_effectiveness": 1.0, "drag_effected": False, "launch_func": "launch_func_null",
              "pmd_func": "pmd_func_sat", "drag_func": "drag_func_exp"}
    out = [{**active, "sym_name": "S", "mass": intact["mass_kg"], "radius": intact["radius_m"], "A": intact["area_m2"]},
           {"sym_name": "N", "Cd": 2.2, "mass": fragment["mass_kg"], "radius": fragment["radius_m"],
            "A": fragment["area_m2"], "active": False, "maneuverable": False, "trackable": True, "deltat": None,
            "Pm": 0, "alpha": 0, "alpha_active": 0, "RBflag": 0, "slotted": False, "slotting_effectiveness": 1,
            "drag_effected": True, "launch_func": "launch_func_null", "pmd_func": "pmd_func_derelict",
            "drag_func": "drag_func_exp"}]
    if fleet is not None:
        out.insert(1, {**active, "sym_name": "F", "mass": float(fleet["mass_kg"]), "radius": fleet["radius_m"],
                       "A": fleet["ballistic_m2_kg"] / 2.2 * fleet["mass_kg"], "deltat": fleet["life_years"]})
    return out


def build(given, pmd_success, fleet=None):
    """pyssem's model on the inputs (its launch files replaced by them; fragment sampling seeded):
    (scenario, the species' names in the state's order)."""
    import numpy as np
    from pyssem.model import Model
    from pyssem.utils.simulation.scen_properties import ScenarioProperties

    def start(self, baseline=False, launch_file=None):
        self.x0, self.FLM_steps = None, None  # the inputs, set below, stand for pyssem's launch files

    ScenarioProperties.initial_pop_and_launch = start
    np.random.seed(0)
    model = Model("01/01/2025", YEARS, YEARS // STEP_YEARS, int(given["low_km"]), int(given["high_km"]),
                  given["bins"], "Constant", "BDF", "static_exp_dens_func", given["fragment_length_m"],
                  v_imp=given["speed_km_s"], fragment_spreading=False, parallel_processing=False, baseline=True)
    model.configure_species(species(given, pmd_success, fleet))
    scenario = model.scenario_properties
    scenario.build_model()
    order = [str(v).rsplit("_", 1)[0] for v in scenario.all_symbolic_vars[::given["bins"]]]
    return model, scenario, order


def run(inputs_path, out_path):
    """pyssem on the inputs at `inputs_path`: each species' total every STEP_YEARS → CSV at `out_path`."""
    import numpy as np
    import pandas as pd

    given = json.load(open(inputs_path))
    bins = given["bins"]
    model, scenario, order = build(given, given["pmd_success"])
    names = [s.sym_name for group in scenario.species.values() for s in group]
    derelict = f"N_{float(given['intact']['mass_kg'])}kg"
    rows = {"S": given["active"], derelict: given["derelict"], "N": given["debris"]}
    population = np.concatenate([np.asarray(rows[name], float) for name in order])
    launch = np.concatenate([np.asarray(given["launch_per_year"] if name == "S" else np.zeros(bins)) for name in order])
    times = np.arange(0.0, YEARS + STEP_YEARS / 2, STEP_YEARS)
    states, _ = model.propagate(times, population, launch=list(launch))
    totals = {name: states[:, k * bins:(k + 1) * bins].sum(axis=1) for k, name in enumerate(order)}
    frame = pd.DataFrame({"year": times, "active": totals["S"], "derelict": totals[derelict], "debris": totals["N"]})
    with open(out_path, "w") as handle:
        handle.write(f"# pyssem (ARCLab-MIT/pyssem) on this engine's no-fleet inputs (benchmarks/pyssem_reference.py):\n"
                     f"# species {names}, {bins} bins {given['low_km']:g}-{given['high_km']:g} km, static exponential "
                     f"atmosphere, fragments >= {given['fragment_length_m']:g} m kept in their bin, BDF; totals.\n")
        frame.to_csv(handle, index=False, float_format="%.6g")


# The fleets run with pyssem (presets, assessed as `orbital population` does), the shares of each
# preset's satellites flown (spacex-odc's million runs away within years here; a tenth and a hundredth
# of it, in the same shells, give the curves and later runaways), and the disposal successes.
FLEETS = ("starlink", "spacex-odc")
SHARES = {"starlink": (1.0,), "spacex-odc": (1.0, 0.1, 0.01)}
PMDS = (0.9, 0.99)
# Debris ≥ 10 cm past which a projection is a runaway (orbital.population.RUNAWAY_DEBRIS).
RUNAWAY_DEBRIS = 1e8


def integrate(scenario, order, given, fleet, share):
    """pyssem's equations from the start with `share` of `fleet` ({"inputs", "bins"}): the background's
    launches as in run(); the fleet's deployed evenly over its deploy_years and each retired satellite
    replaced (launches = ramp + F / life, F the fleet's satellites in each bin at the time). BDF to
    YEARS or until the fragments pass RUNAWAY_DEBRIS: (times (T,), totals {species: (T,)}, runaway year)."""
    import numpy as np
    from scipy.integrate import solve_ivp

    bins, life = given["bins"], fleet["inputs"]["life_years"]
    deploy = fleet["inputs"]["deploy_years"]
    cells = {name: slice(k * bins, (k + 1) * bins) for k, name in enumerate(order)}
    derelict = f"N_{float(given['intact']['mass_kg'])}kg"
    x = np.zeros(len(order) * bins)
    x[cells["S"]], x[cells[derelict]], x[cells["N"]] = given["active"], given["derelict"], given["debris"]
    ramp = share * np.asarray(fleet["bins"]) / deploy
    base = np.zeros_like(x)
    base[cells["S"]] = given["launch_per_year"]

    def rhs(t, y, ramping):
        launch = base.copy()
        launch[cells["F"]] = y[cells["F"]] / life + (ramp if ramping else 0.0)
        return np.array([equation(*y) for equation in scenario.equations]) + launch

    def runaway(t, y, ramping):
        return y[cells["N"]].sum() - RUNAWAY_DEBRIS
    runaway.terminal, runaway.direction = True, 1

    grid = np.arange(0.0, YEARS + STEP_YEARS / 2, STEP_YEARS)
    times, states, stop = [0.0], [x], None
    for (t0, t1), ramping in (((0.0, deploy), True), ((deploy, float(YEARS)), False)):
        ends = np.union1d(grid[(grid > t0) & (grid <= t1)], [t1])
        out = solve_ivp(rhs, (t0, t1), x, method="BDF", args=(ramping,), t_eval=ends, events=runaway,
                        rtol=1e-6, atol=1e-3)
        keep = np.isin(out.t, grid)
        times, states = times + list(out.t[keep]), states + list(out.y.T[keep])
        if out.t_events[0].size:
            stop = float(out.t_events[0][0])
            break
        x = out.y[:, -1]
    states = np.array(states)
    return np.array(times), {name: states[:, cell].sum(axis=1) for name, cell in cells.items()}, stop

def fleets(inputs_path, out_path):
    """pyssem with each of FLEETS at each of SHARES and PMDS (and none, share 0, from the first fleet's
    model): each species' total every STEP_YEARS and the runaway year → CSV at `out_path`."""
    import numpy as np

    given = json.load(open(inputs_path))
    rows, runaways = [], {}
    for pmd in PMDS:
        for name in FLEETS:
            fleet = given["fleets"][name]
            _, scenario, order = build(given, pmd, fleet["inputs"])
            derelict = f"N_{float(fleet['inputs']['mass_kg'])}kg"
            for share in ((0.0,) if name == FLEETS[0] else ()) + SHARES[name]:
                case = "none" if share == 0 else name if share == 1 else f"{name}*{share:g}"
                times, totals, runaways[f"{case}@{pmd:g}"] = integrate(scenario, order, given, fleet, share)
                rows += [(case, pmd, t, totals["S"][k], totals["F"][k], totals[f"N_{float(given['intact']['mass_kg'])}kg"][k],
                          totals[derelict][k], totals["N"][k]) for k, t in enumerate(times)]
    with open(out_path, "w") as handle:
        handle.write(f"# pyssem ({PYSSEM}) with fleets on this engine's inputs (benchmarks/pyssem_reference.py "
                     f"fleets): species S, F, N and the derelicts of S and F, {given['bins']} bins "
                     f"{given['low_km']:g}-{given['high_km']:g} km, static exponential atmosphere, BDF; totals.\n")
        for name in FLEETS:
            handle.write(f"# fleet {name}: {json.dumps(given['fleets'][name]['inputs'])}\n")
        handle.write(f"# runaway (fragments > {RUNAWAY_DEBRIS:g}), years: {json.dumps(runaways)}\n")
        handle.write("case,pmd,year,active,fleet,derelict,fleet_derelict,debris\n")
        for row in rows:
            handle.write(",".join([row[0], f"{row[1]:g}"] + [f"{v:.6g}" for v in np.asarray(row[2:], float)]) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["inputs"]:
        inputs(sys.argv[2])
    elif sys.argv[1:2] == ["run"]:
        run(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["fleets"]:
        fleets(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: pyssem_reference.py inputs OUT.json | run IN.json OUT.csv | fleets IN.json OUT.csv")
