"""Scenario controls, each with its message slot, and the callback that validates them through orbital/."""

import base64
import binascii

from dash import Input, Output, State, callback, dcc, html, no_update

from orbital import OrbitalError
from orbital.compute import ACCELERATORS
from orbital.parameters import LAUNCH_VEHICLES_PAYLOAD_KG
from orbital.presets import PRESETS
from orbital.scenario import CATALOGUE, CATALOGUES, CUSTOM, Scenario

# Control id → Scenario field it sets; a message from orbital/ names the field, so it lands here.
FIELDS = {
    "preset": "preset", "altitude": "altitude_km", "inclination": "inclination_deg", "sso": "sun_synchronous",
    "ltan": "ltan_h", "satellites": "satellites", "planes": "planes", "area": "area_m2",
    "efficiency": "cell_efficiency", "accelerator": "accelerator", "eclipse": "eclipse_mode", "vehicle": "vehicle",
    "pue": "pue", "capacity": "capacity_factor", "catalogue": "catalogue",
}
# Controls whose values are names, not numbers.
TEXT_CONTROLS = ("preset", "accelerator", "eclipse", "vehicle", "catalogue")
# Largest catalogue upload: ~100,000 satellites as 3LE.
MAX_UPLOAD_BYTES = 16 * 1024 * 1024
# Words in an orbital/ error message that point at a control other than by its field name.
MESSAGE_ALIASES = {"walker total": "satellites", "walker planes": "planes", "walker t/p": "planes",
                   "walker phasing": "planes", "local time": "ltan", "altitude": "altitude",
                   "inclination": "inclination"}


def field(label, control, control_id, unit=""):
    return html.Div(className="field", children=[
        html.Label(label, htmlFor=control_id),
        html.Div(className="field-input", children=[control, html.Span(unit, className="unit")]),
        html.Div(id=f"{control_id}-message", className="message", role="alert"),
    ])


def number(control_id, value, step="any"):
    return dcc.Input(id=control_id, type="number", value=value, step=step, debounce=True, className="number")


def controls_card(scenario=Scenario()):
    return html.Section(className="card controls", children=[
        html.H2("Scenario"),
        field("Constellation", dcc.Dropdown(
            id="preset", clearable=False, value=scenario.preset,
            options=[{"label": name, "value": name} for name in PRESETS]
            + [{"label": "custom shell", "value": CUSTOM}, {"label": "uploaded catalogue", "value": CATALOGUE}]),
            "preset"),
        field("Catalogue (TLE, 3LE or OMM)", html.Div(children=[
            dcc.Upload(id="upload", className="upload", children=html.Button("Upload a file…", type="button")),
            dcc.Input(id="catalogue", type="hidden", value=scenario.catalogue),
            html.Span(id="upload-status", className="unit")]), "catalogue"),
        html.Fieldset(id="custom-shell", className="custom", children=[
            html.Legend("Custom shell"),
            field("Altitude", number("altitude", scenario.altitude_km), "altitude", "km"),
            field("Sun-synchronous", dcc.Checklist(id="sso", options=[{"label": " yes", "value": "yes"}],
                                                   value=["yes"] if scenario.sun_synchronous else []), "sso"),
            field("Inclination (Walker)", number("inclination", scenario.inclination_deg), "inclination", "°"),
            field("Ascending node (SSO)", number("ltan", scenario.ltan_h), "ltan", "h local"),
            field("Satellites", number("satellites", scenario.satellites, 1), "satellites"),
            field("Planes", number("planes", scenario.planes, 1), "planes"),
        ]),
        field("Array area", number("area", scenario.area_m2), "area", "m²"),
        field("Cell efficiency", number("efficiency", scenario.cell_efficiency), "efficiency", "0–1"),
        field("Accelerator", dcc.Dropdown(id="accelerator", clearable=False, value=scenario.accelerator,
                                          options=list(ACCELERATORS)), "accelerator"),
        field("In eclipse", dcc.RadioItems(id="eclipse", value=scenario.eclipse_mode, inline=True,
                                           options=[{"label": " throttle compute", "value": "throttle"},
                                                    {"label": " battery", "value": "battery"}]), "eclipse"),
        field("Launch vehicle", dcc.Dropdown(id="vehicle", clearable=False, value=scenario.vehicle,
                                             options=list(LAUNCH_VEHICLES_PAYLOAD_KG)), "vehicle"),
        field("Ground PUE", number("pue", scenario.pue), "pue", "≥ 1"),
        field("Ground solar capacity factor", number("capacity", scenario.capacity_factor), "capacity", "0–1"),
    ])


def control_for_message(message):
    """The control id an orbital/ error message is about."""
    head = message.split(":", 1)[0].lower()
    for control_id, name in FIELDS.items():
        if head == name:
            return control_id
    for words, control_id in MESSAGE_ALIASES.items():
        if words in head:
            return control_id
    return "preset"


def scenario_from_controls(values):
    """Scenario kwargs from control values (in FIELDS order); raises OrbitalError for a missing value."""
    kwargs = {}
    for (control_id, name), value in zip(FIELDS.items(), values):
        if control_id == "sso":
            value = bool(value)
        elif value is None:
            raise OrbitalError(f"{name}: a number is needed")
        kwargs[name] = value
    kwargs["satellites"] = int(kwargs["satellites"]) if float(kwargs["satellites"]).is_integer() else kwargs["satellites"]
    kwargs["planes"] = int(kwargs["planes"]) if float(kwargs["planes"]).is_integer() else kwargs["planes"]
    return kwargs


def link_value(control_id, text):
    """A control's value from its text in a link; a number that does not parse becomes None, which
    the scenario's validation reports next to the control."""
    if control_id == "sso":
        return ["yes"] if text.lower() in ("1", "yes", "true") else []
    if control_id in TEXT_CONTROLS:
        return text
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def scenario_from_link(query):
    """A Scenario from a link's parsed query ({control id: [text]}); controls left out keep their defaults."""
    defaults = Scenario()
    values = [link_value(control_id, query[control_id][0]) if control_id in query
              else (["yes"] if defaults.sun_synchronous else []) if control_id == "sso"
              else getattr(defaults, name) for control_id, name in FIELDS.items()]
    return Scenario(**scenario_from_controls(values))


@callback(
    Output("scenario", "data"),
    *(Output(f"{control_id}-message", "children") for control_id in FIELDS),
    *(Input(control_id, "value") for control_id in FIELDS),
)
def validate_scenario(*values):
    """A valid Scenario goes to the store; a bad value leaves the store (and the view) as it was."""
    messages = {control_id: "" for control_id in FIELDS}
    try:
        kwargs = scenario_from_controls(values)
        Scenario(**kwargs)
    except (OrbitalError, TypeError, ValueError) as exc:
        message = str(exc) if isinstance(exc, OrbitalError) else f"invalid value ({exc})"
        messages[control_for_message(message)] = message
        return (no_update, *messages.values())
    return (kwargs, *messages.values())


@callback(Output("catalogue", "value"), Output("preset", "value", allow_duplicate=True),
          Output("catalogue-message", "children", allow_duplicate=True), Output("upload-status", "children"),
          Input("upload", "contents"), State("upload", "filename"), prevent_initial_call=True)
def receive_catalogue(contents, filename):
    """An uploaded TLE/OMM file is checked, filed by content (CATALOGUES) and opened; a bad one is
    refused with the reader's message, and the view stays as it was."""
    filename = filename or "upload"
    try:
        data = base64.b64decode((contents or "").partition(",")[2], validate=True)
        if len(data) > MAX_UPLOAD_BYTES:
            raise OrbitalError(f"{filename}: {len(data):,} bytes is more than the {MAX_UPLOAD_BYTES:,} allowed")
        key = CATALOGUES.put(data.decode("utf-8"), filename)
    except binascii.Error:
        return no_update, no_update, f"{filename}: the upload arrived damaged; try again", ""
    except UnicodeDecodeError:
        return no_update, no_update, f"{filename}: not a text file (TLE, 3LE or OMM expected)", ""
    except OrbitalError as exc:
        return no_update, no_update, str(exc), ""
    return key, CATALOGUE, "", filename
