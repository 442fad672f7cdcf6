"""Configuration, in one place: every environment variable the engine reads, with its default, unit and
meaning (the dashboard's own are in components/settings.py, built from this module's Setting).

A Setting is read when asked (`value()`), from the environment as it is then; a module that keeps one
as a constant reads it once, as it is imported."""

import os
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Setting:
    """An environment variable: `name`, `default` (text, or a function of no argument whose docstring
    says what it gives), `unit`, `meaning`, and `parse` (text → value)."""

    name: str
    default: str | Callable[[], str]
    unit: str
    meaning: str
    parse: Callable[[str], object] = float

    def text(self):
        """The variable's text now: the environment's, or the default's."""
        if self.name in os.environ:
            return os.environ[self.name]
        return self.default() if callable(self.default) else self.default

    def value(self):
        """The variable's value now (parsed)."""
        return self.parse(self.text())

    def default_text(self):
        """The default as documentation shows it."""
        return self.default.__doc__ if callable(self.default) else self.default

    @staticmethod
    def megabytes(text):
        """Bytes in `text` MB (MiB, 2**20 bytes; a fraction allowed)."""
        return int(float(text) * 2 ** 20)

    @staticmethod
    def kilobytes(text):
        """Bytes in `text` KB (KiB, 1024 bytes; a fraction allowed)."""
        return int(float(text) * 1024)

    @staticmethod
    def count(text):
        """A whole number."""
        return int(text)

    @staticmethod
    def stripped(text):
        """Text without surrounding spaces."""
        return text.strip()

    @staticmethod
    def core_count():
        """the number of cores"""
        return str(os.cpu_count() or 1)


MAX_SAMPLES = Setting("ORBITAL_MAX_SAMPLES", "100000000", "satellite-times",
                      "largest satellites × times one propagation holds in memory (~40 bytes each); "
                      "longer work goes in chunks", Setting.count)
MAX_SATELLITES = Setting("ORBITAL_MAX_SATELLITES", "5000000", "satellites",
                         "largest constellation one call builds (~60 bytes each); refused beyond", Setting.count)
PHASING_SEARCH_MAX = Setting("ORBITAL_PHASING_SEARCH_MAX", "50000000", "evaluations",
                             "largest Walker pattern (satellites × planes) whose best phasing is searched "
                             "when none is given (~1 s at the default)", Setting.count)
ORBIT_MEMO_MB = Setting("ORBITAL_ORBIT_MEMO_MB", "256", "MB",
                        "memory of the memo of orbit-only results, in each process", Setting.megabytes)
MAX_TIMES = Setting("ORBITAL_MAX_TIMES", "2000000", "times",
                    "largest time grid one call builds (~1 KB each while worked on); refused beyond", Setting.count)
MAX_PLANE_SAMPLES = Setting("ORBITAL_MAX_PLANE_SAMPLES", "1.2e9", "plane-samples",
                            "most plane-samples one fleet year propagates (~9 min of one core); refused beyond")
CATALOGUE_MB = Setting("ORBITAL_CATALOGUE_MB", "64", "MB",
                       "largest catalogue file (TLE, OMM; file, device or standard input) read", Setting.megabytes)

SETTINGS = (MAX_SAMPLES, MAX_SATELLITES, PHASING_SEARCH_MAX, ORBIT_MEMO_MB, MAX_TIMES, MAX_PLANE_SAMPLES, CATALOGUE_MB)
