"""The task queue in tests: the suite runs tasks at once (HUEY_IMMEDIATE=1,
pyproject.toml); a test about the queue itself takes the `queue` fixture."""

import socket

import pytest
from huey.contrib.djhuey import HUEY
from huey.storage import SqliteStorage


class Worker:
    """What the worker (manage.py run_huey) does, one pass at a time."""

    def __init__(self, huey):
        self.huey = huey

    def run(self, timestamp=None):
        """Execute every queued task, and every scheduled one due by
        `timestamp` (default now), until none is left; how many ran."""
        count = 0
        while True:
            for task in self.huey.read_schedule(timestamp):
                self.huey.enqueue(task)
            task = self.huey.dequeue()
            if task is None:
                return count
            self.huey.execute(task, timestamp)
            count += 1


@pytest.fixture
def queue(tmp_path):
    """The task queue as production runs it: not immediate, in a SQLite
    file of its own; nothing runs until `queue.run()`."""
    memory = HUEY.storage
    # Swapped by hand, so the settings' own file (var/) is never opened.
    HUEY.immediate_use_memory = False
    HUEY.immediate = False
    HUEY.storage = SqliteStorage(HUEY.name, filename=str(tmp_path / "huey.sqlite3"))
    yield Worker(HUEY)
    HUEY.immediate = True
    HUEY.storage = memory
    HUEY.immediate_use_memory = True


@pytest.fixture
def closed_port():
    """A local TCP port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
