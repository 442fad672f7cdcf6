"""The assessment as a pipeline of typed stages. Each stage is a function of the scenario (fleet.Scenario:
constellation, times, model) and of earlier stages' records, named by its parameters; it returns a
frozen record (orbital/record.py). STAGES declares the order: a new stage is written as such a function
and named there, and the Assessment gains it as a field of that name."""

import dataclasses
import inspect
import typing

from ..record import Record
from .debris import debris
from .environment import design, disposal, radiation
from .costs import costs
from .fleet import Scenario, fleet
from .ground import terrestrial
from .launch import launch
from .mass import mass
from .operation import operation
from .rules import rules
from .reentry import reentry
from .shells import shells
from .sizing import sizing
from .summary import compute, end_of_life, heat, power, sunlight
from .warnings import warnings

STAGES = (
    ("fleet", fleet), ("radiation", radiation), ("sizing", sizing), ("operation", operation), ("mass", mass),
    ("sunlight", sunlight),
    ("power", power), ("compute", compute), ("end_of_life", end_of_life), ("heat", heat),
    ("terrestrial", terrestrial), ("launch", launch), ("disposal", disposal),
    ("reentry", reentry), ("rules", rules), ("debris", debris), ("design", design), ("shells", shells),
    ("costs", costs),
    ("warnings", warnings),
)


def needs(stage):
    """The earlier stages `stage` reads: its parameters after the scenario."""
    return tuple(inspect.signature(stage).parameters)[1:]


# The whole answer: a field per stage, of the record type the stage returns.
Assessment = dataclasses.make_dataclass(
    "Assessment", [(name, typing.get_type_hints(stage)["return"]) for name, stage in STAGES],
    bases=(Record,), frozen=True, eq=False)
Assessment.__module__ = __name__
Assessment.__doc__ = "Every stage's record, by the stage's name (STAGES); to_json() and from_json() as any Record."


def run(scenario):
    """The Assessment of `scenario`: each stage in STAGES' order, given the earlier stages it names."""
    done = {}
    for name, stage in STAGES:
        done[name] = stage(scenario, *(done[earlier] for earlier in needs(stage)))
    return Assessment(**done)


__all__ = ["Assessment", "STAGES", "Scenario", "needs", "run"]
