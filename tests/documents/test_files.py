import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.demo import make_pdf
from documents.files import OLE2_MAGIC, FileKind, validate_document_file
from documents.models import Document

from .factories import DocumentFileFactory, pdf_upload

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200 + b"PE\x00\x00"


def upload(name, content):
    return SimpleUploadedFile(name, content)


def docx_bytes(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def error_message(exc_info):
    return " ".join(exc_info.value.messages)


def test_real_pdf_is_accepted():
    validate_document_file(upload("quyet-dinh.pdf", make_pdf(["Dieu 1."])))


def test_docx_is_accepted():
    validate_document_file(upload("ke-hoach.docx", docx_bytes("Kế hoạch năm 2014")))


def test_old_word_file_is_accepted_by_its_ole2_header():
    validate_document_file(upload("cong-van.doc", OLE2_MAGIC + b"\x00" * 504))


def test_xlsx_and_odt_are_accepted_by_their_zip_members():
    xlsx = zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
    odt = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<a/>"})
    validate_document_file(upload("bang-ke.xlsx", xlsx))
    validate_document_file(upload("to-trinh.odt", odt))


def test_renamed_executable_is_refused_with_its_name():
    with pytest.raises(ValidationError) as exc_info:
        validate_document_file(upload("quyet-dinh.pdf", EXECUTABLE))
    message = error_message(exc_info)
    assert "“quyet-dinh.pdf”" in message
    assert "không phải là văn bản PDF" in message


def test_html_named_pdf_is_refused():
    content = b"<!doctype html><html><script>alert(1)</script></html>"
    with pytest.raises(ValidationError) as exc_info:
        validate_document_file(upload("thong-bao.pdf", content))
    assert "“thong-bao.pdf”" in error_message(exc_info)


def test_zip_that_is_no_office_document_is_refused():
    with pytest.raises(ValidationError):
        validate_document_file(upload("tai-lieu.docx", zip_bytes({"a.txt": "xin chào"})))


def test_pdf_named_docx_is_refused_as_a_mismatch():
    with pytest.raises(ValidationError) as exc_info:
        validate_document_file(upload("ke-hoach.docx", make_pdf(["Dieu 1."])))
    assert ".pdf" in error_message(exc_info)


def test_oversized_file_is_refused_with_a_message(settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    with pytest.raises(ValidationError) as exc_info:
        validate_document_file(upload("lon.pdf", make_pdf(["Dieu 1."]) + b"%" * 2048))
    assert "quá lớn" in error_message(exc_info)
    assert "lon.pdf" in error_message(exc_info)


@pytest.mark.django_db
def test_uploaded_pdf_text_is_extracted_and_searchable():
    document_file = DocumentFileFactory(
        file=pdf_upload("qd.pdf", ["Thanh lap Ban giam khao Hoi thi sang tao"])
    )
    document_file.refresh_from_db()
    assert "Ban giam khao" in document_file.text
    assert document_file.kind == FileKind.PDF
    assert document_file.has_text_layer is True
    assert document_file.original_name == "qd.pdf"
    assert document_file.size > 0
    assert list(Document.objects.search("ban giám khảo")) == [document_file.document]


@pytest.mark.django_db
def test_uploaded_docx_text_is_extracted():
    document_file = DocumentFileFactory(
        file=ContentFile(docx_bytes("Phụ lục danh sách hội viên"), name="phu-luc.docx")
    )
    assert "danh sách hội viên" in document_file.text
    assert document_file.kind == FileKind.DOCX


@pytest.mark.django_db
def test_pdf_without_text_layer_is_flagged():
    document_file = DocumentFileFactory(file=ContentFile(make_pdf([]), name="scan.pdf"))
    assert document_file.has_text_layer is False
    assert document_file.lacks_text_layer


@pytest.mark.django_db
def test_broken_pdf_is_saved_and_flagged_without_crashing():
    broken = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage"
    document_file = DocumentFileFactory(file=ContentFile(broken, name="hong.pdf"))
    assert document_file.pk
    assert document_file.text == ""
    assert document_file.has_text_layer is False
    assert document_file.extraction_error


@pytest.mark.django_db
def test_removing_a_file_removes_its_text_from_search():
    document_file = DocumentFileFactory(file=pdf_upload(lines=["Noi dung rieng cua tep"]))
    document = document_file.document
    document_file.delete()
    assert not Document.objects.search("noi dung rieng").exists()
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_editing_a_document_keeps_file_text_in_search():
    document_file = DocumentFileFactory(file=pdf_upload(lines=["Giam dinh xa hoi"]))
    document = Document.objects.get(pk=document_file.document_id)
    document.summary = "Trích yếu mới"
    document.save()
    assert list(Document.objects.search("giam dinh")) == [document]


@pytest.mark.django_db
def test_odt_and_xlsx_text_is_extracted():
    odt = zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": "<office><p>Tờ trình thành lập hội</p></office>",
        }
    )
    xlsx = zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": "<workbook/>",
            "xl/sharedStrings.xml": "<sst><si><t>Bảng kê kinh phí</t></si></sst>",
        }
    )
    odt_file = DocumentFileFactory(file=ContentFile(odt, name="to-trinh.odt"))
    xlsx_file = DocumentFileFactory(file=ContentFile(xlsx, name="bang-ke.xlsx"))
    assert "Tờ trình thành lập hội" in odt_file.text
    assert "Bảng kê kinh phí" in xlsx_file.text
