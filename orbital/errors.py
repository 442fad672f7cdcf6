"""The one error type the engine raises for bad input."""


class OrbitalError(ValueError):
    """Bad input to the engine: the message names the parameter and its allowed range."""
