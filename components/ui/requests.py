"""What a callback request may carry: the kind of every input and state value the browser sends,
checked before Dash dispatches it, so a callback only ever sees values of the kinds it declares.
A request that fails a check is the client's mistake (400, with the reason); an error past these
checks is a bug in the dashboard (500, logged)."""

import math
import numbers


def text(value):
    """A string, or nothing."""
    return value is None or isinstance(value, str)


def whole(value):
    """A whole number, or nothing."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def number(value):
    """A real number, or nothing."""
    return value is None or (isinstance(value, numbers.Real) and not isinstance(value, bool))


def mapping(value):
    """A JSON object, or nothing."""
    return value is None or isinstance(value, dict)


def anything(value):
    """A control's value: any JSON, validated by the view state (components/model/state.py) itself."""
    return True


def clock_window(value):
    """The clock's window as the server sent it: an object with its length and step in seconds."""
    return isinstance(value, dict) and all(
        isinstance(value.get(key), (int, float)) and not isinstance(value.get(key), bool)
        and math.isfinite(value[key]) and value[key] > 0 for key in ("window_s", "step_s"))


# (component id, property) → the kind its value must be; ids not listed take CONTROL_KIND.
KINDS = {
    ("scenario", "data"): mapping, ("panels-scenario", "data"): mapping, ("strip-scenario", "data"): mapping, ("selection", "data"): whole, ("clock-window", "data"): clock_window,
    ("url", "search"): text, ("url", "pathname"): text, ("link-applied", "data"): text,
    ("time-slider", "value"): number, ("tour-step", "data"): whole,
    ("satellites-graph", "clickData"): mapping, ("selection-label", "children"): text,
    ("compute-panel", "className"): text, ("globe-search", "value"): text, ("globe-key", "data"): anything,
}
CONTROL_KIND = anything
CLICKS = "n_clicks"


def kind_of(component_id, prop):
    """The check for one input's value."""
    if prop == CLICKS:
        return whole
    return KINDS.get((component_id, prop), CONTROL_KIND)


def output_spec(item):
    """Whether `item` names an output: {id, property}."""
    return isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("property"), str)


def outputs_problem(outputs, output, spec):
    """Why a body's `outputs` does not fit the callback's declared outputs, or None."""
    if spec.get("no_output"):
        return None
    if output.startswith(".."):
        count = output.strip(".").count("...") + 1
        if not isinstance(outputs, list) or len(outputs) != count or not all(map(output_spec, outputs)):
            return f"outputs must list the callback's {count} outputs"
    elif not output_spec(outputs):
        return "outputs must name the callback's output"
    return None


def callback_problem(body, callback_map):
    """Why a callback request body is refused (one line), or None when its shape and every value's
    kind are what the named callback declares."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    spec = callback_map.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if spec is None or "callback" not in spec:
        return "the output names no server callback of this app"
    for key in ("inputs", "state", "changedPropIds"):
        if not isinstance(body.get(key, []), list):
            return f"{key} must be a list"
    problem = outputs_problem(body.get("outputs"), body["output"], spec)
    if problem:
        return problem
    if not all(isinstance(x, str) for x in body.get("changedPropIds", [])):
        return "changedPropIds must be strings"
    for key in ("inputs", "state"):
        declared = spec.get(key, [])
        sent = body.get(key, [])
        if len(sent) != len(declared):
            return f"{key}: {len(sent)} sent, {len(declared)} declared"
        for item, want in zip(sent, declared):
            if not isinstance(item, dict) or item.get("id") != want["id"] or item.get("property") != want["property"]:
                return f"{key}: expected {want['id']}.{want['property']}"
            if not kind_of(want["id"], want["property"])(item.get("value")):
                return f"{want['id']}.{want['property']}: a value of the wrong kind"
    return None
