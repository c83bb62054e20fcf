import re

from django import forms

from core.consent import ConsentFormMixin, Purpose
from core.forms import (
    CaptchaFormMixin,
    TrackingCodeForm,
    honeypot_field,
    image_captcha_field,
    question_captcha_field,
)
from core.forms import ErasureRequestForm as BaseErasureRequestForm
from core.text import nfc

from .models import Question, Topic

PHONE_RE = re.compile(r"^\+?[0-9 .()-]+$")


class QuestionForm(ConsentFormMixin, CaptchaFormMixin, forms.ModelForm):
    # One box per purpose (core.consent), none ticked in advance.
    consent_fields = {"consent": Purpose.QA_ANSWER, "consent_email": Purpose.EMAIL_NOTICE}
    consent = forms.BooleanField(
        label=(
            "Tôi đồng ý để Liên hiệp Hội xử lý thông tin cá nhân trên nhằm xử lý câu hỏi và "
            "trả lời, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."
        ),
        error_messages={
            "required": "Bạn cần đồng ý cho phép xử lý thông tin cá nhân để gửi câu hỏi."
        },
    )
    consent_email = forms.BooleanField(
        label=(
            "Đồng ý nhận email thông báo (mã tra cứu, kết quả trả lời) tại địa chỉ email "
            "đã nhập ở trên."
        ),
        required=False,
        help_text="Không bắt buộc; không đồng ý thì bạn vẫn theo dõi được bằng mã tra cứu.",
    )
    # Honeypot (bẫy): hidden from people by CSS and from assistive technology;
    # bots filling every field give themselves away (core.spam).
    website = honeypot_field()
    # Either the image or the question (for someone who cannot see the
    # image, WCAG 1.1.1): one right answer is enough (CaptchaFormMixin).
    captcha = image_captcha_field()
    captcha_question = question_captcha_field()

    class Meta:
        model = Question
        fields = ["asker_name", "email", "phone", "address", "topic", "title", "body"]
        labels = {
            "asker_name": "Họ và tên",
            "email": "Thư điện tử",
            "phone": "Điện thoại",
            "address": "Địa chỉ",
            "topic": "Lĩnh vực",
            "title": "Tiêu đề câu hỏi",
            "body": "Nội dung câu hỏi",
        }
        help_texts = {
            "email": "Không bắt buộc, nhưng cần có để nhận thông báo khi câu hỏi được trả lời.",
            "phone": "Không bắt buộc.",
            "address": "Không bắt buộc.",
            "body": "Tối đa 5.000 ký tự. Vui lòng không ghi thông tin cá nhân nhạy cảm.",
        }
        widgets = {
            "asker_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "body": forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        }
        error_messages = {
            "asker_name": {
                "required": "Vui lòng nhập họ và tên.",
                "max_length": "Họ và tên dài tối đa %(limit_value)d ký tự.",
            },
            "email": {
                "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
                "max_length": "Địa chỉ thư điện tử quá dài.",
            },
            "phone": {
                "max_length": "Số điện thoại dài tối đa %(limit_value)d ký tự.",
            },
            "address": {
                "max_length": "Địa chỉ dài tối đa %(limit_value)d ký tự.",
            },
            "topic": {
                "required": "Vui lòng chọn lĩnh vực của câu hỏi.",
                "invalid_choice": "Lĩnh vực đã chọn không còn tồn tại; vui lòng chọn lại.",
            },
            "title": {
                "required": "Vui lòng nhập tiêu đề câu hỏi.",
                "max_length": "Tiêu đề dài tối đa %(limit_value)d ký tự.",
            },
            "body": {"required": "Vui lòng nhập nội dung câu hỏi."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.all()
        self.fields["topic"].empty_label = "— Chọn lĩnh vực —"

    def _clean_text(self, name):
        return nfc(self.cleaned_data.get(name, "")).strip()

    def clean_asker_name(self):
        value = " ".join(self._clean_text("asker_name").split())
        if len(value) < 2:
            raise forms.ValidationError("Họ và tên phải có ít nhất 2 ký tự.")
        return value

    def clean_phone(self):
        value = self._clean_text("phone")
        if value:
            digits = re.sub(r"\D", "", value)
            if not PHONE_RE.match(value) or not 9 <= len(digits) <= 15:
                raise forms.ValidationError(
                    "Số điện thoại không hợp lệ: chỉ gồm chữ số (9 đến 15 số), "
                    "có thể có dấu cách, dấu chấm hoặc gạch ngang."
                )
        return value

    def clean_address(self):
        return self._clean_text("address")

    def clean_title(self):
        value = " ".join(self._clean_text("title").split())
        if len(value) < 10:
            raise forms.ValidationError("Tiêu đề quá ngắn: cần ít nhất 10 ký tự.")
        return value

    def clean_consent_email(self):
        # A field's own method, not clean(): the model fields, email among
        # them, are cleaned before the declared ones.
        value = self.cleaned_data.get("consent_email")
        if value and not self.cleaned_data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                "Bạn đã chọn nhận email thông báo: vui lòng nhập địa chỉ thư điện tử, "
                "hoặc bỏ chọn ô nhận email.",
            )
        return value

    def clean_body(self):
        value = self._clean_text("body")
        if len(value) < 20:
            raise forms.ValidationError(
                "Nội dung câu hỏi quá ngắn: cần ít nhất 20 ký tự để cán bộ hiểu được câu hỏi."
            )
        if len(value) > 5000:
            raise forms.ValidationError(
                f"Nội dung câu hỏi dài tối đa 5.000 ký tự (hiện có {len(value):,}).".replace(
                    ",", "."
                )
            )
        return value


class LookupForm(TrackingCodeForm):
    pass


class ErasureRequestForm(BaseErasureRequestForm):
    """An asker asks to withdraw consent and erase their details (xoá thông tin)."""

    code_help_text = "Mã gồm 8 ký tự bạn nhận được khi gửi câu hỏi."
    email_label = "Thư điện tử đã dùng khi gửi câu hỏi"
