"""The test tiers of tests/conftest.py against what each test's code does: a test that starts Chromium
or a server carries the browser or services marker (so `make check` never needs either), every
module has a tier, and an engine module imports nothing of the dashboard."""

import ast
import inspect
import textwrap
from pathlib import Path

import pytest

import conftest

TESTS = Path(__file__).parent
# What a test's code (with the helpers and fixtures of tests/ it reaches) calls to need a tier.
SERVER_WORDS = ("redis-server", "app.py", "celery", "gunicorn")
DASHBOARD_MODULES = ("app", "components", "dash", "selenium", "plotly", "kaleido")


def in_tests(obj):
    """Whether `obj` is a function or class written under tests/."""
    try:
        return Path(inspect.getsourcefile(obj)).resolve().parent == TESTS.resolve()
    except TypeError:
        return False


def reached(item):
    """Parsed sources of the test function and of every function, class and fixture of tests/ it
    reaches by name, transitively."""
    todo = [item.function] + [definitions[-1].func for definitions in item._fixtureinfo.name2fixturedefs.values()]
    seen, trees = set(), []
    while todo:
        obj = inspect.unwrap(todo.pop())
        if id(obj) in seen or not in_tests(obj):
            continue
        seen.add(id(obj))
        tree = ast.parse(textwrap.dedent(inspect.getsource(obj)))
        trees.append(tree)
        names = getattr(obj, "__globals__", None) or vars(inspect.getmodule(obj))
        todo += [names[node.id] for node in ast.walk(tree)
                 if isinstance(node, ast.Name) and callable(names.get(node.id))]
    return trees


def needs(item):
    """The tiers a test's own code shows it needs: browser, services, both or none."""
    found = set()
    for tree in reached(item):
        for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
            name = ast.unparse(call.func)
            if name.split(".")[-1] == "Chrome":
                found.add("browser")
            if name.split(".")[-1] == "Popen" and any(word in ast.unparse(call) for word in SERVER_WORDS):
                found.add("services")
    plugins = {definitions[-1].func.__module__ for name, definitions in item._fixtureinfo.name2fixturedefs.items()
               if name in item.fixturenames}
    if "dash.testing.plugin" in plugins and not found:
        found.add("browser or services")
    return found


def collected():
    """Every test of this session with its tiers, or a skip when the session did not collect them all."""
    modules = {item.path.name for item, _ in conftest.COLLECTED.values()}
    missing = set(conftest.MODULE_TIERS) - modules
    if missing:
        pytest.skip(f"the tiers are checked over the whole suite; not collected: {', '.join(sorted(missing))}")
    return conftest.COLLECTED.values()


def test_every_test_module_has_a_tier_and_an_engine_module_imports_nothing_of_the_dashboard():
    files = {path.name for path in TESTS.glob("test_*.py")}
    assert files == set(conftest.MODULE_TIERS), "tests/conftest.py MODULE_TIERS names every test module"
    assert set(conftest.MODULE_TIERS.values()) <= {"engine", "model"}
    for name, tier in conftest.MODULE_TIERS.items():
        tree = ast.parse((TESTS / name).read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        web = sorted(module for module in imported if module.split(".")[0] in DASHBOARD_MODULES)
        assert tier == "model" or not web, f"{name} is an engine module but imports {web}"


def test_every_test_has_one_tier_and_one_that_needs_chromium_or_a_server_says_so():
    wrong = []
    for item, tiers in collected():
        if not tiers or not tiers <= set(conftest.TIERS) or len(tiers & {"engine", "model"}) != (
                0 if tiers & {"browser", "services"} else 1):
            wrong.append(f"{item.nodeid}: tiers {sorted(tiers)}")
        shown = needs(item)
        if "browser or services" in shown and not tiers & {"browser", "services"}:
            wrong.append(f"{item.nodeid}: uses a Dash server fixture without the browser or services marker")
        wrong += [f"{item.nodeid}: starts {tier} without its marker" for tier in shown - {"browser or services"}
                  if tier not in tiers]
    assert not wrong, "add these to the tables of tests/conftest.py:\n" + "\n".join(wrong)


def test_every_named_test_in_the_tier_table_exists():
    names = {f"{item.path.name}::{item.originalname}" for item, _ in collected()}
    assert set(conftest.TEST_TIERS) <= names, set(conftest.TEST_TIERS) - names
