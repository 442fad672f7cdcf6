"""Scenario controls, each with its message slot, and the callbacks that validate them into a view state."""


from dash import ClientsideFunction, Input, Output, State, dcc, html, no_update

import orbital
from orbital import OrbitalError

from .. import settings
from .callbacks import Callbacks
from ..jobs.catalogues import catalogue_store
from ..model.state import (CATALOGUE, CUSTOM, LINK_FIELDS, START_DATE_RANGE, WINDOW_H_RANGE, ViewState, control_of,
                           view_from_controls)

CALLBACKS = Callbacks()
callback, clientside_callback = CALLBACKS.callback, CALLBACKS.clientside_callback
# register(): this module's callbacks, registered with Dash by components.ui.register()
register = CALLBACKS.register

# Largest catalogue upload, bytes (ORBITAL_UPLOAD_MB, default 16: ~100,000 satellites as 3LE).
MAX_UPLOAD_BYTES = settings.UPLOAD_MB.value()


def field(label, control, control_id, unit=""):
    """A labelled control with its unit and the slot for its message."""
    return html.Div(className="field", children=[
        html.Label(label, htmlFor=control_id),
        html.Div(className="field-input", children=[control, html.Span(unit, className="unit")]),
        html.Div(id=f"{control_id}-message", className="message", role="alert"),
    ])


def number(control_id, value, step="any", placeholder=None):
    """A number input that reports when the user is done typing (`placeholder`: what a blank means)."""
    return dcc.Input(id=control_id, type="number", value=value, step=step, debounce=True, className="number",
                     placeholder=placeholder)


def controls_card(view=ViewState()):
    """Every control of the view, set to `view`."""
    return html.Section(className="card controls", children=[
        html.H2("Scenario"),
        field("Constellation", dcc.Dropdown(
            id="preset", clearable=False, value=view.preset,
            options=[{"label": name, "value": name} for name in orbital.PRESETS]
            + [{"label": "custom shell", "value": CUSTOM}, {"label": "uploaded catalogue", "value": CATALOGUE}]),
            "preset"),
        field("Catalogue (TLE, 3LE or OMM)", html.Div(children=[
            dcc.Upload(id="upload", className="upload", children=html.Button("Upload a file…", type="button")),
            dcc.Input(id="catalogue", type="hidden", value=view.catalogue),
            # Shown once a file is refused for records that can be skipped: ticking it sends the file again.
            dcc.Checklist(id="skip-bad", options=[{"label": " skip bad records", "value": "skip"}], value=[],
                          inline=True, style={"display": "none"}),
            html.Span(id="upload-status", className="unit")]), "catalogue"),
        html.Fieldset(id="custom-shell", className="custom", children=[
            html.Legend("Custom shell"),
            field("Altitude", number("altitude", view.altitude_km), "altitude", "km"),
            field("Sun-synchronous", dcc.Checklist(id="sso", options=[{"label": " yes", "value": "yes"}],
                                                   value=["yes"] if view.sun_synchronous else []), "sso"),
            field("Inclination (Walker)", number("inclination", view.inclination_deg), "inclination", "°"),
            field("Ascending node (SSO)", number("ltan", view.ltan_h), "ltan", "h local"),
            field("Satellites", number("satellites", view.satellites, 1), "satellites"),
            field("Planes", number("planes", view.planes, 1), "planes"),
        ]),
        field("Start date", dcc.Input(id="start", type="text", value=view.start_date, debounce=True,
                                      className="date", placeholder="YYYY-MM-DD", pattern=r"\d{4}-\d{2}-\d{2}"),
              "start", f"00:00 UTC; {START_DATE_RANGE[0]} to {START_DATE_RANGE[1]}"),
        field("Window", number("window", view.window_h, 1), "window",
              f"h; {WINDOW_H_RANGE[0]} to {WINDOW_H_RANGE[1]}"),
        field("Array area", number("area", view.area_m2), "area", "m²"),
        field("Cell efficiency", number("efficiency", view.cell_efficiency), "efficiency", "0–1"),
        field("Accelerator", dcc.Dropdown(id="accelerator", clearable=False, value=view.accelerator,
                                          options=list(orbital.ACCELERATORS)), "accelerator"),
        field("In eclipse", dcc.RadioItems(id="eclipse", value=view.eclipse_mode, inline=True,
                                           options=[{"label": " throttle compute", "value": "throttle"},
                                                    {"label": " battery", "value": "battery"}]), "eclipse"),
        field("Launch vehicle", dcc.Dropdown(id="vehicle", clearable=False, value=view.vehicle,
                                             options=list(orbital.LAUNCH_VEHICLES)), "vehicle"),
        field("Launch price", number("launch", view.launch_usd_per_kg, placeholder="vehicle's"), "launch",
              "$/kg"),
        field("Satellite hardware", number("hardware", view.satellite_usd_per_kg, placeholder="by part"),
              "hardware", "$/kg"),
        field("Ground PUE", number("pue", view.pue), "pue", "≥ 1"),
        field("Ground solar capacity factor", number("capacity", view.capacity_factor), "capacity", "0–1"),
    ])


# Each control's label as the page shows it, for messages in the user's words.
CONTROL_LABELS = {"preset": "Constellation", "catalogue": "Catalogue", "altitude": "Altitude",
                  "sso": "Sun-synchronous", "inclination": "Inclination", "ltan": "Ascending node",
                  "satellites": "Satellites", "planes": "Planes", "area": "Array area",
                  "efficiency": "Cell efficiency", "accelerator": "Accelerator", "eclipse": "In eclipse",
                  "vehicle": "Launch vehicle", "pue": "Ground PUE", "capacity": "Ground solar capacity factor",
                  "launch": "Launch price", "hardware": "Satellite hardware", "start": "Start date",
                  "window": "Window"}
# A message's lead ("altitude_km: ", "walker t/p: ") is the engine's name for what it is about; the
# page says the control's label instead. Leads are short; a longer text before ": " is the message.
LEAD_CHARS_MAX = 30


def plain_message(control_id, error):
    """`error`'s message as the page shows it next to control `control_id`: its label, then the reason."""
    text = str(error)
    lead, separator, reason = text.partition(": ")
    if separator and len(lead) <= LEAD_CHARS_MAX:
        text = reason
    return f"{CONTROL_LABELS[control_id]}: {text}"


@callback(
    Output("scenario", "data"),
    *(Output(f"{control_id}-message", "children") for control_id in LINK_FIELDS),
    Output("stale-mark", "children"),
    *(Input(control_id, "value") for control_id in LINK_FIELDS),
)
def validate_scenario(*values):
    """A valid view state goes to the store; a bad value's message goes next to its control (by the
    error's parameter) in the control's words, and leaves the store, and the view, as it was, marked
    stale (the stale mark says so, and the strip, globe and panels are dimmed)."""
    messages = {control_id: "" for control_id in LINK_FIELDS}
    try:
        view = view_from_controls(values)
    except OrbitalError as exc:
        control_id = control_of(exc)
        messages[control_id] = plain_message(control_id, exc)
        return (no_update, *messages.values(),
                f"Showing the last valid view: {CONTROL_LABELS[control_id]} has a value it cannot take.")
    return (view.to_store(), *messages.values(), "")


def file_catalogue(data, filename, skip_bad=False):
    """(key, bad records skipped: a message each) of an uploaded catalogue (bytes) once checked and filed
    by content (catalogue_store); a file too large, not text or not a catalogue raises OrbitalError with
    the reason (orbital.BadRecordsError when refused for its records)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise OrbitalError(f"{filename}: more than the {MAX_UPLOAD_BYTES:,} bytes allowed", parameter="catalogue")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise OrbitalError(f"{filename}: not a text file (TLE, 3LE or OMM expected)", parameter="catalogue") from None
    return catalogue_store().put(text, filename, skip_bad)


def records_text(count, what):
    """'1 bad record', '2 bad records': a count and its noun, plural when it is not one."""
    return f"{count:,} {what}{'' if count == 1 else 's'}"


def listed(records):
    """Bad records (orbital BadRecords) as lines, each its place and reason, then how many more."""
    more = records.count - len(records)
    return "\n".join([*records, *([f"… and {records_text(more, 'more bad record')}"] if more else [])])


def upload_answer(data, filename, skip_bad=False):
    """What the /upload route answers for an uploaded file (bytes): {"key", "skipped": count, "note":
    the file's name and each record skipped} once filed, or {"refused": why, each bad record on its
    own line, "skippable": whether skipping the bad records leaves satellites to read}."""
    try:
        key, skipped = file_catalogue(data, filename, skip_bad)
    except orbital.BadRecordsError as exc:
        good = (f"the other {records_text(exc.usable, 'record')} can be read by ticking “skip bad records”"
                if exc.skippable else "and none that can be read")
        return {"refused": f"{filename}: {records_text(exc.count, 'bad record')}, {good}:\n{listed(exc.records)}"
                if exc.count else str(exc), "skippable": exc.skippable}
    except OrbitalError as exc:
        return {"refused": str(exc), "skippable": False}
    note = f"{filename}: {records_text(skipped.count, 'bad record')} skipped:\n{listed(skipped)}" if skipped else filename
    return {"key": key, "skipped": skipped.count, "note": note}


# An upload goes to the /upload route from the browser (assets/upload.mjs), not through a callback.
clientside_callback(ClientsideFunction("upload", "send"), Output("catalogue", "value"),
                    Output("preset", "value", allow_duplicate=True),
                    Output("catalogue-message", "children", allow_duplicate=True), Output("upload-status", "children"),
                    Output("skip-bad", "style"), Output("skip-bad", "value"), Input("upload", "contents"),
                    Input("skip-bad", "value"),
                    State("upload", "filename"), prevent_initial_call=True)
