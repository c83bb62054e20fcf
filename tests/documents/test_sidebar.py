import datetime
import re

import pytest
from django.core.management import call_command

from core.models import Status
from documents.models import Document

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db

REFERENCE_ROWS = [
    ("582/QĐ-UBND", "30/03/2018"),
    ("2136/QĐ-UBND", "28/09/2016"),
    ("50/QĐ-LHH", "20/03/2015"),
    ("44/QĐ-LHH", "17/03/2015"),
    ("4171/KH-UBND", "14/08/2014"),
    ("25/2014/Đ-UBND", "23/05/2014"),
    ("3553/UBND-VX", "25/06/2013"),
    ("688/UBND-VX", "06/02/2013"),
    ("48/QĐ-TW", "07/11/2011"),
    ("01", "26/10/2011"),
    ("01/2011/TT-BTC", "06/01/2011"),
    ("48 CT/TU", "07/09/2010"),
]


def latest_block(html):
    return re.search(
        r'<section class="block" aria-labelledby="block-documents">.*?</section>', html, re.S
    ).group(0)


def test_block_shows_the_reference_table_from_the_demo_content(client):
    call_command("seed_demo", verbosity=0)
    block = latest_block(client.get("/").content.decode())
    headers = re.findall(r'<th scope="col">(.*?)</th>', block)
    assert headers == ["Số/Ký hiệu", "Ngày ban hành", "Trích yếu"]
    rows = re.findall(
        r'<tr>\s*<td><a href="[^"]+">(.*?)</a></td>\s*<td class="date">(.*?)</td>', block
    )
    assert rows == REFERENCE_ROWS


def test_seeding_twice_changes_nothing():
    call_command("seed_demo", verbosity=0)
    before = list(Document.objects.values_list("number", "download_count", "search_text"))
    call_command("seed_demo", verbosity=0)
    assert list(Document.objects.values_list("number", "download_count", "search_text")) == before
    assert Document.objects.count() == 12


def test_block_summary_is_available_on_hover_and_expand(client):
    DocumentFactory(
        number="582/QĐ-UBND",
        summary=(
            "Quyết định phê duyệt Điều lệ (sửa đổi, bổ sung) của Liên hiệp các Hội "
            "Khoa học và Kỹ thuật tỉnh"
        ),
    )
    block = latest_block(client.get("/").content.decode())
    assert 'title="Quyết định phê duyệt Điều lệ (sửa đổi, bổ sung)' in block
    assert "<details" in block and "<p>Quyết định phê duyệt Điều lệ" in block


def test_block_leaves_out_drafts_and_shows_twelve(client):
    for n in range(14):
        DocumentFactory(
            number=f"{n}/QĐ", issued_on=datetime.date(2015, 1, 1) + datetime.timedelta(n)
        )
    DocumentFactory(number="99/QĐ-NHAP", status=Status.DRAFT, issued_on=datetime.date(2030, 1, 1))
    block = latest_block(client.get("/").content.decode())
    assert block.count("<tr>") == 13  # header + 12 rows
    assert "99/QĐ-NHAP" not in block
    assert ">13/QĐ<" in block and ">1/QĐ<" not in block and ">0/QĐ<" not in block


def test_block_says_so_when_there_is_nothing(client):
    assert "Chưa có văn bản mới." in latest_block(client.get("/").content.decode())
