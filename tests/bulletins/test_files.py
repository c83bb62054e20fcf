"""An issue's PDF is checked by its content and read for search."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from bulletins.files import validate_pdf
from bulletins.models import Issue
from documents.demo import make_pdf

from .factories import IssueFactory, pdf_upload

pytestmark = pytest.mark.django_db


def test_a_real_pdf_is_accepted():
    validate_pdf(SimpleUploadedFile("ban-tin.pdf", make_pdf(["Ban tin"])))


@pytest.mark.parametrize(
    "name, content",
    [
        ("ban-tin-so-3.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        ("ban-tin-so-3.pdf", b"<html><script>alert(1)</script></html>"),
        ("ban-tin-so-3.pdf", b"PK\x03\x04" + b"\x00" * 100),
    ],
)
def test_a_file_that_is_no_pdf_is_refused_with_its_name(name, content):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile(name, content))
    assert "“ban-tin-so-3.pdf” không phải là tệp PDF hợp lệ" in refused.value.messages[0]


def test_a_pdf_named_otherwise_is_refused_as_a_mismatch():
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile("ban-tin.docx", make_pdf(["Ban tin"])))
    assert "“ban-tin.docx” có nội dung PDF" in refused.value.messages[0]


def test_an_oversized_pdf_is_refused(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile("lon.pdf", make_pdf(["Ban tin"])))
    assert "quá lớn" in refused.value.messages[0]


def test_the_pdf_is_stored_under_a_server_name_and_its_text_read():
    issue = IssueFactory(pdf=pdf_upload("Bản tin số 3.pdf", ["Nha kinh thong minh Don Duong"]))
    issue.refresh_from_db()
    assert issue.pdf.name.startswith("ban-tin/pdf/") and issue.pdf.name.endswith(".pdf")
    assert "Bản tin" not in issue.pdf.name
    assert issue.pdf_name == "Bản tin số 3.pdf"
    assert issue.pdf_size > 0
    assert "Nha kinh thong minh" in issue.pdf_text
    assert issue.has_text_layer is True


def test_a_broken_pdf_is_saved_and_flagged():
    from django.core.files.base import ContentFile

    issue = IssueFactory(pdf=ContentFile(b"%PDF-1.4\n" + b"\x00" * 200, name="hong.pdf"))
    issue.refresh_from_db()
    assert issue.is_text_pending is False
    assert "Không đọc được nội dung tệp" in issue.extraction_error
    assert Issue.objects.filter(pk=issue.pk).exists()
