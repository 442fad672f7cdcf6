"""Frozen records that the assessment's stages return, and their JSON form: `to_json()` gives a tree of
dicts, lists, str, numbers, bools and None (numpy arrays as nested lists); `from_json(tree)` rebuilds the
record exactly, field by field from its type hints, and raises OrbitalError naming the first field that
is missing, extra or of the wrong kind."""

import dataclasses
import types
import typing
from typing import Annotated

import numpy as np

from .errors import OrbitalError

# Fields holding numpy arrays, by element type: JSON lists (nested for more dimensions) on the way out.
FloatArray = Annotated[np.ndarray, float]
IntArray = Annotated[np.ndarray, int]
# A record's class decorator: frozen, compared by its JSON form (arrays compare element by element).
record = dataclasses.dataclass(frozen=True, eq=False)


class Record:
    """Base of every stage's record: to_json, from_json and equality by value."""

    def to_json(self):
        """The record as a JSON-safe tree (dict by field name; arrays as lists)."""
        return {field.name: plain(getattr(self, field.name)) for field in dataclasses.fields(self)}

    @classmethod
    def from_json(cls, tree, where=None):
        """The record whose to_json() is `tree`; OrbitalError on anything missing or mistyped."""
        return build(cls, tree, where or cls.__name__)

    def __eq__(self, other):
        return type(self) is type(other) and self.to_json() == other.to_json()

    __hash__ = None


def plain(value):
    """`value` (a record, array, tuple, dict or scalar) as a JSON-safe tree."""
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def wrong(where, expected, value):
    return OrbitalError(f"{where}: expected {expected}, got {type(value).__name__}", parameter=where)


def build_array(dtype, value, where):
    if not isinstance(value, list):
        raise wrong(where, "a list (an array)", value)
    try:
        array = np.array(value, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise OrbitalError(f"{where}: not an array of {dtype.__name__} ({exc})", parameter=where) from None
    if array.dtype.hasobject or (dtype is int and not np.array_equal(array, np.array(value, dtype=float))):
        raise OrbitalError(f"{where}: not an array of {dtype.__name__}", parameter=where)
    return array


def build_record(kind, value, where):
    if not isinstance(value, dict):
        raise wrong(where, f"a {kind.__name__} (dict)", value)
    hints = typing.get_type_hints(kind, include_extras=True)
    names = [field.name for field in dataclasses.fields(kind)]
    missing, extra = [n for n in names if n not in value], sorted(set(value) - set(names))
    if missing or extra:
        field = f"{where}.{(missing or extra)[0]}"
        raise OrbitalError(f"{field}: {'missing' if missing else 'not a field of ' + kind.__name__}", parameter=field)
    return kind(**{name: build(hints[name], value[name], f"{where}.{name}") for name in names})


def build_scalar(kind, value, where):
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind in (str, bool) and isinstance(value, kind):
        return value
    raise wrong(where, kind.__name__, value)


def build(kind, value, where):
    """`value` (a JSON tree) rebuilt as type `kind`: a Record, FloatArray/IntArray, tuple[X, ...],
    dict[str, X], X | None, float, int, str or bool."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        return build_array(args[1], value, where)
    if isinstance(kind, type) and issubclass(kind, Record):
        return build_record(kind, value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise wrong(where, "a list", value)
        return tuple(build(args[0], item, f"{where}[{k}]") for k, item in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
            raise wrong(where, "a dict with str keys", value)
        return {key: build(args[1], item, f"{where}.{key}") for key, item in value.items()}
    if origin in (typing.Union, types.UnionType):
        return None if value is None else build(next(a for a in args if a is not type(None)), value, where)
    return build_scalar(kind, value, where)
