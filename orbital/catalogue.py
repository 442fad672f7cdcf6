"""Catalogue readers: TLE / 3LE text and CCSDS OMM (CelesTrak JSON and CSV), from a file, a text or
lines, said explicitly (from_tle(path), from_tle(text=…), from_tle(lines=…)): nothing is guessed.

Nothing here reads the network. Malformed or physically impossible records are all found, then
refused together (BadRecordsError lists the first BAD_RECORDS_LISTED, each with its line or record
number and the reason), or with skip_bad=True skipped and listed in the catalogue's `skipped`.
Messages quote at most QUOTE_CHARS of what they were given.
"""

import csv
import io
import json
import math
import re
from pathlib import Path

from sgp4 import omm
from sgp4.api import SGP4_ERRORS, WGS72, Satrec

from .constants import EARTH_RADIUS_KM
from .constellation import BadRecords, Catalogue, Constellation
from .errors import BadRecordsError, OrbitalError
from . import settings

# Largest catalogue file read at once (ORBITAL_CATALOGUE_MB, default 64; a full CelesTrak catalogue of
# ~30k objects is ~5 MB as 3LE). Files, devices and standard input are all read with this cap.
MAX_CATALOGUE_BYTES = settings.CATALOGUE_MB.value()


# Longest piece of a user's input quoted in a message, characters.
QUOTE_CHARS = 80
# Bad records a refusal (or a catalogue's `skipped`) lists; the count names them all.
BAD_RECORDS_LISTED = 50
# Sputnik 1's launch, 1957-10-04 19:28 UTC (Julian date): no catalogue epoch is earlier.
FIRST_EPOCH_JD = 2436116.31
# A record's orbit must clear the Earth's surface at perigee by this much, km (below, it has decayed).
PERIGEE_MIN_ALTITUDE_KM = 0.0
# Fixed columns (0-based, end excluded) of TLE fields that must be numbers: (line, start, end, name).
TLE_NUMBER_FIELDS = ((1, 18, 32, "epoch"), (2, 8, 16, "inclination"), (2, 17, 25, "right ascension of the node"),
                     (2, 26, 33, "eccentricity"), (2, 34, 42, "argument of perigee"), (2, 43, 51, "mean anomaly"),
                     (2, 52, 63, "mean motion"))
NUMBER = re.compile(r"^ *[-+]?(\d+\.?\d*|\.\d+) *$")


def clip(text):
    """`text` as a message quotes it: at most QUOTE_CHARS characters, with an ellipsis when cut."""
    text = str(text)
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


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
        raise OrbitalError(f"{where}: TLE line {number} checksum is {line[68]}, the line's digits give {expected}",
                           parameter="catalogue")
    for line_number, start, end, name in TLE_NUMBER_FIELDS:
        if line_number == number and not NUMBER.match(line[start:end]):
            raise OrbitalError(f"{where}: the {name} ({clip(line[start:end].strip())!r}, columns {start + 1}–{end}) "
                               "is not a number", parameter="catalogue")


def orbit_problem(satrec):
    """Why a record's orbit cannot be that of a satellite, or None: fields not finite, mean motion not
    positive, eccentricity outside [0, 1), perigee below the surface (decayed), an epoch before
    Sputnik, or SGP4 failing at its epoch."""
    elements = {"eccentricity": satrec.ecco, "inclination": satrec.inclo, "node": satrec.nodeo,
                "argument of perigee": satrec.argpo, "mean anomaly": satrec.mo, "mean motion": satrec.no_kozai,
                "drag term": satrec.bstar, "epoch": satrec.jdsatepoch + satrec.jdsatepochF}
    for name, value in elements.items():
        if not math.isfinite(value):
            return f"its {name} is not a finite number"
    if satrec.no_kozai <= 0:
        return f"its mean motion {satrec.no_kozai * 1440 / (2 * math.pi):g} rev/day is not positive"
    if not 0 <= satrec.ecco < 1:
        return f"its eccentricity {satrec.ecco:g} is outside 0 to 1 (not a closed orbit)"
    perigee_km = satrec.altp * EARTH_RADIUS_KM  # SGP4's perigee height (Earth radii, from its mean motion)
    if perigee_km < PERIGEE_MIN_ALTITUDE_KM:
        return f"its perigee is {-perigee_km:,.0f} km below the surface (a decayed orbit)"
    if elements["epoch"] < FIRST_EPOCH_JD:
        return "its epoch is before Sputnik 1 (1957-10-04)"
    error, _, _ = satrec.sgp4(satrec.jdsatepoch, satrec.jdsatepochF)
    if error:
        return f"SGP4 fails at its epoch ({SGP4_ERRORS.get(error, error)})"
    return None


class Records:
    """Satellites read so far (names, satrecs) and the bad records found (the first
    BAD_RECORDS_LISTED messages, 'line N: reason', and how many in all)."""

    def __init__(self, skip_bad):
        self.names, self.satrecs, self.bad_records, self.bad_count, self.skip_bad = [], [], [], 0, skip_bad

    def bad(self, error):
        """Note a bad record (an OrbitalError naming it) and go on."""
        self.bad_count += 1
        if len(self.bad_records) < BAD_RECORDS_LISTED:
            self.bad_records.append(str(error))

    def add(self, name, satrec, where, check_orbits):
        """Keep a record, unless its orbit is impossible (orbit_problem): then it is bad."""
        problem = orbit_problem(satrec) if check_orbits else None
        if problem:
            self.bad(OrbitalError(f"{where}: {problem}", parameter="catalogue"))
            return
        self.names.append(name)
        self.satrecs.append(satrec)

    def result(self, source, kind):
        """(names, satrecs, skipped: BadRecords) once every record is read; BadRecordsError when a record was bad
        (unless skip_bad) or none was usable."""
        if self.satrecs and (self.skip_bad or not self.bad_count):
            return self.names, self.satrecs, BadRecords(self.bad_records, self.bad_count)
        if not self.bad_count:
            message = f"{source}: no usable {kind} records found"
        else:
            plural = "s" if self.bad_count != 1 else ""
            usable = f"{len(self.satrecs):,} good" if self.satrecs else "none usable"
            message = f"{source}: {self.bad_count:,} bad record{plural} ({usable}), the first: {self.bad_records[0]}"
        raise BadRecordsError(message, records=BadRecords(self.bad_records, self.bad_count), usable=len(self.satrecs))


def parse_tle_lines(lines, source="TLE", verify_checksum=True, check_orbits=True, skip_bad=False):
    """(names, Satrec list, skipped) from TLE or 3LE lines (any iterable of str); blank and '#' lines
    skipped. `skipped`: the bad records' messages (with skip_bad; without, BadRecordsError lists them).
    Columns past 69 are ignored. verify_checksum=False and check_orbits=False accept bad checksums and
    impossible orbits (SGP4's own test file only)."""
    records = Records(skip_bad)
    source = clip(source)
    pending_name = None
    pending_line1 = None
    skipped_line1 = False  # a skipped record's line 1: its line 2 goes with it
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        where = f"line {number}"
        if not line.strip() or line.startswith("#"):
            continue
        if skipped_line1 and line.startswith("2 "):
            skipped_line1 = False
            continue
        skipped_line1 = False
        try:
            if line.startswith("1 ") and pending_line1 is None:
                _check_tle_line(line, 1, where, verify_checksum)
                pending_line1 = (line[:69], where)
            elif line.startswith("2 ") and pending_line1 is not None:
                line1, _ = pending_line1
                pending_line1, name, pending_name = None, pending_name, None
                _check_tle_line(line, 2, where, verify_checksum)
                if line1[2:7] != line[2:7]:
                    raise OrbitalError(f"{where}: catalogue number {line[2:7].strip()} does not match line 1's "
                                       f"{line1[2:7].strip()}", parameter="catalogue")
                try:
                    satrec = Satrec.twoline2rv(line1, line[:69], WGS72)
                except ValueError as exc:
                    raise OrbitalError(f"{where}: {clip(exc)}", parameter="catalogue") from None
                records.add(name or f"NORAD {line[2:7].strip()}", satrec, where, check_orbits)
            elif pending_line1 is not None:
                where_line1 = pending_line1[1]
                pending_line1 = None
                raise OrbitalError(f"{where_line1}: TLE line 1 is not followed by a line 2", parameter="catalogue")
            else:
                if pending_name is not None and line.startswith(("1 ", "2 ")):
                    pending_name = None
                    raise OrbitalError(f"{where}: TLE line 2 without a line 1", parameter="catalogue")
                pending_name = line[2:].strip() if line.startswith("0 ") else line.strip()
        except OrbitalError as error:
            records.bad(error)
            skipped_line1 = line.startswith("1 ")
    if pending_line1 is not None:
        records.bad(OrbitalError(f"{pending_line1[1]}: TLE line 1 is not followed by a line 2", parameter="catalogue"))
    return records.result(source, "TLE")


def _omm_records(fields_list, source, skip_bad, places=None):
    """Records from OMM field dicts; `places` names each one's place ('line N'), else 'record N'."""
    records = Records(skip_bad)
    for number, fields in enumerate(fields_list, start=1):
        where = places[number - 1] if places else f"record {number}"
        try:
            satrec = Satrec()
            omm.initialize(satrec, fields)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            records.bad(OrbitalError(f"{where}: bad or missing OMM field {clip(exc)}", parameter="catalogue"))
            continue
        records.add(clip(fields.get("OBJECT_NAME") or f"NORAD {fields.get('NORAD_CAT_ID')}"), satrec, where, True)
    return records.result(source, "OMM")


def parse_omm_json(text, source="OMM JSON", skip_bad=False):
    """(names, Satrec list, skipped) from CelesTrak's OMM JSON (a list of objects, or one object; any
    layout, the compact one-line form too)."""
    source = clip(source)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deep"
        raise OrbitalError(f"{source}: not valid JSON ({reason}{where})", parameter="catalogue") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise OrbitalError(f"{source}: expected a JSON list of OMM objects", parameter="catalogue")
    return _omm_records(data, source, skip_bad)


def parse_omm_csv(text, source="OMM CSV", skip_bad=False):
    """(names, Satrec list, skipped) from CelesTrak's OMM CSV (header row of OMM keywords)."""
    reader = csv.DictReader(io.StringIO(text))
    rows, places = [], []
    for row in reader:
        rows.append(row)
        places.append(f"line {reader.line_num}")
    return _omm_records(rows, clip(source), skip_bad, places)


def parse_catalogue_text(text, source="catalogue", skip_bad=False):
    """(names, Satrec list, skipped) from text in any supported format, recognised by its first character."""
    stripped = text.lstrip()
    first_line = stripped.split("\n", 1)[0]
    if stripped.startswith(("[", "{")):
        return parse_omm_json(text, source, skip_bad)
    if stripped.upper().startswith(("OBJECT_NAME", "CCSDS_OMM_VERS", "NORAD_CAT_ID")) or (
            "," in first_line and "MEAN_MOTION" in first_line.upper()):
        return parse_omm_csv(text, source, skip_bad)
    return parse_tle_lines(text.splitlines(), source, skip_bad=skip_bad)


def read_text(path, limit_bytes=MAX_CATALOGUE_BYTES):
    """The text of a catalogue file, read with a cap (a device or pipe has no size to trust)."""
    try:
        with open(path, "rb") as file:
            data = file.read(limit_bytes + 1)
    except OSError as exc:
        raise OrbitalError(f"{clip(path)}: cannot read catalogue ({exc.strerror})", parameter="catalogue") from None
    if len(data) > limit_bytes:
        raise OrbitalError(f"{clip(path)}: larger than the {limit_bytes:,} bytes allowed", parameter="catalogue")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise OrbitalError(f"{clip(path)}: not a text file (TLE, 3LE or OMM expected)", parameter="catalogue") from None


def from_tle(path=None, *, text=None, lines=None, name=None, skip_bad=False):
    """Constellation from exactly one of: a TLE/3LE/OMM file `path`, a catalogue `text`, or TLE `lines`
    (an iterable of str). With skip_bad, bad records are skipped and listed in the catalogue's
    `skipped` (each a message naming its line or record and why); without, BadRecordsError lists them."""
    if sum(x is not None for x in (path, text, lines)) != 1:
        raise OrbitalError("catalogue: give exactly one of a path, a text or lines", parameter="catalogue")
    if path is not None:
        names, satrecs, skipped = parse_catalogue_text(read_text(path), str(path), skip_bad)
        name = name or Path(path).stem
    elif text is not None:
        names, satrecs, skipped = parse_catalogue_text(text, name or "catalogue", skip_bad)
    else:
        names, satrecs, skipped = parse_tle_lines(lines, name or "TLE", skip_bad=skip_bad)
    name = clip(name or "catalogue")
    description = f"{len(satrecs)} catalogue satellites" + (f", {skipped.count:,} bad records skipped" if skipped else "")
    return Constellation((Catalogue(name, satrecs, names, skipped=skipped),), name, description)


def from_omm(path=None, *, text=None, name=None, skip_bad=False):
    """Constellation from a CCSDS OMM file (CelesTrak JSON or CSV) or OMM text; same readers as from_tle."""
    return from_tle(path, text=text, name=name, skip_bad=skip_bad)
