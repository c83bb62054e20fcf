"""Document files: what a file really is (by its content, core.validators,
whose names stay importable from here) and its text."""

import logging
import zipfile
from xml.etree import ElementTree

from core.validators import (  # noqa: F401
    CONTENT_TYPES,
    EXTENSIONS,
    ODT_MIMETYPE,
    OLE2_MAGIC,
    FileKind,
    extension,
    sniff_kind,
    validate_document_file,
)

logger = logging.getLogger(__name__)

# Stored text is for search; a 2,000-page scan-free PDF gives far more than
# anyone searches, so the rest is cut.
MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 500


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
