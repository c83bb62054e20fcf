"""WCAG 2.1 AA on every public page type, checked by axe-core in Chromium at
a phone's and a desktop's width, and a visible focus on everything the
keyboard reaches on the home page.

axe-core comes from npm at the version in package-lock.json (`make test`
runs `npm ci`). It is evaluated through the DevTools protocol, so the
site's Content-Security-Policy stays on and needs no exception for it.
"""

import os
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [390, 1280]
# Full-page screenshots of these, at both widths, in test-artifacts/.
SCREENSHOTS = {
    "home",
    "article",
    "documents-list",
    "members-index",
    "ask-form",
    "preview-link",
    "preview-link-gone",
    "expired-notice",
    "structure-page",
    "static-page",
    "english-home",
    "english-page",
    "english-structure",
    "english-contact",
    "english-fallback",
    "events-list",
    "events-calendar",
    "event",
    "erasure-request",
    "erasure-confirm",
    "bulletins",
    "bulletin-issue",
    "video-article",
    "contests-list",
    "contest",
    "registration-form",
    "registration-lookup",
}


def _first_url(model_path, manager="published"):
    from django.utils.module_loading import import_string

    model = import_string(model_path)
    queryset = getattr(model.objects, manager)() if manager else model.objects.all()
    return queryset.first().get_absolute_url()


def _expired_notice_url():
    from django.db.models import Q
    from django.utils import timezone

    from news.models import Article

    expired = Q(expires_at__lte=timezone.now())
    return Article.objects.reachable().notices().filter(expired).first().get_absolute_url()


def _preview_url(revoked=False):
    """A preview link (core.views.preview_link) to a new article waiting
    for review; revoked, it is the 410 page."""
    from django.utils import timezone

    from core.models import ReviewStatus
    from news.models import Article, Category

    article = Article.objects.create(
        title="Hội thảo chờ lãnh đạo xem trước",
        category=Category.objects.filter(is_notice=False).first(),
        summary="Bản tin gửi lãnh đạo xem trước khi đăng.",
        body="<p>Nội dung hội thảo, chờ duyệt.</p>",
        status=ReviewStatus.PENDING,
    )
    link = article.preview_links.create(revoked_at=timezone.now() if revoked else None)
    return f"/xem-truoc/{link.token}/"


def _next_event_month_url():
    from events.models import Event

    start = Event.objects.upcoming().first().start_date
    return f"/su-kien/lich/{start.year}/{start.month}/"


def _video_article_url():
    """The demo article with a YouTube player in its body (news.demo)."""
    from news.demo import VIDEO_ARTICLE
    from news.models import Article

    return Article.objects.get(title=VIDEO_ARTICLE["title"]).get_absolute_url()


def _erasure_confirm_url():
    """The page the link in an erasure email opens, for a demo question."""
    from qa.models import Question
    from qa.views import erasure_token

    question = Question.objects.exclude(email="").order_by("pk").first()
    return f"/hoi-dap/xoa-thong-tin/xac-nhan/?t={erasure_token(question)}"


def _registration_erasure_confirm_url():
    from registrations.models import Entry
    from registrations.views import erasure_token

    entry = Entry.objects.exclude(email="").order_by("pk").first()
    return f"/dang-ky/xoa-thong-tin/xac-nhan/?t={erasure_token(entry)}"


# Each public page type, and how to find one of it in the demo content.
PAGES = {
    "home": lambda: "/",
    "news-list": lambda: "/tin-tuc/",
    "category": lambda: _first_url("news.models.Category", manager=None),
    "article": lambda: _first_url("news.models.Article"),
    "documents-list": lambda: "/van-ban/",
    "document": lambda: _first_url("documents.models.Document"),
    "members-index": lambda: "/to-chuc-thanh-vien/",
    "members-group": lambda: _first_url("members.models.OrganizationGroup", manager=None),
    "organization": lambda: _first_url("members.models.Organization", manager="active"),
    "qa-list": lambda: "/hoi-dap/",
    "question": lambda: _first_url("qa.models.Question"),
    "ask-form": lambda: "/hoi-dap/dat-cau-hoi/",
    "lookup": lambda: "/hoi-dap/tra-cuu/",
    "lookup-not-found": lambda: "/hoi-dap/tra-cuu/?ma=ABCDEFGH",
    "lookup-refused": lambda: "/hoi-dap/tra-cuu/?ma=",
    "albums": lambda: "/thu-vien-anh/",
    # Events: the lists, the month calendar (this month's and the next
    # event's), an event page.
    "events-list": lambda: "/su-kien/",
    "events-past": lambda: "/su-kien/da-dien-ra/",
    "events-calendar": lambda: "/su-kien/lich/",
    "events-calendar-month": _next_event_month_url,
    "event": lambda: _first_url("events.models.Event", manager="upcoming"),
    "album": lambda: _first_url("gallery.models.Album"),
    # Bản tin: the shelf and the latest issue; an article with a video.
    "bulletins": lambda: "/ban-tin/",
    "bulletin-issue": lambda: _first_url("bulletins.models.Issue"),
    "video-article": _video_article_url,
    "static-page": lambda: "/gioi-thieu/lien-he/",
    # Leaders and the organisation chart (sitecontent.ContactPoint).
    "structure-page": lambda: "/gioi-thieu/co-cau-to-chuc/",
    "search-results": lambda: "/tim-kiem/?q=khoa+hoc",
    "not-found": lambda: "/khong-co-trang-nay/",
    # Editorial review: a notice past its end date, a preview link, a
    # preview link that no longer works.
    "expired-notice": _expired_notice_url,
    "preview-link": _preview_url,
    "preview-link-gone": lambda: _preview_url(revoked=True),
    # Withdrawal and erasure (qa): the request, the emailed link's page and
    # that page with a link that does not hold.
    "erasure-request": lambda: "/hoi-dap/xoa-thong-tin/",
    "erasure-confirm": _erasure_confirm_url,
    "erasure-confirm-invalid": lambda: "/hoi-dap/xoa-thong-tin/xac-nhan/?t=khong-hop-le",
    # The English section: its home, a page, the pages with contacts, a page
    # not translated yet (Vietnamese text in an English page), a missing page.
    "english-home": lambda: "/en/",
    "english-page": lambda: "/en/about-us/",
    "english-structure": lambda: "/en/structure/",
    "english-contact": lambda: "/en/contact/",
    "english-fallback": lambda: "/en/dieu-le/",
    "english-not-found": lambda: "/en/no-such-page/",
    # Contests and online registration (contests, registrations): the list,
    # a round with its form, an award with results, the form, the lookup
    # (found and not), the erasure request and its emailed link.
    "contests-list": lambda: "/cuoc-thi/",
    "contest": lambda: "/cuoc-thi/hoi-thi-sang-tao-ky-thuat-lan-thu-xi/",
    "award-results": lambda: "/cuoc-thi/giai-thuong-sang-tao-khoa-hoc-cong-nghe-2025/",
    "registration-form": lambda: "/dang-ky/hoi-thi-sang-tao-ky-thuat-lan-thu-xi/",
    "registration-lookup": lambda: "/dang-ky/tra-cuu/?ma=DK4M7P2Q",
    "registration-lookup-not-found": lambda: "/dang-ky/tra-cuu/?ma=ZZZZ2345",
    "registration-erasure": lambda: "/dang-ky/xoa-thong-tin/",
    "registration-erasure-confirm": _registration_erasure_confirm_url,
}
# The pages that do not answer 200.
STATUS = {"not-found": 404, "english-not-found": 404, "preview-link-gone": 410}


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(f"axe-core is required in CI but {AXE} is missing (make runs npm ci)")
        pytest.skip("axe-core is not installed: run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")


def run_axe(page, axe_source):
    page.evaluate(axe_source)
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary),
            }));
        }"""
    )


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"][:8])
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_has_no_axe_violation(browser, site, axe_source, width, screenshot):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = {}
    for name, url in PAGES.items():
        response = page.goto(site.url + url())
        assert response.status == STATUS.get(name, 200), page.url
        if name in SCREENSHOTS:
            screenshot(page, f"{name}-{width}")
        violations = run_axe(page, axe_source)
        if violations:
            failures[f"{name} at {width}px ({page.url})"] = describe(violations)
            screenshot(page, f"axe-{name}-{width}")
    # The question form sent empty: every message, and what points at it.
    page.goto(site.url + PAGES["ask-form"]())
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.get_by_text("Câu hỏi chưa được gửi.").wait_for()
    violations = run_axe(page, axe_source)
    if violations:
        failures[f"ask-form with errors at {width}px"] = describe(violations)
    # The erasure request with a code and email that match nothing.
    page.goto(site.url + PAGES["erasure-request"]())
    page.get_by_label("Mã tra cứu").fill("ZZZZ2345")
    page.get_by_label("Thư điện tử đã dùng khi gửi câu hỏi").fill("khong-co@example.com")
    page.get_by_role("button", name="Gửi yêu cầu").click()
    page.get_by_role("alert").wait_for()
    violations = run_axe(page, axe_source)
    if violations:
        failures[f"erasure-request refused at {width}px"] = describe(violations)
    if width == WIDTHS[0]:
        screenshot(page, f"erasure-request-refused-{width}")
    # The registration form sent empty: every message, and what points at it.
    page.goto(site.url + PAGES["registration-form"]())
    page.get_by_role("button", name="Gửi đăng ký").click()
    page.get_by_text("Đăng ký chưa được gửi.").wait_for()
    violations = run_axe(page, axe_source)
    if violations:
        failures[f"registration-form with errors at {width}px"] = describe(violations)
    screenshot(page, f"registration-form-errors-{width}")
    context.close()
    assert not failures, "\n\n".join(f"{where}\n{what}" for where, what in failures.items())


# How an element looks: it shows focus when, focused from the keyboard, it
# has an outline of at least 2 px or a box shadow, and looks different
# from when it is not focused.
FOCUS_STYLE = r"""el => {
    const keys = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow",
                  "borderTopColor", "borderBottomColor", "backgroundColor", "textDecorationLine"];
    const look = (node) => {
        const style = getComputedStyle(node);
        return keys.map(k => style[k]).join("|");
    };
    // The ring's contrast with what is behind it: the nearest background
    // colour, or every colour of a gradient.
    const rgb = (text) => (text.match(/rgba?\([^)]*\)/g) || [])
        .map(c => c.match(/[\d.]+/g).map(Number))
        .filter(c => c.length < 4 || c[3] > 0);
    const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    let behind = [];
    for (let node = el.parentElement; node && !behind.length; node = node.parentElement) {
        const style = getComputedStyle(node);
        behind = rgb(style.backgroundImage).concat(rgb(style.backgroundColor));
    }
    if (!behind.length) behind = [[255, 255, 255]];
    const ring = rgb(getComputedStyle(el).outlineColor)[0];
    const box = el.getBoundingClientRect();
    return {look: look(el), visible: box.width > 0 && box.height > 0,
            contrast: ring ? Math.min(...behind.map(c => ratio(ring, c))) : 0,
            outline: getComputedStyle(el).outlineStyle !== "none"
                     && parseFloat(getComputedStyle(el).outlineWidth) >= 2,
            shadow: getComputedStyle(el).boxShadow !== "none"};
}"""


# The home page, and the pages of links that are only a picture (album
# covers, photos).
FOCUS_PAGES = ["home", "albums", "album"]


@pytest.mark.parametrize("name", FOCUS_PAGES)
def test_every_focusable_element_shows_focus(browser, site, name):
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(site.url + PAGES[name]())
        page.mouse.move(0, 0)
        seen, unmarked = set(), []
        for _ in range(400):
            page.keyboard.press("Tab")
            element = page.evaluate_handle("document.activeElement")
            key = element.evaluate(
                "el => el === document.body ? null : "
                "(el.id || '') + '|' + (el.getAttribute('href') || el.name || '') "
                "+ '|' + (el.textContent || '').trim().slice(0, 40) + '|' "
                "+ Array.prototype.indexOf.call(document.querySelectorAll('*'), el)"
            )
            if key is None or key in seen:
                if seen:
                    break
                continue
            seen.add(key)
            focused = element.evaluate(FOCUS_STYLE)
            element.evaluate("el => el.blur()")
            blurred = element.evaluate(FOCUS_STYLE)
            element.evaluate("el => el.focus()")
            if not focused["visible"]:
                continue
            if not (focused["outline"] or focused["shadow"]) or focused["look"] == blurred["look"]:
                unmarked.append(f"{width}px: {key}")
            elif focused["outline"] and focused["contrast"] < 3:
                unmarked.append(f"{width}px: {key}: ring {focused['contrast']:.2f}:1")
        context.close()
        assert len(seen) > 30, f"only {len(seen)} elements of {name} reached with Tab at {width}px"
        assert unmarked == [], "no visible focus on:\n" + "\n".join(unmarked)
