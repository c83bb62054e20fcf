"""The desk on the admin index: each role's boxes, their links, their queries."""

import re
from datetime import datetime, time, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import reversion
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import review
from core.models import ReviewStatus, Status
from documents.models import Validity
from lhh.desk import age
from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, STAFF_GROUPS
from qa.models import QuestionStatus
from tests.documents.factories import DocumentFactory
from tests.events.factories import EventFactory
from tests.gallery.factories import AlbumFactory
from tests.news.factories import ArticleFactory, CategoryFactory, png_bytes
from tests.qa.factories import AnsweredQuestionFactory, QuestionFactory, TopicFactory
from tests.sitecontent.factories import PageFactory
from visits.models import VisitDay

pytestmark = pytest.mark.django_db

EDITOR, CLERK, QA_OFFICER = "Biên tập viên", "Văn thư", "Cán bộ hỏi đáp"
CONTRIBUTOR, APPROVER = CONTRIBUTOR_GROUP, APPROVER_GROUP
SUPERUSER = "Quản trị viên"
SECTION_OF = {
    EDITOR: "news",
    CLERK: "documents",
    QA_OFFICER: "qa",
    SUPERUSER: "admin",
    CONTRIBUTOR: "mine",
    APPROVER: "review",
}
COVER = {"cover": "news/2026/01/anh.png", "cover_caption": "Đại biểu dự hội nghị"}


@pytest.fixture
def users(django_user_model):
    # No password: hashing one costs a second, and force_login needs none.
    found = {SUPERUSER: django_user_model.objects.create_superuser("quantri", "", None)}
    for index, name in enumerate(STAFF_GROUPS):
        user = django_user_model.objects.create_user(f"nhanvien{index}", "", None, is_staff=True)
        user.groups.add(Group.objects.get(name=name))
        found[name] = user
    return found


def client_for(client, user):
    # The user is read again so that no permission cache outlives a request.
    client.force_login(get_user_model().objects.get(pk=user.pk))
    return client


def make_work(count, author=None, contributor=None):
    """`count` items for each box, and as many that belong in none; their pks by box."""
    cover_file = Path(settings.MEDIA_ROOT) / COVER["cover"]
    cover_file.parent.mkdir(parents=True, exist_ok=True)
    cover_file.write_bytes(png_bytes())
    now = timezone.now()
    today = timezone.localdate()
    category = CategoryFactory()
    topic = TopicFactory()
    made = {key: set() for key in SHOWN}

    def articles(key, n=count, **kwargs):
        pks = {a.pk for a in ArticleFactory.create_batch(n, category=category, **kwargs)}
        made.setdefault(key, set()).update(pks)
        return pks

    articles("drafts", status=Status.DRAFT, published_at=now - timedelta(days=20), **COVER)
    # Editorial review: sent for review, a live one with a change waiting,
    # and a contributor's own (returned to them).
    articles("article-waiting", status=ReviewStatus.PENDING, submitted_at=now, **COVER)
    for article in ArticleFactory.create_batch(
        count, category=category, published_at=now - timedelta(days=50), **COVER
    ):
        review.hold_change(article, author, {"title": f"{article.title} (sửa)"})
        made["article-waiting"].add(article.pk)
    articles("article-mine", status=ReviewStatus.RETURNED, created_by=contributor, **COVER)
    made["page-waiting"] = {
        page.pk for page in PageFactory.create_batch(count, status=ReviewStatus.PENDING)
    }
    made["page-mine"] = {
        page.pk
        for page in PageFactory.create_batch(
            count, status=ReviewStatus.DRAFT, created_by=contributor
        )
    }
    made["event-waiting"] = {
        event.pk for event in EventFactory.create_batch(count, status=ReviewStatus.PENDING)
    }
    made["event-mine"] = {
        event.pk
        for event in EventFactory.create_batch(
            count, status=ReviewStatus.DRAFT, created_by=contributor
        )
    }
    articles("scheduled", published_at=now + timedelta(days=2), **COVER)
    articles("recent", published_at=now - timedelta(days=2), **COVER)
    made["covers"] = articles("old", published_at=now - timedelta(days=30))
    made["covers"] |= articles(
        "old", published_at=now - timedelta(days=40), cover=COVER["cover"], cover_caption=""
    )

    def questions(key, status, due_on, factory=QuestionFactory):
        batch = factory.create_batch(count, topic=topic, status=status, due_on=due_on)
        made.setdefault(key, set()).update(q.pk for q in batch)
        return {q.pk for q in batch}

    far = today + timedelta(days=10)
    made["new"] = questions("new-far", QuestionStatus.NEW, far)
    made["new"] |= questions("due-this-week", QuestionStatus.NEW, today)
    made["in-progress"] = questions("in-progress-far", QuestionStatus.IN_PROGRESS, far)
    made["in-progress"] |= questions("overdue", QuestionStatus.IN_PROGRESS, today - timedelta(3))
    questions("answered", QuestionStatus.ANSWERED, today - timedelta(3), AnsweredQuestionFactory)

    def documents(key, **kwargs):
        batch = DocumentFactory.create_batch(count, **kwargs)
        made.setdefault(key, set()).update(d.pk for d in batch)
        return batch

    documents("issued", issued_on=today - timedelta(days=5))
    documents("expired", issued_on=today - timedelta(days=4000), validity=Validity.EXPIRED)
    replaced = documents("expired", issued_on=today - timedelta(days=3000))
    for old in replaced:
        newer = DocumentFactory(issued_on=today - timedelta(days=2000))
        newer.replaces.add(old)
        made.setdefault("in-force", set()).add(newer.pk)
    documents("in-force", issued_on=today - timedelta(days=1000))

    AlbumFactory.create_batch(count)
    for offset in range(count):
        VisitDay.objects.update_or_create(
            day=today - timedelta(days=offset), defaults={"count": 10 + offset}
        )
    edited = ArticleFactory.create_batch(
        count, category=category, published_at=now - timedelta(days=60), **COVER
    )
    for article in edited:
        with reversion.create_revision():
            reversion.set_user(author)
            reversion.set_comment("Sửa tiêu đề.")
            article.title = f"{article.title} (đã sửa)"
            article.save()
    return made


SHOWN = [
    "article-waiting",
    "page-waiting",
    "event-waiting",
    "article-mine",
    "page-mine",
    "event-mine",
    "drafts",
    "scheduled",
    "recent",
    "covers",
    "new",
    "in-progress",
    "overdue",
    "due-this-week",
    "issued",
    "expired",
]


def desk_of(response):
    sections = response.context["sections"]
    return SimpleNamespace(
        sections=[section.key for section in sections],
        boxes={box.key: box for section in sections for box in section.boxes},
        overview=response.context["overview"],
        html=response.content.decode(),
    )


@pytest.mark.parametrize(
    "role, sections",
    [
        (CONTRIBUTOR, ["mine"]),
        (EDITOR, ["review", "news"]),
        (APPROVER, ["review", "news"]),
        (QA_OFFICER, ["qa"]),
        (CLERK, ["documents"]),
        (SUPERUSER, ["review", "news", "qa", "documents"]),
    ],
)
def test_each_role_sees_its_own_boxes_only(client, users, role, sections):
    response = client_for(client, users[role]).get("/admin/")
    desk = desk_of(response)
    assert desk.sections == sections
    for key in set(SECTION_OF.values()):
        shown = key in sections or (key == "admin" and role == SUPERUSER)
        assert (f'id="desk-{key}"' in desk.html) is shown, key
    # The app list is still there, below the desk.
    assert 'id="content-main"' in desk.html


@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR, APPROVER, QA_OFFICER, CLERK])
def test_each_box_links_to_a_list_of_exactly_its_items(client, users, role):
    made = make_work(2, author=users[EDITOR], contributor=users[CONTRIBUTOR])
    client = client_for(client, users[role])
    desk = desk_of(client.get("/admin/"))
    assert desk.boxes
    for key, box in desk.boxes.items():
        response = client.get(box.url)
        assert response.status_code == 200, key
        listed = set(response.context["cl"].queryset.values_list("pk", flat=True))
        assert listed == made[key], key
        assert box.count == len(made[key]), key
        shown = {int(re.search(r"/(\d+)/change/", item.url)[1]) for item in box.items}
        assert shown <= made[key] and len(shown) == min(len(made[key]), 5), key


def test_a_box_shows_five_items_and_counts_them_all(client, users):
    make_work(7)
    desk = desk_of(client_for(client, users[EDITOR]).get("/admin/"))
    drafts = desk.boxes["drafts"]
    assert (drafts.count, len(drafts.items)) == (7, 5)
    assert "Xem tất cả 7 mục" in desk.html


def test_scheduled_articles_show_their_time(client, users):
    tomorrow = timezone.localdate() + timedelta(days=1)
    at = timezone.make_aware(datetime.combine(tomorrow, time(10, 30)))
    ArticleFactory(title="Hội thảo chuyển đổi số", published_at=at)
    desk = desk_of(client_for(client, users[EDITOR]).get("/admin/"))
    [item] = desk.boxes["scheduled"].items
    assert item.label == "Hội thảo chuyển đổi số"
    assert f"10:30 {tomorrow:%d/%m/%Y}" in desk.html


def test_overdue_questions_show_the_days_late(client, users):
    QuestionFactory(
        status=QuestionStatus.IN_PROGRESS, due_on=timezone.localdate() - timedelta(days=3)
    )
    desk = desk_of(client_for(client, users[QA_OFFICER]).get("/admin/"))
    [item] = desk.boxes["overdue"].items
    assert item.note == "trễ 3 ngày"
    assert "trễ 3 ngày" in desk.html


def test_the_visit_chart_draws_the_visitday_rows(client, users):
    today = timezone.localdate()
    rows = {today: 7, today - timedelta(days=1): 4, today - timedelta(days=29): 2}
    for day, count in rows.items():
        VisitDay.objects.create(day=day, count=count)
    VisitDay.objects.create(day=today - timedelta(days=30), count=99)

    desk = desk_of(client_for(client, users[SUPERUSER]).get("/admin/"))
    chart = desk.overview["chart"]
    assert len(chart.bars) == 30
    assert {bar.day: bar.count for bar in chart.bars if bar.count} == rows
    assert (chart.total, chart.peak) == (13, 7)
    assert chart.bars[-1].height == chart.height  # today is the peak: a full bar
    # The numbers as text: the figure's caption and one table row per day.
    assert "tổng 13 lượt, cao nhất 7 lượt một ngày" in desk.html
    for day, count in rows.items():
        assert f'<td>{day:%d/%m/%Y}</td><td class="desk-chart__count">{count}</td>' in desk.html
    assert "<script" not in desk.html.split('id="desk"')[1].split('id="content-main"')[0]
    response = client.get(chart.url)
    assert response.status_code == 200
    assert set(response.context["cl"].queryset.values_list("count", flat=True)) == {7, 4, 2}


def test_the_administrator_sees_totals_and_recent_changes(client, users):
    make_work(2, author=users[EDITOR])
    desk = desk_of(client_for(client, users[SUPERUSER]).get("/admin/"))
    totals = {label: count for label, count, url in desk.overview["totals"]}
    assert totals == {"Tin bài": 18, "Văn bản": 10, "Câu hỏi": 10, "Album ảnh": 2}
    changes = desk.overview["changes"]
    assert len(changes) == 2
    assert changes[0].who == users[EDITOR].username
    assert changes[0].what.endswith("(đã sửa)")
    assert re.fullmatch(r"/admin/news/article/\d+/change/", changes[0].url)
    assert client.get(changes[0].url).status_code == 200


def test_the_desk_runs_the_same_queries_whatever_the_data_size(
    client, users, django_assert_num_queries
):
    # Every role at both sizes in one test: making the data is the slow part.
    roles = [CONTRIBUTOR, EDITOR, APPROVER, QA_OFFICER, CLERK, SUPERUSER]
    make_work(3, author=users[SUPERUSER], contributor=users[CONTRIBUTOR])
    few = {}
    for role in roles:
        client_for(client, users[role]).get("/admin/")  # per-process caches (content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        few[role] = len(queries)
    make_work(27, author=users[SUPERUSER], contributor=users[CONTRIBUTOR])
    for role in roles:
        client_for(client, users[role])
        with django_assert_num_queries(few[role]):
            assert client.get("/admin/").status_code == 200
    print("queries per role:", few)


# Editorial review: "Chờ duyệt" and "Bài của tôi" ------------------------------


@pytest.mark.parametrize(
    "minutes, words",
    [
        (0.5, "vừa xong"),
        (5, "5 phút trước"),
        (180, "3 giờ trước"),
        (3 * 24 * 60 + 5, "3 ngày trước"),
    ],
)
def test_an_age_is_said_as_staff_say_it(minutes, words):
    now = timezone.now()
    assert age(now - timedelta(minutes=minutes), now) == words


def test_the_review_queue_shows_each_waiting_item_with_its_age_oldest_first(client, users):
    now = timezone.now()
    author = users[CONTRIBUTOR]
    author.first_name, author.last_name = "Trần Văn", "Bình"
    author.save()
    ArticleFactory(
        title="Tin gửi hôm qua",
        status=ReviewStatus.PENDING,
        submitted_at=now - timedelta(hours=26),
        created_by=author,
    )
    ArticleFactory(
        title="Tin gửi bốn ngày trước",
        status=ReviewStatus.PENDING,
        submitted_at=now - timedelta(days=4, minutes=1),
        created_by=author,
    )
    live = ArticleFactory(title="Tin đang đăng", created_by=author)
    review.hold_change(live, author, {"title": "Tin đang đăng (đã sửa)"})
    PageFactory(title="Trang chờ duyệt", status=ReviewStatus.PENDING, created_by=author)
    ArticleFactory(title="Nháp chưa gửi", status=ReviewStatus.DRAFT, created_by=author)

    desk = desk_of(client_for(client, users[APPROVER]).get("/admin/"))
    articles = desk.boxes["article-waiting"]
    assert [(item.note, item.is_alert) for item in articles.items] == [
        ("gửi 4 ngày trước · Trần Văn Bình", True),
        ("gửi 1 ngày trước · Trần Văn Bình", False),
        ("thay đổi bài đang đăng, gửi vừa xong · Trần Văn Bình", False),
    ]
    assert [item.label for item in articles.items][:2] == [
        "Tin gửi bốn ngày trước",
        "Tin gửi hôm qua",
    ]
    assert [item.label for item in desk.boxes["page-waiting"].items] == ["Trang chờ duyệt"]
    assert 'id="desk-review"' in desk.html
    assert "gửi 4 ngày trước · Trần Văn Bình" in desk.html
    assert "Nháp chưa gửi" not in desk.html.split('id="desk-news"')[0]


def test_a_contributor_sees_only_their_own_items_a_returned_one_in_red(client, users):
    mine = users[CONTRIBUTOR]
    returned = ArticleFactory(title="Tin bị trả lại", status=ReviewStatus.RETURNED, created_by=mine)
    ArticleFactory(title="Tin đang chờ", status=ReviewStatus.PENDING, created_by=mine)
    ArticleFactory(title="Tin của người khác", status=ReviewStatus.PENDING)
    PageFactory(title="Trang của tôi", status=ReviewStatus.DRAFT, created_by=mine)

    desk = desk_of(client_for(client, mine).get("/admin/"))
    assert desk.sections == ["mine"]
    items = {item.label: item for item in desk.boxes["article-mine"].items}
    assert set(items) == {"Tin bị trả lại", "Tin đang chờ"}
    assert items["Tin bị trả lại"].is_alert
    assert items["Tin bị trả lại"].note == "Trả lại · vừa xong"
    assert items["Tin đang chờ"].note.startswith("Chờ duyệt · gửi ")
    assert items["Tin bị trả lại"].url == f"/admin/news/article/{returned.pk}/change/"
    assert not items["Tin đang chờ"].is_alert
    assert [item.label for item in desk.boxes["page-mine"].items] == ["Trang của tôi"]
    assert "Tin của người khác" not in desk.html
