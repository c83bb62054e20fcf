import pytest

from core.cache import clear_all

# The task queue's fixtures (`queue`, `closed_port`), for every folder.
pytest_plugins = ["tests.queue"]


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
