"""The shape of the code: the engine imports no web and has no import cycle, the dashboard reaches
it through its front door only, importing a module has no side effects, and the browser's orbit
fixture is what orbital/ computes today."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import orbital

ROOT = Path(__file__).resolve().parents[1]
WEB = {"components", "dash", "plotly", "kaleido", "flask", "werkzeug", "app"}


def module_name(path):
    """The dotted module name of a file under ROOT: orbital/stages/fleet.py → orbital.stages.fleet."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path):
    """(module imported, line, at top level) of every import in a file; relative imports resolved
    within its package (and the packages above it)."""
    tree = ast.parse(path.read_text(), str(path))
    here = path.relative_to(ROOT).parent.parts
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            package = ".".join(here[:len(here) - node.level + 1]) if node.level else ""
            base = f"{package}.{node.module}" if node.level else node.module
            if node.level and node.module is None:
                found += [(f"{package}.{alias.name}", node.lineno, id(node) in top) for alias in node.names]
            else:
                found.append((base, node.lineno, id(node) in top))
    return found


ENGINE = sorted((ROOT / "orbital").rglob("*.py"))
DASHBOARD = sorted((ROOT / "components").rglob("*.py")) + [ROOT / "app.py"]


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: str(p.relative_to(ROOT / "orbital")))
def test_the_engine_imports_nothing_of_the_web(path):
    upward = [(name, line) for name, line, _ in imports(path) if name.split(".")[0] in WEB]
    assert upward == [], f"{path.name} imports the web: {upward}"


def loaded_modules(*args):
    """Every module `python -X importtime ARGS` imports, from the import-time lines it writes."""
    out = subprocess.run([sys.executable, "-X", "importtime", *args], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=120)
    return {line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}


def test_the_command_line_loads_no_web_module():
    """`python -m orbital sources` imports no Dash, Plotly, kaleido or dashboard module; the installed
    `orbital` (components.cli, run here as __main__: the same main with `export` added) loads nothing of
    the dashboard but the components package's docstring-only __init__."""
    loaded = loaded_modules("-m", "orbital", "sources")
    assert "orbital.cli" in loaded and "orbital.parameters" in loaded
    assert sorted(m for m in loaded if m.split(".")[0] in WEB) == []
    installed = loaded_modules("-m", "components.cli", "sources")
    assert sorted(m for m in installed if m.split(".")[0] in WEB) == ["components"]


# Modules that take a tenth of a second or more to import, imported by the engine's functions that use them.
HEAVY = {"scipy", "aep8", "astropy", "pymsis"}


def test_importing_the_engine_loads_no_heavy_module():
    """`import orbital` stays cheap (≤ 0.5 s, benchmarks/bench_startup.py): none of HEAVY is loaded."""
    loaded = loaded_modules("-c", "import orbital")
    assert "orbital.traffic" in loaded and "orbital.radiation" in loaded
    assert sorted({m.split(".")[0] for m in loaded} & HEAVY) == []


def test_importing_the_whole_engine_loads_no_web_module():
    modules = [module_name(p) for p in ENGINE if p.stem not in ("__init__", "__main__")]
    script = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(WEB)!r}))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_engine_has_no_import_cycle_and_hides_none():
    graph = {}
    for path in ENGINE:
        name = module_name(path)
        found = [(m, line, top) for m, line, top in imports(path) if m.startswith("orbital.")]
        hidden = [(m, line) for m, _, top in found if not top for line in [_]]
        assert hidden == [], f"{path.name} imports inside a function: {hidden}"
        graph[name] = {m for m, _, _ in found if m != name}
    state = {}

    def visit(node, trail):
        if state.get(node) == "done":
            return
        assert state.get(node) != "open", "import cycle: " + " → ".join(trail + [node])
        state[node] = "open"
        for following in sorted(graph.get(node, ())):
            visit(following, trail + [node])
        state[node] = "done"

    for node in sorted(graph):
        visit(node, [])


@pytest.mark.parametrize("path", DASHBOARD, ids=lambda p: p.name)
def test_the_dashboard_uses_the_engine_through_its_front_door(path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert all(a.name == "orbital" or not a.name.startswith("orbital") for a in node.names), node.lineno
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module.startswith("orbital"):
            assert node.module == "orbital", f"{path.name}:{node.lineno} imports {node.module}"
            assert all(a.name in orbital.__all__ for a in node.names), f"{path.name}:{node.lineno}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "orbital":
            assert node.attr in orbital.__all__ or node.attr == "__file__", f"{path.name}: orbital.{node.attr}"


# Lines a function may not reach (its decorators, signature and docstring included).
FUNCTION_LINES_MAX = 80


def test_no_function_of_the_engine_or_the_dashboard_is_80_lines_or_longer():
    long = []
    for path in ENGINE + sorted((ROOT / "components").rglob("*.py")) + [ROOT / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([node.lineno] + [d.lineno for d in node.decorator_list])
                if node.end_lineno - start + 1 >= FUNCTION_LINES_MAX:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - start + 1})")
    assert long == []


def test_importing_any_module_has_no_side_effects(tmp_path):
    """No folder is created, no job manager built, no callback registered, no Dash app made, by importing
    every module of components/ (the Celery worker's module included) and app.py."""
    folders = {name: tmp_path / name for name in ("ORBITAL_JOBS_DIR", "ORBITAL_CACHE_DIR", "ORBITAL_CATALOGUES_DIR")}
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in DASHBOARD if p.stem != "__init__"]
    assert "app" in modules and "components.jobs.tasks" in modules
    script = (f"import sys, threading, importlib; [importlib.import_module(m) for m in {modules!r}]; "
              "from dash.background_callback.managers import BaseBackgroundCallbackManager as M; "
              "from dash._callback import GLOBAL_CALLBACK_LIST; import app; "
              "import components.jobs.manager as jobs, components.jobs.results as results; "
              "print(len(M.managers), len(GLOBAL_CALLBACK_LIST), app.create_app.cache_info().currsize, "
              "jobs.start.cache_info().currsize, results.code_version.cache_info().currsize, threading.active_count())")
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:9/0", **{k: str(v) for k, v in folders.items()}}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0", "0", "0", "1"]
    assert not any(folder.exists() for folder in folders.values())


def test_a_celery_worker_registers_the_background_callbacks_and_imports_no_layout(tmp_path):
    """What a worker does as it starts (tasks.start_worker): the background callbacks are registered
    and the job managers started, and neither app.py nor the page's layout is imported."""
    folders = {name: str(tmp_path / name) for name in ("ORBITAL_JOBS_DIR", "ORBITAL_CACHE_DIR", "ORBITAL_CATALOGUES_DIR")}
    script = ("import sys; import components.jobs.tasks as tasks; tasks.start_worker(); "
              "from dash._callback import GLOBAL_CALLBACK_MAP; "
              "from dash.background_callback.managers import BaseBackgroundCallbackManager as M; "
              "print(len(M.functions), any('fleet-graph.figure' in key for key in GLOBAL_CALLBACK_MAP), "
              "'components.ui.layout' in sys.modules, 'app' in sys.modules, 'components.ui.globe' in sys.modules)")
    env = {**{k: v for k, v in os.environ.items() if k != "REDIS_URL"}, **folders}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["5", "True", "False", "False", "False"]


def test_every_public_function_of_the_dashboard_has_a_docstring():
    missing = []
    for path in DASHBOARD:
        tree = ast.parse(path.read_text())
        methods = [n for c in tree.body if isinstance(c, ast.ClassDef) for n in c.body]
        for node in tree.body + methods:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                if not ast.get_docstring(node):
                    missing.append(f"{path.name}:{node.lineno} {node.name}")
    assert missing == []


def close(stored, fresh, path="fixture"):
    """Whether two JSON trees are equal, numbers to 1e-6 relative (1e-6 absolute near zero)."""
    if isinstance(fresh, dict):
        assert stored.keys() == fresh.keys(), path
        for key in fresh:
            close(stored[key], fresh[key], f"{path}.{key}")
    elif isinstance(fresh, list):
        assert len(stored) == len(fresh), path
        for k, (a, b) in enumerate(zip(stored, fresh)):
            close(a, b, f"{path}[{k}]")
    elif isinstance(fresh, float):
        assert stored == pytest.approx(fresh, rel=1e-6, abs=1e-6), path
    else:
        assert stored == fresh, path


def test_the_browsers_orbit_fixture_is_what_orbital_computes_today():
    sys.path.insert(0, str(ROOT / "tests" / "js"))
    import fixture

    fresh = json.loads(json.dumps(fixture.build()))
    close(json.loads(fixture.FIXTURE.read_text()), fresh)
    assert np.array(fresh["cases"][0]["positions_km"]).shape[1:] == (len(fixture.SECONDS), 3)


ASSETS = sorted((ROOT / "assets").glob("*.mjs"))


def test_the_browser_writes_to_dash_through_one_seam_and_copies_no_physics():
    """Only assets/dash.mjs calls set_props; the shadow's and the Earth's constants come in the
    payload from orbital/, so no module copies them. (tests/js/imports.test.mjs checks the imports.)"""
    assert len(ASSETS) > 10 and not list((ROOT / "assets").glob("*.js"))
    for path in ASSETS:
        text = path.read_text()
        if path.name != "dash.mjs":
            assert "set_props" not in text, path.name
        for constant in ("6378.137", "6371", "149597870", "696000", "7.29211", "0.005"):
            assert constant not in text, f"{path.name} copies {constant}"


def test_configuration_is_read_in_one_place():
    """Only orbital/settings.py reads the environment; every variable has a unit and a meaning, once."""
    readers = [path.relative_to(ROOT).as_posix() for path in ENGINE + DASHBOARD
               if re.search(r"\benviron\b|getenv", path.read_text())]
    assert readers == ["orbital/settings.py"]
    from components import settings

    every = settings.SETTINGS + orbital.SETTINGS
    assert len({s.name for s in every}) == len(every) == 23
    assert all(s.unit and s.meaning and s.default_text() is not None for s in every)
    assert {s.name: s.default_text() for s in every if s.default_text()} == {
        "ORBITAL_CACHE_MB": "512", "ORBITAL_COMPUTE_SLOTS": "the number of cores", "ORBITAL_JOBS_MAX": "the number of cores",
        "ORBITAL_JOB_REDELIVER_S": "300", "ORBITAL_JOB_RESULTS_S": "3600", "ORBITAL_CATALOGUES_MB": "512",
        "ORBITAL_UPLOAD_MB": "16", "ORBITAL_REQUEST_KB": "64", "ORBITAL_CUSTOM_SATELLITES_MAX": "1000000",
        "ORBITAL_WARM_PRESETS": "every preset", "ORBITAL_MAX_SAMPLES": "100000000", "ORBITAL_MAX_SATELLITES": "5000000",
        "ORBITAL_PHASING_SEARCH_MAX": "50000000", "ORBITAL_ORBIT_MEMO_MB": "256", "ORBITAL_MAX_TIMES": "2000000",
        "ORBITAL_MAX_PLANE_SAMPLES": "1.2e9", "ORBITAL_CATALOGUE_MB": "64"}
    assert settings.markdown_table().count("\n| `") == 23


def test_a_setting_is_read_when_asked_not_when_imported(monkeypatch, tmp_path):
    from components import settings
    from components.jobs import folders

    monkeypatch.setenv("ORBITAL_WARM_PRESETS", "demo, ,spacex-odc")
    monkeypatch.setenv("ORBITAL_JOBS_DIR", f" {tmp_path} ")
    monkeypatch.setenv("ORBITAL_UPLOAD_MB", "0.5")
    assert settings.WARM_PRESETS.value() == ["demo", "spacex-odc"]
    assert folders.location("ORBITAL_JOBS_DIR") == tmp_path
    assert settings.UPLOAD_MB.value() == 2 ** 19
    monkeypatch.delenv("ORBITAL_WARM_PRESETS")
    assert settings.WARM_PRESETS.value() == list(orbital.PRESETS)


def room_imports(path):
    """The modules a file of components/ imports, relative ones written from the package root
    ('components.ui.globe'); `from .. import ui` reads 'components.ui'."""
    package = ".".join(path.relative_to(ROOT).parent.parts)
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]) if node.level else ""
            module = ".".join(filter(None, [base, node.module]))
            found += [f"{module}.{a.name}" if node.level and not node.module else module for a in node.names]
    return found


@pytest.mark.parametrize("room", ["model", "jobs"])
def test_the_view_model_and_the_jobs_use_no_layout(room):
    """components/model/ imports no Dash and nothing of ui/; components/jobs/ nothing of ui/ but its
    one registration function (the Celery worker's start)."""
    for path in sorted((ROOT / "components" / room).glob("*.py")):
        found = room_imports(path)
        assert not [m for m in found if m.split(".")[0] == "dash"] or room == "jobs", path.name
        assert [m for m in found if m.startswith("components.ui")] in ([], ["components.ui"]), (path.name, found)
        assert "components.ui" not in found or path.name == "tasks.py", path.name
