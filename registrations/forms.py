"""The public registration form, built from the rows staff defined
(FormField), with the contact details, consent, and the honeypot and
captchas every public form shares (core.forms)."""

import re

from django import forms
from django.core.exceptions import ValidationError

from core.consent import ConsentFormMixin, Purpose
from core.forms import CaptchaFormMixin, TrackingCodeForm, spam_fields
from core.forms import ErasureRequestForm as BaseErasureRequestForm
from core.text import nfc
from core.validators import sniff_kind, validate_document_file, validate_image

from .models import FieldKind

PHONE_RE = re.compile(r"^\+?[0-9 .()-]+$")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


def validate_entry_file(upload):
    """A real PDF, Word, Excel or ODT document, or a real picture (JPEG,
    PNG, WebP, GIF), by content, within the documents' and images' size
    limits; an error names the file."""
    if sniff_kind(upload) is not None:
        validate_document_file(upload)
        return
    try:
        validate_image(upload)
    except ValidationError as error:
        if error.code != "invalid_image":
            raise
        raise ValidationError(
            "Tệp “%(name)s” không được chấp nhận: chỉ nhận văn bản PDF, Word (DOC, DOCX), "
            "Excel (XLS, XLSX), ODT hoặc ảnh JPEG, PNG, WebP, GIF; nội dung tệp không khớp "
            "với định dạng nào trong số đó.",
            code="invalid_entry_file",
            params={"name": (getattr(upload, "name", "") or "").rsplit("/", 1)[-1]},
        ) from error


class PhoneField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value:
            digits = re.sub(r"\D", "", value)
            if not PHONE_RE.match(value) or not 9 <= len(digits) <= 15:
                raise ValidationError(
                    "Số điện thoại không hợp lệ: chỉ gồm chữ số (9 đến 15 số), có thể có dấu "
                    "cách, dấu chấm hoặc gạch ngang.",
                    code="invalid_phone",
                )
        return value


def field_for(row):
    """The Django form field of one FormField row."""
    label = row.label
    common = {
        "label": label,
        "required": row.is_required,
        "help_text": row.help_text,
    }
    required = f"Vui lòng điền mục “{label}”."
    if row.kind == FieldKind.EMAIL:
        return forms.EmailField(
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "off"}),
            error_messages={
                "required": required,
                "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
            },
            **common,
        )
    if row.kind == FieldKind.PHONE:
        return PhoneField(
            max_length=20,
            widget=forms.TextInput(attrs={"inputmode": "tel"}),
            error_messages={"required": required, "max_length": "Số điện thoại quá dài."},
            **common,
        )
    if row.kind == FieldKind.DATE:
        return forms.DateField(
            input_formats=DATE_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={
                "required": required,
                "invalid": "Ngày không hợp lệ; vui lòng nhập theo dạng ngày/tháng/năm, "
                "ví dụ 15/08/1985.",
            },
            **common,
        )
    if row.kind == FieldKind.CHOICE:
        return forms.ChoiceField(
            choices=[("", "— Chọn —"), *((choice, choice) for choice in row.choices)],
            error_messages={
                "required": f"Vui lòng chọn mục “{label}”.",
                "invalid_choice": "Lựa chọn không còn trong danh sách; vui lòng chọn lại.",
            },
            **common,
        )
    if row.kind == FieldKind.FILE:
        return forms.FileField(
            validators=[validate_entry_file],
            max_length=255,
            error_messages={
                "required": f"Vui lòng chọn tệp cho mục “{label}”.",
                "empty": "Tệp đã chọn rỗng (0 byte); vui lòng chọn lại.",
                "invalid": "Không đọc được tệp đã gửi; vui lòng chọn lại.",
            },
            **{**common, "help_text": row.help_text or "PDF, Word, Excel, ODT hoặc ảnh."},
        )
    return forms.CharField(
        max_length=500,
        error_messages={
            "required": required,
            "max_length": "Mục này dài tối đa %(limit_value)d ký tự.",
        },
        **common,
    )


class EntryForm(ConsentFormMixin, CaptchaFormMixin, forms.Form):
    """Name and email for contact, the form's own fields, then the checks."""

    consent_fields = {"consent": Purpose.REGISTRATION, "consent_email": Purpose.EMAIL_NOTICE}

    name = forms.CharField(
        label="Họ và tên",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": "Vui lòng nhập họ và tên.",
            "max_length": "Họ và tên dài tối đa %(limit_value)d ký tự.",
        },
    )
    email = forms.EmailField(
        label="Thư điện tử",
        max_length=254,
        help_text="Mã tra cứu và thư xác nhận được gửi tới địa chỉ này.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vui lòng nhập địa chỉ thư điện tử.",
            "invalid": "Địa chỉ thư điện tử không hợp lệ (ví dụ đúng: ten@example.com).",
        },
    )

    def __init__(self, *args, registration_form, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.registration_form = registration_form
        self.rows = list(rows)
        for row in self.rows:
            self.fields[row.name] = field_for(row)
        # After the form's own fields, in this order: honeypot, captchas.
        self.fields.update(spam_fields())
        self.fields["consent"] = forms.BooleanField(
            label=(
                "Tôi đồng ý để Liên hiệp Hội xử lý thông tin cá nhân trên nhằm tiếp nhận, xét "
                "chọn hồ sơ đăng ký và liên hệ với tôi về đăng ký này, theo Nghị định "
                "13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân."
            ),
            error_messages={
                "required": "Bạn cần đồng ý cho phép xử lý thông tin cá nhân để gửi đăng ký."
            },
        )
        self.fields["consent_email"] = forms.BooleanField(
            label="Đồng ý nhận email thông báo khi trạng thái hồ sơ thay đổi.",
            required=False,
            help_text="Không bắt buộc; bạn vẫn theo dõi được bằng mã tra cứu.",
        )

    @property
    def entry_fields(self):
        """The bound fields of the form's own rows, in order (the template)."""
        return [self[row.name] for row in self.rows]

    def clean_name(self):
        value = " ".join(nfc(self.cleaned_data.get("name", "")).split())
        if len(value) < 2:
            raise ValidationError("Họ và tên phải có ít nhất 2 ký tự.")
        return value

    def clean(self):
        cleaned_data = super().clean()
        for row in self.rows:
            value = cleaned_data.get(row.name)
            if isinstance(value, str):
                cleaned_data[row.name] = nfc(value).strip()
        return cleaned_data

    def answers(self):
        """{str(field id): text} of what was sent; a file by its name."""
        answers = {}
        for row in self.rows:
            value = self.cleaned_data.get(row.name)
            if row.kind == FieldKind.FILE:
                value = value.name.rsplit("/", 1)[-1] if value else ""
            elif row.kind == FieldKind.DATE:
                value = value.strftime("%d/%m/%Y") if value else ""
            answers[str(row.pk)] = value or ""
        return answers

    def uploads(self):
        """(row, uploaded file) for each file sent."""
        return [
            (row, self.cleaned_data[row.name])
            for row in self.rows
            if row.kind == FieldKind.FILE and self.cleaned_data.get(row.name)
        ]


class CodeForm(TrackingCodeForm):
    pass


class ErasureRequestForm(BaseErasureRequestForm):
    """An entrant withdraws consent and asks to erase their details."""

    code_help_text = "Mã gồm 8 ký tự bạn nhận được khi đăng ký."
    email_label = "Thư điện tử đã dùng khi đăng ký"
