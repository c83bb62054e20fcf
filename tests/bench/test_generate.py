import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from bench.generate import SCALES, bench_database_url, fold_by_words
from core.text import fold
from documents.models import Document
from gallery.models import Album
from members.models import Organization
from news.models import Article
from qa.models import DUE_WORKING_DAYS, Question, add_working_days
from search.index import entry_values
from search.models import SearchEntry
from sitecontent.models import Page

pytestmark = pytest.mark.django_db

TINY = SCALES["tiny"]


def added(bench_data, key):
    return bench_data["after"][key] - bench_data["before"][key]


def test_generator_adds_the_rows_the_scale_asks_for(bench_data):
    assert added(bench_data, "articles") == TINY.articles
    assert added(bench_data, "documents") == TINY.documents
    assert added(bench_data, "document_files") == TINY.documents
    assert added(bench_data, "questions") == TINY.questions
    assert added(bench_data, "organizations") == TINY.organizations
    assert added(bench_data, "albums") == TINY.albums
    assert added(bench_data, "photos") == TINY.albums * TINY.photos_per_album


def test_generated_rows_keep_every_foreign_key_valid(bench_data):
    # Raises IntegrityError on a dangling reference (SQLite and PostgreSQL).
    connection.check_constraints()
    for album in Album.objects.filter(cover__isnull=False).select_related("cover"):
        assert album.cover.album_id == album.pk


def test_generated_rows_are_published_as_the_generator_reports(bench_data):
    summary = bench_data["summary"]
    assert added(bench_data, "articles_published") == summary["articles"]["published"]
    assert added(bench_data, "documents_published") == summary["documents"]["published"]
    assert added(bench_data, "organizations_active") == summary["organizations"]["published"]
    assert added(bench_data, "albums_published") == summary["albums"]["published"]


def test_half_of_the_generated_questions_are_published_as_faq(bench_data):
    assert added(bench_data, "questions_published") == TINY.questions // 2


def test_search_entries_are_visible_for_published_items_only(bench_data):
    published = {
        Article: Article.objects.published(),
        Document: Document.objects.published(),
        Question: Question.objects.published(),
        Organization: Organization.objects.active(),
        Page: Page.objects.published(),
    }
    for model, queryset in published.items():
        content_type = ContentType.objects.get_for_model(model)
        visible = set(
            SearchEntry.objects.visible()
            .filter(content_type=content_type)
            .values_list("object_id", flat=True)
        )
        indexed = set(
            SearchEntry.objects.filter(content_type=content_type).values_list(
                "object_id", flat=True
            )
        )
        assert visible == set(queryset.values_list("pk", flat=True)), model
        # Drafts have their row too, not public, as saving them would store it.
        assert indexed == set(model.objects.values_list("pk", flat=True)), model


def test_search_entry_of_a_generated_article_is_what_saving_it_stores(bench_data):
    article = Article.objects.select_related("category").order_by("-pk").first()
    stored = SearchEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Article), object_id=article.pk
    )
    expected = entry_values("tin-tuc", article.search_document())
    for field in ("title", "body", "url", "title_exact", "title_folded", "exact", "folded"):
        assert getattr(stored, field) == expected[field], field


def test_search_entry_of_a_generated_document_holds_its_file_text(bench_data):
    document = Document.objects.order_by("-pk").first()
    stored = SearchEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Document), object_id=document.pk
    )
    assert stored.body == entry_values("van-ban", document.search_document())["body"]


def test_generated_documents_have_the_search_text_saving_them_builds(bench_data):
    for document in Document.objects.order_by("-pk")[: TINY.documents]:
        assert document.search_text == document.build_search_text()


def test_generated_slugs_are_unique(bench_data):
    for model in (Article, Document, Organization, Album):
        slugs = list(model.objects.values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs)), model


def test_generated_questions_have_their_due_date_and_tracking_code(bench_data):
    for question in Question.objects.order_by("-pk")[: TINY.questions]:
        assert len(question.tracking_code) == 8
        assert question.due_on == add_working_days(
            timezone.localdate(question.received_at), DUE_WORKING_DAYS
        )


def test_word_by_word_folding_gives_the_same_text_as_fold():
    text = "Liên hiệp Hội  ĐÀ LẠT\nKhoa học – Công nghệ, 582/QĐ-UBND ngày 01/02/2024 "
    assert fold_by_words(text) == fold(text)


def test_benchmark_database_on_postgresql_is_named_after_the_scale():
    url = bench_database_url("small", "postgres://postgres@127.0.0.1:5432/lhh_bench")
    assert url == "postgres://postgres@127.0.0.1:5432/lhh_bench_bench_small"


def test_benchmark_database_on_sqlite_is_a_file_in_var():
    url = bench_database_url("large", "sqlite:///:memory:")
    assert url.startswith("sqlite:///") and url.endswith("/var/bench-large.sqlite3")
