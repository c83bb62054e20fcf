from django.dispatch import Signal

# Sent by core.models.ContentQuerySet after update() changed rows, which
# sends no model signal: `sender` is the model, `pks` the rows it changed
# (search.registry reindexes them).
rows_changed = Signal()

# Sent by core.review when a reviewed item moved, inside the transaction
# that stored it (lhh.notifications writes its emails there): `sender` is
# the model, `instance` the item, `name` the transition's name (or
# "hold_change": a change to a live item now waits for approval), `event`
# the recorded ReviewEvent (None for hold_change), `user` who did it,
# `author` whose work it was (the item's creator, or who proposed the
# change), `base_url` the site's scheme and host for links ("" if unknown).
reviewed = Signal()
