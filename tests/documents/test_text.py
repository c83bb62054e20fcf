import pytest

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
