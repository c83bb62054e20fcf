"""Work of the base app done by the worker."""

import logging

from django.apps import apps
from huey.contrib.djhuey import db_task

from .renditions import renditions_of

logger = logging.getLogger(__name__)


# A storage briefly away is tried again.
@db_task(retries=3, retry_delay=60)
def make_renditions(label, pk, attname):
    """Make every rendition of the picture in `attname` of row `pk` of model
    `label` ("gallery.Photo"), as imagekit's Optimistic strategy did on save."""
    instance = apps.get_model(label).objects.filter(pk=pk).first()
    if instance is None or not getattr(instance, attname):
        return 0
    count = 0
    for rendition in renditions_of(instance, attname):
        try:
            rendition.generate()
        except FileNotFoundError:
            # Gone from storage since it was saved: nothing to make, nothing
            # to retry.
            logger.warning("No renditions of %s %s: its picture is missing", label, pk)
            return count
        count += 1
    return count
