"""The one error type the engine raises for bad input."""


class OrbitalError(ValueError):
    """Bad input to the engine. `parameter` names what it is about (an argument of the engine's
    function, a model parameter, a command-line option); the message says why in plain words and
    gives the allowed range. Callers place the message by `parameter`, never by its wording."""

    def __init__(self, message, *, parameter):
        super().__init__(message)
        self.parameter = parameter
