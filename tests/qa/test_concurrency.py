"""50 visitors submitting at the same moment, each on its own database
connection: every question is stored, each with its own tracking code.

Only meaningful on PostgreSQL: SQLite serialises writers (and the test
database lives in one connection's memory)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from qa import models
from qa.models import Question, Topic

SUBMITTERS = 50


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises writers, "
            "so there is no concurrency to test"
        )


def submit_concurrently(topic, settings, submitters=SUBMITTERS, address=None):
    if address is None:
        settings.QA_RATE_LIMIT_PER_HOUR = 1000
    barrier = threading.Barrier(submitters)
    errors, statuses = [], []

    def submit(n):
        try:
            client = Client(REMOTE_ADDR=address or f"10.1.0.{n}")
            barrier.wait(timeout=30)
            response = client.post(
                "/hoi-dap/dat-cau-hoi/",
                {
                    "asker_name": f"Người hỏi số {n}",
                    "topic": str(topic.pk),
                    "title": f"Câu hỏi đồng thời số {n}",
                    "body": "Nội dung câu hỏi gửi cùng lúc để thử mã tra cứu.",
                    "consent": "on",
                    "captcha_0": "x",
                    "captcha_1": "PASSED",
                },
            )
            statuses.append(response.status_code)
        except Exception as exc:  # reported below, in the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(submitters)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return statuses


@pytest.mark.usefixtures("postgresql_only")
def test_fifty_concurrent_questions_get_distinct_codes(
    transactional_db, settings, captcha_test_mode
):
    topic = Topic.objects.create(name="Thử đồng thời")
    assert submit_concurrently(topic, settings) == [302] * SUBMITTERS
    codes = list(Question.objects.values_list("tracking_code", flat=True))
    assert len(codes) == SUBMITTERS
    assert len(set(codes)) == SUBMITTERS


@pytest.mark.usefixtures("postgresql_only")
def test_concurrent_posts_from_one_address_never_pass_the_hourly_limit(
    transactional_db, settings, captcha_test_mode
):
    settings.QA_RATE_LIMIT_PER_HOUR = 5
    topic = Topic.objects.create(name="Thử giới hạn")
    statuses = submit_concurrently(topic, settings, submitters=25, address="10.2.0.1")
    assert Question.objects.count() == 5
    assert statuses.count(302) == 5
    assert statuses.count(200) == 20


@pytest.mark.usefixtures("postgresql_only")
def test_concurrent_code_collisions_are_retried(
    transactional_db, settings, captcha_test_mode, monkeypatch
):
    # A pool of 400 codes makes collisions between the 50 inserts near
    # certain, so the unique constraint and the savepoint retry do the work.
    import random

    pool = [f"{n:03d}".translate(str.maketrans("0123456789", "23456789AB")) for n in range(400)]
    monkeypatch.setattr(models, "new_tracking_code", lambda: "QA" + random.choice(pool) + "ZZZ")
    topic = Topic.objects.create(name="Thử trùng mã")
    assert submit_concurrently(topic, settings) == [302] * SUBMITTERS
    codes = list(Question.objects.values_list("tracking_code", flat=True))
    assert len(codes) == SUBMITTERS
    assert len(set(codes)) == SUBMITTERS
