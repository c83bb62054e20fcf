import os
import urllib.parse

import pytest
from django.conf import settings as django_settings

from core.cache import clear_all

# The task queue's fixtures (`queue`, `closed_port`), for every folder.
pytest_plugins = ["tests.queue"]


def pytest_configure(config):
    """Under pytest-xdist (`make test` runs two workers) each worker has a
    Redis database of its own: clearing the cache between tests flushes
    the whole database, which must not empty the other worker's. The
    worker's environment says so too, for the server processes the stack
    tests start. The databases themselves are apart already (pytest-django
    names them per worker)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    address = urllib.parse.urlsplit(os.environ.get("CACHE_URL", ""))
    if not worker.startswith("gw") or not address.scheme.startswith("redis"):
        return
    number = int(address.path.strip("/") or 0) - int(worker.removeprefix("gw"))
    own = urllib.parse.urlunsplit(address._replace(path=f"/{number % 16}"))
    os.environ["CACHE_URL"] = own
    django_settings.CACHES["default"]["LOCATION"] = own


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches (CI shares one Redis)."""
    clear_all()
    yield
    clear_all()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never to the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "bientap", "bientap@example.com", "mat-khau-thu-nghiem", is_staff=True
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        "quantri", "quantri@example.com", "mat-khau-thu-nghiem"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
