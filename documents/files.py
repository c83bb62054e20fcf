"""Document files: what a file really is (by its content) and its text.

The name of an upload is never trusted: a PDF starts with "%PDF-", DOC and
XLS are OLE2 compound files (D0 CF 11 E0 A1 B1 1A E1), DOCX and XLSX are
zip packages with word/document.xml or xl/workbook.xml, and an ODT is a zip
whose first member "mimetype" says so. The extension only has to agree with
the content, so a download opens in the right program.
"""

import logging
import zipfile
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from core.validators import new_uploads_only, validate_file_size

logger = logging.getLogger(__name__)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

# Stored text is for search; a 2,000-page scan-free PDF gives far more than
# anyone searches, so the rest is cut.
MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 500


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


def _pdf_text(fileobj):
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    parts, total = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total > MAX_TEXT_CHARS:
            break
    return "\n".join(parts)


def _docx_text(fileobj):
    import docx

    document = docx.Document(fileobj)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _xml_text(fileobj, member_names):
    """Text nodes of some XML members of a zip package (XLSX, ODT)."""
    parts = []
    with zipfile.ZipFile(fileobj) as archive:
        for member in member_names:
            if member not in archive.namelist():
                continue
            root = ElementTree.fromstring(archive.read(member))
            parts.extend(text.strip() for text in root.itertext() if text.strip())
    return "\n".join(parts)


EXTRACTORS = {
    FileKind.PDF: _pdf_text,
    FileKind.DOCX: _docx_text,
    FileKind.XLSX: lambda f: _xml_text(f, ["xl/sharedStrings.xml"]),
    FileKind.ODT: lambda f: _xml_text(f, ["content.xml"]),
}


def extract_text(fileobj, kind):
    """(text, error): the file's text for search, never raising.

    A broken or encrypted file gives ("", message) and is logged, so saving
    the document still works and staff see why the text is missing.
    """
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        return "", ""
    try:
        fileobj.seek(0)
        text = extractor(fileobj)
    except Exception as exc:  # pypdf, python-docx and zipfile raise many kinds
        logger.warning("Could not extract the text of a %s file: %r", kind, exc)
        return "", "Không đọc được nội dung tệp (tệp hỏng hoặc có mật khẩu)."
    finally:
        fileobj.seek(0)
    return text.replace("\x00", "")[:MAX_TEXT_CHARS], ""
