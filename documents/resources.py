"""The register of documents (sổ văn bản) as a spreadsheet: the columns
staff keep in Excel, with Vietnamese headings (core.spreadsheets).

A row is the document with the same number and issue date, or a new one;
a new one is published unless its "Trạng thái" says otherwise.
"""

from import_export import fields

from core.models import Status
from core.spreadsheets import DayWidget, LabelWidget, NameWidget, SpreadsheetResource, text_column

from .models import Document, DocumentType, Issuer, Validity


class DocumentResource(SpreadsheetResource):
    number = text_column("number", "Số/Ký hiệu")
    issued_on = fields.Field("issued_on", "Ngày ban hành", widget=DayWidget())
    summary = text_column("summary", "Trích yếu")
    type = fields.Field("type", "Loại văn bản", widget=NameWidget(DocumentType))
    issuer = fields.Field("issuer", "Cơ quan ban hành", widget=NameWidget(Issuer))
    signer = text_column("signer", "Người ký")
    effective_on = fields.Field("effective_on", "Ngày có hiệu lực", widget=DayWidget())
    validity = fields.Field(
        "validity",
        "Tình trạng hiệu lực",
        widget=LabelWidget(Validity.choices),
        saves_null_values=False,
    )
    status = fields.Field(
        "status", "Trạng thái", widget=LabelWidget(Status.choices), saves_null_values=False
    )

    class Meta:
        model = Document
        name = "Sổ văn bản"
        fields = [
            "number", "issued_on", "summary", "type", "issuer", "signer", "effective_on",
            "validity", "status",
        ]  # fmt: skip
        import_id_fields = ["number", "issued_on"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def after_init_instance(self, instance, new, row, **kwargs):
        if new:
            instance.status = Status.PUBLISHED
