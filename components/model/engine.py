"""What the dashboard asks of the engine for a view: each answer is orbital/'s, through its front
door, computed once for every process and viewer (results.shared) where every viewer of that view
would ask the same."""

import numbers
from datetime import datetime, timedelta

import numpy as np

import orbital

from ..jobs.results import shared, stored


def has(value, **kinds):
    """Whether `value` is a dict holding each key with a value of its kind (a type or a tuple)."""
    return isinstance(value, dict) and all(isinstance(value.get(key), kind) for key, kind in kinds.items())


def same_length(*arrays):
    """Whether every array is 1-D and all have one length."""
    return all(isinstance(a, np.ndarray) and a.ndim == 1 for a in arrays) and len({a.size for a in arrays}) == 1


def yearly_shape(value):
    """A yearly assessment as Assessment.to_json() gives it: Assessment.from_json rebuilds it."""
    try:
        orbital.Assessment.from_json(value)
    except (TypeError, ValueError):
        return False
    return True


def compute_shape(value):
    """The fleet's compute over a window."""
    return (has(value, seconds=np.ndarray, delivered_pflops=np.ndarray, installed_pflops=np.ndarray,
                accelerators_per_satellite=np.ndarray, satellites=numbers.Integral, eclipse_mode=str, throughput=str)
            and same_length(value["seconds"], value["delivered_pflops"], value["installed_pflops"]))


def scatter_shape(value):
    """A sample of satellites by beta angle."""
    return (has(value, index=np.ndarray, names=list, beta_deg=np.ndarray, sunlit_fraction=np.ndarray,
                shell=np.ndarray)
            and same_length(value["index"], value["beta_deg"], value["sunlit_fraction"], value["shell"])
            and len(value["names"]) == value["index"].size)


def fleet_year_shape(value):
    """A fleet year as orbital.fleet_year returns it."""
    return (has(value, by_plane=dict, histogram=np.ndarray, group_names=list, sunlit_fraction=numbers.Real,
                energy_twh_per_year=numbers.Real, satellites=numbers.Integral, planes=numbers.Integral,
                year=numbers.Integral)
            and value["histogram"].ndim == 2 and value["histogram"].shape[0] == len(value["group_names"]))


def yearly(view):
    """The yearly assessment (orbital.assess_year, an orbital.Assessment) of the view's constellation and
    model; shared as its JSON."""
    return orbital.Assessment.from_json(shared(
        "yearly", view, lambda v: orbital.assess_year(v.constellation(), v.year, v.model()).to_json(),
        check=yearly_shape))


def outlook_shape(value):
    """A population outlook as orbital.population_outlook(...).to_json() gives it."""
    return isinstance(value, dict) and {"with_fleet", "without_fleet", "crash_clock_days_now"} <= set(value)


def population_outlook(view):
    """LEO's population over decades with and without the view's fleet (orbital.population_outlook on
    the yearly assessment), as its JSON tree; shared."""
    return shared("population", view, lambda v: orbital.population_outlook(yearly(v), v.model()).to_json(),
                  check=outlook_shape)


def accelerators_by_shell(result):
    """Accelerators per satellite of each shell, as the yearly assessment `result` sizes them."""
    return tuple(shell.accelerators_per_satellite for shell in result.shells.rows)


def fleet_compute(view):
    """The fleet's compute over the window (orbital.fleet_compute), accelerators sized by the year."""
    return shared("compute", view, lambda v: orbital.fleet_compute(
        v.constellation(), v.window(), v.model(), accelerators_by_shell(yearly(v))), check=compute_shape)


def satellite_scatter(view):
    """A sample of each shell by beta angle and sunlit fraction over the window."""
    return shared("scatter", view, lambda v: orbital.satellite_scatter(v.constellation(), v.window()),
                  check=scatter_shape)


def satellite_power(view, index):
    """Satellite `index` (already clamped) over the window: power, sunlight and umbra."""
    return orbital.satellite_power(view.constellation(), index, view.window(), view.array())


def satellite_facts(view, index):
    """Satellite `index` (already clamped) over the window as an engineer reads it (orbital.satellite_facts),
    with the accelerators and radiator the year's sizing gives its shell."""
    constellation = view.constellation()
    row = yearly(view).shells.rows[int(constellation.group_index()[index])]
    return orbital.satellite_facts(constellation, index, view.window(), view.model(), row.accelerators_per_satellite,
                                   row.radiator_m2)


def snapshot(view, index, seconds):
    """The view's constellation at `seconds` from the window's start (orbital.snapshot, satellite
    `index` selected, already clamped) and that instant in words: '2026-06-21 02:00 UTC (+120 min)'."""
    when = datetime.fromisoformat(view.start.replace("Z", "+00:00")) + timedelta(seconds=float(seconds))
    snap = orbital.snapshot(view.constellation(), orbital.at(when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")), index)
    return snap, f"{when:%Y-%m-%d %H:%M} UTC (+{seconds / 60.0:,.0f} min)"


def energy_comparison(view):
    """The orbital-versus-terrestrial table of the view's year."""
    return orbital.comparison(yearly(view))


def fleet_year(view, progress=None, run_chunks=orbital.serial_chunks):
    """Every plane of the view's fleet over its calendar year (orbital.fleet_year), shared."""
    return shared("fleet-year", view, lambda v: orbital.fleet_year(
        v.constellation(), v.year, v.model().array, progress=progress, run_chunks=run_chunks),
        check=fleet_year_shape)


def fleet_year_chunk(view, index):
    """One chunk of fleet_year: the planes standing at satellite indices `index`."""
    return orbital.fleet_year_chunk(view.constellation(), index, view.year, view.model().array)


# The traffic job screens a day from the window's start, s.
TRAFFIC_WINDOW_S = orbital.DAY_S


def traffic_shape(value):
    """A traffic summary as orbital.traffic returns it."""
    return (has(value, approaches_per_day=numbers.Real, manoeuvres_per_satellite_per_year=numbers.Real,
                shell_pairs=list, design=list, disposal=list, miss_histogram=dict, approaches=list, plan=list)
            and len(value["miss_histogram"].get("edges_km", [])) == len(value["miss_histogram"].get(
                "approaches_per_day", [])) + 1)


def disposal_rows(result):
    """Per shell of a yearly assessment: how long a dead satellite stays up at solar maximum, and whether
    that outlasts the disposal rule."""
    rule = result.disposal.rule_years
    return [{"shell": row.shell, "satellites": row.satellites,
             "dead_satellite_years": row.solar_max.dead_satellite_years,
             "beyond_rule": row.solar_max.dead_satellite_years > rule} for row in result.mass.drag]


def traffic(view, progress=None, run_chunks=orbital.serial_chunks):
    """Close approaches among the view's satellites over a day from its start (orbital.traffic), with
    the yearly assessment's disposal per shell; shared."""
    return shared("traffic", view, lambda v: orbital.traffic(
        v.constellation(), orbital.at(v.start), TRAFFIC_WINDOW_S, v.model(), disposal_rows(yearly(v)),
        progress=progress, run_chunks=run_chunks), check=traffic_shape)


def traffic_if_screened(view):
    """The view's traffic result if a job already screened it, else None."""
    return stored("traffic", view, check=traffic_shape)


def traffic_chunk(view, chunk):
    """One chunk of traffic's screening (a pair (kind, group indices) of its plan), summarised
    (orbital.traffic_chunk): small and JSON-friendly whatever the chunk held."""
    return orbital.traffic_chunk(view.constellation(), chunk, orbital.at(view.start), TRAFFIC_WINDOW_S, view.model())
