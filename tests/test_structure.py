"""The shape of the code: the engine imports no web and has no import cycle, the dashboard reaches
it through its front door only, importing a module has no side effects, and the browser's orbit
fixture is what orbital/ computes today."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import orbital

ROOT = Path(__file__).resolve().parents[1]
WEB = {"components", "dash", "plotly", "kaleido", "flask", "werkzeug", "app"}


def imports(path):
    """(module imported, line, at top level) of every import in a file; relative imports resolved
    within its package."""
    tree = ast.parse(path.read_text(), str(path))
    package = path.parent.name
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = f"{package}.{node.module}" if node.level else node.module
            if node.level and node.module is None:
                found += [(f"{package}.{alias.name}", node.lineno, id(node) in top) for alias in node.names]
            else:
                found.append((base, node.lineno, id(node) in top))
    return found


ENGINE = sorted((ROOT / "orbital").glob("*.py"))
DASHBOARD = sorted((ROOT / "components").glob("*.py")) + [ROOT / "app.py"]


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_the_engine_imports_nothing_of_the_web(path):
    upward = [(name, line) for name, line, _ in imports(path) if name.split(".")[0] in WEB]
    assert upward == [], f"{path.name} imports the web: {upward}"


def test_importing_the_whole_engine_loads_no_web_module():
    modules = [f"orbital.{p.stem}" for p in ENGINE if p.stem not in ("__init__", "__main__")]
    script = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
              f"print(sorted(m for m in sys.modules if m.split('.')[0] in {sorted(WEB)!r}))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_engine_has_no_import_cycle_and_hides_none():
    graph = {}
    for path in ENGINE:
        name = f"orbital.{path.stem}"
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


def test_importing_any_module_has_no_side_effects(tmp_path):
    """No folder is created, no job manager built, no Dash app made, by importing every module of
    components/ (the Celery worker's module included)."""
    folders = {name: tmp_path / name for name in ("ORBITAL_JOBS_DIR", "ORBITAL_CACHE_DIR", "ORBITAL_CATALOGUES_DIR")}
    modules = [f"components.{p.stem}" for p in DASHBOARD if p.parent.name == "components" and p.stem != "__init__"]
    script = (f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
              "from dash.background_callback.managers import BaseBackgroundCallbackManager as M; "
              "import components.jobs as jobs, components.results as results; "
              "print(len(M.managers), 'app' in sys.modules, jobs.start.cache_info().currsize, "
              "results.code_version.cache_info().currsize)")
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:9/0", **{k: str(v) for k, v in folders.items()}}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "0", "0"]
    assert not any(folder.exists() for folder in folders.values())


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
