import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from documents.models import Document, Validity

from .factories import (
    DocumentFactory,
    DocumentFileFactory,
    DocumentTypeFactory,
    FieldFactory,
    IssuerFactory,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/van-ban/"
TODAY = timezone.localdate()


def listed_numbers(response):
    return [document.number for document in response.context["document_list"]]


@pytest.fixture
def catalogue():
    """Four documents that differ in type, issuer, field, year and status."""
    decision, plan = DocumentTypeFactory(name="Quyết định"), DocumentTypeFactory(name="Kế hoạch")
    province, association = IssuerFactory(name="UBND tỉnh"), IssuerFactory(name="Liên hiệp Hội")
    science, finance = FieldFactory(name="Khoa học"), FieldFactory(name="Tài chính")
    documents = {
        "582/QĐ-UBND": DocumentFactory(
            number="582/QĐ-UBND",
            issued_on=datetime.date(2018, 3, 30),
            type=decision,
            issuer=province,
            fields=[science],
            summary="Phê duyệt Điều lệ Liên hiệp Hội",
        ),
        "2136/QĐ-UBND": DocumentFactory(
            number="2136/QĐ-UBND",
            issued_on=datetime.date(2016, 9, 28),
            type=decision,
            issuer=province,
            fields=[finance],
            summary="Phê duyệt Điều lệ cũ",
        ),
        "50/QĐ-LHH": DocumentFactory(
            number="50/QĐ-LHH",
            issued_on=datetime.date(2015, 3, 20),
            type=decision,
            issuer=association,
            fields=[science],
            summary="Sửa đổi Thể lệ Hội thi Sáng tạo kỹ thuật",
        ),
        "4171/KH-UBND": DocumentFactory(
            number="4171/KH-UBND",
            issued_on=datetime.date(2014, 8, 14),
            type=plan,
            issuer=province,
            fields=[finance],
            summary="Kế hoạch tư vấn, phản biện",
        ),
    }
    documents["582/QĐ-UBND"].replaces.add(documents["2136/QĐ-UBND"])
    return documents


def test_list_shows_the_table_newest_issue_date_first(client, catalogue):
    response = client.get(LIST_URL)
    assert listed_numbers(response) == ["582/QĐ-UBND", "2136/QĐ-UBND", "50/QĐ-LHH", "4171/KH-UBND"]
    html = response.content.decode()
    for column in ["Số/Ký hiệu", "Ngày ban hành", "Trích yếu", "Tình trạng", "Tệp"]:
        assert f'<th scope="col">{column}</th>' in html
    assert "30/03/2018" in html


def test_list_leaves_out_unpublished_documents(client, catalogue):
    DocumentFactory(number="9/QĐ-NHAP", status=Status.DRAFT)
    DocumentFactory(number="10/QĐ-HEN", published_at=timezone.now() + datetime.timedelta(days=1))
    numbers = listed_numbers(client.get(LIST_URL))
    assert "9/QĐ-NHAP" not in numbers
    assert "10/QĐ-HEN" not in numbers


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=ke-hoach", ["4171/KH-UBND"]),
        ("issuer=lien-hiep-hoi", ["50/QĐ-LHH"]),
        ("field=tai-chinh", ["2136/QĐ-UBND", "4171/KH-UBND"]),
        ("year=2016", ["2136/QĐ-UBND"]),
        ("status=expired", ["2136/QĐ-UBND"]),
        ("status=in_force", ["582/QĐ-UBND", "50/QĐ-LHH", "4171/KH-UBND"]),
        ("q=sang+tao+ky+thuat", ["50/QĐ-LHH"]),
        ("q=qd-ubnd", ["582/QĐ-UBND", "2136/QĐ-UBND"]),
        ("q=582%2Fqd-ubnd", ["582/QĐ-UBND"]),
        ("q=%C4%91i%E1%BB%81u+l%E1%BB%87", ["582/QĐ-UBND", "2136/QĐ-UBND"]),
    ],
)
def test_each_filter_narrows_the_table(client, catalogue, query, expected):
    assert listed_numbers(client.get(f"{LIST_URL}?{query}")) == expected


def test_filters_combine(client, catalogue):
    response = client.get(f"{LIST_URL}?type=quyet-dinh&issuer=ubnd-tinh&field=khoa-hoc&year=2018")
    assert listed_numbers(response) == ["582/QĐ-UBND"]
    response = client.get(f"{LIST_URL}?issuer=ubnd-tinh&status=in_force&q=ke+hoach")
    assert listed_numbers(response) == ["4171/KH-UBND"]


def test_each_filter_shows_its_own_count(client, catalogue):
    # The shared count is named by the filters: one must never show another's.
    counts = {}
    for query in ["", "?type=ke-hoach", "?field=tai-chinh", "?year=2016&q=dieu+le", ""]:
        html = client.get(f"{LIST_URL}{query}").content.decode()
        counts[query] = re.search(r'<p class="doc-count">(\d+) văn bản', html).group(1)
    assert counts == {
        "": "4",
        "?type=ke-hoach": "1",
        "?field=tai-chinh": "2",
        "?year=2016&q=dieu+le": "1",
    }


def test_file_text_is_searched(client, catalogue):
    DocumentFileFactory(
        document=catalogue["50/QĐ-LHH"], file=pdf_upload(lines=["Ban giam khao gom 7 thanh vien"])
    )
    assert listed_numbers(client.get(f"{LIST_URL}?q=ban+giám+khảo")) == ["50/QĐ-LHH"]


def test_filters_survive_pagination(client):
    plan = DocumentTypeFactory(name="Kế hoạch")
    for n in range(25):
        DocumentFactory(number=f"{n}/KH", type=plan)
    DocumentFactory(number="1/QĐ")
    response = client.get(f"{LIST_URL}?type=ke-hoach&q=kh")
    html = response.content.decode()
    assert "Trang 1/2 trang" in html
    next_link = re.search(r'href="(\?[^"]*page=2[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "type=ke-hoach" in next_link and "q=kh" in next_link
    second = client.get(LIST_URL + next_link)
    assert len(second.context["document_list"]) == 5
    assert "1/QĐ" not in listed_numbers(second)


@pytest.mark.parametrize(
    "query",
    [
        "type=khong-co",
        "issuer=%00",
        "field=" + "x" * 500,
        "year=abc",
        "year=99999999",
        "year=-1",
        "status=xyz",
        "q=" + "a" * 10_000,
        "q=%00",
        "q=%27%3B+DROP+TABLE+documents_document%3B--",
        "q=%25%25%25_",
        "page=abc",
        "page=999999",
        "page=-1",
        "type[]=a&year=2018&year=x",
    ],
)
def test_bad_filter_values_never_break_the_page(client, catalogue, query):
    response = client.get(f"{LIST_URL}?{query}")
    assert response.status_code == 200
    assert "<table" in response.content.decode() or "Không có văn bản nào" in (
        response.content.decode()
    )


def test_unknown_type_is_ignored_and_said(client, catalogue):
    response = client.get(f"{LIST_URL}?type=khong-co&year=2018")
    assert listed_numbers(response) == ["582/QĐ-UBND"]
    assert "bộ lọc đã được bỏ qua" in response.content.decode()


def test_the_filters_show_what_was_chosen(client, catalogue):
    html = client.get(f"{LIST_URL}?type=ke-hoach&status=in_force&q=tu+van").content.decode()
    assert '<option value="ke-hoach" selected>Kế hoạch</option>' in html
    assert '<option value="in_force" selected>Còn hiệu lực</option>' in html
    assert '<option value="" selected>Tất cả</option>' in html  # issuer, field
    assert 'value="tu van"' in html


def test_an_ignored_filter_is_marked_for_assistive_technology(client, catalogue):
    html = client.get(f"{LIST_URL}?type=khong-co").content.decode()
    assert 'id="id_type" aria-invalid="true" aria-describedby="id_type_error"' in html
    assert '<p class="doc-filters__error" id="id_type_error" role="alert">' in html


def test_detail_shows_metadata_files_and_relations_both_ways(client, catalogue):
    new, old = catalogue["582/QĐ-UBND"], catalogue["2136/QĐ-UBND"]
    new.signer = "Phạm S"
    new.save()
    DocumentFileFactory(document=new, file=pdf_upload("dieu-le.pdf"))
    html = client.get(new.get_absolute_url()).content.decode()
    for text in ["582/QĐ-UBND", "30/03/2018", "UBND tỉnh", "Quyết định", "Phạm S", "Khoa học"]:
        assert text in html
    assert "Văn bản này thay thế" in html and old.get_absolute_url() in html
    assert "dieu-le.pdf" in html and "PDF" in html
    assert '<meta name="DC.identifier" content="582/QĐ-UBND">' in html
    assert '<meta name="DC.date" content="2018-03-30">' in html
    assert 'property="og:title"' in html

    old_html = client.get(old.get_absolute_url()).content.decode()
    assert "Hết hiệu lực" in old_html
    assert "được thay thế bởi" in old_html and new.get_absolute_url() in old_html


def test_unpublished_document_is_404_for_visitors(client):
    draft = DocumentFactory(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unknown_slug_is_404(client):
    assert client.get("/van-ban/khong-co-van-ban-nay/").status_code == 404


def test_download_serves_the_file_as_attachment_and_counts_it(client):
    document_file = DocumentFileFactory(file=pdf_upload("Quyết định 582.pdf"))
    response = client.get(document_file.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20582.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.get(document_file.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0")
    assert Document.objects.get(pk=document_file.document_id).download_count == 2


def test_crawler_download_is_not_counted(client):
    document_file = DocumentFileFactory()
    client.get(document_file.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert Document.objects.get(pk=document_file.document_id).download_count == 0


def test_file_of_an_unpublished_document_is_404(client):
    document_file = DocumentFileFactory(document=DocumentFactory(status=Status.DRAFT))
    assert client.get(document_file.get_absolute_url()).status_code == 404


def test_file_missing_from_storage_is_404(client):
    document_file = DocumentFileFactory()
    document_file.file.storage.delete(document_file.file.name)
    assert client.get(document_file.get_absolute_url()).status_code == 404


def test_file_under_another_documents_slug_is_404(client):
    document_file = DocumentFileFactory()
    other = DocumentFactory()
    url = reverse("documents:download", kwargs={"slug": other.slug, "file_id": document_file.pk})
    assert client.get(url).status_code == 404


def test_sitemap_lists_published_documents_and_their_files(client):
    published = DocumentFileFactory().document
    draft = DocumentFactory(status=Status.DRAFT)
    draft_file = DocumentFileFactory(document=draft)
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert published.files.get().get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml
    assert draft_file.get_absolute_url() not in xml


def test_validity_column_shows_the_status_readers_see(client, catalogue):
    DocumentFactory(number="3/QĐ-SAP", effective_on=TODAY + datetime.timedelta(days=3))
    html = client.get(LIST_URL).content.decode()
    assert Validity.NOT_YET.label in html
    assert Validity.EXPIRED.label in html


def make_documents(count):
    for n in range(count):
        document = DocumentFactory(
            number=f"{n}/QĐ-X", fields=[FieldFactory(name=f"Lĩnh vực {n % 3}")]
        )
        DocumentFileFactory(document=document)
        if n:
            document.replaces.add(Document.objects.order_by("id").first())


def count_queries(client, url):
    client.get(url)  # warms the cached site profile, as on a running site
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["list", "home", "detail"])
def test_query_count_is_the_same_with_5_and_50_documents(client, django_assert_num_queries, page):
    make_documents(5)
    first = Document.objects.order_by("id").first()
    url = {"list": LIST_URL, "home": "/", "detail": first.get_absolute_url()}[page]
    few = count_queries(client, url)
    make_documents(45)
    client.get(url)
    with django_assert_num_queries(few):
        client.get(url)
    assert few <= 12


def test_a_new_document_type_is_offered_by_the_filter_at_once(client):
    DocumentTypeFactory(name="Quyết định")
    client.get(LIST_URL)
    DocumentTypeFactory(name="Chỉ thị")
    html = client.get(LIST_URL).content.decode()
    assert ">Chỉ thị</option>" in html
