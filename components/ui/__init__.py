"""Layout and callbacks: each module declares its callbacks and registers them with Dash through its register()."""
