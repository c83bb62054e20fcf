"""Spreadsheets in the admin: import from and export to Excel (XLSX) and CSV.

django-import-export does the work (a preview of what will change, row by
row errors, nothing saved until staff confirm, every row of a confirmed
import in one transaction); this module sets it up the same way for every
app: the two formats, CSV in UTF-8 with a byte order mark (so that Excel
shows Vietnamese right, both ways), who may import or export, and
widgets whose errors a person can act on, in Vietnamese: a date written
as Vietnamese write it, a related row named by its name, a choice by its
label, yes or no.
"""

import datetime

from diff_match_patch import diff_match_patch
from django.contrib.auth import get_permission_codename
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from import_export import fields, resources
from import_export.admin import ExportMixin, ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.widgets import BooleanWidget, ForeignKeyWidget, Widget

FORMATS = [XLSX, CSV]
# Dates as staff type them; the first is how exports write them.
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")


def has_permissions(request, opts, *actions):
    return all(
        request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in actions
    )


class SpreadsheetExportMixin(ExportMixin):
    """Export the list (its filters and search applied) as XLSX or CSV,
    for those who may change the model."""

    export_formats = FORMATS
    to_encoding = "utf-8-sig"
    export_permissions = ("change",)

    def has_export_permission(self, request):
        return has_permissions(request, self.opts, *self.export_permissions)


class SpreadsheetMixin(ImportExportMixin, SpreadsheetExportMixin):
    """Import (with its preview) and export, for those who may add and
    change the model."""

    import_formats = FORMATS
    from_encoding = "utf-8-sig"
    # The file between the preview and the confirmation: in the shared
    # cache, which every app server reads, never in a public folder.
    tmp_storage_class = "import_export.tmp_storages.CacheStorage"

    def has_import_permission(self, request):
        return has_permissions(request, self.opts, "add", "change")


class MarkedDiff(resources.Diff):
    """The preview's changed values marked with <ins> and <del>, styled by
    the admin's stylesheet: the library's own marks carry inline styles,
    which the Content-Security-Policy refuses."""

    def as_html(self):
        marks = {diff_match_patch.DIFF_INSERT: "ins", diff_match_patch.DIFF_DELETE: "del"}
        engine = diff_match_patch()
        cells = []
        for before, after in zip(self.left, self.right, strict=False):
            if before != after and self.new:
                before = ""
            parts = engine.diff_main(str(before or ""), str(after or ""))
            engine.diff_cleanupSemantic(parts)
            html = []
            for operation, text in parts:
                text = escape(text).replace("\n", "<br>")
                tag = marks.get(operation)
                html.append(f"<{tag}>{text}</{tag}>" if tag else text)
            cells.append(mark_safe("".join(html)))
        return cells


class SpreadsheetResource(resources.ModelResource):
    """A model's columns; a row's errors name its columns by their headings
    ("Ngày ban hành"), as staff see them in their spreadsheet."""

    @classmethod
    def get_diff_class(cls):
        return MarkedDiff

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as exc:
            headings = {field.attribute: field.column_name for field in self.fields.values()}
            raise ValidationError(
                {
                    headings.get(name) or self.heading_of(name): messages
                    for name, messages in exc.message_dict.items()
                }
            ) from exc

    def before_import(self, dataset, **kwargs):
        # Said here in Vietnamese, before the library says it in English.
        missing = [
            self.fields[name].column_name
            for name in self.get_import_id_fields()
            if self.fields[name].column_name not in (dataset.headers or [])
        ]
        if missing:
            raise ValueError(
                "Tệp thiếu cột " + ", ".join(f"“{heading}”" for heading in missing) + ", cần để "
                "nhận biết từng dòng. Hãy giữ nguyên dòng tiêu đề như trong tệp đã xuất."
            )
        super().before_import(dataset, **kwargs)

    def get_or_init_instance(self, instance_loader, row):
        """The row's object, found by its key columns; a key that cannot be
        read (a wrong date) is an error of that row, named by its column."""
        try:
            return super().get_or_init_instance(instance_loader, row)
        except ValueError as exc:
            errors = {}
            for name in self.get_import_id_fields():
                field = self.fields[name]
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.column_name] = [str(error)]
            raise ValidationError(errors or {NON_FIELD_ERRORS: [str(exc)]}) from exc

    def heading_of(self, name):
        if name == NON_FIELD_ERRORS:
            return name
        try:
            return str(self._meta.model._meta.get_field(name).verbose_name).capitalize()
        except FieldDoesNotExist:
            return name


class TextWidget(Widget):
    """Text; an empty cell is empty text, a number cell its digits (Excel
    reads 01 as the number 1.0)."""

    def clean(self, value, row=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def text_column(attribute, heading):
    return fields.Field(attribute, heading, widget=TextWidget())


class DayWidget(Widget):
    """A date: an Excel date cell, or text such as 30/03/2018."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            f"Ngày “{text}” không đúng hoặc không có thật; hãy ghi ngày/tháng/năm, "
            "ví dụ 30/03/2018."
        )

    def render(self, value, obj=None, **kwargs):
        # Text, also in XLSX: a date cell would show as 2018-03-30 00:00:00.
        return value.strftime(DATE_FORMATS[0]) if value else ""


class NameWidget(ForeignKeyWidget):
    """A related row named by its name (a document type, a group); a name
    that does not exist is an error naming it, never a new row."""

    def __init__(self, model, field="name", what=None, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.what = what or model._meta.verbose_name

    def clean(self, value, row=None, **kwargs):
        name = " ".join(str(value or "").split())
        if not name:
            return None
        found = self.get_queryset(value, row, **kwargs).filter(**{f"{self.field}__iexact": name})
        match = found.first()
        if match is None:
            raise ValueError(
                f"Không có {self.what} “{name}”; hãy ghi đúng tên đã có trong trang quản "
                f"trị (mục {self.model._meta.verbose_name_plural}) hoặc thêm trước."
            )
        return match


class LabelWidget(Widget):
    """A choice written as its label ("Còn hiệu lực"), or its value."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = list(choices)

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        for choice, label in self.choices:
            if text.casefold() in (str(label).casefold(), str(choice).casefold()):
                return choice
        allowed = ", ".join(f"“{label}”" for _, label in self.choices)
        raise ValueError(
            f"“{text}” không phải giá trị được chấp nhận; hãy ghi một trong: {allowed}."
        )

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class YesNoWidget(BooleanWidget):
    """Có / Không (1 / 0, x, TRUE / FALSE also read)."""

    YES = {"có", "co", "x", "1", "true", "đúng", "yes"}
    NO = {"không", "khong", "0", "false", "sai", "no"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().casefold()
        if not text:
            return None
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"“{value}” phải là “Có” hoặc “Không”.")

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return "Có" if value else "Không"


class CountWidget(Widget):
    """A whole number ≥ 0 ("1.250" and "1 250" read as 1250)."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if value < 0 or value != int(value):
                raise ValueError(f"“{value}” phải là một số nguyên không âm.")
            return int(value)
        text = "".join(str(value).split()).replace(".", "").replace(",", "")
        if not text.isdigit():
            raise ValueError(f"“{value}” phải là một số nguyên không âm, ví dụ 1250.")
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value  # a number cell in XLSX


class MomentWidget(Widget):
    """A date and time, in the site's time zone, for exports."""

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
