"""Shareable state, embedding and presentation: what a link carries beyond the controls (clock time,
selected satellite, camera), the "copy link" control, embed views, and the scripted tour."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback, dcc, html

from .controls import FIELDS

# The talk's tour: each step is a link (controls, clock, selection) and a camera
# (longitude °, latitude °, height m, heading °, pitch °, roll °); → or space advances, ← goes back.
TOUR = [
    {"caption": "A million satellites: 600,000 in dawn–dusk orbits, 400,000 at 30°",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "-60,20,42000000,0,-90,0"},
    {"caption": "Dawn–dusk shells ride the terminator: sunlit more than 99% of the time",
     "search": "?preset=spacex-odc&t=0&sat=0", "camera": "90,0,30000000,0,-90,0"},
    {"caption": "The 30° shells dip into the Earth's shadow on every orbit: 64–69% sunlit",
     "search": "?preset=spacex-odc&t=2400&sat=600000", "camera": "0,0,25000000,0,-90,0"},
    {"caption": "Google's Suncatcher cluster: 81 satellites within a kilometre",
     "search": "?preset=suncatcher&t=0&sat=40", "camera": "-100,80,12000000,0,-90,0"},
]


def share_bar():
    return html.Div(className="share", children=[
        html.Button("Copy link", id="copy-link", n_clicks=0, type="button"),
        dcc.Input(id="share-link", readOnly=True, value="", className="share-link", debounce=True),
        html.Span("Export:", className="unit"),
        html.Button("Report", id="export-report", n_clicks=0, type="button", title="self-contained HTML"),
        html.Button("Panels PNG", id="export-png", n_clicks=0, type="button"),
        html.Button("Panels SVG", id="export-svg", n_clicks=0, type="button"),
        html.Button("Globe PNG", id="export-globe", n_clicks=0, type="button"),
        html.Span(id="tour-caption", className="caption"),
        dcc.Store(id="tour", data=TOUR),
        dcc.Store(id="link-fields", data=list(FIELDS)),
        html.Div(id="page-mode", hidden=True),
    ])


# A link of the current view: every control, the clock, the selection and the camera.
clientside_callback(ClientsideFunction("globe", "shareLink"), Output("share-link", "value"),
                    Input("copy-link", "n_clicks"),
                    *(State(control_id, "value") for control_id in FIELDS),
                    State("time-slider", "value"), State("selection", "data"), prevent_initial_call=True)
# Exports of the current view: the server renders the report and panels; the globe is read from its canvas.
clientside_callback(ClientsideFunction("globe", "exportView"), Output("export-report", "title"),
                    Input("export-report", "n_clicks"), Input("export-png", "n_clicks"),
                    Input("export-svg", "n_clicks"), Input("export-globe", "n_clicks"),
                    *(State(control_id, "value") for control_id in FIELDS),
                    State("time-slider", "value"), State("selection", "data"), prevent_initial_call=True)
# Embed views, presentation mode and the tour's keys, from the page's address.
clientside_callback(ClientsideFunction("globe", "pageMode"), Output("page-mode", "children"),
                    Input("url", "pathname"), Input("url", "search"), State("tour", "data"),
                    State("link-fields", "data"))
