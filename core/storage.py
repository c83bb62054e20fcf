"""Uploads in an S3-compatible bucket (django-storages), addressed like files
on disk: through the site.

A stored file's address stays /media/<name> (MEDIA_URL), so every page,
feed and cached copy names the site, never the bucket, and each request
still passes core.media's check of who may have the file (a draft's
pictures stay hidden). Only then does core.media send the browser to a
signed address of the file in the bucket, valid for a short time
(`signed_url`); the bucket itself stays private.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ObjectStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def signed_url(self, name, parameters=None, expire=None):
        """The file's own address in the bucket, signed, for `expire`
        seconds (default AWS_QUERYSTRING_EXPIRE); `parameters` override
        the answer's headers (ResponseContentDisposition …)."""
        return super().url(name, parameters=parameters, expire=expire)
