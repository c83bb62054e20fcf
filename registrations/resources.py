"""Entries as a spreadsheet (XLSX/CSV): the contact details, status and
consent, then one column per field of the forms exported, headed by the
field's label (fields of two forms with the same label share a column)."""

import tablib
from import_export import fields

from core.spreadsheets import (
    LabelWidget,
    MomentWidget,
    NameWidget,
    SpreadsheetResource,
    text_column,
)

from .models import Entry, EntryStatus, FormField, RegistrationForm


class EntryResource(SpreadsheetResource):
    tracking_code = text_column("tracking_code", "Mã tra cứu")
    form = fields.Field("form", "Biểu mẫu", widget=NameWidget(RegistrationForm, field="title"))
    name = text_column("name", "Họ và tên")
    email = text_column("email", "Thư điện tử")
    status = fields.Field("status", "Trạng thái", widget=LabelWidget(EntryStatus.choices))
    created_at = fields.Field("created_at", "Gửi lúc", widget=MomentWidget())
    consent_purposes = fields.Field(column_name="Mục đích đã đồng ý")
    # The rest of the consent record, as the Q&A's "Xuất bản ghi đồng ý".
    consent_notice_version = text_column("consent_notice_version", "Phiên bản chính sách")
    consented_at = fields.Field("consented_at", "Đồng ý lúc", widget=MomentWidget())
    consent_withdrawn_at = fields.Field(
        "consent_withdrawn_at", "Rút lại đồng ý lúc", widget=MomentWidget()
    )

    class Meta:
        model = Entry
        name = "Danh sách đăng ký"
        fields = [
            "tracking_code", "form", "name", "email", "status", "created_at", "consent_purposes",
            "consent_notice_version", "consented_at", "consent_withdrawn_at",
        ]  # fmt: skip

    def dehydrate_consent_purposes(self, entry):
        return "; ".join(entry.consent_purpose_labels)

    def export(self, queryset=None, **kwargs):
        """The declared columns, then the answers, one column per field."""
        if queryset is None:
            queryset = self.get_queryset()
        queryset = self.filter_export(queryset, **kwargs).select_related("form")
        selected = kwargs.get("export_fields")
        rows = list(
            FormField.objects.filter(form__in=queryset.values("form")).order_by(
                "form__closes_at", "form", "position", "pk"
            )
        )
        labels = list(dict.fromkeys(row.label for row in rows))
        by_form = {}
        for row in rows:
            by_form.setdefault(row.form_id, []).append(row)
        dataset = tablib.Dataset(headers=[*self.get_export_headers(selected), *labels])
        for entry in self.iter_queryset(queryset):
            answers = {
                row.label: entry.answers.get(str(row.pk), "")
                for row in by_form.get(entry.form_id, [])
            }
            dataset.append(
                [
                    *self.export_resource(entry, selected_fields=selected, **kwargs),
                    *(answers.get(label, "") for label in labels),
                ]
            )
        return dataset
