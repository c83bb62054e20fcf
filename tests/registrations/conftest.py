import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.demofiles import make_pdf
from registrations.models import FieldKind, FormField, RegistrationForm

from ..qa.conftest import captcha_test_mode, queries_for  # noqa: F401

# (label, kind, required, options)
EVERY_KIND = [
    ("Tên giải pháp", FieldKind.TEXT, True, ""),
    ("Thư điện tử đơn vị", FieldKind.EMAIL, True, ""),
    ("Điện thoại", FieldKind.PHONE, True, ""),
    ("Ngày sinh", FieldKind.DATE, True, ""),
    ("Lĩnh vực", FieldKind.CHOICE, True, "Cơ khí\nNông nghiệp\nY dược"),
    ("Bản mô tả", FieldKind.FILE, True, ""),
]


def make_form(title="Đăng ký Hội thi Sáng tạo", capacity=None, closes_in=timedelta(days=30)):
    form = RegistrationForm.objects.create(
        title=title, capacity=capacity, closes_at=timezone.now() + closes_in
    )
    for position, (label, kind, required, options) in enumerate(EVERY_KIND, 1):
        FormField.objects.create(
            form=form,
            label=label,
            kind=kind,
            is_required=required,
            options=options,
            position=position,
        )
    return form


@pytest.fixture
def reg_form(db):
    return make_form()


def pdf_upload(name="mo-ta.pdf"):
    return SimpleUploadedFile(name, make_pdf(["Mo ta giai phap"], "Mo ta"), "application/pdf")


def png_upload(name="anh.png"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), "image/png")


def entry_data(form, **changes):
    """What an entrant types (captcha in test mode), by field label."""
    by_label = {field.label: field.name for field in form.fields.all()}
    answers = {
        "Tên giải pháp": "Máy sấy cà phê năng lượng mặt trời",
        "Thư điện tử đơn vị": "htx@example.com",
        "Điện thoại": "0912 345 678",
        "Ngày sinh": "1980-05-12",
        "Lĩnh vực": "Nông nghiệp",
        "Bản mô tả": pdf_upload(),
    }
    answers.update({label: value for label, value in changes.items() if label in by_label})
    data = {
        "name": "Nguyễn Văn Bình",
        "email": "binh@example.com",
        "consent": "on",
        "consent_email": "on",
        "website": "",
        "captcha_0": "khoa-thu",
        "captcha_1": "PASSED",
    }
    data.update({key: value for key, value in changes.items() if key not in by_label})
    for label, value in answers.items():
        if value is not None and label in by_label:
            data[by_label[label]] = value
    return data


@pytest.fixture(autouse=True)
def _captcha(captcha_test_mode):  # noqa: F811
    """Every test here answers the captcha with "PASSED"."""
