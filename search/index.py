"""Each registered object's SearchEntry, kept right as the object changes.

A registered model (search.registry) defines `search_document()`, returning
the fields of its entry as a dict (title, body, url, date, is_public,
published_at, expires_at) or None when it must not be found (an inactive organization).
`date` is the content's own date (when it was published, a document's
date of issue); content that has none, such as an organization, leaves it
out (or None), and its entry holds UNDATED.
Saving or deleting the object keeps its row right; `manage.py
rebuild_search_index` rebuilds them all.
"""

from django.contrib.contenttypes.models import ContentType

from core.text import folded, nfc, normalize

from . import registry
from .models import UNDATED, SearchEntry

BODY_LIMIT = 200_000


def entry_values(kind, document):
    """Column values of a SearchEntry of `kind` (its slug) from a model's
    search_document()."""
    title = nfc(document["title"])
    body = nfc(document.get("body") or "")[:BODY_LIMIT]
    return {
        "kind": kind,
        "title": title,
        "body": body,
        "url": document["url"],
        "date": document.get("date") or UNDATED,
        "is_public": document.get("is_public", True),
        "published_at": document.get("published_at"),
        "expires_at": document.get("expires_at"),
        "title_exact": normalize(title),
        "title_folded": folded(title),
        "exact": normalize(f"{title} {body}"),
        "folded": folded(f"{title} {body}"),
    }


def index_object(instance):
    content_type = ContentType.objects.get_for_model(type(instance))
    document = instance.search_document()
    if document is None:
        SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).delete()
        return
    SearchEntry.objects.update_or_create(
        content_type=content_type,
        object_id=instance.pk,
        defaults=entry_values(registry.kind_of(type(instance)).slug, document),
    )


def unindex_object(instance):
    content_type = ContentType.objects.get_for_model(type(instance))
    SearchEntry.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def reindex(queryset):
    """Re-index rows changed by a bulk update(), which sends no signals."""
    for instance in queryset.iterator(chunk_size=200):
        index_object(instance)
