import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect

from lhh.groups import APPROVER_GROUP

PASSWORD = "mat-khau-bien-tap-2026"
ARTICLE_PATH = (
    "/tin-tuc/tin-hoat-dong-lhh-viet-nam/hoi-nghi-giao-ban-toan-quoc-lien-hiep-hoi-viet-nam-2017/"
)


@pytest.fixture
def editor(site, django_user_model):
    # Publishing is the approvers' (editorial review, core.review).
    user = django_user_model.objects.create_user(
        "bientapvien", "bientap@example.com", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=APPROVER_GROUP))
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
    # The editor asks the uploaded picture's alt text at once.
    dialog = page.get_by_role("dialog", name="Thư viện ảnh")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Lưu chữ thay thế").click()
    expect(dialog.get_by_text("Hãy nhập chữ thay thế cho ảnh.")).to_be_visible()
    dialog.get_by_label("Chữ thay thế (alt)").fill("Khách mời hội thảo chuyển đổi số")
    dialog.get_by_role("button", name="Lưu chữ thay thế").click()
    expect(dialog).to_be_hidden()
    expect(editable.locator("img[alt='Khách mời hội thảo chuyển đổi số']")).to_have_count(1)
    expect(editable.locator("strong")).to_have_text("quan trọng")

    page.get_by_role("button", name="Duyệt và đăng", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    page.goto(site.url + "/")
    link = page.get_by_role("link", name=title).first
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    body = page.locator(".article__body")
    expect(body.locator("strong")).to_have_text("quan trọng")
    image = body.locator("img")
    expect(image).to_have_attribute("alt", "Khách mời hội thảo chuyển đổi số")
    # A rendition of the upload (never enlarged: it is 120 px wide).
    src = image.get_attribute("src")
    assert re.fullmatch(r"/media/CACHE/images/editor/\d{4}/\d{2}/[0-9a-f]{32}/\w+\.jpg", src)
    assert image.get_attribute("srcset") == f"{src} 120w"
    assert (image.get_attribute("width"), image.get_attribute("height")) == ("120", "80")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # The library learnt the alt text, for the next time it is inserted.
    from medialibrary.models import MediaItem

    assert MediaItem.objects.get(file__endswith=".png", uploaded_by=editor).alt_text == (
        "Khách mời hội thảo chuyển đổi số"
    )


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


def test_editor_inserts_a_library_picture_with_its_alt_text(page, site, editor, screenshot):
    """The demo's unused library picture (800 × 450, no alt text yet) is
    found without diacritics, described and inserted into a new article;
    the published page draws it from renditions."""
    from medialibrary.models import MediaItem

    item = MediaItem.objects.get(caption__startswith="Hội thảo khoa học")
    uploads_before = MediaItem.objects.count()
    title = "Tin có ảnh chọn lại từ thư viện"
    alt = "Nhà khoa học trình bày ứng dụng công nghệ cho nông dân"

    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(editor.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(site.url + "/admin/news/article/add/")
    page.locator("#id_title").fill(title)
    page.locator("#id_category").select_option(label="Tin hoạt động Liên hiệp Hội")
    editable = page.locator(".field-body .ck-editor__editable")
    editable.click()
    page.keyboard.type("Đoạn mở đầu của tin.")

    page.get_by_role("button", name="Chèn ảnh từ thư viện").click()
    dialog = page.get_by_role("dialog", name="Thư viện ảnh")
    expect(dialog.get_by_role("status")).to_contain_text("ảnh trong thư viện")
    dialog.get_by_label("Tìm ảnh").fill("hoi thao nong nghiep")
    dialog.get_by_label("Tìm ảnh").press("Enter")
    expect(dialog.get_by_role("status")).to_have_text("1 ảnh trong thư viện khớp với từ tìm.")
    screenshot(page, "editor-library-picker")
    dialog.get_by_role("button", name=item.caption).click()
    # No alt text yet: the dialog will not insert the picture without one.
    dialog.get_by_role("button", name="Chèn vào bài").click()
    expect(dialog.get_by_text("Hãy nhập chữ thay thế cho ảnh.")).to_be_visible()
    dialog.get_by_label("Chữ thay thế (alt)").fill(alt)
    dialog.get_by_label("Chú thích hiện dưới ảnh").fill("Buổi hội thảo ở xã")
    screenshot(page, "editor-library-describe")
    dialog.get_by_role("button", name="Chèn vào bài").click()
    expect(dialog).to_be_hidden()
    expect(editable.locator(f"img[alt='{alt}']")).to_have_attribute("src", item.file.url)
    expect(editable.locator("figcaption")).to_have_text("Buổi hội thảo ở xã")

    page.get_by_role("button", name="Duyệt và đăng", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)
    assert MediaItem.objects.count() == uploads_before, "nothing uploaded twice"

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site.url + "/")
    page.get_by_role("link", name=title).first.click()
    image = page.locator(".article__body img")
    expect(image).to_have_attribute("alt", alt)
    srcset = image.get_attribute("srcset")
    assert re.fullmatch(
        r"/media/CACHE/images/editor/\S+\.jpg 480w, /media/CACHE/images/editor/\S+\.jpg 800w",
        srcset,
    ), srcset
    assert (image.get_attribute("width"), image.get_attribute("height")) == ("800", "450")
    # A phone loads the small rendition, not the upload.
    image.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    current = image.evaluate("img => img.naturalWidth > 0 && new URL(img.currentSrc).pathname")
    assert f"{current} 480w" in srcset
    expect(page.locator(".article__body figcaption")).to_have_text("Buổi hội thảo ở xã")
    screenshot(page, "article-library-picture-390")
    item.refresh_from_db()
    assert item.usages.count() == 1


def test_editor_pastes_a_youtube_address_and_the_article_shows_a_player(page, site, editor):
    """The editor's "Chèn đa phương tiện" takes the address; the sanitizer
    stores a youtube-nocookie player (core.videos). YouTube itself is never
    loaded: the test has no internet, and the frame's attributes say it all."""
    page.route(re.compile(r"https://www\.youtube-nocookie\.com/.*"), lambda route: route.abort())
    title = "Bài có video dán từ YouTube"
    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(editor.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(site.url + "/admin/news/article/add/")
    page.locator("#id_title").fill(title)
    page.locator("#id_category").select_option(label="Tin hoạt động Liên hiệp Hội")
    page.locator(".field-body .ck-editor__editable").click()
    page.keyboard.type("Mời xem video.")
    page.locator(".field-body").get_by_role("button", name="Chèn đa phương tiện").click()
    address = page.locator(".ck-media-form input")
    address.fill("https://www.youtube.com/watch?v=M7lc1UVf-VE")
    address.press("Enter")
    expect(page.locator(".field-body .ck-editor__editable .media")).to_have_count(1)
    page.get_by_role("button", name="Duyệt và đăng", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(title)

    from news.models import Article

    page.goto(site.url + Article.objects.get(title=title).get_absolute_url())
    player = page.locator(".article__body iframe")
    expect(player).to_have_count(1)
    assert player.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    )
    assert player.get_attribute("loading") == "lazy"
    assert player.get_attribute("title")
