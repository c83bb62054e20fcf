"""The worker's heartbeat: written every minute by the worker
(lhh.tasks.heartbeat), read by /healthz."""

import time

from django.conf import settings
from django.core.cache import cache
from huey.contrib.djhuey import HUEY

KEY = "worker:heartbeat"


def beat():
    # Kept a day: an older beat says as much as none.
    cache.set(KEY, time.time(), 24 * 3600)


def check():
    """Raise when the worker has not beaten for WORKER_HEARTBEAT_MAX_AGE
    seconds. A queue in immediate mode has no worker to check."""
    if HUEY.immediate:
        return
    last = cache.get(KEY)
    if last is None:
        raise RuntimeError("no heartbeat from the worker")
    age = time.time() - last
    if age > settings.WORKER_HEARTBEAT_MAX_AGE:
        raise RuntimeError(f"last heartbeat {age:.0f} s ago")


def is_checked():
    return not HUEY.immediate
