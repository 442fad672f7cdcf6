"""Uploaded catalogues, filed by content so every worker process of a machine finds them.

The store's folder is ORBITAL_CATALOGUES_DIR (default: orbital-compute-catalogues in the system's
temporary folder); it is created on the first upload, not on import.
"""

import hashlib
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import orbital
from orbital import OrbitalError


class CatalogueStore:
    """Catalogue texts kept by content: `put` checks a text parses and files it under its SHA-256
    in `directory` (and nowhere else); `load` reads it back as a Constellation by that key."""

    KEY = re.compile(r"^[0-9a-f]{64}$")

    def __init__(self, directory):
        self.directory = Path(directory)

    def put(self, text, name="upload"):
        """Key of `text` (TLE, 3LE or OMM) after checking that every record parses."""
        if len(text.encode("utf-8")) > orbital.MAX_CATALOGUE_BYTES:
            raise OrbitalError(f"{name}: larger than the {orbital.MAX_CATALOGUE_BYTES:,} bytes allowed",
                               parameter="catalogue")
        names, _ = orbital.parse_catalogue_text(text, name)
        if not names:
            raise OrbitalError(f"{name}: no satellites found (TLE, 3LE or OMM expected)", parameter="catalogue")
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{key}.txt"
        if not path.exists():
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory, delete=False) as part:
                part.write(text)
            os.replace(part.name, path)
        return key

    def load(self, key, name="catalogue"):
        """The Constellation filed under `key`."""
        if not isinstance(key, str) or not self.KEY.match(key):
            raise OrbitalError("catalogue: not a catalogue key; upload a TLE or OMM file", parameter="catalogue")
        path = self.directory / f"{key}.txt"
        if not path.is_file():
            raise OrbitalError("catalogue: this catalogue is no longer on the server; upload it again",
                               parameter="catalogue")
        return orbital.from_tle(path.read_text(encoding="utf-8"), name=name)


@lru_cache(maxsize=1)
def catalogue_store():
    """This process's CatalogueStore (ORBITAL_CATALOGUES_DIR)."""
    default = Path(tempfile.gettempdir()) / "orbital-compute-catalogues"
    return CatalogueStore(os.environ.get("ORBITAL_CATALOGUES_DIR", default))
