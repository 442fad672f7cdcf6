"""Orbital Compute Dashboard: `python app.py [--host H] [--port P] [--debug]`."""

import argparse

from dash import Dash, html

app = Dash(__name__, title="Orbital Compute Dashboard")
server = app.server
app.layout = html.Main([html.H1("Orbital Compute Dashboard"),
                        html.P("The engine is ready: try `orbital summary --preset spacex-odc`.")])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the Orbital Compute Dashboard.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    app.run(host=args.host, port=args.port, debug=args.debug, dev_tools_disable_version_check=True)


if __name__ == "__main__":
    main()
