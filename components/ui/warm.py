"""Every viewer of a preset asks the same first questions: answer them once as the server starts, so
the first viewer finds them ready (results.shared stores them for every process and restart).

ORBITAL_WARM_PRESETS names the presets (comma-separated; default every preset, "" for none)."""

import logging
import threading
import time

import orbital

from .. import settings
from ..model.engine import fleet_compute, satellite_scatter, yearly
from .globe import globe_payload, payload_shape
from .panels import panels_answer
from ..model.report import panel_figures
from ..jobs.results import shared
from ..model.state import ViewState

log = logging.getLogger(__name__)

def warm(names):
    """Compute and store the default view of each preset in `names`: its globe payload, its yearly
    assessment, its fleet compute, its beta-angle sample and its panels' answer (what the page asks
    first); and, in this process, build its constellation (a million satellites take ~1 s, and every
    request of the view needs them), fill the engine's memo of its orbits (so a changed control costs
    ~0.3 s of the year, not ~2.5 s) and build its panels' figures once (Plotly's first figures in a
    process take ~3 s). Returns the seconds each preset took."""
    took = {}
    for name in names:
        started = time.perf_counter()
        view = ViewState(preset=name)
        view.constellation()
        shared("globe", view, globe_payload, check=payload_shape)
        yearly(view)
        orbital.remember_orbits(view.constellation(), view.year, view.model())
        fleet_compute(view)
        satellite_scatter(view)
        shared("panels-answer", view, panels_answer, check=lambda value: isinstance(value, str))
        panel_figures(view)
        took[name] = time.perf_counter() - started
    return took


def start_warming(names=None):
    """warm(names, default ORBITAL_WARM_PRESETS as it is now) in a daemon thread of this process; a failure
    is logged, never raised."""
    names = settings.WARM_PRESETS.value() if names is None else names

    def run():
        try:
            for name, seconds in warm(names).items():
                log.info("warmed %s in %.1f s", name, seconds)
        except Exception:  # the server serves without the warm results; each is computed when asked
            log.exception("warming the presets failed")

    if names:
        threading.Thread(target=run, name="warm-presets", daemon=True).start()
