"""The dashboard's export: every panel as PNG and SVG and the self-contained report, written into a
folder. The installed `orbital` script (components/cli.py) imports this module only when `export` runs:

    orbital export --preset NAME --out DIR [--format png,svg] [--json]
"""

import os
import shutil
import tempfile
from pathlib import Path

import orbital
from orbital import OrbitalError

from .model.report import FORMATS, panel_figures, panel_images, report_html
from .model.state import ViewState


def checked_formats(formats):
    """The image formats asked for, each one of FORMATS and at least one; OrbitalError otherwise."""
    if not formats:
        raise OrbitalError(f"--format: give at least one of {', '.join(FORMATS)}", parameter="--format")
    for image_format in formats:
        if image_format not in FORMATS:
            raise OrbitalError(f"--format: {orbital.clip(image_format)!r} is not one of {', '.join(FORMATS)}",
                               parameter="--format")
    return list(dict.fromkeys(formats))


def export(view, out_dir, formats=FORMATS, selection=0):
    """Write every panel in each of `formats` and report.html into `out_dir`; returns the paths written.

    Everything is refused before anything is created (formats, a folder that is a file); everything
    is rendered, written to a temporary folder inside `out_dir` and then renamed into place, so a
    failure on the way (a full disk) leaves no partial export behind."""
    formats = checked_formats(formats)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OrbitalError(f"--out: {orbital.clip(out)} is not a folder", parameter="--out")
    figures = panel_figures(view, selection)
    files = {f"{name}.{image_format}": data for image_format in formats
             for name, data in panel_images(figures, image_format).items()}
    files["report.html"] = report_html(view, selection).encode()
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".orbital-export-", dir=out))
    except OSError as exc:
        raise OrbitalError(f"--out: cannot write to {orbital.clip(out)} ({exc.strerror})", parameter="--out") from None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        for name in files:
            os.replace(staging / name, out / name)
    except OSError as exc:
        raise OrbitalError(f"--out: cannot write to {orbital.clip(out)} ({exc.strerror})", parameter="--out") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out / name for name in files]


def run(args):
    """Export the preset's panels and report; the files written, with their sizes."""
    formats = checked_formats([f.strip() for f in args.format.split(",") if f.strip()])
    written = export(ViewState(preset=args.preset), args.out, formats)
    return [{"file": str(path), "bytes": path.stat().st_size} for path in written]
