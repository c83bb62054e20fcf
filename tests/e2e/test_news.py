import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from news.groups import EDITOR_GROUP

PASSWORD = "mat-khau-bien-tap-2026"
ARTICLE_PATH = (
    "/tin-tuc/tin-hoat-dong-lhh-viet-nam/hoi-nghi-giao-ban-toan-quoc-lien-hiep-hoi-viet-nam-2017/"
)


@pytest.fixture
def editor(site, django_user_model):
    user = django_user_model.objects.create_user(
        "bientapvien", "bientap@example.com", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


def test_editor_writes_and_publishes_an_article_that_shows_on_the_home_page(
    page, site, editor, tmp_path
):
    image_path = tmp_path / "anh-hoi-thao.png"
    Image.new("RGB", (120, 80), (19, 94, 168)).save(image_path)
    title = "Hội thảo chuyển đổi số viết bằng trình soạn thảo"

    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(editor.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(
        page.get_by_role("link", name="Đăng xuất").or_(page.locator("#logout-form"))
    ).to_be_visible()

    page.goto(site.url + "/admin/news/article/add/")
    page.locator("#id_title").fill(title)
    page.locator("#id_category").select_option(label="Tin hoạt động Liên hiệp Hội")
    page.locator("#id_summary").fill("Tin viết thử trong trình soạn thảo.")

    editable = page.locator(".field-body .ck-editor__editable")
    editable.click()
    page.keyboard.type("Hội thảo có một chữ ")
    page.keyboard.press("Control+b")
    page.keyboard.type("quan trọng")
    page.keyboard.press("Control+b")
    page.keyboard.type(" được in đậm.")
    page.keyboard.press("Enter")
    page.locator(".field-body input[type=file]").set_input_files(str(image_path))
    expect(editable.locator("img[src*='/media/editor/']")).to_have_count(1, timeout=10_000)
    expect(editable.locator("strong")).to_have_text("quan trọng")

    page.locator("#id_status").select_option(label="Đã đăng")
    page.get_by_role("button", name="Lưu lại", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    page.goto(site.url + "/")
    link = page.get_by_role("link", name=title).first
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    body = page.locator(".article__body")
    expect(body.locator("strong")).to_have_text("quan trọng")
    src = body.locator("img").get_attribute("src")
    assert re.fullmatch(r"/media/editor/\d{4}/\d{2}/[0-9a-f]{32}\.png", src)


def test_visitor_reads_the_reference_article(page, site):
    page.goto(site.url + "/")
    page.get_by_role("link", name="Tin hoạt động LHH Việt Nam", exact=False).first.click()
    page.get_by_role("link", name="Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017").click()
    expect(page.locator(".news-article__meta time")).to_have_text("16/08/2017 09:00")
    expect(page.locator(".news-article__cover figcaption")).to_have_text(
        "Ông Đặng Vũ Minh - Chủ tịch LHH VN phát biểu khai mạc"
    )
    expect(page.locator(".news-article__author")).to_have_text("NTC")
    expect(page.get_by_role("heading", name="Các tin khác:")).to_be_visible()
    expect(page.get_by_role("button", name="In bài viết")).to_be_visible()


def test_print_view_hides_navigation_and_sidebars(page, site):
    page.goto(site.url + ARTICLE_PATH)
    page.emulate_media(media="print")
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".layout__right")).to_be_hidden()
    expect(page.locator(".news-tools")).to_be_hidden()
    expect(page.locator(".article__title")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_news_pages_screenshots(browser, site, screenshot, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name, path in [("home", "/"), ("list", "/tin-tuc/"), ("article", ARTICLE_PATH)]:
        page.goto(site.url + path)
        expect(page.locator("#content")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Scroll through the page so lazy images load before the full-page shot.
        for y in range(0, page.evaluate("document.body.scrollHeight"), 600):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(50)
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, 0)")
        screenshot(page, f"news-{name}-{width}")
    context.close()


def test_editor_previews_a_new_article_before_saving_it(page, site, editor, screenshot):
    from news.models import Article

    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(editor.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(site.url + "/admin/news/article/add/")
    expect(page.locator(".field-publication_state")).to_contain_text("Chưa lưu.")
    page.locator("#id_title").fill("Bản tin xem trước khi đăng")
    page.locator("#id_category").select_option(label="Tin hoạt động Liên hiệp Hội")
    page.locator(".field-body .ck-editor__editable").click()
    page.keyboard.type("Nội dung gõ trong trình soạn thảo, chưa lưu.")
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Xem trước").click()
    preview = popup.value
    expect(preview.get_by_role("heading", level=1)).to_have_text("Bản tin xem trước khi đăng")
    expect(preview.locator(".article__body")).to_contain_text("chưa lưu.")
    expect(preview.get_by_role("status")).to_contain_text("chưa lưu")
    screenshot(preview, "article-preview")
    assert not Article.objects.filter(title="Bản tin xem trước khi đăng").exists()
