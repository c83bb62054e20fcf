"""Benchmark data: a fresh database filled with a realistic amount of content.

    python -m bench.generate --scale small|large|tiny

drops and recreates the scale's database (a SQLite file var/bench-<scale>.sqlite3,
or on PostgreSQL — when DATABASE_URL points there — a database named
<dbname>_bench_<scale>), migrates it, runs seed_demo (site profile, pages,
links, banners, groups, categories…) and bulk-inserts the content.

`fill()` is the part that inserts; it works on whatever database Django's
default connection is, so the tests run it at the tiny scale in the pytest
database. bulk_create() skips save() and signals, so everything save() works
out is computed here the same way: unique slugs, documents' number_key and
search_text, questions' due dates and tracking codes, all-day events' local
midnights, bulletin issues' PDF size and text, and the site-wide search index
rows (search.index.entry_values of each object's search_document()).
"""

import argparse
import contextlib
import dataclasses
import functools
import os
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from core import text

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = BASE_DIR / "var"
POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql", "postgis")

# Files shared by many rows: one upload each, renditions made once.
COVER_NAME = "news/bench/anh-bia-mau.jpg"
PHOTO_NAME = "gallery/bench/anh-mau.jpg"
PDF_NAME = "van-ban/bench/van-ban-mau.pdf"
BULLETIN_COVER_NAME = "ban-tin/bench/bia-mau.jpg"
BULLETIN_PDF_NAME = "ban-tin/bench/ban-tin-mau.pdf"
COVER_SIZE = (600, 400)
PHOTO_SIZE = (1200, 800)
BULLETIN_COVER_SIZE = (420, 594)
# The text layer of the shared bulletin PDF (make_pdf writes it accent-free).
BULLETIN_PDF_LINES = [
    "Ban tin Tri thuc voi khoa hoc va cong nghe.",
    "Hoat dong cua cac hoi thanh vien va tin tuc khoa hoc trong tinh.",
]


@dataclasses.dataclass(frozen=True)
class Scale:
    articles: int
    documents: int
    questions: int
    organizations: int
    albums: int
    photos_per_album: int
    events: int
    bulletin_issues: int
    programmes: int
    # One form per programme, each with fields_per_form fields.
    registration_forms: int
    fields_per_form: int

    def as_dict(self):
        return dataclasses.asdict(self)


SCALES = {
    "large": Scale(100_000, 10_000, 20_000, 300, 500, 20, 5_000, 400, 100, 100, 6),
    "small": Scale(1_000, 100, 200, 3, 5, 20, 50, 4, 3, 3, 6),
    "tiny": Scale(40, 8, 12, 4, 3, 3, 12, 3, 2, 2, 6),
}

# Extra news sub-categories, so articles spread like a real site's
# (slug, name, parent slug from news.demo).
EXTRA_CATEGORIES = [
    ("nong-nghiep", "Nông nghiệp", "tin-tuc-tong-hop"),
    ("y-te-suc-khoe", "Y tế – Sức khỏe", "tin-tuc-tong-hop"),
    ("moi-truong", "Môi trường", "tin-tuc-tong-hop"),
    ("tu-van-phan-bien", "Tư vấn – Phản biện", "tin-hoat-dong-lien-hiep-hoi"),
    ("sang-tao-ky-thuat", "Sáng tạo kỹ thuật", "tin-hoat-dong-lien-hiep-hoi"),
]

NUMBER_SUFFIXES = ["QĐ-UBND", "QĐ-LHH", "KH-LHH", "CV-LHH", "TB-LHH", "CT-TU", "NQ-HĐND"]
BATCH = 500
CHUNK = 2_000


# --- database: URL, creation, Django set-up (no Django import needed) -------


def is_postgres(url):
    return urlsplit(url or "").scheme in POSTGRES_SCHEMES


def bench_database_url(scale, base_url=None):
    """The scale's own database, beside the one DATABASE_URL names."""
    if base_url is None:
        base_url = os.environ.get("DATABASE_URL", "")
    if is_postgres(base_url):
        parts = urlsplit(base_url)
        name = unquote(parts.path.lstrip("/")) or "lhh"
        return urlunsplit(parts._replace(path=f"/{name}_bench_{scale}"))
    return f"sqlite:///{VAR / f'bench-{scale}.sqlite3'}"


def recreate_database(url):
    """Drop and create the database `url` names: empty, nothing left over."""
    if is_postgres(url):
        import psycopg2
        from psycopg2 import sql

        parts = urlsplit(url)
        name = unquote(parts.path.lstrip("/"))
        connection = psycopg2.connect(
            host=parts.hostname or "localhost",
            port=parts.port or 5432,
            user=unquote(parts.username or "") or None,
            password=unquote(parts.password or "") or None,
            dbname="postgres",
        )
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            connection.close()
        return
    path = Path(urlsplit(url).path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def bench_environment(url):
    """Environment of every benchmark process (this one, gunicorn's)."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-not-for-production",
        "DEBUG": "0",
        "HTTPS": "0",
        "STATIC_MANIFEST": "0",
        "MEDIA_ROOT": os.environ.get("BENCH_MEDIA_ROOT", str(VAR / "bench-media")),
        "CACHE_URL": os.environ.get("CACHE_URL") or bench_cache_url(),
        "LOG_LEVEL": "WARNING",
    }


def bench_cache_url():
    """The machine's Redis when it answers (a database of its own), else files."""
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return "redis://127.0.0.1:6379/9"
    except OSError:
        return f"filecache://{VAR / 'bench-cache'}"


def setup_django(url):
    os.environ.update(bench_environment(url))
    import django

    django.setup()


# --- shared files ----------------------------------------------------------


def _jpeg(size, colours, text):
    from io import BytesIO

    from PIL import Image, ImageDraw

    from core.demoimages import font

    image = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        t = y / height
        colour = tuple(int(a + (b - a) * t) for a, b in zip(colours[0], colours[1], strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.text((30, height // 2 - 20), text, font=font(36), fill="white")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _put(name, content):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(content))
    assert saved == name, saved
    return len(content)


def make_shared_files():
    """One cover, one photo, one PDF, one bulletin cover and one bulletin PDF
    that many rows point to; renditions made once."""
    from bulletins.models import Issue
    from documents.demo import make_pdf
    from events.models import Event
    from gallery.models import Photo
    from news.models import Article

    _put(COVER_NAME, _jpeg(COVER_SIZE, ((11, 58, 110), (47, 127, 208)), "Ảnh bìa mẫu"))
    _put(PHOTO_NAME, _jpeg(PHOTO_SIZE, ((20, 90, 50), (90, 170, 90)), "Ảnh hoạt động mẫu"))
    pdf_size = _put(
        PDF_NAME,
        make_pdf(["Van ban mau cho benchmark.", "Noi dung chu duoc luu trong CSDL."], "Van ban"),
    )
    _put(
        BULLETIN_COVER_NAME,
        _jpeg(BULLETIN_COVER_SIZE, ((140, 30, 25), (230, 120, 40)), "Bản tin mẫu"),
    )
    _put(BULLETIN_PDF_NAME, make_pdf(BULLETIN_PDF_LINES, "Ban tin"))
    article, photo = Article(cover=COVER_NAME), Photo(image=PHOTO_NAME)
    event, issue = Event(cover=COVER_NAME), Issue(cover=BULLETIN_COVER_NAME)
    for rendition in (
        article.cover_card,
        article.cover_large,
        photo.thumbnail,
        photo.card,
        photo.large,
        event.cover_card,
        event.cover_large,
        issue.cover_card,
        issue.cover_large,
    ):
        # The source was just replaced: make its renditions again, same names.
        if rendition.storage.exists(rendition.name):
            rendition.storage.delete(rendition.name)
        rendition.generate()
    return pdf_size


# --- helpers -----------------------------------------------------------------


class Slugs:
    """Unique slugs, deterministic: the first keeps the base, then -2, -3…"""

    def __init__(self, taken=()):
        self.taken = set(taken)
        self.next = {}

    def make(self, value, max_length=200):
        from core.text import vn_slugify

        base = vn_slugify(value, max_length=max_length - 7) or "muc"
        slug, n = base, self.next.get(base, 2)
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.next[base] = n
        self.taken.add(slug)
        return slug


def _progress(total, desc, enabled):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" rows", disable=not enabled, mininterval=0.5)


def _chunks(total, size=CHUNK):
    for start in range(0, total, size):
        yield start, min(size, total - start)


def _search_entries(objects, documents=None):
    """SearchEntry rows for saved objects, as search.index.index_object would store them."""
    from django.contrib.contenttypes.models import ContentType

    from search import registry
    from search.index import entry_values
    from search.models import SearchEntry

    rows = []
    for index, obj in enumerate(objects):
        document = documents[index] if documents is not None else obj.search_document()
        if document is None:
            continue
        content_type = ContentType.objects.get_for_model(type(obj))
        values = entry_values(registry.kind_of(type(obj)).slug, document)
        rows.append(SearchEntry(content_type=content_type, object_id=obj.pk, **values))
    SearchEntry.objects.bulk_create(rows, batch_size=BATCH)


def _random_moment(rng, now, days_back):
    return now - timedelta(seconds=rng.randint(0, days_back * 86400))


# The real fold, kept before fast_folding() puts fold_by_words in its place.
_fold_word = functools.lru_cache(maxsize=200_000)(text.fold)


def fold_by_words(value):
    """core.text.fold, word by word through a cache: the same result, since
    folding works character by character and accents never cross a space;
    generated text reuses a small vocabulary, so this is many times faster."""
    return " ".join(_fold_word(word) for word in (value or "").split(" "))


@contextlib.contextmanager
def fast_folding():
    """Let search.index.entry_values() fold through the word cache (it folds
    with core.text.folded, which calls core.text.fold)."""
    original = text.fold
    text.fold = fold_by_words
    try:
        yield
    finally:
        text.fold = original


class PostgresSearchIndexes:
    """Drop the trigram indexes of the search table while rows pour in,
    recreate them after: one index build is much faster than 100,000 updates."""

    def __init__(self):
        from django.db import connection

        self.connection = connection
        self.definitions = []
        # Inside a transaction (the tests' database) PostgreSQL refuses to
        # build an index on a table with deferred constraint checks pending;
        # there the rows are few and the indexes stay.
        self.enabled = connection.vendor == "postgresql" and not connection.in_atomic_block

    def __enter__(self):
        from search.models import SearchEntry

        if not self.enabled:
            return self
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE tablename = %s AND indexdef ILIKE '%%gin%%'",
                [SearchEntry._meta.db_table],
            )
            self.definitions = cursor.fetchall()
            for name, _ in self.definitions:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        return self

    def __exit__(self, *exc):
        if not self.enabled or exc[0] is not None:
            return
        with self.connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _, definition in self.definitions:
                cursor.execute(definition)


# --- content -----------------------------------------------------------------


def fill(scale, *, progress=True, seed=9, now=None):
    """Insert `scale`'s content into the default database (migrated, seed_demo run).

    Returns what was created: {"articles": {"created": n, "published": p}, …},
    "published" counting the rows `published()` returns.
    """
    from django.db import connection
    from django.utils import timezone

    now = now or timezone.now()
    summary = {}
    make_shared_files()
    with PostgresSearchIndexes(), fast_folding():
        summary["articles"] = _articles(scale, random.Random(f"{seed}-articles"), now, progress)
        summary["organizations"] = _organizations(
            scale, random.Random(f"{seed}-organizations"), progress
        )
        summary["documents"] = _documents(scale, random.Random(f"{seed}-documents"), now, progress)
        summary["questions"] = _questions(scale, random.Random(f"{seed}-questions"), now, progress)
        summary["registration_forms"] = _registration_forms(
            scale, random.Random(f"{seed}-forms"), now, progress
        )
        summary["programmes"] = _programmes(
            scale, random.Random(f"{seed}-programmes"), now, progress
        )
        summary["events"] = _events(scale, random.Random(f"{seed}-events"), now, progress)
        summary["bulletin_issues"] = _bulletin_issues(
            scale, random.Random(f"{seed}-bulletins"), now, progress
        )
    summary["albums"] = _albums(scale, random.Random(f"{seed}-albums"), now, progress)
    # Fresh statistics and visibility map, as autovacuum would leave them on
    # a live site (index-only scans, such as list counts, depend on it).
    # VACUUM cannot run inside a transaction (the tests' tiny scale).
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
    return summary


def _categories():
    from news.models import Category

    parents = {c.slug: c for c in Category.objects.all()}
    for order, (slug, name, parent_slug) in enumerate(EXTRA_CATEGORIES, start=10):
        if slug not in parents:
            parents[slug] = Category.objects.create(
                slug=slug, name=name, parent=parents.get(parent_slug), order=order
            )
    return list(Category.objects.select_related("parent").order_by("pk"))


def _articles(scale, rng, now, progress):
    from core.models import Status
    from news.models import Article

    from . import vntext

    categories = _categories()
    notices = [c for c in categories if c.is_notice]
    regular = [c for c in categories if not c.is_notice]
    slugs = Slugs(Article.objects.values_list("slug", flat=True))
    created = published = 0
    bar = _progress(scale.articles, "articles", progress)
    for _start, size in _chunks(scale.articles):
        articles = []
        for _ in range(size):
            roll = rng.random()
            # 92 % published, 4 % drafts, 4 % scheduled for the coming weeks.
            if roll < 0.04:
                status, at = Status.DRAFT, _random_moment(rng, now, 60)
            elif roll < 0.08:
                status, at = Status.PUBLISHED, now + timedelta(hours=rng.randint(1, 24 * 30))
            else:
                status, at = Status.PUBLISHED, _random_moment(rng, now, 10 * 365)
            category = rng.choice(notices) if notices and rng.random() < 0.05 else None
            category = category or rng.choice(regular)
            title = vntext.title(rng, year=at.year)
            has_cover = rng.random() < 0.3
            articles.append(
                Article(
                    title=title,
                    slug=slugs.make(title),
                    category=category,
                    summary=vntext.summary(rng),
                    body=vntext.body_html(rng),
                    cover=COVER_NAME if has_cover else "",
                    cover_width=COVER_SIZE[0] if has_cover else None,
                    cover_height=COVER_SIZE[1] if has_cover else None,
                    cover_caption="Quang cảnh hội nghị" if has_cover else "",
                    author=rng.choice(["NTC", "PV", "Văn phòng Liên hiệp Hội", "Minh Đức"]),
                    is_featured=has_cover and rng.random() < 0.1,
                    view_count=rng.randint(0, 5000),
                    status=status,
                    published_at=at,
                )
            )
            published += status == Status.PUBLISHED and at <= now
        Article.objects.bulk_create(articles, batch_size=BATCH)
        _search_entries(articles)
        created += size
        bar.update(size)
    bar.close()
    return {"created": created, "published": published}


def _organizations(scale, rng, progress):
    from members.models import Field, Organization, OrganizationGroup

    from . import vntext

    groups = list(OrganizationGroup.objects.order_by("order", "pk"))
    fields = list(Field.objects.order_by("pk"))
    slugs = Slugs(Organization.objects.values_list("slug", flat=True))
    kinds = ["Hội", "Câu lạc bộ", "Trung tâm", "Viện", "Hội đồng"]
    organizations = []
    active = 0
    bar = _progress(scale.organizations, "organizations", progress)
    for index in range(scale.organizations):
        name = (
            f"{rng.choice(kinds)} {rng.choice(vntext.TITLE_TOPICS)} "
            f"{rng.choice(vntext.PLACES)} số {index + 1}"
        )
        is_active = rng.random() < 0.95
        active += is_active
        organizations.append(
            Organization(
                name=name,
                slug=slugs.make(name),
                short_name=f"TC{index + 1}",
                group=rng.choice(groups),
                leader_name=vntext.person(rng),
                leader_title=rng.choice(["Chủ tịch", "Giám đốc", "Viện trưởng"]),
                member_count=rng.choice([None, rng.randint(20, 3000)]),
                address=f"{rng.randint(1, 200)} Trần Phú, {rng.choice(vntext.PLACES)}",
                phone=f"0263 {rng.randint(3000000, 3999999)}",
                email=f"lienhe{index + 1}@example.vn",
                website=f"https://to-chuc-{index + 1}.example.vn",
                description=vntext.body_html(rng, 80, 200),
                order=100 + index,
                is_active=is_active,
            )
        )
    Organization.objects.bulk_create(organizations, batch_size=BATCH)
    if fields:
        Through = Organization.fields.through
        Through.objects.bulk_create(
            [
                Through(organization_id=o.pk, field_id=f.pk)
                for o in organizations
                for f in rng.sample(fields, k=min(2, len(fields)))
            ],
            batch_size=BATCH,
        )
    for organization in organizations:
        # get_absolute_url reads the group's slug: already on the object.
        organization.group = next(g for g in groups if g.pk == organization.group_id)
    _search_entries(organizations)
    bar.update(len(organizations))
    bar.close()
    return {"created": len(organizations), "published": active}


def _documents(scale, rng, now, progress):
    from core.models import Status
    from documents.models import Document, DocumentFile, DocumentType, Field, Issuer, Validity
    from documents.text import padded_words

    from . import vntext

    types = list(DocumentType.objects.order_by("order", "pk"))
    issuers = list(Issuer.objects.order_by("order", "pk"))
    fields = list(Field.objects.order_by("pk"))
    pdf_size = Path(_media_path(PDF_NAME)).stat().st_size
    slugs = Slugs(Document.objects.values_list("slug", flat=True))
    today = now.date()
    created = published = 0
    earlier = []
    bar = _progress(scale.documents, "documents", progress)
    for _start, size in _chunks(scale.documents):
        documents, files, search_documents = [], [], []
        for _ in range(size):
            issued_on = today - timedelta(days=rng.randint(0, 20 * 365))
            number = f"{rng.randint(1, 3000)}/{rng.choice(NUMBER_SUFFIXES)}"
            summary = vntext.summary(rng)
            signer = vntext.person(rng)
            text = (
                f"Căn cứ Quyết định số {rng.randint(1, 3000)}/QĐ-UBND ngày "
                f"{issued_on:%d/%m/%Y}.\n" + vntext.plain_text(rng, 150, 400)
            )
            status = Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT
            published_at = timezone_combine(issued_on)
            document = Document(
                number=number,
                number_key=padded_words(number),
                issued_on=issued_on,
                summary=summary,
                type=rng.choice(types),
                issuer=rng.choice(issuers),
                signer=signer,
                effective_on=issued_on + timedelta(days=rng.choice([0, 0, 10, 45])),
                validity=Validity.IN_FORCE if rng.random() < 0.9 else Validity.EXPIRED,
                status=status,
                published_at=published_at,
                search_text=padded_words(" ".join([number, summary, signer, text])),
            )
            slug_source = f"{number} {issued_on.year}"
            document.slug = slugs.make(slug_source)
            # search_document() reads the files from the database once the
            # document has a primary key: take it now, add the file text.
            entry = document.search_document()
            entry["body"] = " ".join([signer, text])
            search_documents.append(entry)
            documents.append(document)
            files.append(
                DocumentFile(
                    file=PDF_NAME,
                    original_name=f"{document.slug}.pdf",
                    kind="pdf",
                    size=pdf_size,
                    text=text,
                    has_text_layer=True,
                    order=0,
                    uploaded_at=published_at,
                )
            )
            published += status == Status.PUBLISHED and published_at <= now
        Document.objects.bulk_create(documents, batch_size=BATCH)
        for document, document_file in zip(documents, files, strict=True):
            document_file.document = document
        DocumentFile.objects.bulk_create(files, batch_size=BATCH)
        if fields:
            Through = Document.fields.through
            Through.objects.bulk_create(
                [Through(document_id=d.pk, field_id=rng.choice(fields).pk) for d in documents],
                batch_size=BATCH,
            )
        # A few documents replace or amend an older one.
        replaces, amends = Document.replaces.through, Document.amends.through
        replace_rows, amend_rows = [], []
        for document in documents:
            if earlier and rng.random() < 0.03:
                replace_rows.append(
                    replaces(from_document_id=document.pk, to_document_id=rng.choice(earlier))
                )
            elif earlier and rng.random() < 0.03:
                amend_rows.append(
                    amends(from_document_id=document.pk, to_document_id=rng.choice(earlier))
                )
        replaces.objects.bulk_create(replace_rows, batch_size=BATCH, ignore_conflicts=True)
        amends.objects.bulk_create(amend_rows, batch_size=BATCH, ignore_conflicts=True)
        earlier.extend(d.pk for d in documents)
        _search_entries(documents, search_documents)
        created += size
        bar.update(size)
    bar.close()
    return {"created": created, "published": published}


def timezone_combine(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=8)))


def _media_path(name):
    from django.core.files.storage import default_storage

    return default_storage.path(name)


def _questions(scale, rng, now, progress):
    from django.utils import timezone

    from core.text import vn_slugify
    from qa.models import (
        DUE_WORKING_DAYS,
        TRACKING_ALPHABET,
        TRACKING_CODE_LENGTH,
        Question,
        QuestionStatus,
        Topic,
        WorkCalendar,
        add_working_days,
    )

    from . import vntext

    topics = list(Topic.objects.order_by("order", "pk"))
    calendar = WorkCalendar.load()
    codes = set(Question.objects.values_list("tracking_code", flat=True))
    others = [
        (QuestionStatus.ANSWERED, 0.4),
        (QuestionStatus.NEW, 0.2),
        (QuestionStatus.IN_PROGRESS, 0.2),
        (QuestionStatus.REJECTED, 0.1),
        (QuestionStatus.SPAM, 0.1),
    ]
    created = published = 0
    bar = _progress(scale.questions, "questions", progress)
    for start, size in _chunks(scale.questions):
        questions = []
        for index in range(start, start + size):
            code = ""
            while not code or code in codes:
                code = "".join(rng.choice(TRACKING_ALPHABET) for _ in range(TRACKING_CODE_LENGTH))
            codes.add(code)
            received_at = _random_moment(rng, now - timedelta(days=2), 6 * 365)
            # Exactly half are published as FAQ (every other one).
            is_faq = index % 2 == 0
            if is_faq:
                status = QuestionStatus.ANSWERED
            else:
                status = rng.choices([s for s, _ in others], [w for _, w in others])[0]
            answered = status == QuestionStatus.ANSWERED
            answered_at = received_at + timedelta(hours=rng.randint(2, 48)) if answered else None
            title = vntext.question_title(rng)
            questions.append(
                Question(
                    asker_name=vntext.person(rng),
                    email=f"nguoihoi{index}@example.vn",
                    topic=rng.choice(topics),
                    title=title,
                    slug=vn_slugify(title, max_length=200) or "cau-hoi",
                    body=vntext.plain_text(rng, 40, 120),
                    received_at=received_at,
                    tracking_code=code,
                    status=status,
                    answer=vntext.body_html(rng, 60, 200) if answered else "",
                    answered_at=answered_at,
                    is_published_as_faq=is_faq,
                    published_at=answered_at if is_faq else None,
                    due_on=add_working_days(
                        timezone.localdate(received_at), DUE_WORKING_DAYS, calendar
                    ),
                    is_email_sent=answered,
                )
            )
            published += is_faq
        Question.objects.bulk_create(questions, batch_size=BATCH)
        _search_entries(questions)
        created += size
        bar.update(size)
    bar.close()
    return {"created": created, "published": published}


def _albums(scale, rng, now, progress):
    from core.models import Status
    from gallery.models import Album, Photo
    from news.models import Article

    from . import vntext

    slugs = Slugs(Album.objects.values_list("slug", flat=True))
    article_ids = list(
        Article.objects.published().order_by("pk").values_list("pk", flat=True)[:5000]
    )
    albums, published = [], 0
    bar = _progress(scale.albums * (scale.photos_per_album + 1), "albums+photos", progress)
    for _ in range(scale.albums):
        at = _random_moment(rng, now, 8 * 365)
        status = Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT
        published += status == Status.PUBLISHED
        title = f"Ảnh: {vntext.title(rng, year=at.year)}"
        albums.append(
            Album(
                title=title,
                slug=slugs.make(title),
                description=vntext.summary(rng),
                event_on=at.date(),
                article_id=rng.choice(article_ids) if article_ids and rng.random() < 0.2 else None,
                status=status,
                published_at=at,
            )
        )
    Album.objects.bulk_create(albums, batch_size=BATCH)
    bar.update(len(albums))
    photos = []
    for album in albums:
        for index in range(scale.photos_per_album):
            photos.append(
                Photo(
                    album=album,
                    image=PHOTO_NAME,
                    caption=f"{rng.choice(vntext.SUBJECTS).capitalize()} tại sự kiện",
                    order=index + 1,
                    uploaded_at=album.published_at,
                    width=PHOTO_SIZE[0],
                    height=PHOTO_SIZE[1],
                )
            )
    for start in range(0, len(photos), CHUNK):
        Photo.objects.bulk_create(photos[start : start + CHUNK], batch_size=BATCH)
        bar.update(len(photos[start : start + CHUNK]))
    first = {}
    for photo in photos:
        first.setdefault(photo.album_id, photo.pk)
    for album in albums:
        album.cover_id = first.get(album.pk)
    Album.objects.bulk_update(albums, ["cover"], batch_size=BATCH)
    bar.close()
    return {"created": len(albums), "published": published, "photos": len(photos)}


# Registration forms close from three years ago to three months ahead.
FORMS_FIRST_DAY = -3 * 365
FORMS_SPAN_DAYS = 3 * 365 + 90
FORMS_JITTER_DAYS = 10


def _registration_forms(scale, rng, now, progress):
    from registrations.demo import FIELDS
    from registrations.models import FormField, RegistrationForm

    from . import vntext

    slugs = Slugs(RegistrationForm.objects.values_list("slug", flat=True))
    total = scale.registration_forms * (scale.fields_per_form + 1)
    bar = _progress(total, "registration forms+fields", progress)
    forms, accepting = [], 0
    for index in range(scale.registration_forms):
        kind = rng.choice(["Hội thi", "Giải thưởng"])
        title = f"Đăng ký dự {kind} {rng.choice(vntext.TITLE_TOPICS)} lần thứ {index + 1}"
        # One round after another over three years: most forms closed with
        # their round, the last ones (at least the very last) still open.
        closes_in = FORMS_FIRST_DAY + (index + 1) * FORMS_SPAN_DAYS // scale.registration_forms
        closes_at = now + timedelta(
            days=closes_in + rng.randint(-FORMS_JITTER_DAYS, FORMS_JITTER_DAYS),
            hours=rng.randint(0, 23),
        )
        is_open = closes_at > now or rng.random() < 0.9
        accepting += is_open and closes_at > now
        forms.append(
            RegistrationForm(
                title=title,
                slug=slugs.make(title),
                intro=vntext.plain_text(rng, 30, 80),
                capacity=rng.choice([None, 100, 200, 500]),
                closes_at=closes_at,
                is_open=is_open,
            )
        )
    RegistrationForm.objects.bulk_create(forms, batch_size=BATCH)
    bar.update(len(forms))
    # The demo form's fields: one of every kind (text, phone, date, choice,
    # email, file), as many as the scale asks for.
    fields = [
        FormField(
            form=form,
            label=label,
            kind=kind,
            is_required=required,
            help_text=help_text,
            options=options,
            position=position,
        )
        for form in forms
        for position, (label, kind, required, help_text, options) in (
            (n + 1, FIELDS[n % len(FIELDS)]) for n in range(scale.fields_per_form)
        )
    ]
    FormField.objects.bulk_create(fields, batch_size=BATCH)
    bar.update(len(fields))
    bar.close()
    return {"created": len(forms), "accepting": accepting, "fields": len(fields)}


def _programmes(scale, rng, now, progress):
    from django.utils import timezone

    from contests.models import Programme, ProgrammeKind
    from core.models import Status
    from registrations.models import RegistrationForm

    from . import vntext

    # The forms _registration_forms() just made, one per programme.
    forms = list(RegistrationForm.objects.order_by("-pk")[: scale.registration_forms])[::-1]
    slugs = Slugs(Programme.objects.values_list("slug", flat=True))
    today = timezone.localdate(now)
    programmes, published = [], 0
    bar = _progress(scale.programmes, "programmes", progress)
    for index in range(scale.programmes):
        form = forms[index] if index < len(forms) else None
        if form is not None:
            deadline = timezone.localdate(form.closes_at)
        else:
            deadline = today + timedelta(days=rng.randint(-3 * 365, 180))
        opens_on = deadline - timedelta(days=rng.randint(60, 120))
        judging_on = deadline + timedelta(days=rng.randint(20, 40))
        ceremony_on = judging_on + timedelta(days=rng.randint(10, 30))
        kind = rng.choice([ProgrammeKind.CONTEST, ProgrammeKind.AWARD])
        head = "Hội thi" if kind == ProgrammeKind.CONTEST else "Giải thưởng"
        title = (
            f"{head} {rng.choice(vntext.TITLE_TOPICS)} {rng.choice(vntext.PLACES)} "
            f"lần thứ {index + 1}"
        )
        is_over = ceremony_on < today
        status = Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT
        published_at = min(timezone_combine(opens_on), now - timedelta(hours=1))
        published += status == Status.PUBLISHED
        programmes.append(
            Programme(
                title=title,
                slug=slugs.make(title),
                kind=kind,
                round_label=f"Lần thứ {index + 1} ({opens_on.year}–{ceremony_on.year})",
                year=opens_on.year,
                summary=vntext.summary(rng),
                rules=vntext.body_html(rng, 150, 400),
                opens_on=opens_on,
                deadline_on=deadline,
                judging_on=judging_on,
                ceremony_on=ceremony_on,
                registration_form=form,
                results=vntext.body_html(rng, 60, 150) if is_over else "",
                is_results_published=is_over,
                status=status,
                published_at=published_at,
            )
        )
    Programme.objects.bulk_create(programmes, batch_size=BATCH)
    _search_entries(programmes)
    bar.update(len(programmes))
    bar.close()
    return {"created": len(programmes), "published": published}


def _events(scale, rng, now, progress):
    from datetime import time as clock

    from django.utils import timezone

    from core.models import Status
    from events.models import RESERVED_SLUGS, Event
    from members.models import Organization

    from . import vntext

    organizations = list(Organization.objects.active().order_by("pk").values_list("pk", flat=True))
    slugs = Slugs(Event.objects.values_list("slug", flat=True))
    zone = timezone.get_current_timezone()
    today = timezone.localdate(now)
    created = published = all_day = 0
    bar = _progress(scale.events, "events", progress)
    for _start, size in _chunks(scale.events):
        events = []
        for _ in range(size):
            # Spread over three years either side of today.
            day = today + timedelta(days=rng.randint(-3 * 365, 3 * 365))
            # Most last a few hours of one day; some two or three days.
            length = rng.choice([0, 0, 0, 0, 0, 0, 0, 0, 1, 2])
            is_all_day = rng.random() < 0.2
            starts_at = datetime.combine(
                day, clock(rng.choice([7, 8, 9, 13, 14]), rng.choice([0, 30])), tzinfo=zone
            )
            ends_at = starts_at + timedelta(days=length, hours=rng.randint(2, 8))
            title = vntext.title(rng, year=day.year)
            slug = slugs.make(title)
            if slug in RESERVED_SLUGS:
                slug = slugs.make(f"su kien {slug}")
            organization_id = (
                rng.choice(organizations) if organizations and rng.random() < 0.4 else None
            )
            has_cover = rng.random() < 0.3
            status = Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT
            # Announced some weeks before it starts, never later than now.
            published_at = min(
                starts_at - timedelta(days=rng.randint(7, 60)),
                now - timedelta(hours=rng.randint(1, 72)),
            )
            event = Event(
                title=title,
                slug=slug,
                starts_at=starts_at,
                ends_at=ends_at,
                is_all_day=is_all_day,
                place=f"Hội trường {rng.choice(['A', 'B', 'C'])}, {rng.choice(vntext.PLACES)}",
                organization_id=organization_id,
                organiser_name=(
                    "" if organization_id else "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"
                ),
                summary=vntext.summary(rng),
                body=vntext.body_html(rng, 100, 300),
                cover=COVER_NAME if has_cover else "",
                cover_width=COVER_SIZE[0] if has_cover else None,
                cover_height=COVER_SIZE[1] if has_cover else None,
                cover_caption="Quang cảnh sự kiện" if has_cover else "",
                registration_url=(
                    f"https://dang-ky.example.vn/{slug}" if rng.random() < 0.1 else ""
                ),
                status=status,
                published_at=published_at,
            )
            if is_all_day:
                # What save() does: local midnight of the first and last day.
                event.starts_at, event.ends_at = event.day_bounds()
            events.append(event)
            all_day += is_all_day
            published += status == Status.PUBLISHED and published_at <= now
        Event.objects.bulk_create(events, batch_size=BATCH)
        _search_entries(events)
        created += size
        bar.update(size)
    bar.close()
    return {"created": created, "published": published, "all_day": all_day}


def _bulletin_issues(scale, rng, now, progress):
    from django.utils import timezone

    from bulletins.demo import SERIES
    from bulletins.models import ContentsEntry, Issue, Series
    from core.models import Status
    from news.models import Article

    from . import vntext

    # One series: the demo's (its issues keep their numbers).
    series, _ = Series.objects.get_or_create(name=SERIES)
    pdf_size = Path(_media_path(BULLETIN_PDF_NAME)).stat().st_size
    slugs = Slugs(Issue.objects.values_list("slug", flat=True))
    taken = set(Issue.objects.filter(series=series).values_list("year", "number"))
    article_ids = list(
        Article.objects.published().order_by("pk").values_list("pk", flat=True)[:5000]
    )
    today = timezone.localdate(now)
    # Twice a month back from today, numbered from 1 in each year.
    dates = sorted(today - timedelta(days=15 * index) for index in range(scale.bulletin_issues))
    issues, contents, search_documents, published = [], [], [], 0
    bar = _progress(scale.bulletin_issues, "bulletin issues", progress)
    next_number = {}
    for issued_on in dates:
        number = next_number.get(issued_on.year, 1)
        while (issued_on.year, number) in taken:
            number += 1
        next_number[issued_on.year] = number + 1
        taken.add((issued_on.year, number))
        status = Status.PUBLISHED if rng.random() < 0.95 else Status.DRAFT
        published_at = timezone_combine(issued_on)
        published += status == Status.PUBLISHED and published_at <= now
        text = vntext.plain_text(rng, 300, 800)
        issue = Issue(
            series=series,
            number=number,
            year=issued_on.year,
            issued_on=issued_on,
            title=rng.choice(vntext.TITLE_TOPICS).capitalize(),
            summary=vntext.summary(rng),
            cover=BULLETIN_COVER_NAME,
            cover_width=BULLETIN_COVER_SIZE[0],
            cover_height=BULLETIN_COVER_SIZE[1],
            pdf=BULLETIN_PDF_NAME,
            pdf_size=pdf_size,
            pdf_text=text,
            has_text_layer=True,
            status=status,
            published_at=published_at,
        )
        issue.slug = slugs.make(issue.slug_source())
        issue.pdf_name = f"{issue.slug}.pdf"
        titles = [vntext.title(rng) for _ in range(4)]
        contents.append(
            [
                ContentsEntry(
                    title=title,
                    page=2 + 4 * order,
                    article_id=(
                        rng.choice(article_ids) if article_ids and rng.random() < 0.3 else None
                    ),
                    order=order + 1,
                )
                for order, title in enumerate(titles)
            ]
        )
        # search_document() reads the contents from the database once the
        # issue has a primary key: take it now, add their titles.
        entry = issue.search_document()
        entry["body"] = " ".join([issue.summary, *titles, text])
        search_documents.append(entry)
        issues.append(issue)
    Issue.objects.bulk_create(issues, batch_size=BATCH)
    entries = []
    for issue, rows in zip(issues, contents, strict=True):
        for row in rows:
            row.issue = issue
            entries.append(row)
    ContentsEntry.objects.bulk_create(entries, batch_size=BATCH)
    _search_entries(issues, search_documents)
    bar.update(len(issues))
    bar.close()
    return {"created": len(issues), "published": published, "contents": len(entries)}


# --- command line --------------------------------------------------------------


def generate(scale_name, *, progress=True):
    """Fresh database for `scale_name`, migrated, seeded and filled; returns fill()'s summary."""
    url = bench_database_url(scale_name)
    recreate_database(url)
    setup_django(url)
    from django.core.management import call_command

    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", verbosity=0)
    summary = fill(SCALES[scale_name], progress=progress)
    summary["seconds"] = round(time.monotonic() - started, 1)
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fill a fresh benchmark database.")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    summary = generate(args.scale, progress=not args.quiet)
    print(f"{args.scale}: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
