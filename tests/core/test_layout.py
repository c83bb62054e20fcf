"""The base app imports no other app of the project: every arrow points down."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = {"lhh", "news", "members", "documents", "qa", "gallery"}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


@pytest.mark.parametrize(
    "path", sorted((ROOT / "core").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_core_imports_no_project_app(path):
    upward = {name for name in imported_modules(path) if name.split(".")[0] in PROJECT_APPS}
    assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"
