"""Many visitors registering at the same moment for the last places: the
capacity holds. Only meaningful on PostgreSQL (SQLite has one writer)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from registrations.models import Entry

from .conftest import entry_data, make_form, pdf_upload

SUBMITTERS = 20
CAPACITY = 7


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises writers")


@pytest.mark.usefixtures("postgresql_only")
def test_concurrent_registrations_never_exceed_the_capacity(transactional_db, settings):
    settings.REGISTRATIONS_RATE_LIMIT_PER_HOUR = 1000
    form = make_form(capacity=CAPACITY)
    barrier = threading.Barrier(SUBMITTERS)
    errors, statuses = [], []

    def submit(n):
        try:
            client = Client(REMOTE_ADDR=f"10.2.0.{n}")
            data = entry_data(form, name=f"Người đăng ký {n}", **{"Bản mô tả": pdf_upload()})
            barrier.wait(timeout=30)
            statuses.append(client.post(form.get_absolute_url(), data).status_code)
        except Exception as exc:  # reported below, in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMITTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert Entry.objects.count() == CAPACITY
    assert statuses.count(302) == CAPACITY
    assert statuses.count(200) == SUBMITTERS - CAPACITY
