"""A module's Dash callbacks, declared where they are written and registered with Dash only when asked.

Each module of ui/ declares its callbacks with this module's `callback` and `clientside_callback`
(the same arguments as Dash's) and offers `register()`; importing the module registers nothing.
components.ui.register() calls every module's register() once per process: for the app
(app.create_app) and for a Celery worker, which registers the background callbacks only."""

import dash


class Callbacks:
    """The callbacks one module declares: `callback` (a decorator) and `clientside_callback` record
    them; `register()` hands them to Dash (dash.callback, dash.clientside_callback), once."""

    def __init__(self):
        self.declared = []
        self.registered = False

    def callback(self, *args, **kwargs):
        """Like dash.callback: the decorated function is returned unchanged and registered later."""
        def declare(function):
            self.declared.append((dash.callback, args, kwargs, function))
            return function

        return declare

    def clientside_callback(self, *args, **kwargs):
        """Like dash.clientside_callback, registered later."""
        self.declared.append((dash.clientside_callback, args, kwargs, None))

    def register(self):
        """Register every declared callback with Dash (a second call does nothing)."""
        if self.registered:
            return
        self.registered = True
        for dash_function, args, kwargs, function in self.declared:
            if function is None:
                dash_function(*args, **kwargs)
            else:
                dash_function(*args, **kwargs)(function)
