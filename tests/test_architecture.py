"""Guards of the layered package (docs/architecture.md), in the fast gate.

- The method modules never import the libraries of the edges (matplotlib, ipywidgets,
  papermill, nbconvert, jinja2), at any depth: at the top, inside a function, or through
  ``importlib.import_module``; nor the edges themselves (kit.viz, kit.widgets, kit.report,
  kit.cli, kit.pipeline). Only the edges and the old module paths that re-export them do.
- ``ruff check kit tests benchmarks tools`` finds nothing (rules and the complexity budget
  in pyproject.toml's [tool.ruff]).
- Every module in kit/ defines ``__all__`` (ruff's F822 checks that every name in it exists).

The allow-lists name files other developers of issue 15 change on their own branches; each
entry marked "removed at merge" is emptied when the branches are merged.
"""
from __future__ import annotations

import ast
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit"

#: libraries only the edges import
EDGE_LIBRARIES = ("matplotlib", "ipywidgets", "papermill", "nbconvert", "jinja2")
#: the edges: packages and modules that may import them
EDGES = ("kit/viz/", "kit/widgets/", "kit/report/", "kit/cli/", "kit/pipeline.py")
EDGE_MODULES = ("kit.viz", "kit.widgets", "kit.report", "kit.cli", "kit.pipeline")

#: old module paths kept for one release: thin re-exports of an edge module (nothing else in them)
OLD_PATHS = {
    "kit/plots.py": "kit.viz.base",
    "kit/guide_plots.py": "kit.viz.guide",
    "kit/coding_plots.py": "kit.viz.coding",
    "kit/sentiment_plots.py": "kit.viz.sentiment",
    "kit/program_plots.py": "kit.viz.program",
    "kit/guide_widgets.py": "kit.widgets.guide",
}

#: method modules that still import an edge library; file -> the modules it imports
LIBRARY_ALLOWED = {
}

#: method modules that import an edge module; file -> the edge modules it imports
EDGE_IMPORT_ALLOWED = {
    "kit/languages.py": {"kit.report"},  # removed at merge (speed/report: the report's Languages part)
    # ``__getattr__`` re-exports of moved front-ends, for one release (old import paths keep working)
    "kit/review.py": {"kit.cli.review"},
    "kit/recruit.py": {"kit.cli.recruit"},
    "kit/guide_export.py": {"kit.report.guide_page"},
    "kit/scaffold.py": {"kit.cli.lab"},
    "kit/__main__.py": {"kit.cli"},  # `python -m kit` is the command line
    # after the discovery branch's merge: the old paths of the cross-sprint tools re-export its
    # figures and front-ends (``kit.viz.discovery``, ``kit.cli.discovery``) for one release
    "kit/repository.py": {"kit.cli.discovery", "kit.viz.discovery"},
    "kit/ost.py": {"kit.viz.discovery"},
}

#: modules without ``__all__``, owned by other developers of issue 15/20
NO_ALL_ALLOWED = {
}


def _modules():
    return sorted(p for p in KIT.rglob("*.py") if "data" not in p.relative_to(KIT).parts[:1])


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _is_edge(rel: str) -> bool:
    return rel.startswith(EDGES) or rel in OLD_PATHS


@functools.lru_cache(maxsize=None)
def _tree(path: Path) -> ast.Module:
    """Each module is parsed once for all the tests here."""
    return ast.parse(path.read_text(encoding="utf-8"))


def imported_modules(source, package: str = "kit") -> list[tuple[int, str]]:
    """Every module a source imports, at any depth, as ``(line, dotted name)``: ``import a.b``,
    ``from a.b import c`` (also ``a.b.c``, which may be a module), relative imports resolved
    against ``package``, and ``importlib.import_module("a")`` / ``__import__("a")`` with a
    literal name. ``source`` is Python text or a parsed module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(source if isinstance(source, ast.AST) else ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def _under(module: str, roots) -> bool:
    return any(module == r or module.startswith(r + ".") for r in roots)


def _package_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts if path.name == "__init__.py" else parts[:-1]).removesuffix(".__init__")


@functools.lru_cache(maxsize=None)
def violations(path: Path) -> tuple[list[str], list[str]]:
    """(edge libraries imported, edge modules imported) by one module, as ``path:line: name``."""
    rel = _rel(path)
    libraries, edges = [], []
    for line, module in imported_modules(_tree(path), _package_of(path)):
        if _under(module, EDGE_LIBRARIES):
            libraries.append(f"{rel}:{line}: {module}")
        elif _under(module, EDGE_MODULES) or module.replace(".", "/") + ".py" in OLD_PATHS:
            edges.append(f"{rel}:{line}: {module}")
    return libraries, edges


def test_the_scanner_finds_imports_at_any_depth():
    source = (
        "import os\n"
        "from kit import viz\n"
        "def f():\n"
        "    import matplotlib.pyplot as plt\n"
        "    from jinja2 import Environment\n"
        "class C:\n"
        "    def g(self):\n"
        "        import importlib\n"
        "        return importlib.import_module('papermill'), __import__('nbconvert')\n"
        "from .plots import save\n"
    )
    found = imported_modules(source, "kit")
    assert (4, "matplotlib.pyplot") in found and (5, "jinja2") in found
    assert (9, "papermill") in found and (9, "nbconvert") in found
    assert (2, "kit.viz") in found and (10, "kit.plots") in found and (10, "kit.plots.save") in found


def test_method_modules_do_not_import_the_edge_libraries():
    found = {}
    for path in _modules():
        rel = _rel(path)
        if _is_edge(rel):
            continue
        allowed = LIBRARY_ALLOWED.get(rel, set())
        bad = [v for v in violations(path)[0] if not _under(v.rsplit(": ", 1)[1], allowed)]
        if bad:
            found[rel] = bad
    assert not found, "a method module imports an edge library (move the code to kit/viz, kit/widgets, " \
                      f"kit/report or kit/cli): {found}"


def test_method_modules_do_not_import_the_edges():
    found = {}
    for path in _modules():
        rel = _rel(path)
        if _is_edge(rel):
            continue
        _, edges = violations(path)
        allowed = EDGE_IMPORT_ALLOWED.get(rel, set())
        bad = [v for v in edges if not any(_under(v.rsplit(": ", 1)[1], [a]) or a.startswith(v.rsplit(": ", 1)[1])
                                           for a in allowed)]
        if bad:
            found[rel] = bad
    assert not found, f"a method module imports an edge: {found}"


def test_allow_lists_name_only_current_offenders():
    # an entry for a file that no longer needs it is removed, so the lists only ever shrink
    for rel, allowed in LIBRARY_ALLOWED.items():
        path = ROOT / rel
        if path.exists():
            names = {v.rsplit(": ", 1)[1] for v in violations(path)[0]}
            assert allowed <= names, f"{rel}: {sorted(allowed - names)} no longer imported: drop it from LIBRARY_ALLOWED"
    for rel in NO_ALL_ALLOWED:
        path = ROOT / rel
        if path.exists():
            assert not _defines_all(path), f"{rel} defines __all__ now: drop it from NO_ALL_ALLOWED"


@pytest.mark.parametrize("rel", sorted(OLD_PATHS))
def test_old_module_paths_are_thin_re_exports(rel):
    tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
    body = tree.body[1:] if isinstance(tree.body[0], ast.Expr) else tree.body  # the docstring
    assert body and all(isinstance(node, ast.ImportFrom) and node.module == OLD_PATHS[rel] for node in body)
    imported = {alias.name for node in body for alias in node.names}
    assert imported == {"*", "__all__"}  # every public name, and the same __all__


@pytest.mark.slow  # a fresh interpreter importing pandas (about 2 s)
def test_importing_the_method_modules_loads_no_edge_library():
    # at run time too (a third-party import could pull one in): a fresh interpreter imports
    # the public API and the modules the command line's `check` uses
    code = ("import sys, kit, kit.study, kit.check, kit.transcripts, kit.agreement, kit.thematic_saturation, "
            "kit.guide, kit.errors, kit.paths\n"
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {EDGE_LIBRARIES!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"


@functools.lru_cache(maxsize=None)
def _defines_all(path: Path) -> bool:
    for node in _tree(path).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return True
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "__all__":
            return True
        if isinstance(node, ast.ImportFrom) and any(a.name == "__all__" and not a.asname for a in node.names):
            return True  # a re-export of the new module's list
    return False


def test_every_module_defines_all():
    missing = [_rel(p) for p in _modules() if not _defines_all(p) and _rel(p) not in NO_ALL_ALLOWED]
    assert not missing, f"modules without __all__: {missing}"


def test_ruff_finds_nothing():
    from ruff.__main__ import find_ruff_bin  # ruff is in the test extras: pip install -e '.[test]'

    result = subprocess.run([find_ruff_bin(), "check", "--no-cache", "--output-format", "concise",
                             "kit", "tests", "benchmarks", "tools"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_is_over_900_lines():
    """Issue 15's budget: a module over 900 lines is doing more than one job."""
    long = {_rel(p): n for p in _modules() if (n := p.read_text(encoding="utf-8").count("\n")) > 900}
    assert not long, long
