"""The installed `orbital` command: the engine's command line (orbital.command_line) with the
dashboard's `export` added, which writes every panel as PNG and SVG and the self-contained report.

    orbital export --preset NAME --out DIR [--format png,svg] [--json]
"""

from pathlib import Path

import orbital
from orbital import OrbitalError

from .report import FORMATS, panel_figures, panel_images, report_html
from .state import ViewState


def export(view, out_dir, formats=FORMATS, selection=0):
    """Write every panel in each of `formats` and report.html into `out_dir`; returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    figures = panel_figures(view, selection)
    written = []
    for image_format in formats:
        for name, data in panel_images(figures, image_format).items():
            path = out / f"{name}.{image_format}"
            path.write_bytes(data)
            written.append(path)
    report = out / "report.html"
    report.write_text(report_html(view, selection), encoding="utf-8")
    return written + [report]


def add_arguments(parser):
    """The export command's options."""
    parser.add_argument("--preset", required=True, metavar="NAME", help=f"one of: {', '.join(orbital.PRESETS)}")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    parser.add_argument("--format", default="png,svg", help="comma-separated image formats: png, svg (default both)")
    parser.add_argument("--json", action="store_true", help="list the files written as JSON")


def run(args):
    """Export the preset's panels and report; the files written, with their sizes."""
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    try:
        written = export(ViewState(preset=args.preset), args.out, formats)
    except OSError as exc:
        raise OrbitalError(f"--out: cannot write to {args.out} ({exc.strerror})", parameter="--out") from None
    return [{"file": str(path), "bytes": path.stat().st_size} for path in written]


EXPORT = orbital.Command("export", "each panel as PNG and SVG, and a self-contained HTML report",
                         add_arguments, run)


def main(argv=None):
    """The `orbital` console script: the engine's commands and `export`; returns the exit status."""
    return orbital.command_line(argv, extra_commands=(EXPORT,))
