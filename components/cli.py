"""The installed `orbital` command: the engine's command line (orbital.cli) with the dashboard's
`export` added. The export's module (Dash, Plotly, kaleido) is imported only when `export` runs, so
every other command starts as fast as `python -m orbital`.

    orbital export --preset NAME --out DIR [--format png,svg] [--json]
"""

from orbital import PRESETS, Command, command_line


def add_export(parser):
    """The export command's options."""
    parser.add_argument("--preset", required=True, metavar="NAME", help=f"one of: {', '.join(PRESETS)}")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    parser.add_argument("--format", default="png,svg", help="comma-separated image formats: png, svg (default both)")
    parser.add_argument("--json", action="store_true", help="list the files written as JSON")


def run_export(args):
    """The dashboard's export (components.export.run): the files written, with their sizes."""
    from .export import run
    return run(args)


EXPORT = Command("export", "each panel as PNG and SVG, and a self-contained HTML report", add_export, run_export)


def main(argv=None):
    """The `orbital` script: the engine's commands and `export`; the exit status."""
    return command_line(argv, extra_commands=(EXPORT,))


if __name__ == "__main__":
    raise SystemExit(main())
