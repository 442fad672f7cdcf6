"""The error types the engine raises for bad input."""


class OrbitalError(ValueError):
    """Bad input to the engine. `parameter` names what it is about (an argument of the engine's
    function, a model parameter, a command-line option); the message says why in plain words and
    gives the allowed range. Callers place the message by `parameter`, never by its wording."""

    def __init__(self, message, *, parameter):
        super().__init__(message)
        self.parameter = parameter


class BadRecordsError(OrbitalError):
    """A catalogue refused for its records. `records`: the first few bad ones, each 'line N: reason'
    (or 'record N: reason'), with `records.count` how many were bad in all; `usable`: how many were
    good, so skipping the bad ones helps only when `skippable` (some bad, some good)."""

    def __init__(self, message, *, records, usable, parameter="catalogue"):
        super().__init__(message, parameter=parameter)
        self.records, self.usable = records, usable

    @property
    def count(self):
        """How many records were bad."""
        return self.records.count

    @property
    def skippable(self):
        """Whether reading the catalogue without its bad records leaves satellites."""
        return self.count > 0 and self.usable > 0
