"""/healthz and the worker's heartbeat."""

import time

import pytest
from django.core.cache import cache

from lhh import tasks, worker

pytestmark = pytest.mark.django_db


def test_in_immediate_mode_the_worker_is_not_checked(client):
    cache.delete(worker.KEY)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "worker" not in response.json()


def test_a_recent_heartbeat_is_a_working_worker(client, queue):
    tasks.heartbeat.call_local()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["worker"] == "ok"


def test_no_heartbeat_is_a_stopped_worker(client, queue):
    cache.delete(worker.KEY)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["worker"] == "error"
    assert list(body["errors"]) == ["worker"]
    assert "việc nền" in body["errors"]["worker"]


def test_an_old_heartbeat_is_a_stopped_worker(client, queue, settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 300
    cache.set(worker.KEY, time.time() - 301)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["worker"] == "error"


def test_the_heartbeat_runs_through_the_queue(client, queue):
    cache.delete(worker.KEY)
    tasks.heartbeat()
    assert client.get("/healthz").status_code == 503
    queue.run()
    assert client.get("/healthz").status_code == 200
