"""The pure modules are one list in three places: strict typing, coverage and mutation testing.

A pure module added to the strict mypy overrides but not to [tool.coverage.run] and
[tool.mutmut] would escape the 100 % branch coverage and the mutation run (docs/quality.md).
Pure: no database, so it runs in `make coverage-pure`, where importing every module here also
makes coverage report a module that no test imports (at 0 %) instead of leaving it out.
"""

import ast
import importlib
import importlib.util
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())
TOOL = CONFIG["tool"]
STRICT = next(
    override["module"]
    for override in TOOL["mypy"]["overrides"]
    if override.get("disallow_untyped_defs")
)
PATHS = [module.replace(".", "/") + ".py" for module in STRICT]


def test_coverage_and_mutation_measure_exactly_the_strictly_typed_modules() -> None:
    assert TOOL["coverage"]["run"]["include"] == PATHS
    assert TOOL["coverage"]["run"]["branch"] is True
    assert TOOL["coverage"]["report"]["fail_under"] == 100
    assert TOOL["mutmut"]["only_mutate"] == PATHS


def test_every_selected_test_file_exists_and_every_pure_module_has_one() -> None:
    selection = TOOL["mutmut"]["pytest_add_cli_args_test_selection"]
    files = {entry.partition("::")[0] for entry in selection}
    assert [f for f in sorted(files) if not (ROOT / f).is_file()] == []
    # Each module's tests live next to it: raaderum/<app>/tests/test_<module>[_*].py.
    for path in PATHS:
        app, module = path.rsplit("/", 1)
        prefix = f"{app}/tests/test_{module.removesuffix('.py')}"
        assert any(f.startswith(prefix) for f in files), f"no test file of {path} in the selection"


def imported_modules(source: str) -> list[str]:
    """Every module a source imports; `from a import b` counts as a.b when that is a module."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                qualified = f"{node.module}.{alias.name}"
                names.append(qualified if is_module(qualified) else node.module)
    return names


def is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # the parent is a module, not a package
        return False


@pytest.mark.parametrize("module", STRICT)
def test_a_pure_module_imports_no_django_and_only_pure_raaderum_modules(module: str) -> None:
    importlib.import_module(module)  # so that coverage measures it even if no test imports it
    source = (ROOT / (module.replace(".", "/") + ".py")).read_text()
    imported = imported_modules(source)
    assert [name for name in imported if name.split(".")[0] == "django"] == []
    assert [n for n in imported if n.split(".")[0] == "raaderum" and n not in STRICT] == []
