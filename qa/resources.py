"""Questions for reports (xuất báo cáo): what was asked, when, in which
field, and how it was handled. The asker's name, email, phone and address
are personal data and stay out (NĐ 13/2023)."""

from import_export import fields

from core.spreadsheets import (
    DayWidget,
    LabelWidget,
    MomentWidget,
    NameWidget,
    SpreadsheetResource,
    YesNoWidget,
    text_column,
)

from .models import Question, QuestionStatus, Topic


class QuestionResource(SpreadsheetResource):
    tracking_code = text_column("tracking_code", "Mã tra cứu")
    received_at = fields.Field("received_at", "Tiếp nhận lúc", widget=MomentWidget())
    topic = fields.Field("topic", "Lĩnh vực", widget=NameWidget(Topic))
    title = text_column("title", "Tiêu đề")
    status = fields.Field("status", "Trạng thái", widget=LabelWidget(QuestionStatus.choices))
    due_on = fields.Field("due_on", "Hạn trả lời", widget=DayWidget())
    answered_at = fields.Field("answered_at", "Trả lời lúc", widget=MomentWidget())
    is_published_as_faq = fields.Field(
        "is_published_as_faq", "Đăng công khai", widget=YesNoWidget()
    )

    class Meta:
        model = Question
        name = "Câu hỏi (báo cáo)"
        fields = [
            "tracking_code", "received_at", "topic", "title", "status", "due_on",
            "answered_at", "is_published_as_faq",
        ]  # fmt: skip
