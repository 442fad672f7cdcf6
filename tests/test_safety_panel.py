"""The decades-ahead panel's answer for a view (no browser): the population chart with and without the
fleet, and its table, from orbital.population_outlook."""

import plotly.graph_objects as go

from components.model.safety_figures import days_text, outlook_figure, outlook_rows
from components.model.state import ViewState
from components.ui import safety


def test_the_panel_answers_a_view():
    figure, table, state = safety.safety_answer(ViewState(preset="demo").to_store())
    assert state == "panel drawn"
    assert [trace["name"] for trace in figure["data"]] == [
        "debris ≥ 10 cm, with the fleet", "derelicts, with the fleet", "debris ≥ 10 cm, without", "derelicts, without"]
    assert figure["layout"]["yaxis"]["type"] == "log"
    assert "days to a collision if every manoeuvre stopped" in str(table)


def test_a_runaway_is_marked_where_the_projection_stops():
    projection = {"years": [0.0, 0.5], "debris": [1.0, 2e8], "derelict": [1.0, 1.0], "fleet_derelict": [0.0, 1.0],
                  "collisions_per_year": [0.1, 1e6], "runaway_year": 0.5}
    calm = {**projection, "debris": [1.0, 1.0], "runaway_year": None}
    outlook = {"with_fleet": projection, "without_fleet": calm, "crash_clock_days_now": 187.0,
               "crash_clock_days_with_fleet": 0.15}
    figure = go.Figure(outlook_figure(outlook))
    assert [shape.x0 for shape in figure.layout.shapes] == [0.5]
    rows = dict((row[0], row[1:]) for row in outlook_rows(outlook))
    assert rows["debris runs away (> 10⁸ objects)"] == ("after 0.5 years", "no")
    assert rows["days to a collision if every manoeuvre stopped"] == ("3.60 hours", "187 days")
    assert days_text(float("inf")) == "never"
