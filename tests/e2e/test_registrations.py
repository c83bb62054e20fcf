"""A visitor on a phone opens the demo contest, registers online (a field
of every kind, a file among them), gets a tracking code and looks it up."""

import re

import pytest
from playwright.sync_api import expect

from core.demofiles import make_pdf


@pytest.fixture
def captcha_test_mode(settings, monkeypatch):
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)


def test_register_for_the_demo_contest_on_a_phone(
    browser, site, captcha_test_mode, screenshot, tmp_path
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(site.url + "/cuoc-thi/")
    page.get_by_role(
        "link", name="Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Các mốc thời gian")).to_be_visible()
    screenshot(page, "contest-page-390")
    page.get_by_role("link", name="Đăng ký trực tuyến").click()

    page.get_by_label("Họ và tên").fill("Lê Văn Cường")
    page.locator("#id_email").fill("cuong.le@example.com")
    page.get_by_label("Tên giải pháp dự thi").fill("Bẫy côn trùng dùng đèn LED năng lượng mặt trời")
    page.get_by_label("Điện thoại liên hệ").fill("0905 123 456")
    page.get_by_label("Ngày sinh của tác giả chính").fill("1985-08-15")
    page.get_by_label("Lĩnh vực dự thi").select_option(label="Nông, lâm, ngư nghiệp")
    page.get_by_label("Thư điện tử của đơn vị áp dụng").fill("htx.dalat@example.com")
    description = tmp_path / "mo-ta-giai-phap.pdf"
    description.write_bytes(make_pdf(["Bay con trung den LED"], "Mo ta giai phap"))
    page.get_by_label("Bản mô tả giải pháp").set_input_files(str(description))
    page.get_by_label("Mã xác nhận").fill("PASSED")

    # Sent first without consent: refused, and everything typed stays.
    page.get_by_role("button", name="Gửi đăng ký").click()
    expect(page.get_by_text("Bạn cần đồng ý cho phép xử lý thông tin cá nhân")).to_be_visible()
    expect(page.get_by_label("Tên giải pháp dự thi")).to_have_value(
        "Bẫy côn trùng dùng đèn LED năng lượng mặt trời"
    )
    expect(page.get_by_label("Ngày sinh của tác giả chính")).to_have_value("1985-08-15")
    screenshot(page, "registration-errors-390")

    page.get_by_label("Bản mô tả giải pháp").set_input_files(str(description))
    page.get_by_label("Mã xác nhận").fill("PASSED")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Gửi đăng ký").click()

    expect(page.get_by_role("heading", name="Cảm ơn bạn đã đăng ký")).to_be_visible()
    code = re.search(r"Mã tra cứu: ([A-Z0-9]{8})", page.locator(".qa-code").inner_text()).group(1)
    screenshot(page, "registration-thanks-390")

    page.goto(site.url + "/dang-ky/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(f"{code[:4].lower()}-{code[4:].lower()}")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_text("Đã nhận", exact=True)).to_be_visible()
    expect(page.get_by_text(code, exact=True)).to_be_visible()
    screenshot(page, "registration-lookup-390")

    from registrations.models import Entry

    entry = Entry.objects.get(tracking_code=code)
    assert entry.files.get().original_name == "mo-ta-giai-phap.pdf"
    assert dict(entry.answer_rows())["Ngày sinh của tác giả chính"] == "15/08/1985"
    context.close()
