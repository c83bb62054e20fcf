import datetime

import pytest
from django.db import connection

from documents.models import Document
from documents.text import number_key

from .factories import DocumentFactory


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("582/QĐ-UBND", "582 qd ubnd"),
        ("48 CT/TU", "48 ct tu"),
        ("25/2014/Đ-UBND", "25 2014 d ubnd"),
        ("01", "01"),
        ("  01/2011/TT-BTC ", "01 2011 tt btc"),
    ],
)
def test_number_key_folds_and_unifies_separators(number, key):
    assert number_key(number) == key


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["582", "582/QĐ-UBND", "582/qd-ubnd", "qd-ubnd", "582 QĐ UBND", "582-QD-UBND"]
)
def test_number_is_found_however_it_is_typed(typed):
    document = DocumentFactory(number="582/QĐ-UBND", summary="Phê duyệt Điều lệ")
    DocumentFactory(number="44/QĐ-LHH", summary="Thể lệ hội thi")
    assert list(Document.objects.search(typed)) == [document]


@pytest.mark.django_db
def test_number_search_matches_whole_parts_only():
    DocumentFactory(number="1582/QĐ-UBND", summary="Một văn bản khác")
    assert not Document.objects.search("582").exists()


@pytest.mark.django_db
def test_number_key_is_stored_on_save():
    document = DocumentFactory(number="48 CT/TU")
    document.refresh_from_db()
    assert document.number_key == " 48 ct tu "
    assert document.number == "48 CT/TU"


@pytest.mark.django_db
def test_summary_search_ignores_accents_and_case():
    document = DocumentFactory(summary="Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng")
    assert list(Document.objects.search("sang tao LAM DONG")) == [document]


@pytest.mark.django_db
def test_document_with_the_typed_number_is_marked_as_a_number_match():
    exact = DocumentFactory(number="01", summary="Hướng dẫn tổ chức đại hội")
    other = DocumentFactory(number="01/2011/TT-BTC", summary="Thông tư 01 về kinh phí")
    mention = DocumentFactory(number="5/KH", summary="Kế hoạch thực hiện văn bản 01")
    marks = {d.pk: d.is_number_match for d in Document.objects.search("01")}
    assert marks == {exact.pk: True, other.pk: True, mention.pk: False}


@pytest.mark.django_db
def test_a_query_with_a_digit_lists_the_document_with_that_number_first():
    decision = DocumentFactory(number="15/QĐ-UBND", issued_on=datetime.date(2012, 3, 1))
    plan = DocumentFactory(
        number="7/KH-LHH",
        summary="Kế hoạch thực hiện Quyết định 15/QĐ-UBND",
        issued_on=datetime.date(2020, 5, 4),
    )
    assert list(Document.objects.search_results("15/QĐ-UBND")) == [decision, plan]


@pytest.mark.django_db
def test_a_query_without_a_digit_lists_the_newest_issued_first():
    # No document number is without a digit: "hd-lhh" is looked for in the
    # text like any words, and the newest document comes first.
    guide = DocumentFactory(number="HD-LHH", issued_on=datetime.date(2012, 3, 1))
    plan = DocumentFactory(
        number="7/KH-LHH",
        summary="Kế hoạch theo văn bản HD-LHH",
        issued_on=datetime.date(2020, 5, 4),
    )
    assert list(Document.objects.search_results("hd-lhh")) == [plan, guide]


@pytest.mark.django_db
def test_the_text_filter_uses_the_word_index_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the word index exists on PostgreSQL only")
    DocumentFactory(number="582/QĐ-UBND")
    with connection.cursor() as cursor:
        # Too few rows for the planner to prefer an index on its own.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = Document.objects.search("582/QĐ-UBND").explain()
    assert "document_search_vector_gin" in plan


@pytest.mark.django_db
def test_the_word_index_follows_an_edit_of_the_text():
    document = DocumentFactory(summary="Hội thảo nông nghiệp")
    document.summary = "Hội nghị khoa học"
    document.save()
    assert list(Document.objects.search("khoa hoc")) == [document]
    assert not Document.objects.search("nong nghiep").exists()


@pytest.mark.django_db
def test_a_word_with_sql_wildcards_matches_only_itself():
    document = DocumentFactory(summary="Mã số abc_def 100%")
    DocumentFactory(summary="Mã số abcxdef 1000")
    assert list(Document.objects.search("abc_def")) == [document]


@pytest.mark.django_db
def test_only_the_beginning_of_a_very_long_text_is_searched():
    document = DocumentFactory(summary="Báo cáo")
    document.files.create(text="mở đầu " + "nội dung " * 30_000 + "từcuối")
    assert Document.objects.search("mo dau").exists()
    assert not Document.objects.search("tucuoi").exists()
