import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from bench.generate import SCALES, bench_database_url, fold_by_words
from bulletins.models import Issue
from contests.models import Programme
from core.text import fold
from documents.models import Document
from events.models import Event
from gallery.models import Album
from members.models import Organization
from news.models import Article
from qa.models import DUE_WORKING_DAYS, Question, add_working_days
from registrations.models import RegistrationForm
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
    assert added(bench_data, "events") == TINY.events
    assert added(bench_data, "bulletin_issues") == TINY.bulletin_issues
    assert added(bench_data, "contents_entries") == 4 * TINY.bulletin_issues
    assert added(bench_data, "programmes") == TINY.programmes
    assert added(bench_data, "registration_forms") == TINY.registration_forms
    assert added(bench_data, "form_fields") == TINY.registration_forms * TINY.fields_per_form


def test_every_scale_has_a_few_of_each_new_kind():
    for scale in SCALES.values():
        assert scale.events >= 10 and scale.bulletin_issues >= 3, scale
        assert scale.programmes >= 2 and scale.registration_forms == scale.programmes, scale
        assert scale.fields_per_form == 6, scale


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
    assert added(bench_data, "events_published") == summary["events"]["published"]
    assert added(bench_data, "bulletin_issues_published") == summary["bulletin_issues"]["published"]
    assert added(bench_data, "programmes_published") == summary["programmes"]["published"]


def test_half_of_the_generated_questions_are_published_as_faq(bench_data):
    assert added(bench_data, "questions_published") == TINY.questions // 2


def test_search_entries_are_visible_for_published_items_only(bench_data):
    published = {
        Article: Article.objects.published(),
        Document: Document.objects.published(),
        Question: Question.objects.published(),
        Organization: Organization.objects.active(),
        Page: Page.objects.published(),
        Event: Event.objects.published(),
        Issue: Issue.objects.published(),
        Programme: Programme.objects.published(),
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


def test_search_entries_of_generated_events_programmes_and_issues_are_what_saving_stores(
    bench_data,
):
    fields = ("title", "body", "url", "title_exact", "title_folded", "exact", "folded", "date")
    for model, kind in ((Event, "su-kien"), (Programme, "cuoc-thi"), (Issue, "ban-tin")):
        obj = model.objects.order_by("-pk").first()
        stored = SearchEntry.objects.get(
            content_type=ContentType.objects.get_for_model(model), object_id=obj.pk
        )
        expected = entry_values(kind, obj.search_document())
        for field in fields:
            assert getattr(stored, field) == expected[field], (model, field)


def test_generated_all_day_events_keep_local_midnights_as_saving_them_does(bench_data):
    events = list(Event.objects.order_by("-pk")[: TINY.events])
    for event in events:
        assert event.ends_at >= event.starts_at, event
        if event.is_all_day:
            assert (event.starts_at, event.ends_at) == event.day_bounds(), event


def test_generated_bulletin_issues_are_numbered_once_per_year(bench_data):
    issues = list(Issue.objects.values_list("series", "year", "number"))
    assert len(issues) == len(set(issues))
    for issue in Issue.objects.order_by("-pk")[: TINY.bulletin_issues]:
        assert issue.pdf_size > 0 and issue.pdf_text and not issue.is_text_pending
        assert issue.slug == f"{issue.series.slug}-so-{issue.number}-{issue.year}"


def test_each_generated_programme_has_its_own_registration_form(bench_data):
    programmes = list(Programme.objects.order_by("-pk")[: TINY.programmes])
    forms = {p.registration_form_id for p in programmes}
    assert None not in forms and len(forms) == TINY.programmes
    for form in RegistrationForm.objects.filter(pk__in=forms):
        assert form.fields.count() == TINY.fields_per_form
    # The latest round still takes entries: the benchmark measures its form.
    latest = max(programmes, key=lambda p: p.pk).registration_form
    assert latest.is_accepting and latest.refusal() is None


def test_generated_documents_have_the_search_text_saving_them_builds(bench_data):
    for document in Document.objects.order_by("-pk")[: TINY.documents]:
        assert document.search_text == document.build_search_text()


def test_generated_slugs_are_unique(bench_data):
    for model in (
        Article,
        Document,
        Organization,
        Album,
        Event,
        Issue,
        Programme,
        RegistrationForm,
    ):
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
