import unicodedata
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import clear_all
from core.models import Status
from search import query as search
from search.models import SearchEntry
from tests.sitecontent.factories import PageFactory

pytestmark = pytest.mark.django_db


def titles(query, kind=None):
    entries = search.SiteSearch(SearchEntry.objects.all(), query, kind).entries()
    return [e.title for e in entries]


def page(title, body="", days_ago=0, **kwargs):
    return PageFactory(
        title=title,
        body=f"<p>{body}</p>",
        published_at=timezone.now() - timedelta(days=days_ago),
        **kwargs,
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("khoa hoc", "Hội thảo khoa học"),
        ("Da Lat", "Du lịch Đà Lạt"),
        ("LIÊN HIỆP", "Liên hiệp Hội tỉnh"),
        ("dai hoi", "Đại hội đại biểu lần thứ V"),
        ("ĐẠI HỘI", "Đại hội đại biểu lần thứ V"),
        ("đà lạt", "Du lịch Đà Lạt"),
        ("582/QĐ-UBND", "Quyết định 582/QĐ-UBND"),
        ("582/qd-ubnd", "Quyết định 582/QĐ-UBND"),
        ("qd-ubnd", "Quyết định 582/QĐ-UBND"),
        ("582", "Quyết định 582/QĐ-UBND"),
    ],
)
def test_diacritic_insensitive_matches(query, expected):
    for title in [
        "Hội thảo khoa học",
        "Du lịch Đà Lạt",
        "Liên hiệp Hội tỉnh",
        "Đại hội đại biểu lần thứ V",
        "Quyết định 582/QĐ-UBND",
    ]:
        page(title)
    assert titles(query)[:1] == [expected]


@pytest.mark.parametrize(
    "word",
    ["à", "á", "ả", "ã", "ạ", "ằ", "ắ", "ẳ", "ẵ", "ặ", "ầ", "ấ", "ẩ", "ẫ", "ậ"],
)
def test_every_tone_folds_to_the_plain_vowel(word):
    page(f"Chữ m{word}n thử")
    assert titles("man") == [f"Chữ m{word}n thử"]


@pytest.mark.parametrize(
    "vowels", ["èéẻẽẹềếểễệ", "ìíỉĩị", "òóỏõọồốổỗộờớởỡợ", "ùúủũụừứửữự", "ỳýỷỹỵ"]
)
def test_tones_on_every_vowel(vowels):
    for index, vowel in enumerate(vowels):
        page(f"Mục {index} x{vowel}q")
    plain = search.fold(vowels[0])
    assert len(titles(f"x{plain}q")) == len(vowels)


def test_exact_diacritics_rank_first():
    page("Hội nghị tổng kết", days_ago=0)
    page("Hỏi đáp pháp luật", days_ago=30)
    assert titles("hỏi") == ["Hỏi đáp pháp luật", "Hội nghị tổng kết"]
    assert titles("hội") == ["Hội nghị tổng kết", "Hỏi đáp pháp luật"]


def test_without_diacritics_newer_ranks_first_on_ties():
    page("Hội nghị tổng kết", days_ago=0)
    page("Hỏi đáp pháp luật", days_ago=30)
    assert titles("hoi") == ["Hội nghị tổng kết", "Hỏi đáp pháp luật"]


def test_title_match_ranks_above_body_match():
    page("Tin trong ngày", body="Hội thảo nông nghiệp công nghệ cao", days_ago=0)
    page("Nông nghiệp công nghệ cao ở Lâm Đồng", days_ago=100)
    assert titles("nong nghiep")[0] == "Nông nghiệp công nghệ cao ở Lâm Đồng"


def test_all_words_must_match():
    page("Hội thảo khoa học")
    page("Hội thảo văn hóa")
    assert titles("hoi thao khoa") == ["Hội thảo khoa học"]


def test_words_match_at_word_starts_only():
    page("Thời sự")
    assert titles("hoi") == []


def test_decomposed_query_finds_composed_text_and_the_reverse():
    page("Khoa học công nghệ")
    page(unicodedata.normalize("NFD", "Trí thức trẻ"))
    assert titles(unicodedata.normalize("NFD", "khoa học")) == ["Khoa học công nghệ"]
    assert titles("trí thức") == ["Trí thức trẻ"]


def test_d_with_stroke_matches_d():
    page("Đoàn kết trí thức")
    assert titles("doan ket") == ["Đoàn kết trí thức"]
    assert titles("ĐOÀN") == ["Đoàn kết trí thức"]


def test_drafts_and_scheduled_items_are_never_found():
    page("Bản nháp hội thảo", status=Status.DRAFT)
    PageFactory(title="Hội thảo sắp tới", published_at=timezone.now() + timedelta(days=1))
    assert titles("hoi thao") == []


def test_a_scheduled_item_is_found_once_its_time_has_come():
    item = PageFactory(title="Hội thảo sắp tới", published_at=timezone.now() + timedelta(days=1))
    assert titles("hoi thao") == []
    SearchEntry.objects.filter(object_id=item.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )
    assert titles("hoi thao") == ["Hội thảo sắp tới"]


def test_unpublishing_removes_an_item_from_results():
    item = page("Hội thảo khoa học")
    item.status = Status.DRAFT
    item.save()
    assert titles("hoi thao") == []


def test_deleting_removes_the_entry():
    item = page("Hội thảo khoa học")
    item.delete()
    assert SearchEntry.objects.count() == 0


def test_highlight_marks_matching_words_and_escapes_the_rest():
    html = search.highlight("Hội <b>thảo</b> & khoa học", "hoi khoa")
    assert html == "<mark>Hội</mark> &lt;b&gt;thảo&lt;/b&gt; &amp; <mark>khoa</mark> học"


def test_snippet_is_cut_around_the_first_match():
    text = "Mở đầu. " * 100 + "Nông nghiệp công nghệ cao" + " Kết thúc." * 100
    html = search.highlight(text, "nong nghiep", length=120)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>Nông nghiệp</mark>" in html


def test_search_page_shows_kind_date_and_highlighted_snippet(client):
    page("Hội thảo khoa học", body="Hội thảo về nông nghiệp công nghệ cao.")
    html = client.get("/tim-kiem/", {"q": "nong nghiep"}).content.decode()
    assert '<span class="search-result__kind">Trang thông tin</span>' in html
    assert "<mark>nông nghiệp</mark>" in html
    assert "Tìm thấy 1 kết quả" in html


def test_search_page_filters_by_kind(client):
    page("Hội thảo khoa học")
    html = client.get("/tim-kiem/", {"q": "hoi thao", "loai": "van-ban"}).content.decode()
    assert "Không tìm thấy kết quả" in html
    html = client.get("/tim-kiem/", {"q": "hoi thao", "loai": "trang"}).content.decode()
    assert "Tìm thấy 1 kết quả" in html


def test_every_kind_keeps_its_count_while_one_is_shown(client):
    from tests.documents.factories import DocumentFactory

    page("Hội thảo khoa học")
    page("Hội thảo nông nghiệp")
    DocumentFactory(summary="Kế hoạch tổ chức hội thảo")
    html = client.get("/tim-kiem/", {"q": "hoi thao", "loai": "trang"}).content.decode()
    assert "Tìm thấy 2 kết quả" in html
    assert "Tất cả (3)" in html
    assert "Trang thông tin (2)" in html and "Văn bản (1)" in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!!",
        "' OR 1=1 --",
        "'; DROP TABLE lhh_page; --",
        "<script>alert(1)</script>",
        "%",
        "_",
        "\\",
        "a" * 5000,
        "\x00",
        "hội%00thảo",
        "{{ 7*7 }}",
        "😀 khoa",
    ],
)
def test_hostile_queries_give_a_normal_page(client, query):
    page("Hội thảo khoa học")
    response = client.get("/tim-kiem/", {"q": query, "loai": "<x>", "page": "abc"})
    assert response.status_code in (200, 404)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if response.status_code == 200:
        assert "Tìm kiếm" in html


def test_like_wildcards_are_matched_literally():
    page("Hội thảo khoa học")
    assert titles("%") == []
    assert titles("_") == []


def test_query_is_capped_at_200_characters(client):
    response = client.get("/tim-kiem/", {"q": "khoa " * 100})
    assert 'value="' + ("khoa " * 40).strip() + '"' in response.content.decode()


def test_search_page_query_count_does_not_grow_with_results(client):
    for n in range(3):
        page(f"Hội thảo số {n}")
    cache.clear()
    clear_all()
    with CaptureQueriesContext(connection) as few:
        client.get("/tim-kiem/", {"q": "hoi thao"})
    for n in range(3, 40):
        page(f"Hội thảo số {n}")
    cache.clear()
    clear_all()
    with CaptureQueriesContext(connection) as many:
        client.get("/tim-kiem/", {"q": "hoi thao"})
    assert len(few) == len(many)


def test_a_kind_filter_costs_no_query_when_every_match_is_a_candidate(client):
    page("Hội thảo khoa học")
    clear_all()
    with CaptureQueriesContext(connection) as every_kind:
        client.get("/tim-kiem/", {"q": "hoi thao"})
    clear_all()
    with CaptureQueriesContext(connection) as one_kind:
        html = client.get("/tim-kiem/", {"q": "hoi thao", "loai": "trang"}).content.decode()
    assert "Tìm thấy 1 kết quả" in html
    assert len(one_kind) == len(every_kind)


def test_rebuild_command_restores_the_index():
    from django.core.management import call_command

    page("Hội thảo khoa học")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert titles("hoi thao") == ["Hội thảo khoa học"]


def test_documents_are_found_by_number_and_file_text(client):
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    for query in ["582/QĐ-UBND", "582/qd-ubnd", "qd-ubnd 582"]:
        assert titles(query)[0].startswith("582/QĐ-UBND")
    html = client.get("/tim-kiem/", {"q": "582", "loai": "van-ban"}).content.decode()
    assert "Văn bản" in html and "582/QĐ-UBND" in html


def test_published_questions_are_found_and_bulk_spam_removes_them(admin_client):
    from qa.models import Question
    from tests.qa.factories import PublishedQuestionFactory

    question = PublishedQuestionFactory(title="Thủ tục thành lập hội khoa học")
    assert titles("thu tuc thanh lap") == ["Thủ tục thành lập hội khoa học"]
    admin_client.post(
        "/admin/qa/question/",
        {"action": "mark_as_spam", "_selected_action": [question.pk]},
    )
    assert Question.objects.get(pk=question.pk).status == "spam"
    assert titles("thu tuc thanh lap") == []


def test_the_asker_is_never_searchable():
    from tests.qa.factories import PublishedQuestionFactory

    PublishedQuestionFactory(title="Câu hỏi về hội viên", asker_name="Trần Thị Bí Mật")
    assert titles("bi mat") == []


def test_every_kind_of_content_is_found_after_the_demo_seed(client):
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    html = client.get("/tim-kiem/", {"q": "lam dong"}).content.decode()
    for label in ["Tin tức", "Trang thông tin", "Văn bản", "Tổ chức thành viên", "Album ảnh"]:
        assert f">{label} (" in html, label
    assert "Hỏi đáp (" in client.get("/tim-kiem/", {"q": "hoi"}).content.decode()


def test_search_gives_the_same_results_on_every_database_for_the_demo_corpus():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    # Expected top results, written down once: any database must agree.
    assert titles("giao ban toàn quốc 2017")[0].startswith("Hội nghị Giao ban toàn quốc")
    assert titles("582/QĐ-UBND")[0].startswith("582/QĐ-UBND")
    # The dated article first, the (undated) organization right after it.
    assert titles("hoi y hoc")[:2] == [
        "Hội Y học tỉnh Lâm Đồng tổ chức Đại hội nhiệm kỳ 2022 - 2027",
        "Hội Y học tỉnh Lâm Đồng",
    ]


def test_a_very_common_word_ranks_its_newest_and_title_matches(client, monkeypatch):
    monkeypatch.setattr(search.SiteSearch, "CANDIDATES", 3)
    page("Hội thảo cũ về nông nghiệp", days_ago=400)
    for n in range(6):
        page(f"Tin số {n}", body="Bàn về nông nghiệp sạch.", days_ago=n)
    found = titles("nong nghiep")
    # The three newest body matches and the (older) title match.
    assert found[0] == "Hội thảo cũ về nông nghiệp"
    assert found[1:] == ["Tin số 0", "Tin số 1", "Tin số 2"]
    html = client.get("/tim-kiem/", {"q": "nong nghiep"}).content.decode()
    assert "Có rất nhiều kết quả" in html
    assert "Tất cả (hơn " in html


def test_kind_filter_searches_that_kind_beyond_the_newest_matches(monkeypatch):
    monkeypatch.setattr(search.SiteSearch, "CANDIDATES", 2)
    for n in range(4):
        page(f"Trang {n}", body="nông nghiệp", days_ago=n)
    SearchEntry.objects.filter(title="Trang 3").update(kind="van-ban")
    assert titles("nong nghiep", kind="van-ban") == ["Trang 3"]


# Ranking and snippets that read well (issue #19, item 7) ---------------------


def test_da_lat_puts_da_lat_before_newer_partial_matches():
    page("Hội thảo phát triển du lịch Đà Lạt", days_ago=60)
    page("Xã đã đạt chuẩn nông thôn mới nhờ lát đường bê tông", days_ago=1)
    page("Đạt giải nhất cuộc thi vẽ tranh Latinh", days_ago=0)
    assert titles("Da Lat") == [
        "Hội thảo phát triển du lịch Đà Lạt",
        "Xã đã đạt chuẩn nông thôn mới nhờ lát đường bê tông",
        "Đạt giải nhất cuộc thi vẽ tranh Latinh",
    ]


def test_whole_word_matches_rank_above_newer_prefix_matches():
    page("Dân làng trồng lúa", days_ago=0)
    page("Da cam và hậu quả", days_ago=30)
    assert titles("da") == ["Da cam và hậu quả", "Dân làng trồng lúa"]


def test_a_phrase_in_the_body_ranks_above_words_scattered_in_a_newer_title():
    page("Tin trong tuần", body="Hội nghị được tổ chức tại Đà Lạt.", days_ago=20)
    page("Đà Nẵng mở đường bay mới, giá vé lạt", days_ago=0)
    assert titles("da lat") == ["Tin trong tuần", "Đà Nẵng mở đường bay mới, giá vé lạt"]


def test_a_whole_word_match_is_found_among_many_newer_prefix_matches(monkeypatch):
    monkeypatch.setattr(search.SiteSearch, "CANDIDATES", 3)
    page("Hoa dã quỳ ở Đà Lạt", days_ago=400)
    for n in range(6):
        page(f"Dân lập trường số {n}", days_ago=n)
    assert titles("da lat")[0] == "Hoa dã quỳ ở Đà Lạt"


def test_diacritics_typed_put_the_words_so_written_first():
    page("Đá lát nền nhà", days_ago=0)
    page("Mùa hoa Đà Lạt", days_ago=10)
    assert titles("Đà Lạt")[0] == "Mùa hoa Đà Lạt"


def test_organizations_do_not_rank_above_newer_news():
    from tests.members.factories import OrganizationFactory
    from tests.news.factories import ArticleFactory

    ArticleFactory(
        title="Hội Tin học Lâm Đồng tổ chức hội thảo chuyển đổi số",
        published_at=timezone.now() - timedelta(days=10),
    )
    OrganizationFactory(name="Hội Tin học Lâm Đồng")
    assert titles("hoi tin hoc") == [
        "Hội Tin học Lâm Đồng tổ chức hội thảo chuyển đổi số",
        "Hội Tin học Lâm Đồng",
    ]


def test_an_organization_better_matched_still_ranks_first():
    from tests.members.factories import OrganizationFactory
    from tests.news.factories import ArticleFactory

    ArticleFactory(title="Tin tức trong tuần", body="<p>Gặp gỡ hội viên tin học.</p>")
    OrganizationFactory(name="Hội Tin học Lâm Đồng")
    assert titles("hoi tin hoc")[0] == "Hội Tin học Lâm Đồng"


def test_search_page_shows_no_date_for_an_organization(client):
    from tests.members.factories import OrganizationFactory

    OrganizationFactory(name="Hội Tin học Lâm Đồng")
    html = client.get("/tim-kiem/", {"q": "tin hoc"}).content.decode()
    result = html.split('class="search-result"')[1]
    assert "Tổ chức thành viên" in result
    assert 'class="date"' not in result


def test_only_the_matched_phrase_is_highlighted():
    html = search.highlight("Năm nay xã đã đạt chuẩn; du lịch Đà Lạt phát triển.", "Da Lat")
    assert html == "Năm nay xã đã đạt chuẩn; du lịch <mark>Đà Lạt</mark> phát triển."


def test_whole_words_are_highlighted_and_not_words_they_start():
    html = search.highlight("Xã đã đạt chuẩn nhờ lát đường", "da lat")
    assert html == "Xã <mark>đã</mark> đạt chuẩn nhờ <mark>lát</mark> đường"


def test_a_word_found_only_as_a_start_is_highlighted_where_it_starts_a_word():
    html = search.highlight("Đạt giải nhất cuộc thi vẽ tranh Latinh", "da lat")
    assert html == "<mark>Đạt</mark> giải nhất cuộc thi vẽ tranh <mark>Latinh</mark>"


def test_diacritics_typed_highlight_only_the_words_so_written():
    html = search.highlight("Hỏi đáp về hội nghị", "hỏi")
    assert html == "<mark>Hỏi</mark> đáp về hội nghị"


def test_a_document_number_is_highlighted_as_one_phrase():
    html = search.highlight("Quyết định 582/QĐ-UBND của tỉnh", "582/qd-ubnd")
    assert html == "Quyết định <mark>582/QĐ-UBND</mark> của tỉnh"


def _snippet_text(html):
    return html.replace("<mark>", "").replace("</mark>", "").strip("…")


SENTENCE = "Liên hiệp hội khuyến khích trí thức nghiên cứu ứng dụng khoa học."


@pytest.mark.parametrize("offset", range(0, 12))
def test_snippets_start_and_end_at_word_boundaries(offset):
    words = SENTENCE.split()
    text = " ".join(words[(n + offset) % len(words)] for n in range(120))
    text = f"{text} Nông nghiệp công nghệ cao {text}"
    html = search.highlight(text, "nong nghiep", length=120)
    snippet = _snippet_text(html)
    start = text.index(snippet)
    end = start + len(snippet)
    assert html.startswith("…") and html.endswith("…")
    assert not text[start - 1].isalnum() and text[start].isalnum()
    assert text[end - 1].isalnum() and not text[end].isalnum()
    assert "<mark>Nông nghiệp</mark>" in html


def test_a_snippet_keeps_the_end_of_a_text_that_fits():
    text = "Mở đầu dài dòng. " * 20 + "Kết luận về nông nghiệp."
    html = search.highlight(text, "nong nghiep", length=120)
    assert html.startswith("…") and html.endswith("<mark>nông nghiệp</mark>.")


def test_the_search_page_highlights_the_phrase_in_title_and_snippet(client):
    page(
        "Du lịch Đà Lạt mùa hoa",
        body="Năm nay du khách đã đến Đà Lạt đông hơn, đạt kỷ lục.",
    )
    html = client.get("/tim-kiem/", {"q": "da lat"}).content.decode()
    assert "Du lịch <mark>Đà Lạt</mark> mùa hoa" in html
    assert "đã đến <mark>Đà Lạt</mark> đông hơn, đạt kỷ lục." in html
