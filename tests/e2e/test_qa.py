"""A visitor asks a question, gets its tracking code and looks it up; an
officer answers it in the admin; the lookup then shows the answer."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def captcha_test_mode(settings, monkeypatch):
    # django-simple-captcha copies its settings at import time; the live
    # server runs in this process, so patching the module reaches it too.
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr("captcha.conf.settings.CAPTCHA_TEST_MODE", True)


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser(
        "canbo-hoidap", "canbo@example.com", "mat-khau-thu-nghiem-e2e"
    )


def ask_question(page, site):
    page.goto(site.url + "/hoi-dap/dat-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Thu")
    page.get_by_label("Thư điện tử").fill("thu.nguyen@example.com")
    page.get_by_label("Lĩnh vực").select_option(label="Khoa học và công nghệ")
    page.get_by_label("Tiêu đề câu hỏi").fill("Hỗ trợ đăng ký sáng chế cho nông dân")
    page.get_by_label("Nội dung câu hỏi").fill(
        "Tôi chế tạo được máy gieo hạt cải tiến. Liên hiệp Hội có hỗ trợ đăng ký sáng chế không?"
    )
    page.get_by_label("Mã xác nhận").fill("PASSED")
    page.get_by_label(re.compile("Tôi đồng ý")).check()


def test_visitor_asks_staff_answers_visitor_reads(
    page, site, captcha_test_mode, officer, screenshot
):
    # The form, first sent without consent: it comes back with a message and
    # everything typed still there.
    ask_question(page, site)
    page.get_by_label(re.compile("Tôi đồng ý")).uncheck()
    screenshot(page, "qa-form")
    page.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.get_by_text("Bạn cần đồng ý cho phép xử lý thông tin cá nhân")).to_be_visible()
    expect(page.get_by_label("Họ và tên")).to_have_value("Nguyễn Thị Thu")
    screenshot(page, "qa-form-errors")

    page.get_by_label("Mã xác nhận").fill("PASSED")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Gửi câu hỏi").click()

    expect(page.get_by_role("heading", name="Cảm ơn bạn đã gửi câu hỏi")).to_be_visible()
    code_text = page.locator(".qa-code").inner_text()
    code = re.search(r"Mã tra cứu: ([A-Z0-9]{8})", code_text).group(1)
    screenshot(page, "qa-thanks")

    # Looking it up, typed in lower case with a dash.
    page.goto(site.url + "/hoi-dap/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(f"{code[:4].lower()}-{code[4:].lower()}")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator(".qa-status__badge")).to_have_text("Mới")
    expect(page.get_by_text("Hỗ trợ đăng ký sáng chế cho nông dân")).to_be_visible()
    expect(page.locator(".qa-facts")).not_to_contain_text("Nguyễn")
    screenshot(page, "qa-lookup-new")

    # The officer signs in through the real login form and answers.
    page.goto(site.url + "/admin/login/?next=/admin/qa/question/")
    page.locator("#id_username").fill("canbo-hoidap")
    page.locator("#id_password").fill("mat-khau-thu-nghiem-e2e")
    page.locator("input[type=submit]").click()
    expect(page.get_by_role("link", name=code)).to_be_visible()
    screenshot(page, "qa-admin-queue")
    page.get_by_role("link", name=code).click()

    editor = page.locator(".field-answer .ck-editor__editable")
    editor.click()
    page.keyboard.type("Liên hiệp Hội hướng dẫn miễn phí thủ tục đăng ký sáng chế.")
    page.locator("#id_is_published_as_faq").check()
    screenshot(page, "qa-admin-answer")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("thành công")

    # The asker's lookup now shows the answer.
    page.goto(f"{site.url}/hoi-dap/tra-cuu/?ma={code}")
    expect(page.locator(".qa-status__badge")).to_have_text("Đã trả lời")
    expect(page.locator(".qa-answer")).to_contain_text("hướng dẫn miễn phí thủ tục")
    screenshot(page, "qa-lookup-answered")

    # Published as FAQ: listed on /hoi-dap/ with the asker's given name only.
    page.goto(site.url + "/hoi-dap/")
    link = page.locator("#content").get_by_role("link", name="Hỗ trợ đăng ký sáng chế")
    expect(link).to_be_visible()
    screenshot(page, "qa-faq-list")
    link.click()
    expect(page.get_by_text("Người hỏi: Thu")).to_be_visible()
    screenshot(page, "qa-faq-question")


def test_captcha_image_changes_without_reloading(page, site):
    page.goto(site.url + "/hoi-dap/dat-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Trần Văn Bình")
    image = page.locator(".qa-captcha__image")
    first = image.get_attribute("src")
    page.get_by_role("button", name="Đổi ảnh khác").click()
    expect(image).not_to_have_attribute("src", first)
    expect(page.get_by_label("Họ và tên")).to_have_value("Trần Văn Bình")


def test_form_fits_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/hoi-dap/dat-cau-hoi/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "qa-form-390")
    context.close()
