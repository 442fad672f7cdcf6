"""Uploaded catalogues, filed by content so every worker process of a machine finds them.

The store's folder is ORBITAL_CATALOGUES_DIR (a private folder: components/folders.py); it is
created on first use, not on import.
"""

import hashlib
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import orbital
from orbital import OrbitalError

from .. import settings
from . import folders


# Most bytes of uploaded catalogues kept (ORBITAL_CATALOGUES_MB); the least recently used go first.
CATALOGUES_BYTES = settings.CATALOGUES_MB.value()


class CatalogueStore:
    """Catalogue texts kept by content: `put` checks a text parses and files it under its SHA-256
    in `directory` (and nowhere else); `load` reads it back as a Constellation by that key. At most
    `limit_bytes` are kept: past it, the catalogues least recently put or loaded are deleted."""

    KEY = re.compile(r"^(?P<digest>[0-9a-f]{64})(?P<skip>-skip)?$")
    SKIP = "-skip"

    def __init__(self, directory, limit_bytes=CATALOGUES_BYTES):
        self.directory = Path(directory)
        self.limit_bytes = limit_bytes

    def put(self, text, name="upload", skip_bad=False):
        """(key, bad records skipped: a message each, the first 50) of `text` (TLE, 3LE or OMM) after
        checking that every record parses (with skip_bad: that one does; the key then says that bad
        records are skipped when loaded). A refusal for records is orbital.BadRecordsError."""
        if len(text.encode("utf-8")) > orbital.MAX_CATALOGUE_BYTES:
            raise OrbitalError(f"{name}: larger than the {orbital.MAX_CATALOGUE_BYTES:,} bytes allowed",
                               parameter="catalogue")
        names, _, skipped = orbital.parse_catalogue_text(text, name, skip_bad)
        if not names:
            raise OrbitalError(f"{name}: no satellites found (TLE, 3LE or OMM expected)", parameter="catalogue")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        path = self.directory / f"{digest}.txt"
        if not path.exists():
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory, delete=False) as part:
                part.write(text)
            os.replace(part.name, path)
        os.utime(path)
        self.evict()
        return digest + (self.SKIP if skip_bad else ""), skipped

    def evict(self):
        """Delete the least recently used catalogues until at most limit_bytes are kept."""
        files = []
        for path in self.directory.glob("*.txt"):
            try:
                info = path.stat()
            except FileNotFoundError:
                continue
            files.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= self.limit_bytes:
                break
            path.unlink(missing_ok=True)
            total -= size

    def load(self, key, name="catalogue"):
        """The Constellation filed under `key`."""
        match = self.KEY.match(key) if isinstance(key, str) else None
        if not match:
            raise OrbitalError("catalogue: not a catalogue key; upload a TLE or OMM file", parameter="catalogue")
        path = self.directory / f"{match['digest']}.txt"
        if not path.is_file():
            raise OrbitalError("catalogue: this catalogue is no longer on the server; upload it again",
                               parameter="catalogue")
        text = path.read_text(encoding="utf-8")
        os.utime(path)
        return orbital.from_tle(text=text, name=name, skip_bad=bool(match["skip"]))


@lru_cache(maxsize=1)
def catalogue_store():
    """This process's CatalogueStore (ORBITAL_CATALOGUES_DIR)."""
    return CatalogueStore(folders.private("ORBITAL_CATALOGUES_DIR"))
