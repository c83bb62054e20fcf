"""What a worker keeps in its own memory, in front of the shared cache.

Every read of the shared cache (Redis) is a round trip, and a page used to
make six to eight of them for the same few values: the content version, the
two rendered sidebar columns, the site profile. A worker now keeps each of
these in a `Memory` of its own:

- values the shared cache also holds are kept as long as the shared copy
  lives (they are stored with the time they were made), so this copy is
  never older than the shared one could be;
- the content version and the site profile are read again from the shared
  cache at most every LOCAL_SECONDS, so an edit saved by another worker shows
  here at most that late; an edit saved by this worker shows at once, since
  saving content sends `sidebar.content_changed`, which empties every Memory.
"""

import time

# At most this many seconds before a worker sees another worker's edit.
LOCAL_SECONDS = 2

_memories = []


class Memory:
    """Values by key, each stored with the time it was made, at most `size` of them."""

    def __init__(self, size=64):
        self.size = size
        self._items = {}
        _memories.append(self)

    def get(self, key, max_age):
        """The value stored under `key` less than `max_age` seconds ago, or None."""
        item = self._items.get(key)
        if item is None or time.time() - item[0] >= max_age:
            return None
        return item[1]

    def set(self, key, value, made_at=None):
        if len(self._items) >= self.size:
            # Emptied rather than evicted one by one: most keys carry the
            # content version, so the old ones are never asked for again.
            self._items.clear()
        self._items[key] = (time.time() if made_at is None else made_at, value)

    def delete(self, key):
        self._items.pop(key, None)

    def __iter__(self):
        return iter(list(self._items))

    def clear(self):
        self._items.clear()


def forget(**kwargs):
    """Empty every Memory of this worker: after an edit, or after the shared cache
    was emptied. A receiver of `sidebar.content_changed`."""
    for memory in _memories:
        memory.clear()
