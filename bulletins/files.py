"""A bulletin's PDF: checked by its content and its text read for search,
with the documents app's own checks and reader (documents.files), so a PDF
is judged and read the same way wherever it is uploaded."""

from django.conf import settings
from django.core.exceptions import ValidationError

from core.fields import UploadFileField
from core.validators import new_uploads_only, validate_file_size
from documents.files import FileKind, extension, sniff_kind


@new_uploads_only
def validate_pdf(upload):
    """A real PDF (by its content), named .pdf, within DOCUMENT_MAX_UPLOAD_SIZE."""
    validate_file_size(upload, settings.DOCUMENT_MAX_UPLOAD_SIZE)
    name = (getattr(upload, "name", "") or "").rsplit("/", 1)[-1]
    if sniff_kind(upload) != FileKind.PDF:
        raise ValidationError(
            "Tệp “%(name)s” không phải là tệp PDF hợp lệ; nội dung tệp không phải PDF. "
            "Hãy xuất bản tin ra PDF rồi tải lên lại.",
            code="invalid_pdf",
            params={"name": name},
        )
    if extension(name) != "pdf":
        raise ValidationError(
            "Tệp “%(name)s” có nội dung PDF nhưng phần đuôi tên không khớp; "
            "hãy đổi tên tệp thành ….pdf rồi tải lên lại.",
            code="pdf_extension_mismatch",
            params={"name": name},
        )


class PDFFileField(UploadFileField):
    """Stored as <random>.pdf: only a PDF gets past validate_pdf."""

    def extension_of(self, content):
        return "pdf"
