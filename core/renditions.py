"""Rendition file names, worked out once per picture and size.

django-imagekit names a rendition after its source file and a hash of its
spec (processors, format, options), pickling the spec again each time a
page asks for a URL: 0.3 ms a picture here, 12 ms on an album page of 20
photos with two sizes each. The name depends on nothing else: each
ImageSpecField has a spec class of its own whose attributes never change
(no spec of this project computes its processors per object), so the name
is remembered per spec class and source name for as long as the process
runs. IMAGEKIT_SPEC_CACHEFILE_NAMER names this function.
"""

import logging

from django.db import transaction
from huey.contrib.djhuey import HUEY
from imagekit.cachefiles import namers
from imagekit.models.fields.utils import ImageSpecFileDescriptor

logger = logging.getLogger(__name__)

# Enough for every picture a busy worker shows; then it starts again.
MAX_NAMES = 20_000

_names = {}


def source_name_as_path(generator):
    """imagekit's own namer (CACHE/images/<source>/<hash>.jpg), remembered."""
    key = (type(generator), getattr(generator.source, "name", None))
    name = _names.get(key)
    if name is None:
        name = namers.source_name_as_path(generator)
        if len(_names) >= MAX_NAMES:
            _names.clear()
        _names[key] = name
    return name


class AfterCommit:
    """imagekit's cache file strategy (IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY):
    a picture's renditions are made by the worker (core.tasks.make_renditions)
    once the row that holds it is committed, not inside the admin's save.
    Like imagekit's Optimistic strategy, a page only builds their URLs and
    never checks the storage; until the worker is done, such a URL answers
    a "đang xử lý" picture (core.media)."""

    def on_source_saved(self, file):
        source = file.generator.source
        instance, field = getattr(source, "instance", None), getattr(source, "field", None)
        # A queue in immediate mode (tests) would make them in this process
        # anyway: at once, as the rendition needs only the stored picture.
        if HUEY.immediate or instance is None or field is None or instance.pk is None:
            try:
                file.generate()
            except FileNotFoundError:
                # The picture is gone from storage (a restore without media):
                # the row is still saved; its page shows no picture.
                logger.warning("No rendition of a missing picture: %s", source)
            return
        # One task per saved picture, not one per rendition.
        queued = instance.__dict__.setdefault("_renditions_queued", set())
        if field.attname in queued:
            return
        queued.add(field.attname)
        from .tasks import make_renditions

        label, pk, attname = instance._meta.label, instance.pk, field.attname
        transaction.on_commit(lambda: make_renditions(label, pk, attname), robust=True)

    def should_verify_existence(self, file):
        return False


def renditions_of(instance, attname):
    """The rendition files (imagekit's ImageCacheFile) made from the picture
    in field `attname` of `instance`."""
    for klass in type(instance).__mro__:
        for name, value in vars(klass).items():
            if isinstance(value, ImageSpecFileDescriptor) and value.source_field_name == attname:
                yield getattr(instance, name)


class CoverRenditions:
    """`cover_card_url` and `cover_large_url` of a model whose `cover` has the
    renditions `cover_card` and `cover_large` (its ImageSpecFields). A cover
    file lost from storage (a restore without media) costs the picture, not
    the page."""

    @property
    def cover_card_url(self):
        return self.rendition_url("cover_card")

    @property
    def cover_large_url(self):
        return self.rendition_url("cover_large")

    def rendition_url(self, spec_name):
        if not self.cover:
            return ""
        try:
            return getattr(self, spec_name).url
        except OSError:
            logger.warning(
                "Cannot make %s of %s %s (%s)", spec_name, self._meta.label, self.pk, self.cover
            )
            return ""
