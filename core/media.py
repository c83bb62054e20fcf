"""Who may fetch a stored file (/media/…).

The web server serves no upload by itself. Every /media/ address comes to
`serve`, which answers 404 to a visitor asking for a file of something
visitors may not see (a draft or scheduled document, album or article:
its originals and its renditions) and otherwise lets nginx send the file
(X-Accel-Redirect to its internal MEDIA_ACCEL_REDIRECT location), sends
the visitor to a signed address of it when uploads are in object storage
(S3), or sends it itself where there is no nginx (development, tests).

Each app says which of its folders hold such files, in its AppConfig.ready:

    media.protect("gallery/", Photo.objects.published, "image", "gallery.view_album")

Someone without an account who holds a working preview link (core.models.
PreviewLink) gets the files of its item, with `?xem-truoc=<the link's code>`.

Files in other folders (the site's logo, banners, editor images, which have
names nobody can guess) are public. A rendition of django-imagekit
(CACHE/images/<source name without extension>/<hash>.jpg) follows its
source.
"""

import mimetypes
import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

# Renditions are named after their source (core.renditions, imagekit's namer).
RENDITIONS = "CACHE/images/"
# How long a browser or shared cache may keep a public file: files are
# never changed in place (new uploads get new names), so this only bounds
# how long an unpublished item's pictures stay in someone's cache.
PUBLIC_MAX_AGE = 300


@dataclass(frozen=True)
class Folder:
    prefix: str
    visible: object  # callable: the queryset of the rows visitors may see
    field: str
    permission: str

    def is_visible(self, name, rendition):
        lookup = {f"{self.field}__startswith": f"{name}."} if rendition else {self.field: name}
        return self.visible().filter(**lookup).exists()


_folders = []


def protect(prefix, visible, field, permission):
    """Files under `prefix` are served to visitors only while `visible()`
    holds a row whose `field` is that file, and always to staff with
    `permission`."""
    _folders.append(Folder(prefix, visible, field, permission))


def stored_name(path):
    """The storage name asked for, or None for an address outside MEDIA_ROOT."""
    name = posixpath.normpath(path).lstrip("/")
    if name in ("", ".") or name.startswith("..") or "\x00" in name or "\\" in name:
        return None
    return name


def folder_of(name):
    """(the Folder guarding `name` or None, the source's name, whether `name`
    is a rendition of that source)."""
    source, rendition = name, False
    if name.startswith(RENDITIONS):
        # CACHE/images/gallery/2026/12/<uuid>/<hash>.jpg → gallery/2026/12/<uuid>
        source, rendition = posixpath.dirname(name[len(RENDITIONS) :]), True
    for folder in _folders:
        if source.startswith(folder.prefix):
            return folder, source, rendition
    return None, source, rendition


@require_safe
def serve(request, path):
    name = stored_name(path)
    if name is None:
        raise Http404("Không tìm thấy tệp.")
    folder, source, rendition = folder_of(name)
    is_public = folder is None or folder.is_visible(source, rendition)
    if not (
        is_public
        or request.user.has_perm(folder.permission)
        or is_previewed(request, folder, source, rendition)
    ):
        raise Http404("Không tìm thấy tệp.")
    if rendition and source and not default_storage.exists(name):
        # Not made yet: the worker makes renditions after the upload.
        return processing_picture()
    response = file_response(name)
    if is_public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        # Staff only: never kept by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    if folder is not None:
        patch_vary_headers(response, ["Cookie"])
    return response


# The query parameter that names a preview link (core.views.preview_link).
PREVIEW_PARAMETER = "xem-truoc"


def is_previewed(request, folder, source, rendition):
    """Whether the request holds a working preview link to the item this
    file belongs to (its picture, in the page that link shows)."""
    token = request.GET.get(PREVIEW_PARAMETER)
    if not token:
        return False
    from .models import PreviewLink

    link = PreviewLink.from_token(token)
    if link is None or not link.is_active:
        return False
    stored = getattr(getattr(link.target, folder.field, None), "name", None) or ""
    return stored.startswith(f"{source}.") if rendition else stored == source


PROCESSING_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="360" height="240" \
viewBox="0 0 360 240" role="img" aria-label="Ảnh đang xử lý">\
<rect width="360" height="240" fill="#e8edf3"/>\
<text x="180" y="128" font-family="sans-serif" font-size="22" fill="#0b3a6e" \
text-anchor="middle">Ảnh đang xử lý…</text></svg>"""


def processing_picture():
    """Stands in for a rendition the worker has not made yet; never kept,
    so the real picture shows as soon as it exists."""
    response = HttpResponse(PROCESSING_SVG, content_type="image/svg+xml; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    patch_cache_control(response, no_store=True)
    return response


def remote_response(name, content_type, attachment_name):
    """A redirect to a signed, short-lived address of the file in the object
    store (core.storage): the bucket stays private, and the visitor's
    browser fetches the bytes there, from another origin than the site's,
    so nothing in a file can act as a page of the site."""
    parameters = {"ResponseContentType": content_type}
    if attachment_name:
        parameters["ResponseContentDisposition"] = content_disposition_header(True, attachment_name)
    return HttpResponseRedirect(default_storage.signed_url(name, parameters=parameters))


def file_response(name, content_type=None, attachment_name=None):
    """The stored file `name`, sent by nginx (X-Accel-Redirect), by the
    object store (a signed redirect) or by Django.

    With `attachment_name`, the browser saves it under that name.
    """
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if hasattr(default_storage, "signed_url"):
        return remote_response(name, content_type, attachment_name)
    if settings.MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT + quote(name)
        if attachment_name:
            response["Content-Disposition"] = content_disposition_header(True, attachment_name)
        return response
    try:
        handle = default_storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation) as exc:
        raise Http404("Không tìm thấy tệp.") from exc
    return FileResponse(
        handle,
        content_type=content_type,
        as_attachment=bool(attachment_name),
        filename=attachment_name or "",
    )
