"""Upload checks by content, not by file name: pictures, and documents
(PDF, Word, Excel, ODT).

The name of an upload is never trusted: a PDF starts with "%PDF-", DOC and
XLS are OLE2 compound files (D0 CF 11 E0 A1 B1 1A E1), DOCX and XLSX are
zip packages with word/document.xml or xl/workbook.xml, and an ODT is a zip
whose first member "mimetype" says so. The extension only has to agree with
the content, so a download opens in the right program.
"""

import functools
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from PIL import Image

from .uploads import IMAGE_EXTENSIONS

# What Pillow may open (the formats stored uploads are named after); SVG is
# not an image to Pillow and HTML is nothing.
IMAGE_FORMATS = set(IMAGE_EXTENSIONS)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def new_uploads_only(validator):
    """Run `validator` on a file being uploaded, not on one already stored.

    A model form validates every field on each save, so a stored file comes
    back as its FieldFile: it was checked when it arrived, and Django may
    already have closed it (reading an image's width and height does).
    """

    @functools.wraps(validator)
    def validate(value):
        if isinstance(value, FieldFile) and value._committed:
            return
        validator(value)

    return validate


def validate_file_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            "Tệp “%(name)s” quá lớn (%(size)s); giới hạn là %(limit)s.",
            code="file_too_large",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )


def validate_dimensions(name, width, height):
    """Within the pixel count, the longest side and the aspect ratio allowed.

    Each bound keeps renditions cheap: an 88-byte PNG of 65535×1 pixels has
    few pixels, but a crop to a 4:3 card would have to enlarge it to
    millions of pixels a side.
    """
    params = {"name": name, "width": width, "height": height}
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(
            "Ảnh “%(name)s” có quá nhiều điểm ảnh (%(width)s×%(height)s).",
            code="image_too_many_pixels",
            params=params,
        )
    if max(width, height) > settings.IMAGE_MAX_SIDE:
        raise ValidationError(
            "Ảnh “%(name)s” quá lớn (%(width)s×%(height)s điểm ảnh); mỗi cạnh tối đa "
            "%(limit)s điểm ảnh.",
            code="image_too_large",
            params={**params, "limit": settings.IMAGE_MAX_SIDE},
        )
    if max(width, height) > settings.IMAGE_MAX_ASPECT_RATIO * min(width, height):
        raise ValidationError(
            "Ảnh “%(name)s” quá dài hoặc quá hẹp (%(width)s×%(height)s điểm ảnh); cạnh dài "
            "không được gấp quá %(ratio)s lần cạnh ngắn.",
            code="image_aspect_ratio",
            params={**params, "ratio": settings.IMAGE_MAX_ASPECT_RATIO},
        )


@new_uploads_only
def validate_image(upload):
    """A real JPEG, PNG, WebP or GIF within the size and pixel limits."""
    validate_file_size(upload, settings.IMAGE_MAX_UPLOAD_SIZE)
    name = getattr(upload, "name", "")
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            validate_dimensions(name, width, height)
            # verify() checks the structure of PNG and GIF files…
            image.verify()
        # …but stops at a JPEG's headers, so a truncated JPEG would pass and
        # only fail when renditions are made. Decoding at a reduced scale
        # (JPEG draft mode) reads every byte without the full picture's memory.
        upload.seek(0)
        with Image.open(upload) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(
            "Tệp “%(name)s” không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF).",
            code="invalid_image",
            params={"name": name},
        ) from exc
    finally:
        if position is not None:
            upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            "Định dạng ảnh của “%(name)s” không được chấp nhận; hãy dùng JPEG, PNG, WebP hoặc GIF.",
            code="invalid_image_format",
            params={"name": name},
        )


# Documents ------------------------------------------------------------------


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOC = "doc", "Word (DOC)"
    DOCX = "docx", "Word (DOCX)"
    XLS = "xls", "Excel (XLS)"
    XLSX = "xlsx", "Excel (XLSX)"
    ODT = "odt", "OpenDocument (ODT)"


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOC: "application/msword",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLS: "application/vnd.ms-excel",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
}

# Which extensions may carry each kind of content.
EXTENSIONS = {
    FileKind.PDF: {"pdf"},
    FileKind.DOC: {"doc"},
    FileKind.DOCX: {"docx"},
    FileKind.XLS: {"xls"},
    FileKind.XLSX: {"xlsx"},
    FileKind.ODT: {"odt"},
}


def extension(name):
    base = (name or "").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def _zip_kind(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return FileKind.ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return FileKind.DOCX
                if "xl/workbook.xml" in names:
                    return FileKind.XLSX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError):
        return None
    return None


def sniff_kind(upload):
    """The kind of file `upload` really is, or None; by content only.

    OLE2 is a container for both Word and Excel; telling them apart would
    mean parsing its directory, so the extension picks between DOC and XLS
    once the content has shown it is OLE2.
    """
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head == OLE2_MAGIC:
        return FileKind.XLS if extension(upload.name) == "xls" else FileKind.DOC
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
        upload.seek(0)
        return kind
    return None


@new_uploads_only
def validate_document_file(upload):
    """A real PDF, DOC/DOCX, XLS/XLSX or ODT within DOCUMENT_MAX_UPLOAD_SIZE."""
    validate_file_size(upload, settings.DOCUMENT_MAX_UPLOAD_SIZE)
    name = getattr(upload, "name", "") or ""
    shown_name = name.rsplit("/", 1)[-1]
    kind = sniff_kind(upload)
    if kind is None:
        raise ValidationError(
            "Tệp “%(name)s” không phải là văn bản PDF, Word (DOC, DOCX), Excel (XLS, XLSX) "
            "hoặc ODT hợp lệ; nội dung tệp không khớp với định dạng nào được chấp nhận.",
            code="invalid_document_file",
            params={"name": shown_name},
        )
    if extension(name) not in EXTENSIONS[kind]:
        raise ValidationError(
            "Tệp “%(name)s” có nội dung %(kind)s nhưng phần đuôi tên không khớp; "
            "hãy đổi tên tệp thành …%(suffix)s rồi tải lên lại.",
            code="document_extension_mismatch",
            params={"name": shown_name, "kind": kind.label, "suffix": "." + kind.value},
        )
