"""Catalogue readers: TLE / 3LE text and CCSDS OMM (CelesTrak JSON and CSV), from files or lines.

Nothing here reads the network. Every malformed record raises OrbitalError naming the line.
"""

import csv
import io
import json
from pathlib import Path

from sgp4 import omm
from sgp4.api import WGS72, Satrec

from .constellation import Catalogue, Constellation
from .errors import OrbitalError

# Largest catalogue file read at once (a full CelesTrak catalogue of ~30k objects is ~5 MB as 3LE).
MAX_CATALOGUE_BYTES = 256 * 1024 * 1024


def tle_checksum(line):
    """Modulo-10 checksum of the first 68 columns of a TLE line (digits count, '-' counts 1)."""
    return sum(int(c) if c.isdigit() else (1 if c == "-" else 0) for c in line[:68]) % 10


def _check_tle_line(line, number, where, verify_checksum):
    if len(line) < 69:
        raise OrbitalError(f"{where}: TLE line {number} has {len(line)} characters, 69 expected", parameter="catalogue")
    if line[0] != str(number) or line[1] != " ":
        raise OrbitalError(f"{where}: TLE line {number} must start with '{number} '", parameter="catalogue")
    if not line[68].isdigit():
        raise OrbitalError(f"{where}: TLE line {number} has no checksum digit in column 69", parameter="catalogue")
    expected = tle_checksum(line)
    if verify_checksum and int(line[68]) != expected:
        raise OrbitalError(
            f"{where}: TLE line {number} checksum is {line[68]}, the line's digits give {expected}", parameter="catalogue"
        )


def parse_tle_lines(lines, source="TLE", verify_checksum=True):
    """(names, Satrec list) from TLE or 3LE lines (any iterable of str); blank and '#' lines skipped.

    Columns past 69 are ignored. verify_checksum=False accepts bad checksums (test files only).
    """
    names, satrecs = [], []
    pending_name = None
    pending_line1 = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        where = f"{source} line {number}"
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("1 ") and pending_line1 is None:
            _check_tle_line(line, 1, where, verify_checksum)
            pending_line1 = (line[:69], where)
        elif line.startswith("2 ") and pending_line1 is not None:
            _check_tle_line(line, 2, where, verify_checksum)
            line1, _ = pending_line1
            if line1[2:7] != line[2:7]:
                raise OrbitalError(
                    f"{where}: catalogue number {line[2:7].strip()} does not match line 1's {line1[2:7].strip()}", parameter="catalogue"
                )
            try:
                satrec = Satrec.twoline2rv(line1, line[:69], WGS72)
            except ValueError as exc:
                raise OrbitalError(f"{where}: {exc}", parameter="catalogue") from None
            satrecs.append(satrec)
            names.append(pending_name or f"NORAD {line[2:7].strip()}")
            pending_name = None
            pending_line1 = None
        elif pending_line1 is not None:
            raise OrbitalError(f"{pending_line1[1]}: TLE line 1 is not followed by a line 2", parameter="catalogue")
        else:
            if pending_name is not None and line.startswith(("1 ", "2 ")):
                raise OrbitalError(f"{where}: TLE line 2 without a line 1", parameter="catalogue")
            pending_name = line[2:].strip() if line.startswith("0 ") else line.strip()
    if pending_line1 is not None:
        raise OrbitalError(f"{pending_line1[1]}: TLE line 1 is not followed by a line 2", parameter="catalogue")
    if not satrecs:
        raise OrbitalError(f"{source}: no TLE records found", parameter="catalogue")
    return names, satrecs


def _omm_records(fields_list, source):
    names, satrecs = [], []
    for number, fields in enumerate(fields_list, start=1):
        try:
            satrec = Satrec()
            omm.initialize(satrec, fields)
        except (KeyError, ValueError, TypeError) as exc:
            raise OrbitalError(f"{source} record {number}: bad or missing OMM field {exc}", parameter="catalogue") from None
        satrecs.append(satrec)
        names.append(str(fields.get("OBJECT_NAME") or f"NORAD {fields.get('NORAD_CAT_ID')}"))
    if not satrecs:
        raise OrbitalError(f"{source}: no OMM records found", parameter="catalogue")
    return names, satrecs


def parse_omm_json(text, source="OMM JSON"):
    """(names, Satrec list) from CelesTrak's OMM JSON (a list of objects, or one object)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OrbitalError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})", parameter="catalogue") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise OrbitalError(f"{source}: expected a JSON list of OMM objects", parameter="catalogue")
    return _omm_records(data, source)


def parse_omm_csv(text, source="OMM CSV"):
    """(names, Satrec list) from CelesTrak's OMM CSV (header row of OMM keywords)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return _omm_records(rows, source)


def parse_catalogue_text(text, source="catalogue"):
    """(names, Satrec list) from text in any supported format, recognised by its first character."""
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        return parse_omm_json(text, source)
    if stripped.upper().startswith(("OBJECT_NAME", "CCSDS_OMM_VERS", "NORAD_CAT_ID")) or (
        "," in stripped.split("\n", 1)[0] and "MEAN_MOTION" in stripped.split("\n", 1)[0].upper()
    ):
        return parse_omm_csv(text, source)
    return parse_tle_lines(text.splitlines(), source)


def from_tle(source, name=None):
    """Constellation from a TLE/3LE/OMM file path, or from an iterable of TLE lines."""
    if isinstance(source, (str, Path)) and "\n" not in str(source):
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > MAX_CATALOGUE_BYTES:
                raise OrbitalError(
                    f"{path}: {size:,} bytes is larger than the {MAX_CATALOGUE_BYTES:,} allowed", parameter="catalogue"
                )
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise OrbitalError(f"{path}: cannot read catalogue ({exc.strerror})", parameter="catalogue") from None
        except UnicodeDecodeError:
            raise OrbitalError(f"{path}: not a text file (TLE, 3LE or OMM expected)", parameter="catalogue") from None
        names, satrecs = parse_catalogue_text(text, str(path))
        name = name or path.stem
    elif isinstance(source, str):
        names, satrecs = parse_catalogue_text(source)
    else:
        names, satrecs = parse_tle_lines(source)
    name = name or "catalogue"
    return Constellation((Catalogue(name, satrecs, names),), name, f"{len(satrecs)} catalogue satellites")


def from_omm(source, name=None):
    """Constellation from a CCSDS OMM file (CelesTrak JSON or CSV) or OMM text; same readers as from_tle."""
    return from_tle(source, name)
