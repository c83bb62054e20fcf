import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

HERE = Path(__file__).parent
MIRROR = HERE / "mirror"
MAPPING = Path(__file__).resolve().parents[2] / "oldsite" / "mappings" / "aspnet-lhh.toml"
HOST = "www.lhhlamdong.org.vn"


def import_site(*args, source=MIRROR, mapping=MAPPING):
    out = StringIO()
    call_command("import_site", str(source), "--mapping", str(mapping), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def mirror(tmp_path):
    """A copy of the fixture mirror a test may change."""
    copy = tmp_path / "mirror"
    shutil.copytree(MIRROR, copy)
    return copy / HOST


@pytest.fixture
def imported(db, django_capture_on_commit_callbacks):
    # Committed, so the worker reads the documents' files (immediate mode).
    with django_capture_on_commit_callbacks(execute=True):
        return import_site()
