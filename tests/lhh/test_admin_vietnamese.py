"""The admin speaks Vietnamese to every role, with no English left showing.

The English messages come from the libraries themselves, not from a list
written here: every msgid of the admin's, auth's, contenttypes', axes' and
django-reversion's `.po` files (their `en` catalogue, the source one, when
they ship it; otherwise every language's, since a library's translations
lag behind its code), plus the strings their Python code marks for
translation (read with `ast`), so a message newer than the catalogues is
checked too. The admin pages are rendered as the superuser and as a member
of each staff group (lhh.groups), and the page's visible text, its title
and its aria-label/title/alt/placeholder attributes and button labels must
contain none of those messages in English.

Which messages count (a rule, not a list):
- placeholders (`%(name)s`, `%s`, `{}`) match any text and HTML tags in a
  msgid are dropped, as the page shows it;
- a message of two words or more is found anywhere in a piece of text;
- a one-word message ("History", "Filter") only when it is a whole piece of
  text (a link, a button, a heading), as a word inside a sentence or a URL
  is not the message; shorter than four letters ("Go", "and", "Sat"),
  an acronym or a word with digits ("URL", "IPv4") it is not checked, as
  Vietnamese writes those the same or they are too ambiguous to tell;
- a message the library's own Vietnamese catalogue leaves as it is ("Email")
  is Vietnamese too.
The JavaScript messages (djangojs: the two-list permission picker, the
calendar) are drawn by the browser, so the catalogue the admin serves to it
(/admin/jsi18n/) must translate each of them instead.
"""

import ast
import json
import re
from functools import cache
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path

import pytest
import reversion
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from lhh.groups import STAFF_GROUPS
from sitecontent.models import SiteProfile
from tests.documents.factories import DocumentFileFactory, FieldFactory
from tests.gallery.factories import PhotoFactory
from tests.members.factories import FieldFactory as MemberFieldFactory
from tests.members.factories import OrganizationFactory
from tests.news.factories import ArticleFactory
from tests.qa.factories import AnsweredQuestionFactory
from tests.sitecontent.factories import BannerFactory, LinkFactory, PageFactory
from visits.models import VisitDay

pytestmark = pytest.mark.django_db

PACKAGES = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "axes",
    "reversion",
]
GETTEXT_FUNCTIONS = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
    "npgettext_lazy": 1,
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W_]+")
PASSWORD = "mat-khau-thu-nghiem"


# --- the English messages -------------------------------------------------


def po_entries(path):
    """The entries of a .po file as {"msgctxt": …, "msgid": …, "msgid_plural": …}."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, field = {}, None
        for line in block.splitlines():
            keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if keyword:
                field = keyword[1]
                entry[field] = ast.literal_eval(keyword[2])
            elif line.startswith('"') and field:
                entry[field] += ast.literal_eval(line)
            else:
                field = None  # a comment, or an obsolete "#~" entry
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def source_strings(folder):
    """The string literals a package's Python code passes to gettext and its kin."""
    strings = []
    for path in folder.rglob("*.py"):
        if "migrations" in path.parts or "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_bytes())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in GETTEXT_FUNCTIONS:
                continue
            for arg in node.args[GETTEXT_FUNCTIONS[name] :][:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    strings.append(arg.value)
    return strings


def catalogue_files(folder, domain):
    source = folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    if source.exists():
        return [source]
    return sorted(folder.glob(f"locale/*/LC_MESSAGES/{domain}.po"))


def package_folder(package):
    return Path(find_spec(package).origin).parent


@cache
def english_messages():
    """{msgid: pattern} for every message of PACKAGES worth looking for."""
    messages = {}
    for package in PACKAGES:
        folder = package_folder(package)
        strings = source_strings(folder)
        for path in catalogue_files(folder, "django"):
            for entry in po_entries(path):
                strings += [entry["msgid"], entry.get("msgid_plural", "")]
        vietnamese = folder / "locale" / "vi" / "LC_MESSAGES" / "django.po"
        if vietnamese.exists():
            same = {e["msgid"] for e in po_entries(vietnamese) if e.get("msgstr") == e["msgid"]}
            strings = [string for string in strings if string not in same]
        for msgid in filter(None, strings):
            pattern = message_pattern(msgid)
            if pattern:
                messages[msgid] = pattern
    return messages


def message_pattern(msgid):
    """(regular expression, whether it must be the whole piece of text), or None."""
    text = " ".join(TAG.sub("", msgid).replace("&amp;", "&").split())
    pieces = PLACEHOLDER.split(text)
    words = WORD.findall(" ".join(pieces))
    if not words:
        return None
    body = ".+?".join(re.escape(piece) for piece in pieces)
    if len(words) >= 2:
        return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), False
    word = words[0]
    if len(word) < 4 or word.isupper() or not word.isalpha() or not word[1:].islower():
        return None
    return re.compile(rf"{body}[:?]?", re.IGNORECASE), True


# --- what a page shows ------------------------------------------------------

INLINE_TAGS = {"a", "abbr", "b", "code", "em", "i", "kbd", "small", "span", "strong", "time"}
HIDDEN_TAGS = {"script", "style"}
READ_ATTRIBUTES = {"title", "aria-label", "aria-description", "alt", "placeholder"}
BUTTON_TYPES = {"submit", "button", "reset"}


class ShownText(HTMLParser):
    """The pieces of text a page shows or reads out, split where blocks split."""

    def __init__(self):
        super().__init__()
        self.pieces, self.current, self.hidden = [], [], 0

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.pieces.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        if tag not in INLINE_TAGS:
            self.flush()
        for name in READ_ATTRIBUTES & attributes.keys():
            self.pieces.append(" ".join((attributes[name] or "").split()))
        if tag == "input" and attributes.get("type") in BUTTON_TYPES:
            self.pieces.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS:
            self.hidden -= 1
        if tag not in INLINE_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)


def shown_text(html):
    parser = ShownText()
    parser.feed(html)
    parser.close()
    parser.flush()
    return [piece for piece in parser.pieces if piece]


@cache
def messages_by_word():
    """The messages under the longest word of each, to try only where it occurs."""
    index = {}
    for msgid, (pattern, whole) in english_messages().items():
        word = max(WORD.findall(PLACEHOLDER.sub(" ", TAG.sub("", msgid))), key=len).lower()
        index.setdefault(word, []).append((msgid, pattern, whole))
    return index


def english_on(html):
    """The English messages a page shows, each with the text it was found in."""
    found, index = {}, messages_by_word()
    for piece in shown_text(html):
        for word in {word.lower() for word in WORD.findall(piece)} & index.keys():
            for msgid, pattern, whole in index[word]:
                if pattern.fullmatch(piece) if whole else pattern.search(piece):
                    found.setdefault(msgid, piece)
    return found


# --- the content and the people --------------------------------------------


@pytest.fixture
def content(superuser):
    """One object of every model the admin edits, with a history to show."""
    with reversion.create_revision():
        reversion.set_user(superuser)
        SiteProfile(name="Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng").save()
        objects = [
            PageFactory(),
            LinkFactory(),
            BannerFactory(),
            ArticleFactory(),
            OrganizationFactory(fields=[MemberFieldFactory()]),
            DocumentFileFactory(document__fields=[FieldFactory()]).document,
            AnsweredQuestionFactory(),
            PhotoFactory().album,
        ]
    VisitDay.objects.create(day=timezone.localdate(), count=12)
    now = timezone.now()
    attempt = {"ip_address": "10.0.0.9", "user_agent": "Firefox", "path_info": "/admin/login/"}
    AccessAttempt.objects.create(
        username="quantri", attempt_time=now, failures_since_start=2, **attempt
    )
    AccessLog.objects.create(username="quantri", attempt_time=now, logout_time=now, **attempt)
    AccessFailureLog.objects.create(username="khach", attempt_time=now, locked_out=True, **attempt)
    LogEntry.objects.log_actions(
        superuser.pk, [superuser], ADDITION, change_message=[{"added": {}}]
    )
    LogEntry.objects.log_actions(
        superuser.pk,
        objects[:1],
        CHANGE,
        change_message=[{"changed": {"fields": ["Tiêu đề"]}}],
    )
    return objects


def staff_member(django_user_model, group_name):
    user = django_user_model.objects.create_user(
        f"canbo{Group.objects.get(name=group_name).pk}", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


ROLES = ["superuser", *STAFF_GROUPS]


def pages_of(client):
    """Every admin page a role can open, from the models its index lists."""
    response = client.get(reverse("admin:index"))
    yield "index", response
    for app in response.context["app_list"]:
        yield app["name"], client.get(reverse("admin:app_list", args=[app["app_label"]]))
        for entry in app["models"]:
            model, opts = entry["model"], entry["model"]._meta
            name = f"admin:{opts.app_label}_{opts.model_name}"
            yield entry["admin_url"], client.get(entry["admin_url"])
            yield "counts", client.get(entry["admin_url"], {"_facets": "True"})
            if entry["add_url"]:
                yield entry["add_url"], client.get(entry["add_url"])
                yield f"{entry['add_url']} (invalid)", client.post(entry["add_url"], {})
            # The first object the role sees, and only the screens it may
            # open for that object (editorial review narrows them per object).
            model_admin = admin.site.get_model_admin(model)
            request = response.wsgi_request
            obj = model_admin.get_queryset(request).order_by("pk").first()
            if obj is None:
                continue
            allowed = {
                "change": model_admin.has_view_permission(request, obj),
                "history": model_admin.has_view_permission(request, obj),
                "delete": model_admin.has_delete_permission(request, obj),
            }
            for view in ("change", "history", "delete"):
                if allowed[view]:
                    url = reverse(f"{name}_{view}", args=[obj.pk])
                    yield url, client.get(url)


def render_as(role, client, superuser, django_user_model):
    if role == "superuser":
        client.force_login(superuser)
        yield from pages_of(client)
        url = reverse("admin:auth_user_password_change", args=[superuser.pk])
        yield url, client.get(url)
        yield url, client.post(url, {"password1": "a", "password2": "b"})
        url = reverse("admin:auth_user_add")
        yield url, client.post(url, {"username": "x y", "password1": "1", "password2": "2"})
    else:
        client.force_login(staff_member(django_user_model, role))
        yield from pages_of(client)
    yield "password change", client.get(reverse("admin:password_change"))
    client.logout()
    yield "login", client.get(reverse("admin:login"))
    url = reverse("admin:login")
    yield "login failed", client.post(url, {"username": "quantri", "password": "sai"})


# --- the tests ----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_admin_pages_show_no_english_message(role, client, superuser, content, django_user_model):
    english = {}
    for url, response in render_as(role, client, superuser, django_user_model):
        assert response.status_code in {200, 302}, url
        if response.status_code == 200:
            for msgid, text in english_on(response.content.decode()).items():
                english.setdefault(msgid, f"{url}: {text!r}")
    assert not english, "\n".join(f"{msgid!r} on {where}" for msgid, where in english.items())


def test_admin_javascript_catalogue_translates_every_message(admin_client):
    script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    folder = package_folder("django.contrib.admin")
    keys = [
        f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        for path in catalogue_files(folder, "djangojs")
        for entry in po_entries(path)
    ]
    assert not [key for key in keys if not catalogue.get(key)]


def test_every_permission_is_named_in_vietnamese():
    english = Permission.objects.filter(name__startswith="Can ").values_list("name", flat=True)
    assert not list(english)


@pytest.mark.django_db(transaction=True)
def test_permission_names_stay_vietnamese_after_a_flush():
    # The test runner flushes between transactional tests; post_migrate then
    # comes without `apps`, and Django re-creates the permissions in English.
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert not Permission.objects.filter(name__startswith="Can ").exists()


def test_the_permission_picker_lists_vietnamese_names(admin_client):
    group = Group.objects.get(name="Biên tập viên")
    html = admin_client.get(reverse("admin:auth_group_change", args=[group.pk])).content.decode()
    for name in ["Được thêm tin bài", "Được sửa tin bài", "Được xóa tin bài", "Được xem tin bài"]:
        assert name in html
    assert "Can add" not in html


@pytest.mark.parametrize(
    ("url_name", "vietnamese"),
    [
        ("admin:auth_user_history", "<title>Lịch sử thay đổi: quantri"),
        ("admin:auth_user_change", ">Lịch sử</a>"),
    ],
)
def test_history_reads_lich_su(admin_client, superuser, url_name, vietnamese):
    html = admin_client.get(reverse(url_name, args=[superuser.pk])).content.decode()
    assert vietnamese in html


def test_a_form_error_is_announced_in_vietnamese(admin_client):
    html = admin_client.post(reverse("admin:news_category_add"), {}).content.decode()
    assert "Vui lòng sửa các lỗi dưới đây." in html
