"""An asker sends a question with consent, then withdraws it and has their
details erased: a wrong code first, then the right one, the link from the
email, the confirmation; the question and its tracking stay, anonymised."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.consent import Purpose
from qa.models import ANONYMISED_NAME, Question


@pytest.fixture
def captcha_test_mode(settings, monkeypatch):
    # As in test_qa: the live server runs in this process, so patching
    # django-simple-captcha's copied settings reaches it too.
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)


def test_asker_withdraws_consent_and_erases_their_details(
    page,
    site,
    captcha_test_mode,
    screenshot,  # noqa: F811
):
    page.goto(site.url + "/hoi-dap/dat-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Phạm Thị Hoa")
    page.get_by_label("Thư điện tử").fill("hoa.pham@example.com")
    page.get_by_label("Điện thoại").fill("0912 345 678")
    page.get_by_label("Lĩnh vực").select_option(label="Khoa học và công nghệ")
    page.get_by_label("Tiêu đề câu hỏi").fill("Thủ tục đăng ký đề tài khoa học cấp tỉnh")
    page.get_by_label("Nội dung câu hỏi").fill(
        "Xin hỏi hồ sơ đăng ký đề tài khoa học cấp tỉnh gồm những gì và nộp ở đâu?"
    )
    page.get_by_label("Mã xác nhận").fill("PASSED")
    page.get_by_label(re.compile("Tôi đồng ý để Liên hiệp Hội")).check()
    page.get_by_label(re.compile("Đồng ý nhận email thông báo")).check()
    expect(page.get_by_role("link", name="Chính sách bảo vệ dữ liệu cá nhân").first).to_be_visible()
    page.get_by_role("button", name="Gửi câu hỏi").click()
    code = re.search(r"Mã tra cứu: ([A-Z0-9]{8})", page.locator(".qa-code").inner_text())[1]
    question = Question.objects.get(tracking_code=code)
    assert question.consent_purposes == [Purpose.QA_ANSWER, Purpose.EMAIL_NOTICE]
    assert question.consent_notice_version and question.consented_at
    mail.outbox.clear()

    # The notice, from the footer, tells how to withdraw.
    page.locator(".site-footer").get_by_role(
        "link", name="Chính sách bảo vệ dữ liệu cá nhân"
    ).click()
    expect(page.get_by_role("heading", name="Chính sách bảo vệ dữ liệu cá nhân")).to_be_visible()
    page.get_by_role("link", name="Rút lại đồng ý, xoá thông tin cá nhân").click()

    # A wrong code: refused, without telling which part was wrong.
    wrong = "ZZZZ2345" if code != "ZZZZ2345" else "YYYY2345"
    page.get_by_label("Mã tra cứu").fill(wrong)
    page.get_by_label("Thư điện tử đã dùng khi gửi câu hỏi").fill("hoa.pham@example.com")
    page.get_by_role("button", name="Gửi yêu cầu").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Mã tra cứu và địa chỉ thư điện tử không khớp với câu hỏi nào."
    )
    expect(page.get_by_label("Thư điện tử đã dùng khi gửi câu hỏi")).to_have_value(
        "hoa.pham@example.com"
    )
    screenshot(page, "qa-erasure-refused")
    assert mail.outbox == []

    # The right code, typed as on paper.
    page.get_by_label("Mã tra cứu").fill(f"{code[:4].lower()} {code[4:].lower()}")
    page.get_by_role("button", name="Gửi yêu cầu").click()
    expect(page.get_by_text("Đã gửi thư xác nhận.")).to_be_visible()
    (message,) = mail.outbox
    assert message.to == ["hoa.pham@example.com"]
    link = re.search(r"(http://\S+/hoi-dap/xoa-thong-tin/xac-nhan/\?t=\S+)", message.body)[1]
    assert Question.objects.get(pk=question.pk).email == "hoa.pham@example.com"

    # The link asks first; the button erases.
    page.goto(link)
    expect(page.get_by_text(code)).to_be_visible()
    screenshot(page, "qa-erasure-confirm")
    page.get_by_role("button", name="Xác nhận xoá thông tin").click()
    expect(page.get_by_text("Đã xoá thông tin cá nhân của bạn.")).to_be_visible()
    screenshot(page, "qa-erasure-done")

    erased = Question.objects.get(pk=question.pk)
    assert (erased.asker_name, erased.email, erased.phone) == (ANONYMISED_NAME, "", "")
    assert erased.consent_withdrawn_at is not None
    assert erased.title == "Thủ tục đăng ký đề tài khoa học cấp tỉnh"

    # The lookup still follows the question, without the asker's name.
    page.goto(f"{site.url}/hoi-dap/tra-cuu/?ma={code}")
    expect(page.locator(".qa-facts")).to_contain_text("ẩn danh")
    expect(page.locator(".qa-facts")).not_to_contain_text("Hoa")

    # The same link again: answered politely, nothing more to do.
    page.goto(link)
    expect(page.get_by_role("button", name="Xác nhận xoá thông tin")).to_have_count(0)
    expect(page.get_by_text("đã được xoá trước đây")).to_be_visible()
