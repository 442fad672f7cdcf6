"""Private folders for the server's state: results, jobs and uploaded catalogues.

Each is the folder its environment variable names, or by default a folder of
$XDG_CACHE_HOME/orbital-compute (~/.cache/orbital-compute when XDG_CACHE_HOME is unset). A folder
is created with mode 0700; one that already exists is refused when another user owns it or when
its group or others may write to it, since whoever can write there could plant results or read the
jobs' signing secret. Nothing is created on import: a folder is made on first use (`private`).
"""

import os
import stat
from pathlib import Path

from .. import settings

# Environment variable → folder name under the default root.
FOLDERS = {"ORBITAL_CACHE_DIR": "results", "ORBITAL_JOBS_DIR": "jobs", "ORBITAL_CATALOGUES_DIR": "catalogues"}


class UnsafeFolder(Exception):
    """A state folder that another user could write to, or that is not a folder: `variable` names
    the environment variable that chooses it."""

    def __init__(self, message, *, variable):
        super().__init__(message)
        self.variable = variable


def default_root():
    """$XDG_CACHE_HOME/orbital-compute, or ~/.cache/orbital-compute."""
    base = settings.XDG_CACHE_HOME.value() or Path.home() / ".cache"
    return Path(base) / "orbital-compute"


def location(variable):
    """The folder chosen for `variable` (a key of FOLDERS), not yet checked or created."""
    chosen = settings.named(variable).value()
    return Path(chosen) if chosen else default_root() / FOLDERS[variable]


def check(path, variable):
    """Refuse (UnsafeFolder) a folder that is not ours alone to write."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(f"{variable}: {path} is not a folder", variable=variable)
    if info.st_uid != os.geteuid():
        raise UnsafeFolder(f"{variable}: {path} belongs to another user (uid {info.st_uid}); "
                           "choose a folder of your own", variable=variable)
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeFolder(f"{variable}: {path} may be written by its group or by others "
                           f"(mode {stat.S_IMODE(info.st_mode):03o}); use chmod 700 or another folder",
                           variable=variable)


def private(variable):
    """The folder for `variable`, created 0700 (with its parents) if missing, checked if present."""
    path = location(variable)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
    check(path, variable)
    return path
