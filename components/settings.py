"""Configuration, in one place: every environment variable the dashboard reads, with its default, unit
and meaning; the engine's are orbital.SETTINGS. `python -m components.settings` prints them all as a
Markdown table.

Each is read when asked (Setting.value()); the modules that keep one as a constant (tests replace
those constants) read it once, as they are imported."""

import orbital
from orbital import Setting


def preset_names():
    """every preset"""
    return ",".join(orbital.PRESETS)


def names(text):
    """The non-empty names of a comma-separated list."""
    return [name for name in text.split(",") if name.strip()]


REDIS_URL = Setting("REDIS_URL", "", "URL",
                    "Redis for Celery jobs and shared results (redis://host:6379/0); unset: this machine only",
                    Setting.stripped)
CACHE_DIR = Setting("ORBITAL_CACHE_DIR", "", "folder",
                    "shared results (default $XDG_CACHE_HOME/orbital-compute/results); private, 0700",
                    Setting.stripped)
JOBS_DIR = Setting("ORBITAL_JOBS_DIR", "", "folder",
                   "the disk queue of background jobs (default …/orbital-compute/jobs); private, 0700",
                   Setting.stripped)
CATALOGUES_DIR = Setting("ORBITAL_CATALOGUES_DIR", "", "folder",
                         "uploaded catalogues (default …/orbital-compute/catalogues); private, 0700",
                         Setting.stripped)
XDG_CACHE_HOME = Setting("XDG_CACHE_HOME", "", "folder",
                         "root of the default folders (unset or empty: ~/.cache)", str)
CACHE_MB = Setting("ORBITAL_CACHE_MB", "512", "MB",
                   "size of the shared results, on disk (and in Redis with REDIS_URL)", Setting.megabytes)
COMPUTE_SLOTS = Setting("ORBITAL_COMPUTE_SLOTS", Setting.core_count, "computations",
                        "computations at once in one server process; more requests wait for a slot", Setting.count)
JOBS_MAX = Setting("ORBITAL_JOBS_MAX", Setting.core_count, "processes",
                   "most job processes of the disk queue on this machine; a job over it is refused", Setting.count)
JOB_REDELIVER_S = Setting("ORBITAL_JOB_REDELIVER_S", "300", "s",
                          "a job whose Celery worker dies is handed to another after this long "
                          "(Redis visibility timeout; longer than the longest job)")
JOB_RESULTS_S = Setting("ORBITAL_JOB_RESULTS_S", "3600", "s", "how long finished jobs' results are kept")
CATALOGUES_MB = Setting("ORBITAL_CATALOGUES_MB", "512", "MB",
                        "uploaded catalogues kept, least recently used out first", Setting.megabytes)
UPLOAD_MB = Setting("ORBITAL_UPLOAD_MB", "16", "MB",
                    "largest catalogue upload (16 MB: ~100,000 satellites as 3LE); refused (413) beyond",
                    Setting.megabytes)
REQUEST_KB = Setting("ORBITAL_REQUEST_KB", "64", "KB",
                     "largest body of any other request; refused (413) before it is read", Setting.kilobytes)
CUSTOM_SATELLITES_MAX = Setting("ORBITAL_CUSTOM_SATELLITES_MAX", "1000000", "satellites",
                                "most satellites of a custom shell (the engine takes up to ORBITAL_MAX_SATELLITES)",
                                Setting.count)
CZML_SAMPLES_MAX = Setting("ORBITAL_CZML_SAMPLES_MAX", "100000", "satellite·samples",
                           "largest CZML export (/export/constellation.czml): satellites × samples of the window "
                           "(100,000: ~270 satellites over 6 h, ~3.5 MB, ~3 s); refused (400) beyond", Setting.count)
WARM_PRESETS = Setting("ORBITAL_WARM_PRESETS", preset_names, "preset names",
                       "presets whose first answers are computed as the server starts (comma-separated; "
                       "empty: none)", names)
FRAME_ANCESTORS = Setting("ORBITAL_FRAME_ANCESTORS", "", "origins",
                          "sites allowed to frame the app besides itself ('https://a.example http://b:8080')", str)

SETTINGS = (REDIS_URL, CACHE_DIR, JOBS_DIR, CATALOGUES_DIR, XDG_CACHE_HOME, CACHE_MB, COMPUTE_SLOTS, JOBS_MAX,
            JOB_REDELIVER_S, JOB_RESULTS_S, CATALOGUES_MB, UPLOAD_MB, REQUEST_KB, CUSTOM_SATELLITES_MAX,
            WARM_PRESETS, FRAME_ANCESTORS)


def named(name):
    """The Setting of environment variable `name` (the dashboard's or the engine's)."""
    return next(setting for setting in SETTINGS + orbital.SETTINGS if setting.name == name)


def markdown_table():
    """Every setting, the dashboard's then the engine's: name, default, unit, meaning (Markdown)."""
    rows = ["| variable | default | unit | meaning |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.default_text() or '(empty)'} | {s.unit} | {s.meaning} |"
             for s in SETTINGS + orbital.SETTINGS]
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
