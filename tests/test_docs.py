"""The README is a front door (at most 8 KB) and the documents agree with the code: every link between
them lands on a file and heading that exist, and every environment variable the code reads is in
docs/operations.md with the default the code gives it."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
VARIABLE = re.compile(r"(ORBITAL|REDIS|XDG)_[A-Z0-9_]+")


def slug(heading):
    """The anchor GitHub gives a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def code_files():
    return [ROOT / "app.py", *sorted((ROOT / "components").rglob("*.py")), *sorted((ROOT / "orbital").rglob("*.py"))]


def variables_read():
    """{name: default or None} of every environment variable named as a whole string in the code; the
    default is the constant passed after the name in the same call (os.environ.get("X", "64")), if any."""
    found = {}
    for path in code_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and VARIABLE.fullmatch(node.value):
                found.setdefault(node.value, None)
            if (isinstance(node, ast.Call) and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and VARIABLE.fullmatch(node.args[0].value)
                    and isinstance(node.args[1], ast.Constant)):
                found[node.args[0].value] = node.args[1].value
    return found


def documented_variables():
    """{name: default cell} of the table under "Every environment variable" in docs/operations.md."""
    text = (ROOT / "docs" / "operations.md").read_text()
    table = text[text.index("## Every environment variable"):]
    return {match[1]: match[2].strip() for match in re.finditer(r"^\| `([A-Z0-9_]+)` \| ([^|]*) \|", table, re.M)}


def test_the_readme_is_a_front_door_of_at_most_8_kb():
    readme = (ROOT / "README.md").read_bytes()
    assert len(readme) <= 8 * 1024, f"README.md is {len(readme)} bytes; move detail to docs/"
    for document in ("model", "operations", "architecture", "benchmarks", "testing"):
        assert f"(docs/{document}.md)" in readme.decode()
    assert "make check" in readme.decode() and "make test" in readme.decode() and "make run" in readme.decode()


def test_every_link_between_the_documents_lands_on_a_file_and_heading():
    broken = []
    for document in DOCUMENTS:
        for target in re.findall(r"\]\(([^)\s]+)\)", document.read_text()):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            file = (document.parent / path).resolve() if path else document
            if not file.exists():
                broken.append(f"{document.name}: {target} (no such file)")
            elif anchor and file.suffix == ".md":
                headings = {slug(line.lstrip("#")) for line in file.read_text().splitlines() if line.startswith("#")}
                if anchor not in headings:
                    broken.append(f"{document.name}: {target} (no such heading)")
    assert not broken, broken


def test_every_environment_variable_is_documented_with_its_default():
    read, documented = variables_read(), documented_variables()
    assert set(read) == set(documented), (f"read but not in docs/operations.md: {sorted(set(read) - set(documented))}; "
                                          f"documented but never read: {sorted(set(documented) - set(read))}")
    checked = {name: default for name, default in read.items() if default is not None}
    assert len(checked) >= 10, "the code reads its defaults differently now: teach variables_read() how"
    for name, default in checked.items():
        cell = documented[name].split(":")[0].strip("` ")
        if default == "":
            assert cell in ("empty", "unset"), (name, documented[name])
        else:
            assert float(cell) == float(default), (name, default, documented[name])


NAMED_PATH = re.compile(r"`((?:orbital|components|assets|tests|benchmarks|docs)/[\w./-]+\.(?:py|mjs|md|json|css))")


def test_every_file_a_document_names_exists():
    """A path in backticks (`components/ui/strip.py`) names a file of the repository: a move that
    leaves the documents behind fails here."""
    missing = [f"{document.name}: {name}" for document in DOCUMENTS
               for name in NAMED_PATH.findall(document.read_text()) if not (ROOT / name).exists()]
    assert not missing, missing
