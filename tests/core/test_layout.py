"""Every arrow points down: an app imports only the apps below it.

From the bottom: core (the base every app builds on), the shared services
(the outbox, media library, search, the site's own content, the visit
counter), the
feature apps, and lhh, the project, on top. Feature apps do not import one
another, except where a model relation needs it: an album belongs to an
article (gallery → news.models).
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# The project's apps, bottom first: their order in INSTALLED_APPS.
LAYERS = [name for name in settings.INSTALLED_APPS if (ROOT / name / "apps.py").is_file()]
FEATURES = {"news", "members", "documents", "qa", "gallery"}
MODEL_RELATIONS = {("gallery", "news.models")}


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def wrong_imports(app, path):
    below = LAYERS[: LAYERS.index(app)]
    for name in imported_modules(path):
        target = name.split(".")[0]
        if target not in LAYERS or target == app:
            continue
        if target not in below:
            yield f"{name} (above {app})"
        elif app in FEATURES and target in FEATURES and (app, name) not in MODEL_RELATIONS:
            yield f"{name} (a feature app beside {app})"


@pytest.mark.parametrize(
    "path",
    sorted(path for app in LAYERS for path in (ROOT / app).rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_an_app_imports_only_the_apps_below_it(path):
    app = path.relative_to(ROOT).parts[0]
    assert not list(wrong_imports(app, path))


def test_the_layers_are_the_projects_apps_in_order():
    assert LAYERS[0] == "core" and LAYERS[-1] == "lhh"
    assert LAYERS[1] == "mail"
    assert {"medialibrary", "search", "sitecontent", "visits"} <= set(LAYERS[2:6])
