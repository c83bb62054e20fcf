"""Form pieces the public forms share (a question, a registration): the
honeypot field and the two captchas (the image, or a question in words for
someone who cannot see it, WCAG 1.1.1), one right answer being enough."""

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django import forms

from .spam import HONEYPOT_FIELD, question_answer, question_challenge


class CaptchaWidget(CaptchaTextInput):
    """The captcha image, its answer box and a "new image" button, in Vietnamese.

    The template lives in core/templates/ because form widgets render with
    the form renderer, which only looks in app template folders.
    """

    template_name = "core/widgets/captcha.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The answer box points at the field's help text, its question and
        # its error (ids made by core/includes/field.html and the template).
        field_id = context["widget"]["attrs"].get("id")
        if field_id:
            described = [f"{field_id}_helptext", *self.described_by(field_id)]
            if context["widget"]["attrs"].get("aria-invalid"):
                described.append(f"{field_id}_error")
            answer = context["widget"]["subwidgets"][1]["attrs"]
            answer["aria-describedby"] = " ".join(described)
        return context

    def described_by(self, field_id):
        return []


class QuestionCaptchaWidget(CaptchaWidget):
    """The alternative that needs no sight: a question in Vietnamese words,
    kept in django-simple-captcha's store like the image (one try, 30
    minutes)."""

    template_name = "core/widgets/captcha_question.html"

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        # As the library's own, keeping the question to show it as text.
        self.question, response = question_challenge()
        self._key = CaptchaStore.objects.create(challenge=self.question, response=response).hashkey
        self._value = [self._key, ""]
        self.id_ = self.build_attrs(attrs).get("id", None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["question"] = self.question
        return context

    def described_by(self, field_id):
        return [f"{field_id}_question"]


class EitherCaptchaField(CaptchaField):
    """One of two captchas (the image, or the question): the form decides,
    so this says passed (True), failed (False) or left empty (None) instead
    of raising."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, required=False, **kwargs)

    def answer(self, text):
        return text

    def clean(self, value):
        if not value or len(value) < 2 or not (value[1] or "").strip():
            return None
        try:
            super().clean([value[0], self.answer(value[1])])
        except forms.ValidationError:
            return False
        return True


class QuestionCaptchaField(EitherCaptchaField):
    def answer(self, text):
        return question_answer(text)


def honeypot_field():
    """The field people never see (core.spam.HONEYPOT_FIELD names it)."""
    return forms.CharField(
        label="Trang web (để trống ô này)",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def image_captcha_field():
    return EitherCaptchaField(
        label="Mã xác nhận",
        help_text="Nhập các ký tự trong ảnh (không phân biệt chữ hoa, chữ thường).",
        widget=CaptchaWidget(),
    )


def question_captcha_field():
    return QuestionCaptchaField(
        label="Hoặc trả lời câu hỏi",
        help_text="Trả lời bằng chữ số, ví dụ 7.",
        widget=QuestionCaptchaWidget(),
    )


def spam_fields():
    """{name: field} of the honeypot and the two captchas, in their order."""
    return {
        HONEYPOT_FIELD: honeypot_field(),
        "captcha": image_captcha_field(),
        "captcha_question": question_captcha_field(),
    }


class CaptchaFormMixin:
    """A form with `captcha` and `captcha_question` (spam_fields()): one
    right answer is enough; a wrong one asks for the new challenge, none at
    all asks for either."""

    def clean(self):
        cleaned_data = super().clean()
        results = {name: cleaned_data.get(name) for name in ("captcha", "captcha_question")}
        if True not in results.values():
            if results["captcha"] is False:
                self.add_error("captcha", "Mã xác nhận không đúng. Vui lòng nhập mã trong ảnh mới.")
            if results["captcha_question"] is False:
                self.add_error(
                    "captcha_question", "Câu trả lời chưa đúng. Vui lòng trả lời câu hỏi mới."
                )
            if False not in results.values():
                self.add_error(
                    "captcha",
                    "Vui lòng nhập mã xác nhận trong ảnh, hoặc trả lời câu hỏi bên dưới ảnh.",
                )
        return cleaned_data


class TrackingCodeForm(forms.Form):
    """A tracking code typed to follow what one sent (tra cứu)."""

    ma = forms.CharField(
        label="Mã tra cứu",
        max_length=30,
        error_messages={
            "required": "Vui lòng nhập mã tra cứu.",
            "max_length": "Mã tra cứu gồm 8 ký tự; vui lòng kiểm tra lại.",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class ErasureRequestForm(TrackingCodeForm):
    """The code and the email one sent with it, to withdraw consent and
    erase one's details (core.erasure). Subclasses word the help text of
    the code and the label of the email after what was sent."""

    code_help_text = "Mã gồm 8 ký tự bạn nhận được khi gửi."
    email_label = "Thư điện tử đã dùng khi gửi"

    email = forms.EmailField(
        max_length=254,
        help_text="Thư xác nhận được gửi tới địa chỉ này.",
        error_messages={
            "required": "Vui lòng nhập địa chỉ thư điện tử.",
            "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
            "max_length": "Địa chỉ thư điện tử quá dài.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ma"].help_text = self.code_help_text
        self.fields["email"].label = self.email_label
