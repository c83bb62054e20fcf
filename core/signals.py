from django.dispatch import Signal

# Sent by core.models.ContentQuerySet after update() changed rows, which
# sends no model signal: `sender` is the model, `pks` the rows it changed
# (search.registry reindexes them).
rows_changed = Signal()
