"""Property-based fuzzing (hypothesis) of what takes input from outside: the view state, the callback
request check, the catalogue readers and the command line's arguments. Each must answer with its
value or its own error (OrbitalError naming a parameter, a reason string, exit status 2), never with
another exception. CI runs a fixed, derandomised profile; ORBITAL_FUZZ=long runs a longer one."""

import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.ui.requests import callback_problem
from components.model.state import LINK_FIELDS, ViewState, parse_query, view_from_controls, view_from_link
import orbital
from orbital import OrbitalError

settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("long" if os.environ.get("ORBITAL_FUZZ") == "long" else "ci")

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                                        max_size=4),
                    max_leaves=12)
NUMBERISH = st.one_of(st.integers(-10**7, 10**7), st.floats(allow_nan=True, allow_infinity=True),
                      st.sampled_from(["", "abc", "1e400", "-0", "²", "inf", "nan", None, [], {}]))


@given(st.lists(st.one_of(NUMBERISH, JSON, st.sampled_from(list(orbital.PRESETS) + ["custom", "catalogue"])),
                min_size=len(LINK_FIELDS), max_size=len(LINK_FIELDS)))
def test_control_values_give_a_view_state_or_an_error_naming_a_field(values):
    try:
        view = view_from_controls(values)
    except OrbitalError as error:
        assert isinstance(error.parameter, str) and error.parameter
        return
    assert isinstance(view, ViewState) and ViewState.from_store(view.to_store()) == view


@given(st.dictionaries(st.sampled_from(list(LINK_FIELDS) + ["t", "sat", "camera", "step_s"]),
                       st.text(max_size=12), max_size=6))
def test_any_link_gives_a_view_state_or_an_error_naming_a_field(query):
    search = "&".join(f"{key}={value}" for key, value in query.items())
    try:
        view_from_link(parse_query(search))
    except OrbitalError as error:
        assert error.parameter


@given(JSON)
def test_a_view_state_store_of_any_shape_is_read_or_refused(data):
    try:
        ViewState.from_store(data)
    except OrbitalError as error:
        assert error.parameter


def callback_map():
    from app import app, server

    server.test_client().get("/")
    return app.callback_map


CALLBACKS = callback_map()


@given(st.one_of(JSON, st.fixed_dictionaries({
    "output": st.sampled_from(sorted(CALLBACKS)), "outputs": JSON, "inputs": st.lists(JSON, max_size=3),
    "state": st.lists(JSON, max_size=3), "changedPropIds": JSON})))
def test_any_callback_body_is_checked_without_an_error(body):
    reason = callback_problem(body, CALLBACKS)
    assert reason is None or isinstance(reason, str)


TLE = ["ISS (ZARYA)", "1 25544U 98067A   26171.50000000  .00016717  00000-0  30270-3 0  9991",
       "2 25544  51.6400 120.0000 0004000  80.0000 280.0000 15.50000000100006"]


@given(st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(TLE + ["", "# comment", "1 ", "2 "]), max_size=8).map("\n".join),
    st.tuples(st.integers(0, 2), st.integers(0, 68), st.characters()).map(
        lambda m: "\n".join(line if k != m[0] else line[:m[1]] + m[2] + line[m[1] + 1:] for k, line in enumerate(TLE))),
    JSON.map(lambda v: json.dumps(v)),
))
@settings(max_examples=300 if os.environ.get("ORBITAL_FUZZ") != "long" else 10000)
def test_the_catalogue_readers_answer_a_catalogue_or_an_error(text):
    for skip_bad in (False, True):
        try:
            constellation = orbital.from_tle(text=text, skip_bad=skip_bad)
        except OrbitalError as error:
            assert error.parameter == "catalogue" and len(str(error)) < 400
            continue
        assert constellation.count >= 1


TOKENS = ["positions", "sunlit", "sources", "--preset", "demo", "nope", "--shell", "550,53,10/2/1", "550,x,1/1/1",
          "--at", "2026-06-21T00:00:00Z", "yesterday", "--start", "--hours", "1", "0.1", "-1", "nan", "inf", "abc",
          "--step-s", "60", "0", "1e-9", "--json", "--sample", "--tle", "/nonexistent", "--skip-bad", "--days"]


@given(st.lists(st.sampled_from(TOKENS), max_size=9))
@settings(max_examples=150 if os.environ.get("ORBITAL_FUZZ") != "long" else 3000)
def test_the_command_line_answers_0_or_a_one_line_error_with_status_2(argv):
    out, err = io.TextIOWrapper(io.BytesIO(), write_through=True), io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = orbital.command_line(argv)
    except SystemExit as exit:  # --help and argparse's own exit paths
        status = exit.code
    assert status in (0, 2)
    if status == 2 and argv and "--help" not in argv:
        assert err.getvalue().count("\n") == 1 and err.getvalue().startswith("orbital: error:")
