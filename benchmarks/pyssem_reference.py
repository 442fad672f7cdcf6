"""orbital/population.py against MIT ARCLab's pyssem (MOCAT-SSEM) on the same inputs, no fleet.

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
      each species' total every 5 years.

tests/test_population.py compares this engine's curves with the CSV. pyssem's commit and the run's
settings are written into the CSV's header.
"""

import json
import sys

YEARS, STEP_YEARS = 200, 5


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
    with open(path, "w") as handle:
        json.dump(out, handle)


def species(given):
    """pyssem's species list: S (actives, station-keeping) and N (fragments ≥ 10 cm, tracked: the actives
    avoid all but alpha of their collisions with them, as here); pyssem adds the intact derelicts
    N_<mass>kg for S's failed disposals, with S's size and area."""
    intact, fragment = given["intact"], given["fragment"]
    return [{"sym_name": "S", "Cd": 2.2, "mass": intact["mass_kg"], "radius": intact["radius_m"], "A": intact["area_m2"],
             "active": True, "maneuverable": True, "trackable": True, "deltat": given["life_years"],
             "Pm": given["pmd_success"], "alpha": given["alpha"], "alpha_active": 0.0, "slotted": False,
             "slotting_effectiveness": 1.0, "drag_effected": False, "launch_func": "launch_func_null",
             "pmd_func": "pmd_func_sat", "drag_func": "drag_func_exp"},
            {"sym_name": "N", "Cd": 2.2, "mass": fragment["mass_kg"], "radius": fragment["radius_m"],
             "A": fragment["area_m2"], "active": False, "maneuverable": False, "trackable": True, "deltat": None,
             "Pm": 0, "alpha": 0, "alpha_active": 0, "RBflag": 0, "slotted": False, "slotting_effectiveness": 1,
             "drag_effected": True, "launch_func": "launch_func_null", "pmd_func": "pmd_func_derelict",
             "drag_func": "drag_func_exp"}]


def run(inputs_path, out_path):
    """pyssem on the inputs at `inputs_path`: each species' total every STEP_YEARS → CSV at `out_path`."""
    import numpy as np
    import pandas as pd
    from pyssem.model import Model
    from pyssem.utils.simulation.scen_properties import ScenarioProperties

    given = json.load(open(inputs_path))
    bins = given["bins"]

    def start(self, baseline=False, launch_file=None):
        self.x0, self.FLM_steps = None, None  # the inputs, set below, stand for pyssem's launch files

    ScenarioProperties.initial_pop_and_launch = start
    model = Model("01/01/2025", YEARS, YEARS // STEP_YEARS, int(given["low_km"]), int(given["high_km"]), bins,
                  "Constant", "BDF", "static_exp_dens_func", given["fragment_length_m"], v_imp=given["speed_km_s"],
                  fragment_spreading=False, parallel_processing=False, baseline=True)
    model.configure_species(species(given))
    scenario = model.scenario_properties
    scenario.build_model()
    names = [s.sym_name for group in scenario.species.values() for s in group]
    derelict = f"N_{float(given['intact']['mass_kg'])}kg"
    rows = {"S": given["active"], derelict: given["derelict"], "N": given["debris"]}
    order = [str(v).rsplit("_", 1)[0] for v in scenario.all_symbolic_vars[::bins]]
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


if __name__ == "__main__":
    if sys.argv[1:2] == ["inputs"]:
        inputs(sys.argv[2])
    elif sys.argv[1:2] == ["run"]:
        run(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: pyssem_reference.py inputs OUT.json | run IN.json OUT.csv")
