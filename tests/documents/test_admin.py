import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.demo import make_pdf
from documents.models import Document, DocumentFile

from .factories import DocumentFactory, DocumentFileFactory, DocumentTypeFactory, IssuerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/documents/document/"


def add_form_data(**overrides):
    data = {
        "number": "582/QĐ-UBND",
        "slug": "",
        "type": DocumentTypeFactory().pk,
        "issuer": IssuerFactory().pk,
        "issued_on": "30/03/2018",
        "summary": "Phê duyệt Điều lệ",
        "signer": "Phạm S",
        "effective_on": "",
        "validity": "in_force",
        "status": "published",
        "published_at_0": "30/03/2018",
        "published_at_1": "08:00:00",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-title": "",
        "files-0-order": "0",
    }
    data.update(overrides)
    return data


def test_changelist_renders_with_every_filter(admin_client):
    DocumentFactory(issued_on=datetime.date(2018, 3, 30))
    response = admin_client.get(CHANGELIST)
    html = response.content.decode()
    assert response.status_code == 200
    for title in ["năm ban hành", "tình trạng hiệu lực hiện nay", "lớp văn bản của tệp PDF"]:
        assert title in html


@pytest.mark.parametrize("term", ["582/qd-ubnd", "qd ubnd", "phe duyet"])
def test_admin_search_finds_numbers_however_typed(admin_client, term):
    DocumentFactory(number="582/QĐ-UBND", summary="Phê duyệt Điều lệ")
    DocumentFactory(number="44/QĐ-LHH", summary="Thể lệ hội thi")
    response = admin_client.get(CHANGELIST, {"q": term})
    assert [d.number for d in response.context["cl"].result_list] == ["582/QĐ-UBND"]


def test_scanned_pdf_is_flagged_in_the_list_and_filter(admin_client):
    scanned = DocumentFileFactory(file=SimpleUploadedFile("scan.pdf", make_pdf([])))
    DocumentFileFactory()
    response = admin_client.get(CHANGELIST, {"lop_van_ban": "thieu"})
    assert [d.pk for d in response.context["cl"].result_list] == [scanned.document_id]
    assert "không có lớp văn bản" in response.content.decode()


def test_inline_warns_about_a_pdf_without_text_layer(admin_client):
    scanned = DocumentFileFactory(file=SimpleUploadedFile("scan.pdf", make_pdf([])))
    response = admin_client.get(f"{CHANGELIST}{scanned.document_id}/change/")
    assert "PDF không có lớp văn bản" in response.content.decode()


def test_adding_a_document_with_a_pdf_extracts_its_text(
    admin_client, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("quyet-dinh.pdf", make_pdf(["Phe duyet Dieu le Lien hiep Hoi"]))
    # The text is read by the worker once the save has committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"{CHANGELIST}add/", add_form_data(**{"files-0-file": upload}))
    assert response.status_code == 302, response.context["errors"]
    document = Document.objects.get()
    assert document.slug == "582-qd-ubnd-2018"
    document_file = document.files.get()
    assert document_file.original_name == "quyet-dinh.pdf"
    assert "Dieu le" in document_file.text
    assert list(Document.objects.search("lien hiep hoi")) == [document]


def test_renamed_executable_is_refused_in_the_admin_and_the_form_kept(admin_client):
    upload = SimpleUploadedFile("quyet-dinh.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = admin_client.post(f"{CHANGELIST}add/", add_form_data(**{"files-0-file": upload}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "“quyet-dinh.pdf” không phải là văn bản PDF" in html
    assert "Phê duyệt Điều lệ" in html
    assert not Document.objects.exists()
    assert not DocumentFile.objects.exists()


def test_oversized_upload_is_refused_in_the_admin(admin_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    upload = SimpleUploadedFile("lon.pdf", make_pdf(["Dieu 1"]))
    response = admin_client.post(f"{CHANGELIST}add/", add_form_data(**{"files-0-file": upload}))
    assert "quá lớn" in response.content.decode()
    assert not Document.objects.exists()


def test_document_cannot_replace_itself(admin_client):
    document = DocumentFactory(number="582/QĐ-UBND")
    data = add_form_data(replaces=[document.pk], **{"files-TOTAL_FORMS": "0"})
    response = admin_client.post(f"{CHANGELIST}{document.pk}/change/", data)
    assert "không thể thay thế hoặc sửa đổi chính nó" in response.content.decode()
    assert not document.replaces.exists()


def test_relation_autocomplete_finds_documents_by_number(admin_client):
    DocumentFactory(number="2136/QĐ-UBND")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "2136/qd",
            "app_label": "documents",
            "model_name": "document",
            "field_name": "replaces",
        },
    )
    assert [item["text"] for item in response.json()["results"]][0].startswith("2136/QĐ-UBND")


def test_van_thu_group_manages_documents_and_bulletins_only():
    group = Group.objects.get(name="Văn thư")
    labels = set(group.permissions.values_list("content_type__app_label", flat=True))
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert labels == {"documents", "bulletins"}
    assert {"add_document", "change_document", "delete_document", "add_documentfile"} <= codenames


def test_van_thu_clerk_can_open_the_documents_admin(client, staff_user):
    staff_user.groups.add(Group.objects.get(name="Văn thư"))
    client.force_login(staff_user)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get("/admin/sitecontent/page/").status_code == 403
