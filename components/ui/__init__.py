"""Layout and callbacks. Each module declares its callbacks (ui/callbacks.py) and registers them with
Dash through its register(); register() here is the one place that calls them."""

import importlib

# The modules with callbacks, in the order the app registers them.
MODULES = ("clock", "controls", "globe", "overlays", "background", "panels", "satellite", "sky", "safety", "network", "strip",
           "presentation", "layout")
# The modules whose background callbacks a Celery worker runs (none of them builds the page's layout).
BACKGROUND_MODULES = ("background", "presentation", "network")


def register(names=MODULES):
    """Register the callbacks of the ui modules `names` with Dash (each module once per process)."""
    for name in names:
        importlib.import_module(f"{__name__}.{name}").register()
