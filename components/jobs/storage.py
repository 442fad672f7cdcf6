"""Storage that cannot run code: results as JSON plus numpy arrays read with allow_pickle=False,
and diskcache disks that refuse pickled rows, so a value planted where results or jobs are kept is
refused instead of executed.
"""

import io
import json

import diskcache
import numpy as np
from plotly.io.json import to_json_plotly

# Name of the JSON part inside an encoded result.
JSON_PART = "json"
# Largest encoded result read back, bytes: anything larger was not written by this code.
MAX_ENCODED_BYTES = 256 * 1024 * 1024


class Refused(ValueError):
    """A stored value that is not what this code writes."""


def encode(value):
    """Bytes of a result: a tree of dicts (str keys), lists, tuples, str, numbers, None and numpy
    arrays, as an .npz holding the tree as JSON (arrays replaced by {"$array": k}) and each array."""
    arrays = []

    def plain(node):
        if isinstance(node, np.ndarray):
            if node.dtype.hasobject:
                raise TypeError("object arrays are not stored")
            arrays.append(node)
            return {"$array": len(arrays) - 1}
        if isinstance(node, np.generic):
            return node.item()
        if isinstance(node, dict):
            if not all(isinstance(key, str) for key in node):
                raise TypeError("only str keys are stored")
            return {key: plain(item) for key, item in node.items()}
        if isinstance(node, (list, tuple)):
            return [plain(item) for item in node]
        if node is None or isinstance(node, (str, int, float, bool)):
            return node
        raise TypeError(f"{type(node).__name__} is not stored")

    tree = json.dumps(plain(value), allow_nan=True).encode()
    buffer = io.BytesIO()
    np.savez(buffer, **{JSON_PART: np.frombuffer(tree, dtype=np.uint8)},
             **{f"a{k}": array for k, array in enumerate(arrays)})
    return buffer.getvalue()


def decode(data):
    """The result encoded in `data` (encode's form); Refused when it is anything else."""
    if not isinstance(data, bytes) or len(data) > MAX_ENCODED_BYTES:
        raise Refused("not an encoded result")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as parts:
            tree = json.loads(parts[JSON_PART].tobytes())
            arrays = {name: parts[name] for name in parts.files if name != JSON_PART}
    except (ValueError, KeyError, OSError, EOFError, UnicodeDecodeError) as exc:
        raise Refused(f"not an encoded result ({type(exc).__name__})") from None

    def restore(node):
        if isinstance(node, dict):
            if set(node) == {"$array"}:
                try:
                    return arrays[f"a{node['$array']}"]
                except KeyError:
                    raise Refused("an array is missing") from None
            return {key: restore(item) for key, item in node.items()}
        if isinstance(node, list):
            return [restore(item) for item in node]
        return node

    return restore(tree)


class NoPickleDisk(diskcache.Disk):
    """A diskcache disk for bytes, str and numbers only: it never pickles, and refuses a pickled
    row instead of unpickling it."""

    def put(self, key):
        """The row's key: bytes, str or a number only."""
        if type(key) not in (bytes, str, int, float):
            raise TypeError(f"{type(key).__name__} keys are not stored")
        return super().put(key)

    def get(self, key, raw):
        """The key of a row; a pickled one is refused."""
        if not raw:
            raise Refused("a pickled key")
        return super().get(key, raw)

    def store(self, value, read, key=diskcache.core.UNKNOWN):
        """The row for a value: bytes, str or a number only."""
        if not read and type(value) not in (bytes, str, int, float):
            raise TypeError(f"{type(value).__name__} values are not stored")
        return super().store(value, read, key=key)

    def fetch(self, mode, filename, value, read):
        """The value of a row; a pickled one is refused."""
        if mode == diskcache.core.MODE_PICKLE:
            raise Refused("a pickled value")
        return super().fetch(mode, filename, value, read)


class JsonDisk(NoPickleDisk):
    """NoPickleDisk whose values are JSON (with Plotly's encoder, for figures and numpy): what Dash's
    disk queue keeps for a job (progress, results, side updates, its signing secret)."""

    def store(self, value, read, key=diskcache.core.UNKNOWN):
        """The row for a value, as JSON."""
        if not read:
            value = to_json_plotly(value).encode()
        return super().store(value, read, key=key)

    def fetch(self, mode, filename, value, read):
        """The value of a row, read as JSON."""
        data = super().fetch(mode, filename, value, read)
        if read:
            return data
        try:
            return json.loads(data)
        except (TypeError, ValueError):
            raise Refused("not JSON") from None
