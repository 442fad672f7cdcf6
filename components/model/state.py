"""The view contract: one validated view state per request, and everything a link carries.

A view is what the controls set (ViewState), its window too (a start date and a length in hours,
within START_DATE_RANGE and WINDOW_H_RANGE); a link carries those controls by id (LINK_FIELDS),
the clock (`t`, seconds from the window's start, on the scenario's step), the selected satellite
(`sat`, clamped once here), the globe's network overlays (`overlays`, OVERLAY_NAMES, and the path's
`city`) and the camera (read by the browser alone). The browser's side of this
contract is assets/links.mjs, which gets LINK_FIELDS from the server.
"""

import math
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import ClassVar
from urllib.parse import parse_qs, urlencode

import orbital
from orbital import OrbitalError

from .. import settings
from ..jobs.catalogues import catalogue_store

CUSTOM = "custom"
CATALOGUE = "catalogue"
# Link and control id → ViewState field it sets.
LINK_FIELDS = {
    "preset": "preset", "altitude": "altitude_km", "inclination": "inclination_deg", "sso": "sun_synchronous",
    "ltan": "ltan_h", "satellites": "satellites", "planes": "planes", "area": "area_m2",
    "efficiency": "cell_efficiency", "accelerator": "accelerator", "eclipse": "eclipse_mode", "vehicle": "vehicle",
    "pue": "pue", "capacity": "capacity_factor", "catalogue": "catalogue",
    "launch": "launch_usd_per_kg", "hardware": "satellite_usd_per_kg",
    "start": "start_date", "window": "window_h",
}
FIELD_CONTROLS = {name: control_id for control_id, name in LINK_FIELDS.items()}
# Controls whose values are names, not numbers.
TEXT_FIELDS = ("preset", "accelerator", "eclipse_mode", "vehicle", "catalogue", "start_date")
# The window's first and last allowed start dates (UTC midnight): the Sun's ephemeris (de421) and the
# timescale's tables cover them; and its allowed lengths, whole hours (a day at most: the panels
# propagate their samples over the window at every request).
START_DATE_RANGE = ("2000-01-01", "2049-12-31")
WINDOW_H_RANGE = (1, 24)
# The globe's network overlays a link may turn on (`overlays=links,path`, in this order on the checklist);
# the path's city is `city=` (one of orbital.city_names()).
OVERLAY_NAMES = ("links", "stations", "path", "site")
# Number controls that may be left blank (None): the model's sourced price stands, and the costs'
# Monte Carlo draws it; a number is set by the user, and held fixed there (orbital.Model.user_set).
OPTIONAL_FIELDS = {"launch_usd_per_kg": "launch.price_usd_per_kg", "satellite_usd_per_kg": "hardware.satellite_usd_per_kg"}
# Most satellites of a custom shell (ORBITAL_CUSTOM_SATELLITES_MAX; default 1,000,000, the product's
# scale; the engine takes up to orbital.MAX_SATELLITES).
CUSTOM_SATELLITES_MAX = settings.CUSTOM_SATELLITES_MAX.value()
# The engine's parameter names that a custom shell's fields feed (walker, sun_synchronous).
ENGINE_PARAMETERS = {"total": "satellites", "phasing": "planes", "ltan_h": "ltan_h", "altitude_km": "altitude_km",
                     "inclination_deg": "inclination_deg", "planes": "planes", "satellites": "satellites",
                     "payload_kg": "vehicle", "price_usd_per_kg": "launch_usd_per_kg",
                     "satellite_usd_per_kg": "satellite_usd_per_kg"}


@dataclass(frozen=True)
class ViewState:
    """Everything one dashboard view depends on, validated on construction (OrbitalError naming the
    field). The window starts at 00:00 UTC of `start_date` and lasts `window_h`, both bounded
    (START_DATE_RANGE, WINDOW_H_RANGE); its step is the server's, never taken from a request."""

    preset: str = "spacex-odc"
    altitude_km: float = 650.0
    inclination_deg: float = 53.0
    sun_synchronous: bool = True
    ltan_h: float = 18.0
    satellites: int = 1200
    planes: int = 24
    area_m2: float = orbital.SolarArray.area_m2
    cell_efficiency: float = orbital.SolarArray.cell_efficiency
    accelerator: str = "H100"
    eclipse_mode: str = orbital.Satellite.eclipse_mode
    vehicle: str = "Starship 200 t"
    pue: float = orbital.Ground.pue
    capacity_factor: float = orbital.Ground.capacity_factor
    # Key of an uploaded catalogue in the catalogue store (used when preset is "catalogue").
    catalogue: str = ""
    # Launch price ($/kg of the vehicle's rated payload) and satellite hardware ($/kg): None = sourced.
    launch_usd_per_kg: float | None = None
    satellite_usd_per_kg: float | None = None
    # The window: its start date (YYYY-MM-DD, from 00:00 UTC) and its length, whole hours.
    start_date: str = "2026-06-21"
    window_h: float = 6.0

    step_s: ClassVar[float] = 60.0

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in TEXT_FIELDS:
                if not isinstance(value, str):
                    raise OrbitalError(f"{f.name}: {value!r} is not a name", parameter=f.name)
            elif f.name in OPTIONAL_FIELDS and value is None:
                continue
            elif f.name == "sun_synchronous":
                if not isinstance(value, bool):
                    raise OrbitalError(f"{f.name}: {value!r} is not yes or no", parameter=f.name)
            elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise OrbitalError(f"{f.name}: a finite number is needed", parameter=f.name)
            elif f.type in (int, "int"):
                if value != int(value):
                    raise OrbitalError(f"{f.name}: {value!r} is not a whole number", parameter=f.name)
                object.__setattr__(self, f.name, int(value))
            else:
                # One spelling per view (105 and 105.0 alike), so shared results have one key.
                object.__setattr__(self, f.name, float(value))
        self._check_window()
        if self.preset not in (CUSTOM, CATALOGUE) and self.preset not in orbital.PRESETS:
            raise OrbitalError(f"preset: {self.preset!r} is unknown; choose one of {', '.join(orbital.PRESETS)}, "
                               f"{CUSTOM}, {CATALOGUE}", parameter="preset")
        self.model()
        if self.preset in (CUSTOM, CATALOGUE):
            self.constellation()

    def _check_window(self):
        """The window's start date (normalised to YYYY-MM-DD) and length within their ranges, else
        OrbitalError naming the field and saying the range."""
        first, last = START_DATE_RANGE
        try:
            day = date.fromisoformat(self.start_date.strip())
        except ValueError:
            raise OrbitalError(f"start_date: {orbital.clip(self.start_date)!r} is not a date such as 2026-06-21",
                               parameter="start_date") from None
        if not first <= day.isoformat() <= last:
            raise OrbitalError(f"start_date: {day} is outside the allowed range {first} to {last}",
                               parameter="start_date")
        object.__setattr__(self, "start_date", day.isoformat())
        low, high = WINDOW_H_RANGE
        if not self.window_h.is_integer():
            raise OrbitalError(f"window_h: {self.window_h:g} h is not a whole number of hours", parameter="window_h")
        if not low <= self.window_h <= high:
            raise OrbitalError(f"window_h: {self.window_h:g} h is outside the allowed range {low} to {high} h",
                               parameter="window_h")

    @property
    def start(self):
        """The window's start, ISO 8601 UTC ('2026-06-21T00:00:00Z')."""
        return f"{self.start_date}T00:00:00Z"

    @classmethod
    def from_store(cls, data):
        """The view state of a `scenario` store's dict (as the controls' callback wrote it); a dict of
        another shape raises OrbitalError."""
        if not isinstance(data, dict) or not set(data) <= {f.name for f in fields(cls)}:
            raise OrbitalError("scenario: not a view state", parameter="scenario")
        return cls(**data)

    def to_store(self):
        """The dict a `scenario` store holds (from_store reads it back)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def array(self):
        """The solar array with this view's area and cell efficiency."""
        return orbital.SolarArray(area_m2=float(self.area_m2), cell_efficiency=float(self.cell_efficiency))

    def model(self):
        """The power, compute, heat, launch and ground model with this view's choices; the prices the
        user gave are set (and so in the model's user_set)."""
        model = orbital.Model(array=self.array(), satellite=orbital.Satellite(eclipse_mode=self.eclipse_mode),
                              launch=orbital.Launch.for_vehicle(self.vehicle),
                              ground=orbital.Ground(pue=float(self.pue), capacity_factor=float(self.capacity_factor)),
                              accelerator=self.accelerator)
        return model.with_overrides({key: getattr(self, name) for name, key in OPTIONAL_FIELDS.items()
                                     if getattr(self, name) is not None})

    def constellation(self):
        """The view's constellation (a preset, a custom shell or an uploaded catalogue)."""
        return _constellation(self)

    def constellation_key(self):
        """The fields that set the view's constellation and window (and so the globe's data), as a JSON
        list: two views with the same key draw the same satellites over the same window."""
        window = [self.start_date, self.window_h]
        if self.preset == CATALOGUE:
            return [self.preset, self.catalogue, *window]
        if self.preset != CUSTOM:
            return [self.preset, *window]
        return [self.preset, self.altitude_km, self.inclination_deg, self.sun_synchronous, self.ltan_h,
                self.satellites, self.planes, *window]

    @property
    def year(self):
        """Calendar year of the window's start: the year its yearly figures cover."""
        return int(self.start[:4])

    @property
    def window_s(self):
        """Length of the window, s."""
        return self.window_h * 3600.0

    def window(self):
        """Time array of the view's window, every step_s seconds."""
        return orbital.times(self.start, hours=self.window_h, step_s=self.step_s)


@lru_cache(maxsize=16)
def _constellation(view):
    if view.preset == CATALOGUE:
        return catalogue_store().load(view.catalogue, name="uploaded catalogue")
    if view.preset != CUSTOM:
        return orbital.preset(view.preset)
    if not 1 <= view.satellites <= CUSTOM_SATELLITES_MAX:
        raise OrbitalError(f"satellites: {view.satellites!r} is outside the allowed range 1 to "
                           f"{CUSTOM_SATELLITES_MAX:,}", parameter="satellites")
    try:
        if view.sun_synchronous:
            shell = orbital.sun_synchronous(view.altitude_km, view.ltan_h, view.satellites, view.planes,
                                            phasing(view.planes), plane_spread_h=1.0, name="Custom SSO")
        else:
            shell = orbital.walker(view.altitude_km, view.inclination_deg, view.satellites, view.planes,
                                   phasing(view.planes), name="Custom Walker")
    except OrbitalError as exc:
        raise OrbitalError(str(exc), parameter=ENGINE_PARAMETERS.get(exc.parameter, exc.parameter)) from None
    return orbital.combine(shell, name="custom", description=shell.description)


def phasing(planes):
    """A custom shell's Walker phasing: 1, or 0 for a single plane (which has no other to phase against)."""
    return 1 if planes > 1 else 0


def control_of(error):
    """The control id an OrbitalError from building a view is about (by its parameter; the preset's
    control when it names no control)."""
    return FIELD_CONTROLS.get(ENGINE_PARAMETERS.get(error.parameter, error.parameter), "preset")


def control_value(control_id, text):
    """A control's value from its text in a link; a number that does not parse becomes None, which
    view_from_controls reports next to the control."""
    if control_id == "sso":
        return ["yes"] if text.lower() in ("1", "yes", "true") else []
    if LINK_FIELDS[control_id] in TEXT_FIELDS:
        return text
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def view_from_controls(values):
    """The ViewState of control values (in LINK_FIELDS order); OrbitalError names a missing or bad one."""
    kwargs = {}
    for (control_id, name), value in zip(LINK_FIELDS.items(), values):
        if control_id == "sso":
            value = bool(value)
        elif (value is None or name == "start_date" and not str(value).strip()) and name not in OPTIONAL_FIELDS:
            raise OrbitalError(f"{name}: a {'date' if name == 'start_date' else 'number'} is needed", parameter=name)
        elif name in ("satellites", "planes") and isinstance(value, float) and value.is_integer():
            value = int(value)
        kwargs[name] = value
    return ViewState(**kwargs)


def parse_query(search):
    """{key: [text]} of a link's query string ('?a=1&b=2' or 'a=1&b=2')."""
    return parse_qs((search or "").lstrip("?"))


def link_query(view, **extras):
    """The query of a link to `view` ('preset=demo&sat=3', view_from_link's inverse): each field that
    differs from its default, by its control id, then `extras`."""
    defaults = ViewState()
    pairs = []
    for control_id, name in LINK_FIELDS.items():
        value = getattr(view, name)
        if value is not None and value != getattr(defaults, name):
            pairs.append((control_id, ("yes" if value else "no") if name == "sun_synchronous" else value))
    return urlencode(pairs + list(extras.items()))


def view_from_link(query):
    """The ViewState of a link's parsed query ({control id: [text]}) as it stands; controls left out
    keep their defaults, and a bad value raises OrbitalError naming it (an export's query)."""
    defaults = ViewState()
    values = [control_value(control_id, query[control_id][0]) if control_id in query
              else (["yes"] if defaults.sun_synchronous else []) if control_id == "sso"
              else getattr(defaults, name) for control_id, name in LINK_FIELDS.items()]
    return view_from_controls(values)


def link_names():
    """The names each text control accepts from a link (matched whatever their case)."""
    return {"preset": (*orbital.PRESETS, CUSTOM, CATALOGUE), "accelerator": tuple(orbital.ACCELERATORS),
            "eclipse": orbital.ECLIPSE_MODES, "vehicle": tuple(orbital.LAUNCH_VEHICLES)}


def link_controls(query):
    """Control values a link sets ({control id: value}) for the controls it names, and what was ignored:
    a list of (control id, text) whose value is unknown or unreadable, or makes the view invalid (the
    control keeps its default). Names match whatever their case ("SPACEX-ODC")."""
    values, ignored = {}, []
    names = link_names()
    for control_id in LINK_FIELDS:
        if control_id not in query:
            continue
        text = query[control_id][0]
        value = control_value(control_id, text)
        if control_id in names:
            value = next((name for name in names[control_id] if name.lower() == text.strip().lower()), None)
        if value is None:
            ignored.append((control_id, text))
        else:
            values[control_id] = value
    defaults = ViewState()
    for _ in range(len(values) + 1):
        controls = [values.get(c, (["yes"] if defaults.sun_synchronous else []) if c == "sso"
                               else getattr(defaults, name)) for c, name in LINK_FIELDS.items()]
        try:
            view_from_controls(controls)
            break
        except OrbitalError as exc:
            control_id = control_of(exc)
            if control_id not in values:  # a default clashes with the link: drop the link's last field
                control_id = list(values)[-1]
            ignored.append((control_id, str(query[control_id][0])))
            del values[control_id]
    return values, ignored + unusable_shell_fields(values)


def unusable_shell_fields(values):
    """The custom shell's fields a link sets that no custom shell could take (`altitude=-5` beside a
    preset, where the view itself does not use them): [(control id, text)], each dropped from `values`."""
    ignored = []
    for control_id in ("altitude", "inclination", "ltan", "satellites", "planes"):
        if control_id in values and values.get("preset") != CUSTOM:
            try:
                ViewState(preset=CUSTOM, **{LINK_FIELDS[control_id]: values[control_id]})
            except (OrbitalError, TypeError) as exc:
                if not isinstance(exc, OrbitalError) or control_of(exc) == control_id:
                    ignored.append((control_id, str(values.pop(control_id))))
    return ignored


def linked_view(query):
    """The ViewState a link's parsed query leads to once what link_controls ignores is left out (the
    view the page's callbacks settle on), for the first answer the server renders with the page."""
    values, _ = link_controls(query)
    defaults = ViewState()
    return view_from_controls([values.get(c, (["yes"] if defaults.sun_synchronous else []) if c == "sso"
                                          else getattr(defaults, name)) for c, name in LINK_FIELDS.items()])


def ignored_notice(ignored):
    """A sentence saying what of a link was ignored ('' when nothing was)."""
    if not ignored:
        return ""
    parts = ", ".join(f"{control_id} = {orbital.clip(text)!r}" for control_id, text in ignored)
    return f"Part of the link was not understood and was ignored (the defaults are shown instead): {parts}."


def ignored_link_extras(query, view):
    """What of a link's `sat`, `t`, `camera`, `overlays` and `city` cannot be used for `view`: a list of
    (field, text) — a selection that is not a satellite of the view, a time outside the window, a camera
    that is not six numbers (longitude, latitude, height, heading, pitch, roll), an overlay or a city
    that is not known."""
    ignored = [(field, query[field][0]) for field in ("overlays", "city")
               if field in query and link_overlays({field: query[field]})[field == "city"] is None]
    for field, usable in (("sat", lambda text: text.isascii() and text.isdigit()
                           and int(text) < view.constellation().count),
                          ("t", lambda text: _number_within(text, 0.0, view.window_s)),
                          ("camera", lambda text: len(text.split(",")) == 6
                           and all(_number_within(part, -math.inf, math.inf) for part in text.split(",")))):
        if field in query and not usable(query[field][0].strip()):
            ignored.append((field, query[field][0]))
    return ignored


def link_overlays(query):
    """The overlays and path city a parsed link sets: (overlay names in OVERLAY_NAMES' order, or None;
    city name, or None). None where the link leaves it out or names something unknown (the whole field
    is then ignored, as ignored_link_extras says); names match whatever their case."""
    overlays = query.get("overlays", [None])[0]
    if overlays is not None:
        names = {name.strip().lower() for name in overlays.split(",") if name.strip()}
        overlays = [name for name in OVERLAY_NAMES if name in names] if names <= set(OVERLAY_NAMES) else None
    city = query.get("city", [None])[0]
    if city is not None:
        city = next((name for name in orbital.city_names() if name.lower() == city.strip().lower()), None)
    return overlays, city


def _number_within(text, low, high):
    """Whether `text` reads as a finite number in low … high."""
    try:
        number = float(text)
    except ValueError:
        return False
    return math.isfinite(number) and low <= number <= high


def selected_satellite(value, count):
    """The selection, clamped once for every user: a whole number in 0 … count − 1, else 0. `value` is
    an int (a store) or the text of a link's `sat`."""
    if isinstance(value, str):
        value = int(value) if value.isascii() and value.isdigit() else 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
        return 0
    return value


def link_selection(query):
    """`?sat=N` of a parsed link: N when it is a whole number, else None (the link sets no selection)."""
    text = query.get("sat", [None])[0]
    return int(text) if text is not None and text.isascii() and text.isdigit() else None


def clock_seconds(text, window_s, step_s=ViewState.step_s):
    """The clock's time (s) from a link's `t`: on the scenario's step, within the window; 0 if unreadable."""
    try:
        seconds = float(text)
    except (TypeError, ValueError):
        return 0
    if not math.isfinite(seconds):
        return 0
    seconds = float(min(max(round(seconds / step_s) * step_s, 0.0), window_s))
    return int(seconds) if seconds.is_integer() else seconds

