"""Real-browser tests: pytest-playwright driving Debian's Chromium.

Playwright's own browser download does not work here, so the browser is
launched from /usr/bin/chromium. Without it these tests skip with a reason,
except in CI (E2E_REQUIRED=1), where a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's
# ORM would otherwise refuse to run there. Tests only, never in deployment.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under test-artifacts/ (git-ignored)."""

    def take(page, name):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo site profile, pages and links."""
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    return live_server


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Every browser test runs under the site's Content-Security-Policy and
    fails if the browser refused anything the page asked for."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and violations.append(f"{page.url}: {message.text}")
        ),
    )
    yield
    assert violations == [], "\n".join(violations)
