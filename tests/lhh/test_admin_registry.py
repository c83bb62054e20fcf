"""Every admin screen works on existing content, for every role.

One walk over `admin.site`'s registry, so a model registered later is
covered without a new test: as the administrator and as each staff group
of `lhh.groups.STAFF_GROUPS`, open the list, the add form and the change
form of a few demo objects (those with a stored file among them), save
each change form back unchanged, open its history and, for models kept by
django-reversion, revert to an older version. What a role may not do must
answer 403, never 500.

The change forms are posted back as a browser would send them: the data
comes from the rendered HTML (inputs, selected options, textareas, ticked
boxes, the inline formsets' management forms), never from a per-model list.
"""

from datetime import datetime, time
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory, override_settings
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.text import vn_slugify
from lhh.groups import STAFF_GROUPS
from visits import stats as visit_stats

pytestmark = pytest.mark.django_db

SUPERUSER = "Quản trị viên"
ROLES = [SUPERUSER, *STAFF_GROUPS]
# Logged in, but not staff: the admin sends them to its login page.
NON_STAFF = "Hội viên"
PASSWORD = "mat-khau-thu-nghiem"
OBJECTS_PER_MODEL = 3

MODELS = [model for model in apps.get_models() if admin.site.is_registered(model)]
VERSIONED_MODELS = [
    model for model in MODELS if isinstance(admin.site.get_model_admin(model), VersionAdmin)
]
AUTOCOMPLETE_FIELDS = [
    (model, name)
    for model in MODELS
    for name in admin.site.get_model_admin(model).autocomplete_fields
]


def model_id(model):
    return model._meta.label_lower


def role_id(role):
    return vn_slugify(role)


each_model = pytest.mark.parametrize("model", MODELS, ids=model_id)
each_versioned_model = pytest.mark.parametrize("model", VERSIONED_MODELS, ids=model_id)
each_role = pytest.mark.parametrize("role", ROLES, ids=role_id)


# Demo content, loaded once for the module -----------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content and one user per role, rolled back after the module.

    Each test runs inside its own savepoint on top of this transaction, as
    in a TestCase with setUpTestData.
    """
    media_root = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        call_command("seed_demo", verbosity=0)
        users = make_role_users()
        make_traffic(users[SUPERUSER])
        yield SimpleNamespace(media_root=media_root, users=users)
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(settings, demo):
    """The demo's images and files stay where the demo stored them."""
    settings.MEDIA_ROOT = demo.media_root


def make_role_users():
    User = get_user_model()
    users = {SUPERUSER: User.objects.create_superuser("quantri", "quantri@example.com", PASSWORD)}
    for name in STAFF_GROUPS:
        user = User.objects.create_user(
            role_id(name), f"{role_id(name)}@example.com", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=name))
        users[name] = user
    users[NON_STAFF] = User.objects.create_user("hoivien", "hoivien@example.com", PASSWORD)
    return users


def make_traffic(superuser):
    """Rows the demo does not make: a counted visit, admin logins (django-axes)."""
    visit_stats.record_visit()
    client = Client()
    # A success clears the same username's failures: the failure is someone else's.
    client.post("/admin/login/", {"username": "khach", "password": "sai-mat-khau"})
    client.post("/admin/login/", {"username": superuser.username, "password": PASSWORD})


# Posting a rendered form back --------------------------------------------------


class FormReader(HTMLParser):
    """The fields of each <form> on a page, as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._open = []
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            form = {"attrs": attrs, "fields": [], "buttons": {}}
            self.forms.append(form)
            self._open.append(form)
            return
        if not self._open:
            return
        form = self._open[-1]
        name = attrs.get("name")
        # A disabled control is not sent; a nameless one cannot be.
        skip = not name or "disabled" in attrs
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if skip or kind in ("file", "reset", "button", "image"):
                return
            if kind == "submit":
                form["buttons"][name] = attrs.get("value") or ""
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    form["fields"].append((name, attrs.get("value", "on") or ""))
            else:
                form["fields"].append((name, attrs.get("value") or ""))
        elif tag == "button":
            if not skip and (attrs.get("type") or "submit").lower() == "submit":
                form["buttons"][name] = attrs.get("value") or ""
        elif tag == "select":
            self._select = {"name": name, "skip": skip, "multiple": "multiple" in attrs}
            self._select["options"] = []
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "disabled": "disabled" in attrs,
                "text": "",
            }
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"name": name, "skip": skip, "text": []}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"].append(data)
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._open:
            self._open.pop()
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            self._end_select(self._select)
            self._select = self._option = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._textarea["text"])
            # The HTML parser drops one newline right after <textarea>.
            text = text.removeprefix("\r\n") if text.startswith("\r\n") else text.removeprefix("\n")
            if not self._textarea["skip"] and self._open:
                self._open[-1]["fields"].append((self._textarea["name"], text))
            self._textarea = None

    def _end_select(self, select):
        if select["skip"] or not self._open:
            return
        options = select["options"]
        chosen = [option for option in options if option["selected"]]
        if not select["multiple"]:
            # A single select sends its last selected option, or its first.
            chosen = chosen[-1:] or options[:1]
        for option in chosen:
            if option["disabled"]:
                continue
            value = option["value"]
            if value is None:
                value = " ".join(option["text"].split())
            self._open[-1]["fields"].append((select["name"], value))


def form_data(html, button="_save"):
    """What the page's form with `button` sends when that button is pressed.

    None when no form on the page has that button (a read-only page).
    """
    reader = FormReader()
    reader.feed(html)
    reader.close()
    for form in reader.forms:
        if button in form["buttons"]:
            data = {}
            for name, value in form["fields"]:
                data.setdefault(name, []).append(value)
            data[button] = [form["buttons"][button]]
            return data
    return None


def form_errors(response):
    """The form's and the inlines' errors, for an assertion message."""
    context = response.context
    if context is None or "adminform" not in context:
        return response.content.decode()[:3000]
    errors = {"biểu mẫu": context["adminform"].form.errors.get_json_data()}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        errors[formset.prefix] = {
            "chung": list(formset.non_form_errors()),
            "từng dòng": [form.errors.get_json_data() for form in formset.forms if form.errors],
        }
    return errors


def changelist_errors(response):
    context = response.context
    if context is None or "cl" not in context or context["cl"].formset is None:
        return response.content.decode()[:3000]
    formset = context["cl"].formset
    return {
        "chung": list(formset.non_form_errors()),
        "từng dòng": [form.errors.get_json_data() for form in formset.forms if form.errors],
    }


# What each role may do -------------------------------------------------------


def admin_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def may(demo, role, model, action, obj=None):
    """Whether `role` may do `action`: the admin's own rule for the
    administrator, narrowed by the group's grants in STAFF_GROUPS."""
    model_admin = admin.site.get_model_admin(model)
    check = getattr(model_admin, f"has_{action}_permission")
    request = admin_request(demo.users[SUPERUSER])
    allowed = check(request) if action == "add" else check(request, obj)
    if role == SUPERUSER:
        return allowed
    grants = STAFF_GROUPS[role].get(model._meta.label_lower, ())
    granted = allowed and (action in grants or (action == "view" and "change" in grants))
    if granted and obj is not None:
        # Object rules narrow the grants: editorial review (core.review)
        # shows a contributor only their own items, and leaves live ones
        # to the approvers.
        role_request = admin_request(demo.users[role])
        return check(role_request) if action == "add" else check(role_request, obj)
    return granted


def expected_status(allowed, success=200):
    return success if allowed else 403


def logged_in(demo, role):
    client = Client()
    client.force_login(demo.users[role])
    return client


def admin_url(model, suffix=""):
    opts = model._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{suffix}"


def object_url(model, obj, suffix=""):
    return admin_url(model, f"{obj.pk}/{suffix}")


def sample_objects(demo, model):
    """A few objects of `model`: one with each kind of stored file first."""
    model_admin = admin.site.get_model_admin(model)
    request = admin_request(demo.users[SUPERUSER])
    queryset = model_admin.get_queryset(request)
    if not queryset.ordered:
        queryset = queryset.order_by("pk")
    picks = [
        queryset.exclude(**{field.name: ""}).exclude(**{f"{field.name}__isnull": True}).first()
        for field in file_fields(model)
    ]
    for inline in model_admin.get_inline_instances(request):
        fk = inline.get_formset(request).fk
        rows = inline.model._default_manager.all()
        picks.append(queryset.filter(pk__in=rows.values(fk.attname)).first())
        for field in file_fields(inline.model):
            with_file = rows.exclude(**{field.name: ""}).values(fk.attname)
            picks.append(queryset.filter(pk__in=with_file).first())
    picks += [queryset.first(), queryset.last()]
    unique = {}
    for obj in picks:
        if obj is not None:
            unique.setdefault(obj.pk, obj)
    return list(unique.values())[:OBJECTS_PER_MODEL]


def file_fields(model):
    return [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]


def stored_values(demo, model, obj):
    """What the change form edits, as the database holds it (inlines too)."""
    model_admin = admin.site.get_model_admin(model)
    request = admin_request(demo.users[SUPERUSER])
    obj = model_admin.get_queryset(request).get(pk=obj.pk)
    values = {"": editable_values(obj, model_admin.get_form(request, obj).base_fields)}
    for inline in model_admin.get_inline_instances(request, obj):
        formset = inline.get_formset(request, obj)
        rows = inline.model._default_manager.filter(**{formset.fk.name: obj}).order_by("pk")
        values[formset.get_default_prefix()] = [
            editable_values(row, formset.form.base_fields) for row in rows
        ]
    return values


def editable_values(obj, form_fields):
    names = {field.name for field in obj._meta.get_fields()} & set(form_fields)
    values = model_to_dict(obj, fields=names)
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = sorted(getattr(item, "pk", item) for item in value)
        elif hasattr(value, "name") and hasattr(value, "storage"):
            values[name] = value.name
        elif isinstance(value, datetime | time):
            # Admin widgets show whole seconds, as Django's forms do.
            values[name] = value.replace(microsecond=0)
    return values


# The walk ----------------------------------------------------------------------


def test_staff_groups_name_installed_models():
    # What each role may do is read from STAFF_GROUPS: a misspelt label
    # there would make "403" the expected answer and hide the mistake.
    installed = {model._meta.label_lower for model in apps.get_models()}
    unknown = [
        f"{name}: {label}"
        for name, grants in STAFF_GROUPS.items()
        for label in grants
        if label not in installed
    ]
    assert not unknown


@each_role
@each_model
def test_changelist_opens_and_saves_unchanged(demo, role, model):
    where = f"{role} · {model._meta.label}"
    client = logged_in(demo, role)
    response = client.get(admin_url(model))
    expected = expected_status(may(demo, role, model, "view"))
    if response.status_code == 302 and expected == 200:
        # A one-row model's list opens that row's form (the site profile).
        assert response["Location"].startswith(admin_url(model)), f"{where}: danh sách"
        response = client.get(response["Location"])
        assert response.status_code == 200, f"{where}: danh sách mở trang sửa"
        return
    assert response.status_code == expected, f"{where}: danh sách"
    # Columns edited in the list itself (list_editable) have a save button.
    data = form_data(response.content.decode()) if response.status_code == 200 else None
    if data is not None:
        before = listed_values(model)
        response = client.post(admin_url(model), data)
        assert response.status_code == 302, f"{where}: lưu danh sách: {changelist_errors(response)}"
        assert listed_values(model) == before, f"{where}: lưu danh sách mà dữ liệu thay đổi"


def listed_values(model):
    fields = admin.site.get_model_admin(model).list_editable
    return {obj.pk: model_to_dict(obj, fields=fields) for obj in model._default_manager.all()}


@each_role
@each_model
def test_add_form_opens(demo, role, model):
    response = logged_in(demo, role).get(admin_url(model, "add/"))
    expected = expected_status(may(demo, role, model, "add"))
    assert response.status_code == expected, f"{role} · {model._meta.label}: trang thêm mới"


@each_role
@each_model
def test_existing_objects_open_and_save_unchanged(demo, role, model):
    objects = sample_objects(demo, model)
    if not objects:
        pytest.skip(f"{model._meta.label}: nội dung mẫu không có {model._meta.verbose_name} nào.")
    client = logged_in(demo, role)
    problems = []
    for obj in objects:
        where = f"{role} · {model._meta.label} #{obj.pk} «{obj}»"
        can_view = may(demo, role, model, "view", obj)
        can_change = may(demo, role, model, "change", obj)

        response = client.get(object_url(model, obj, "change/"))
        if response.status_code != expected_status(can_view):
            problems.append(f"{where}: mở trang sửa được {response.status_code}")
            continue
        data = form_data(response.content.decode()) if can_view else None
        if can_change and data is None:
            problems.append(f"{where}: trang sửa không có nút Lưu")
            continue

        before = stored_values(demo, model, obj)
        response = client.post(object_url(model, obj, "change/"), data or {"_save": "Lưu"})
        if response.status_code != expected_status(can_change, success=302):
            problems.append(
                f"{where}: lưu không đổi gì được {response.status_code}: {form_errors(response)}"
            )
        elif stored_values(demo, model, obj) != before:
            problems.append(
                f"{where}: lưu không đổi gì mà dữ liệu thay đổi:\n"
                f"  trước {before}\n  sau   {stored_values(demo, model, obj)}"
            )

        response = client.get(object_url(model, obj, "history/"))
        if response.status_code != expected_status(can_view):
            problems.append(f"{where}: lịch sử được {response.status_code}")

        response = client.get(object_url(model, obj, "delete/"))
        if response.status_code != expected_status(may(demo, role, model, "delete", obj)):
            problems.append(f"{where}: trang xóa được {response.status_code}")
    assert not problems, "\n".join(problems)


@each_role
@each_versioned_model
def test_deleted_objects_list_opens(demo, role, model):
    response = logged_in(demo, role).get(admin_url(model, "recover/"))
    allowed = may(demo, role, model, "change") and may(demo, role, model, "add")
    assert response.status_code == expected_status(allowed), (
        f"{role} · {model._meta.label}: danh sách đã xóa"
    )


@each_role
@each_versioned_model
def test_an_older_version_is_restored(demo, role, model):
    objects = sample_objects(demo, model)
    if not objects:
        pytest.skip(f"{model._meta.label}: nội dung mẫu không có {model._meta.verbose_name} nào.")
    obj = objects[0]
    where = f"{role} · {model._meta.label} #{obj.pk} «{obj}»"
    name, old_value, new_value = save_twice(model, obj, logged_in(demo, SUPERUSER))
    older = Version.objects.get_for_object(obj)[1]
    revision_url = object_url(model, obj, f"history/{older.pk}/")
    can_view = may(demo, role, model, "view", obj)
    can_change = may(demo, role, model, "change", obj)
    model_admin = admin.site.get_model_admin(model)
    if can_change and hasattr(model_admin, "has_revert_permission"):
        # A reverted live item would skip review (core.reviewadmin).
        can_change = model_admin.has_revert_permission(admin_request(demo.users[role]), obj)
    client = logged_in(demo, role)

    response = client.get(object_url(model, obj, "history/"))
    assert response.status_code == expected_status(can_view), f"{where}: lịch sử"
    if can_view:
        assert revision_url in response.content.decode(), f"{where}: lịch sử thiếu phiên bản cũ"

    response = client.get(revision_url)
    assert response.status_code == expected_status(can_view), f"{where}: trang khôi phục"
    data = form_data(response.content.decode()) if can_change else None
    if can_change:
        assert data is not None, f"{where}: trang khôi phục không có nút Lưu"
    response = client.post(revision_url, data or {"_save": "Lưu"})
    assert response.status_code == expected_status(can_change, success=302), (
        f"{where}: khôi phục được {response.status_code}: {form_errors(response)}"
    )
    obj.refresh_from_db()
    assert getattr(obj, name) == (old_value if can_change else new_value), f"{where}: {name}"


def save_twice(model, obj, client):
    """Save `obj` unchanged, then with one plain text field changed.

    Returns the field's name, its value before and after.
    """
    url = object_url(model, obj, "change/")
    data = form_data(client.get(url).content.decode())
    response = client.post(url, data)
    assert response.status_code == 302, f"{model._meta.label} #{obj.pk}: {form_errors(response)}"
    name = plain_text_field(model, data)
    old_value = data[name][0]
    new_value = edited(old_value, model._meta.get_field(name).max_length)
    data = {**form_data(client.get(url).content.decode()), name: [new_value]}
    response = client.post(url, data)
    assert response.status_code == 302, f"{model._meta.label} #{obj.pk}: {form_errors(response)}"
    return name, old_value, new_value


def plain_text_field(model, data):
    """The first field of the form that holds plain, free text."""
    for name in data:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if (
            type(field) in (models.CharField, models.TextField)
            and not field.choices
            and all(isinstance(check, MaxLengthValidator) for check in field.validators)
        ):
            return name
    pytest.fail(f"{model._meta.label}: biểu mẫu không có ô chữ thường nào để sửa thử.")


def edited(value, max_length=None):
    suffix = " (đã sửa)"
    if max_length:
        value = value[: max_length - len(suffix)]
    # A blank field gets "(đã sửa)": the form strips the leading space.
    return (value + suffix).lstrip()


@each_model
def test_visitors_are_sent_to_the_login_page(demo, model):
    client = logged_in(demo, NON_STAFF)
    for url in (admin_url(model), admin_url(model, "add/"), admin_url(model, "1/change/")):
        response = client.get(url)
        assert response.status_code == 302, f"{model._meta.label}: {url}"
        assert response["Location"].startswith("/admin/login/"), f"{model._meta.label}: {url}"


@each_role
@each_versioned_model
def test_a_deleted_object_is_recovered(demo, role, model):
    administrator = logged_in(demo, SUPERUSER)
    obj = next(
        (obj for obj in sample_objects(demo, model) if deletable(administrator, model, obj)), None
    )
    if obj is None:
        pytest.skip(
            f"{model._meta.label}: không có {model._meta.verbose_name} nào xóa được "
            "(đều đang được dùng)."
        )
    where = f"{role} · {model._meta.label} #{obj.pk} «{obj}»"
    # A version to recover from: the one an admin save records.
    url = object_url(model, obj, "change/")
    response = administrator.post(url, form_data(administrator.get(url).content.decode()))
    assert response.status_code == 302, f"{where}: {form_errors(response)}"
    client = logged_in(demo, role)

    can_delete = may(demo, role, model, "delete", obj)
    response = client.post(object_url(model, obj, "delete/"), {"post": "yes"})
    assert response.status_code == expected_status(can_delete, success=302), f"{where}: xóa"
    if not can_delete:
        administrator.post(object_url(model, obj, "delete/"), {"post": "yes"})
    assert not model._default_manager.filter(pk=obj.pk).exists(), f"{where}: chưa bị xóa"

    version = Version.objects.get_deleted(model).get(object_id=str(obj.pk))
    recover_url = admin_url(model, f"recover/{version.pk}/")
    can_list = may(demo, role, model, "add") and may(demo, role, model, "change")
    can_recover = can_list and may(demo, role, model, "change", obj)
    model_admin = admin.site.get_model_admin(model)
    if can_recover and hasattr(model_admin, "has_recover_permission"):
        # A recovered live item would be published again (core.reviewadmin).
        can_recover = model_admin.has_recover_permission(admin_request(demo.users[role]), obj)
    response = client.get(admin_url(model, "recover/"))
    assert response.status_code == expected_status(can_list), f"{where}: danh sách đã xóa"
    if can_recover:
        assert recover_url in response.content.decode(), f"{where}: thiếu trong danh sách đã xóa"
    response = client.get(recover_url)
    assert response.status_code == expected_status(can_recover), f"{where}: trang khôi phục"
    data = form_data(response.content.decode()) if can_recover else None
    response = client.post(recover_url, data or {"_save": "Lưu"})
    assert response.status_code == expected_status(can_recover, success=302), (
        f"{where}: khôi phục được {response.status_code}: {form_errors(response)}"
    )
    recovered = model._default_manager.filter(pk=obj.pk).exists()
    assert recovered == can_recover, f"{where}: khôi phục"


def deletable(client, model, obj):
    """Whether the administrator may delete `obj`: nothing protects it."""
    response = client.get(object_url(model, obj, "delete/"))
    context = response.context
    return response.status_code == 200 and not context["protected"] and not context["perms_lacking"]


@each_role
@pytest.mark.parametrize(
    "model, name", AUTOCOMPLETE_FIELDS, ids=[f"{model_id(m)}.{n}" for m, n in AUTOCOMPLETE_FIELDS]
)
def test_autocomplete_answers(demo, role, model, name):
    where = f"{role} · {model._meta.label}.{name}"
    query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name}
    response = logged_in(demo, role).get(
        "/admin/autocomplete/", {**query, "field_name": name, "term": ""}
    )
    target = model._meta.get_field(name).remote_field.model
    allowed = may(demo, role, target, "view")
    assert response.status_code == expected_status(allowed), f"{where}: gợi ý"
    if allowed:
        # A contributor is offered only what they see: their own items.
        visible = admin.site.get_model_admin(target).get_queryset(admin_request(demo.users[role]))
        assert bool(response.json()["results"]) == visible.exists(), f"{where}: gợi ý"
