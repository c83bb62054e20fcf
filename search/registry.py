"""The kinds of content the site-wide search finds, each added by its app.

An app registers its model in its AppConfig.ready:

    registry.register(Article, slug="tin-tuc", label="Tin tức", position=10)

The model defines `search_document()` (search.index). Registering connects
the signals that keep the model's entries right; the search page's tabs, its
`?loai=` values and the rebuild command read the registry, so a new kind of
content is found without any change here.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete, post_save

from core.signals import rows_changed


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    # The ?loai= value of /tim-kiem/, stored in SearchEntry.kind: stable.
    slug: str
    # The tab's name, in Vietnamese.
    label: str
    # Tabs are shown in this order.
    position: int


_kinds = {}


def register(model, *, slug, label, position):
    if not callable(getattr(model, "search_document", None)):
        raise TypeError(f"{model._meta.label} has no search_document() to index.")
    taken = {kind.slug: kind for kind in _kinds.values() if kind.model is not model}
    if slug in taken:
        raise ValueError(f"{taken[slug].model._meta.label} already uses the kind {slug!r}.")
    _kinds[model] = Kind(model, slug, label, position)
    uid = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{uid}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{uid}")
    # An update() in bulk (an admin action) sends no save signal.
    rows_changed.connect(_updated, sender=model, dispatch_uid=f"search-rows-{uid}")


def kinds():
    """Every registered kind, in tab order."""
    return sorted(_kinds.values(), key=lambda kind: (kind.position, kind.slug))


def kind_of(model):
    return _kinds[model]


def models():
    return [kind.model for kind in kinds()]


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:
        from .index import index_object

        index_object(instance)


def _deleted(sender, instance, **kwargs):
    from .index import unindex_object

    unindex_object(instance)


def _updated(sender, pks, **kwargs):
    from .index import reindex

    reindex(sender._default_manager.filter(pk__in=pks))
