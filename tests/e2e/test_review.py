"""Editorial review in Chromium: a contributor writes and submits, an
approver finds it on the admin index, approves, and it is on the home page;
a change to it waits, the approver reads the diff and approves it. Then the
desk of each role, and the preview link on a phone and a desktop."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from lhh.groups import APPROVER_GROUP, CONTRIBUTOR_GROUP, EDITOR_GROUP

PASSWORD = "mat-khau-duyet-bai-2026"
WIDTHS = [390, 1280]


@pytest.fixture
def people(site, django_user_model):
    found = {}
    for username, first, last, group in [
        ("congtacvien", "Phạm Văn", "Đức", CONTRIBUTOR_GROUP),
        ("bientapvien", "Nguyễn Thị", "Hoa", EDITOR_GROUP),
        ("nguoiduyet", "Hoàng Thị", "Mai", APPROVER_GROUP),
    ]:
        user = django_user_model.objects.create_user(
            username,
            f"{username}@example.com",
            PASSWORD,
            first_name=first,
            last_name=last,
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=group))
        found[group] = user
    return found


def logged_in(browser, site, user, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site.url + "/admin/login/?next=/admin/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("#logout-form")).to_be_attached()
    return page


def test_a_contributors_article_reaches_the_home_page_only_through_an_approver(
    browser, site, people, screenshot
):
    from news.models import Article

    title = "Hội thảo nông nghiệp công nghệ cao do cộng tác viên viết"
    writer = logged_in(browser, site, people[CONTRIBUTOR_GROUP])
    writer.goto(site.url + "/admin/news/article/add/")
    writer.locator("#id_title").fill(title)
    writer.locator("#id_category").select_option(label="Tin hoạt động Liên hiệp Hội")
    writer.locator("#id_summary").fill("Hội thảo giới thiệu mô hình nhà kính thông minh.")
    writer.locator(".field-body .ck-editor__editable").click()
    writer.keyboard.type("Hơn 100 nông dân dự hội thảo tại Đơn Dương.")
    # A contributor is offered sending for review, never publishing.
    expect(writer.get_by_role("button", name="Duyệt và đăng")).to_have_count(0)
    writer.get_by_role("button", name="Gửi duyệt").click()
    expect(writer.locator(".messagelist")).to_contain_text("Nháp → Chờ duyệt")
    article = Article.objects.get(title=title)
    assert article.status == "pending"

    visitor = browser.new_page()
    visitor.goto(site.url + "/")
    expect(visitor.get_by_role("link", name=title)).to_have_count(0)

    approver = logged_in(browser, site, people[APPROVER_GROUP])
    queue = approver.locator("#desk-review")
    expect(queue).to_contain_text(title)
    expect(queue).to_contain_text("gửi vừa xong · Phạm Văn Đức")
    screenshot(approver, "review-desk-approver-1280")
    queue.get_by_role("link", name=title).click()
    expect(approver.locator("#id_title")).to_have_value(title)
    approver.get_by_label("Nhận xét:").fill("Bài đạt, đăng ngay.")
    approver.get_by_role("button", name="Duyệt và đăng").click()
    expect(approver.locator(".messagelist")).to_contain_text("Chờ duyệt → Đã duyệt")

    visitor.goto(site.url + "/")
    link = visitor.get_by_role("link", name=title).first
    expect(link).to_be_visible()
    link.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)

    # A change to the live article waits for the approver, who reads the diff.
    writer.goto(site.url + f"/admin/news/article/{article.pk}/change/")
    writer.locator("#id_title").fill(title + " (cập nhật số liệu)")
    writer.locator("input[name=_save]").click()
    expect(writer.locator(".messagelist")).to_contain_text("đang chờ duyệt")
    visitor.goto(site.url + article.get_absolute_url())
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)

    approver.goto(site.url + "/admin/")
    expect(approver.locator("#desk-review")).to_contain_text("thay đổi bài đang đăng")
    approver.locator("#desk-review").get_by_role("link", name=title).click()
    diff = approver.locator(".pending-change")
    expect(diff).to_contain_text("Thay đổi chờ duyệt — của Phạm Văn Đức")
    expect(diff.locator("td.diff ins")).to_have_text("(cập nhật số liệu)")
    screenshot(approver, "review-diff-1280")
    approver.get_by_role("button", name="Duyệt thay đổi").click()
    expect(approver.locator(".messagelist")).to_be_visible()

    visitor.goto(site.url + "/")
    expect(visitor.get_by_role("link", name=title + " (cập nhật số liệu)").first).to_be_visible()


@pytest.mark.parametrize("group", [CONTRIBUTOR_GROUP, EDITOR_GROUP, APPROVER_GROUP])
def test_each_roles_desk_and_form(browser, site, people, group, screenshot):
    from news.demo import seed_review
    from news.models import Article

    # The demo's articles in review, written by this test's contributor.
    seed_review(
        lambda message: None,
        contributor=people[CONTRIBUTOR_GROUP],
        editor=people[EDITOR_GROUP],
    )
    name = {CONTRIBUTOR_GROUP: "contributor", EDITOR_GROUP: "editor"}.get(group, "approver")
    page = logged_in(browser, site, people[group])
    key = "mine" if group == CONTRIBUTOR_GROUP else "review"
    # Contributors see their own, the returned one too; reviewers what waits.
    expect(page.locator(f"#desk-{key}")).to_contain_text("Sinh viên Đà Lạt giành giải Nhì")
    screenshot(page, f"review-desk-{name}")
    returned = Article.objects.get(status="returned")
    page.goto(site.url + f"/admin/news/article/{returned.pk}/change/")
    expect(page.locator(".review-events")).to_contain_text("ảnh đại diện")
    page.get_by_role("button", name="Tạo liên kết xem trước").click()
    expect(page.locator(".messagelist")).to_contain_text("Đã tạo liên kết xem trước")
    url = page.locator(".preview-links__url").first.input_value()
    screenshot(page, f"review-form-{name}")
    guest = browser.new_page()
    guest.goto(url)
    expect(guest.get_by_text("Bản xem trước — chưa đăng")).to_be_visible()
    expect(guest.get_by_role("heading", level=1)).to_have_text(returned.title)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_preview_link_on_a_phone_and_a_desktop(browser, site, people, width, screenshot):
    from core.models import ReviewStatus
    from news.models import Article, Category

    article = Article.objects.create(
        title="Thông báo tuyển chọn chuyên gia phản biện năm 2027",
        category=Category.objects.get(slug="thong-bao"),
        summary="Liên hiệp Hội tuyển chọn chuyên gia tham gia các hội đồng tư vấn.",
        body="<p>Hồ sơ gửi về Văn phòng trước ngày 30/01/2027.</p>" * 6,
        status=ReviewStatus.PENDING,
        created_by=people[CONTRIBUTOR_GROUP],
    )
    link = article.preview_links.create(created_by=people[APPROVER_GROUP])
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    response = page.goto(site.url + f"/xem-truoc/{link.token}/")
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    banner = page.locator(".preview-banner")
    expect(banner).to_contain_text("Bản xem trước — chưa đăng")
    # The banner stays in sight while reading the article.
    page.evaluate(
        "window.scrollTo(0, document.querySelector('.article__body').getBoundingClientRect().top"
        " + window.scrollY - 40)"
    )
    page.wait_for_timeout(200)
    box = banner.bounding_box()
    assert box is not None and 0 <= box["y"] < 5
    assert box["width"] <= width
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"preview-link-{width}")
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    link.revoked_at = link.created_at
    link.save()
    response = page.goto(site.url + f"/xem-truoc/{link.token}/")
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Liên kết xem trước đã bị thu hồi")
    expect(page.get_by_text(article.title)).to_have_count(0)
    screenshot(page, f"preview-link-gone-{width}")
    context.close()
