"""The structure and contact pages with their people, the English section
and its language switch, in Chromium; and the administrator editing a
contact point and a page's English text in the admin."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

PASSWORD = "mat-khau-quan-tri-2026"


def alternates(page):
    return {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator("link[rel=alternate][hreflang]").all()
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_visitor_switches_between_the_vietnamese_and_english_structure_pages(
    browser, site, width, screenshot
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site.url + "/gioi-thieu/co-cau-to-chuc/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    leaders = page.get_by_role("region", name="Lãnh đạo Liên hiệp Hội")
    expect(leaders.get_by_role("heading", name="TS. Phạm Thị Lan")).to_be_visible()
    expect(leaders.get_by_role("link", name="chutich@lhhlamdong.vn", exact=True)).to_be_visible()
    chart = page.get_by_role("region", name="Sơ đồ tổ chức")
    expect(chart.get_by_role("heading", name="Văn phòng")).to_be_visible()
    screenshot(page, f"structure-people-{width}")

    page.locator(".site-header").get_by_role("link", name="English").click()
    expect(page).to_have_url(site.url + "/en/structure/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisational structure")
    expect(page.get_by_role("region", name="Leadership")).to_contain_text("Chairwoman")
    assert alternates(page) == {
        "vi": site.url + "/gioi-thieu/co-cau-to-chuc/",
        "en": site.url + "/en/structure/",
    }

    page.get_by_role("link", name="Tiếng Việt", exact=True).click()
    expect(page).to_have_url(site.url + "/gioi-thieu/co-cau-to-chuc/")
    context.close()


def test_the_english_menu_folds_behind_its_button_on_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/en/")
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Contact")).to_be_hidden()
    menu.get_by_text("Menu", exact=True).click()
    screenshot(page, "english-menu-open-390")
    menu.get_by_role("link", name="Contact").click()
    expect(page).to_have_url(site.url + "/en/contact/")
    officials = page.get_by_role("region", name="Contact officials")
    expect(officials).to_contain_text("Head of Office – Office")
    header = page.locator(".site-header").bounding_box()
    assert header["y"] + header["height"] <= 180
    context.close()


def test_an_untranslated_page_reads_in_vietnamese_inside_the_english_section(page, site):
    page.goto(site.url + "/en/dieu-le/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("note")).to_contain_text("has not been translated into English yet")
    expect(page.locator("[lang=vi] h1")).to_have_text("Điều lệ")


@pytest.fixture
def administrator(site, django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@example.com", PASSWORD)


def log_in(page, site, user):
    page.goto(site.url + "/admin/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("#logout-form")).to_be_attached()


def test_administrator_adds_a_contact_official_with_a_portrait(
    page, site, administrator, tmp_path, screenshot
):
    portrait = tmp_path / "chan-dung.jpg"
    Image.new("RGB", (300, 400), (120, 140, 170)).save(portrait)
    log_in(page, site, administrator)
    page.goto(site.url + "/admin/sitecontent/contactpoint/add/")
    page.locator("#id_name").fill("Bà Trần Thị Mai Anh")
    page.locator("#id_role").select_option(label="Cán bộ đầu mối liên hệ")
    page.locator("#id_title").fill("Phó Chánh Văn phòng")
    page.locator("#id_unit").fill("Văn phòng")
    page.locator("#id_phone").fill("0263 3822 475")
    page.locator("#id_email").fill("maianh@lhhlamdong.vn")
    page.locator("#id_title_en").fill("Deputy Head of Office")
    page.locator("#id_unit_en").fill("Office")
    page.locator("#id_photo").set_input_files(str(portrait))
    screenshot(page, "admin-contactpoint-add")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("Bà Trần Thị Mai Anh")
    screenshot(page, "admin-contactpoint-list")

    page.goto(site.url + "/gioi-thieu/lien-he/")
    person = page.locator(".person", has_text="Bà Trần Thị Mai Anh")
    expect(person).to_contain_text("Phó Chánh Văn phòng – Văn phòng")
    photo = person.locator("img.person__photo")
    expect(photo).to_have_attribute("src", re.compile(r"^/media/CACHE/images/contacts/"))
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    page.goto(site.url + "/en/contact/")
    expect(page.locator(".person", has_text="Bà Trần Thị Mai Anh")).to_contain_text(
        "Deputy Head of Office – Office"
    )


def test_administrator_writes_a_pages_english_text_beside_the_vietnamese(
    page, site, administrator, screenshot
):
    from sitecontent.models import Page

    charter = Page.objects.get(slug="dieu-le")
    log_in(page, site, administrator)
    page.goto(site.url + f"/admin/sitecontent/page/{charter.pk}/change/")
    page.locator("#id_title_en").fill("Charter")
    page.locator("#id_summary_en").fill("The Charter of the Union.")
    editable = page.locator(".field-body_en .ck-editor__editable")
    editable.click()
    page.keyboard.type("Article 1. Name: Lam Dong Union of Science and Technology Associations.")
    screenshot(page, "admin-page-english")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("Điều lệ")

    page.goto(site.url + "/en/dieu-le/")
    expect(page).to_have_url(site.url + "/en/charter/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Charter")
    expect(page.locator(".article__body")).to_contain_text("Article 1. Name")
    expect(page.get_by_role("navigation", name="Main menu")).to_contain_text("Charter")
