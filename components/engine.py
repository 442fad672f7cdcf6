"""What the dashboard asks of the engine for a view: each answer is orbital/'s, through its front
door, computed once for every process and viewer (results.shared) where every viewer of that view
would ask the same."""

import orbital

from .results import shared


def yearly(view):
    """The yearly assessment (orbital.assess_year) of the view's constellation and model."""
    return shared("yearly", view, lambda v: orbital.assess_year(v.constellation(), v.year, v.model()))


def accelerators_by_shell(result):
    """Accelerators per satellite of each shell, as the yearly assessment `result` sizes them."""
    return tuple(shell["accelerators_per_satellite"] for shell in result["shells"])


def fleet_compute(view):
    """The fleet's compute over the window (orbital.fleet_compute), accelerators sized by the year."""
    return shared("compute", view, lambda v: orbital.fleet_compute(
        v.constellation(), v.window(), v.model(), accelerators_by_shell(yearly(v))))


def satellite_scatter(view):
    """A sample of each shell by beta angle and sunlit fraction over the window."""
    return shared("scatter", view, lambda v: orbital.satellite_scatter(v.constellation(), v.window()))


def satellite_power(view, index):
    """Satellite `index` (already clamped) over the window: power, sunlight and umbra."""
    return orbital.satellite_power(view.constellation(), index, view.window(), view.array())


def energy_comparison(view):
    """The orbital-versus-terrestrial table of the view's year."""
    return orbital.comparison(yearly(view))


def fleet_year(view, progress=None, run_chunks=orbital.serial_chunks):
    """Every plane of the view's fleet over its calendar year (orbital.fleet_year), shared."""
    return shared("fleet-year", view, lambda v: orbital.fleet_year(
        v.constellation(), v.year, v.model().array, progress=progress, run_chunks=run_chunks))


def fleet_year_chunk(view, index):
    """One chunk of fleet_year: the planes standing at satellite indices `index`."""
    return orbital.fleet_year_chunk(view.constellation(), index, view.year, view.model().array)
