"""The desk on the admin index (issue #16.5): each role's work, in boxes.

A box counts its items, shows the first few and links to the admin list
filtered to exactly those items. Boxes whose list needs more than a field
lookup are built from the very list filter their link opens, so the desk
and the list cannot disagree.

The number of queries does not grow with the data: one query per box,
whose rows carry the box's total as a window count (COUNT(*) OVER (),
worked out before the LIMIT), plus a fixed few for the administrator's
chart, totals and history.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import BooleanField, Case, Count, Prefetch, When, Window
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from reversion.models import Revision, Version

from core import review
from core.models import ReviewStatus, Status
from core.reviewadmin import ReviewQueueFilter
from documents.admin import CurrentValidityFilter, RecentlyIssuedFilter
from documents.models import Document, Validity
from events.models import Event
from gallery.models import Album
from news.admin import CoverFilter, ScheduleFilter
from news.models import Article
from qa.admin import OverdueFilter
from qa.models import Question, QuestionStatus
from sitecontent.models import Page
from visits.models import VisitDay

ITEMS_PER_BOX = 5
CHART_DAYS = 30
RECENT_REVISIONS = 10
# The chart's drawing box, in SVG user units (it scales to its column).
CHART_WIDTH = 600
CHART_HEIGHT = 160
CHART_BAR_GAP = 4
# An item waiting this many days for review is shown in red.
REVIEW_ALERT_DAYS = 3
# The reviewed kinds (core.review), in the order of their boxes.
REVIEWED = [(Article, "Tin bài"), (Page, "Trang thông tin"), (Event, "Sự kiện")]


@dataclass
class Item:
    label: str
    url: str
    note: str = ""
    is_alert: bool = False


@dataclass
class Box:
    title: str
    url: str
    count: int = 0
    items: list = field(default_factory=list)
    key: str = ""


@dataclass
class Section:
    title: str
    key: str
    boxes: list


def local_time(value):
    """10:30 03/12/2026, as staff write a time."""
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"


def changelist_url(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def apply_filter(request, filter_class, value, queryset):
    """`queryset` narrowed by an admin list filter, as its link `?name=value` does."""
    model = queryset.model
    list_filter = filter_class(
        request, {filter_class.parameter_name: [value]}, model, admin.site.get_model_admin(model)
    )
    return list_filter.queryset(request, queryset)


def filter_link(model, filter_class, value):
    return changelist_url(model, **{filter_class.parameter_name: value})


def age(moment, now=None):
    """How long ago, as staff say it: "vừa xong", "5 phút trước",
    "3 giờ trước", "3 ngày trước"."""
    seconds = ((now or timezone.now()) - moment).total_seconds()
    if seconds < 60:
        return "vừa xong"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} phút trước"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} giờ trước"
    return f"{hours // 24} ngày trước"


def person(user):
    return (user.get_full_name() or user.get_username()) if user else "không rõ"


def fill(box, queryset, make_item):
    """The box's first items and, from the same query, its total."""
    rows = list(queryset.annotate(desk_total=Window(Count("pk")))[:ITEMS_PER_BOX])
    box.count = rows[0].desk_total if rows else 0
    box.items = [make_item(row) for row in rows]
    return box


# Editorial review (duyệt bài) ----------------------------------------------------


def review_section(request):
    """Approvers and editors: what waits for review ("Chờ duyệt": items sent
    for review and changes to live items), oldest first. Contributors: their
    own items ("Bài của tôi"), last edited first, a returned one in red.
    One box per reviewed kind the person may edit."""
    user, now = request.user, timezone.now()
    reviewing = any(review.is_reviewer(user, model) for model, _ in REVIEWED)
    boxes = []
    for model, label in REVIEWED:
        if not user.has_perm(review.permission(model, "change")):
            continue
        items = (
            model.objects.select_related("created_by")
            .annotate(
                has_change=Case(
                    When(pending_change__isnull=False, then=True),
                    default=False,
                    output_field=BooleanField(),
                ),
                since=Coalesce("submitted_at", "updated_at"),
            )
            .only(
                "title",
                "status",
                "updated_at",
                "submitted_at",
                "created_by__username",
                "created_by__first_name",
                "created_by__last_name",
            )
        )
        if reviewing:
            value, suffix, order, make = (
                ReviewQueueFilter.WAITING,
                "waiting",
                ("since", "pk"),
                waiting_item(now),
            )
        else:
            value, suffix, order, make = (
                ReviewQueueFilter.MINE,
                "mine",
                ("-updated_at", "-pk"),
                own_item(now),
            )
        box = Box(
            label,
            filter_link(model, ReviewQueueFilter, value),
            key=f"{model._meta.model_name}-{suffix}",
        )
        shown = apply_filter(request, ReviewQueueFilter, value, items).order_by(*order)
        boxes.append(fill(box, shown, make))
    if not boxes:
        return None
    if reviewing:
        return Section("Chờ duyệt", "review", boxes)
    return Section("Bài của tôi", "mine", boxes)


def waiting_item(now):
    def make(obj):
        what = "thay đổi bài đang đăng, gửi" if obj.has_change else "gửi"
        note = f"{what} {age(obj.since, now)} · {person(obj.created_by)}"
        is_late = now - obj.since >= timedelta(days=REVIEW_ALERT_DAYS)
        return Item(obj.title, change_url(obj), note, is_alert=is_late)

    return make


def own_item(now):
    def make(obj):
        state = obj.get_status_display()
        if obj.has_change:
            state = f"{state}, thay đổi chờ duyệt"
        if obj.status == ReviewStatus.PENDING or obj.has_change:
            when = f"gửi {age(obj.since, now)}"
        elif obj.status == ReviewStatus.RETURNED:
            # A transition sets updated_at: when it was returned.
            when = age(obj.updated_at, now)
        else:
            when = f"sửa {age(obj.updated_at, now)}"
        note = f"{state} · {when}"
        return Item(obj.title, change_url(obj), note, is_alert=obj.status == ReviewStatus.RETURNED)

    return make


# Editors (biên tập viên) -------------------------------------------------------


def editor_boxes(request):
    # The cover's width and height too: ImageField reads them when a row loads.
    articles = Article.objects.only(
        "title",
        "status",
        "published_at",
        "updated_at",
        "cover",
        "cover_caption",
        "cover_width",
        "cover_height",
    )
    scheduled = apply_filter(request, ScheduleFilter, ScheduleFilter.SCHEDULED, articles)
    recent = apply_filter(request, ScheduleFilter, ScheduleFilter.RECENT, articles)
    incomplete = apply_filter(request, CoverFilter, CoverFilter.INCOMPLETE, articles)

    def edited(article):
        return Item(article.title, change_url(article), f"sửa lúc {local_time(article.updated_at)}")

    def timed(article):
        return Item(article.title, change_url(article), local_time(article.published_at))

    def cover_note(article):
        note = "chưa có chú thích ảnh" if article.cover else "chưa có ảnh đại diện"
        return Item(article.title, change_url(article), note, is_alert=True)

    return [
        fill(
            Box("Bản nháp", changelist_url(Article, status__exact=Status.DRAFT), key="drafts"),
            articles.filter(status=Status.DRAFT).order_by("-updated_at", "-pk"),
            edited,
        ),
        fill(
            Box(
                "Hẹn giờ đăng",
                filter_link(Article, ScheduleFilter, ScheduleFilter.SCHEDULED),
                key="scheduled",
            ),
            scheduled.order_by("published_at", "pk"),
            timed,
        ),
        fill(
            Box(
                f"Đã đăng trong {ScheduleFilter.RECENT_DAYS} ngày qua",
                filter_link(Article, ScheduleFilter, ScheduleFilter.RECENT),
                key="recent",
            ),
            recent.order_by("-published_at", "-pk"),
            timed,
        ),
        fill(
            Box(
                "Thiếu ảnh đại diện hoặc chú thích ảnh",
                filter_link(Article, CoverFilter, CoverFilter.INCOMPLETE),
                key="covers",
            ),
            incomplete.order_by("-published_at", "-pk"),
            cover_note,
        ),
    ]


# Q&A officers (cán bộ hỏi đáp) ---------------------------------------------------


def due_note(question, today):
    days = question.days_left(today)
    if days is None:
        return "", False
    if days < 0:
        return f"trễ {-days} ngày", True
    if days == 0:
        return "đến hạn hôm nay", True
    return f"hạn {question.due_on:%d/%m/%Y}, còn {days} ngày", False


def qa_boxes(request):
    today = timezone.localdate()
    questions = Question.objects.only("title", "tracking_code", "status", "due_on", "received_at")

    def item(question):
        note, is_alert = due_note(question, today)
        return Item(
            f"{question.tracking_code} – {question.title}", change_url(question), note, is_alert
        )

    def by_status(title, status, key):
        return fill(
            Box(title, changelist_url(Question, status__exact=status), key=key),
            questions.filter(status=status).order_by("due_on", "pk"),
            item,
        )

    def by_due(title, value, key):
        return fill(
            Box(title, filter_link(Question, OverdueFilter, value), key=key),
            apply_filter(request, OverdueFilter, value, questions).order_by("due_on", "pk"),
            item,
        )

    return [
        by_status("Câu hỏi mới", QuestionStatus.NEW, "new"),
        by_status("Đang xử lý", QuestionStatus.IN_PROGRESS, "in-progress"),
        by_due("Quá hạn trả lời", "qua-han", "overdue"),
        by_due("Đến hạn trong tuần này", "trong-tuan", "due-this-week"),
    ]


# Documents clerks (văn thư) ------------------------------------------------------


def document_boxes(request):
    documents = Document.objects.with_validity().only("number", "summary", "issued_on", "slug")
    recent_value = str(RecentlyIssuedFilter.DAYS)

    def issued(document):
        return Item(
            document.number, change_url(document), f"ban hành {document.issued_on:%d/%m/%Y}"
        )

    def expired(document):
        return Item(document.number, change_url(document), Validity.EXPIRED.label, is_alert=True)

    return [
        fill(
            Box(
                f"Ban hành trong {RecentlyIssuedFilter.DAYS} ngày qua",
                filter_link(Document, RecentlyIssuedFilter, recent_value),
                key="issued",
            ),
            apply_filter(request, RecentlyIssuedFilter, recent_value, documents).order_by(
                "-issued_on", "-pk"
            ),
            issued,
        ),
        fill(
            Box(
                "Hết hiệu lực hoặc bị thay thế",
                filter_link(Document, CurrentValidityFilter, Validity.EXPIRED),
                key="expired",
            ),
            apply_filter(request, CurrentValidityFilter, Validity.EXPIRED, documents).order_by(
                "-issued_on", "-pk"
            ),
            expired,
        ),
    ]


# Administrators (quản trị viên) --------------------------------------------------


@dataclass
class Bar:
    day: object
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Chart:
    bars: list
    total: int
    peak: int
    url: str
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT

    @property
    def first_day(self):
        return self.bars[0].day

    @property
    def last_day(self):
        return self.bars[-1].day


def visit_chart(days=CHART_DAYS):
    """The last `days` days' visits as bars, today last; a day without a row is 0."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    counts = dict(
        VisitDay.objects.filter(day__gte=first, day__lte=today).values_list("day", "count")
    )
    peak = max(counts.values(), default=0)
    slot = CHART_WIDTH / days
    bars = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        count = counts.get(day, 0)
        height = round(count / peak * CHART_HEIGHT, 1) if peak else 0
        bars.append(
            Bar(
                day=day,
                count=count,
                x=round(offset * slot + CHART_BAR_GAP / 2, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(slot - CHART_BAR_GAP, 1),
                height=height,
            )
        )
    url = changelist_url(VisitDay, day__gte=first.isoformat(), day__lte=today.isoformat())
    return Chart(bars=bars, total=sum(counts.values()), peak=peak, url=url)


def totals():
    return [
        ("Tin bài", Article.objects.count(), changelist_url(Article)),
        ("Văn bản", Document.objects.count(), changelist_url(Document)),
        ("Câu hỏi", Question.objects.count(), changelist_url(Question)),
        ("Album ảnh", Album.objects.count(), changelist_url(Album)),
    ]


@dataclass
class Change:
    who: str
    when: str
    what: str
    kind: str
    url: str
    comment: str
    others: int


def recent_changes(limit=RECENT_REVISIONS):
    """The last revisions of django-reversion: who, when, and the first object saved."""
    versions = Version.objects.select_related("content_type").order_by("pk")
    revisions = (
        Revision.objects.select_related("user")
        .prefetch_related(Prefetch("version_set", queryset=versions))
        .order_by("-date_created", "-pk")[:limit]
    )
    changes = []
    for revision in revisions:
        saved = list(revision.version_set.all())
        if not saved:
            continue
        version = saved[0]
        model = version.content_type.model_class()
        url = ""
        if model is not None and admin.site.is_registered(model):
            try:
                url = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                    args=[version.object_id],
                )
            except NoReverseMatch:
                url = ""
        user = revision.user
        changes.append(
            Change(
                who=(user.get_full_name() or user.get_username()) if user else "—",
                when=local_time(revision.date_created),
                what=version.object_repr,
                kind=model._meta.verbose_name if model else "",
                url=url,
                comment=revision.get_comment(),
                others=len(saved) - 1,
            )
        )
    return changes


# The desk --------------------------------------------------------------------


def sections(request):
    """The sections the user's permissions open, in a fixed order."""
    user = request.user
    found = []
    queue = review_section(request)
    if queue is not None:
        found.append(queue)
    # Everyone's articles: for those who edit anyone's (a contributor sees
    # only their own, above).
    if user.has_perm("news.change_article") and review.is_reviewer(user, Article):
        found.append(Section("Tin bài", "news", editor_boxes(request)))
    if user.has_perm("qa.change_question"):
        found.append(Section("Hỏi đáp", "qa", qa_boxes(request)))
    if user.has_perm("documents.change_document"):
        found.append(Section("Văn bản", "documents", document_boxes(request)))
    return found


def admin_overview(request):
    """The administrator's chart, totals and history; None for other staff."""
    if not request.user.is_superuser:
        return None
    return {"chart": visit_chart(), "totals": totals(), "changes": recent_changes()}
