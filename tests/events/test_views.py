from datetime import date, timedelta

import pytest
from django.utils import timezone

from documents.models import Document, DocumentType, Issuer
from members.models import Organization, OrganizationGroup

from .factories import EventFactory, local

pytestmark = pytest.mark.django_db


def main(client, url):
    """The page's own content, without the sidebar (which lists events too)."""
    page = client.get(url).content.decode()
    return page[page.index("<main") : page.index("</main>")]


def test_the_upcoming_list_shows_events_to_come_soonest_first(client):
    later = EventFactory(
        title="Tập huấn kỹ năng phản biện", starts_at=timezone.now() + timedelta(days=9)
    )
    sooner = EventFactory(
        title="Hội thảo công nghệ số", starts_at=timezone.now() + timedelta(days=3)
    )
    EventFactory(title="Hội thảo đã qua", past=True)
    EventFactory(title="Bản nháp chưa duyệt", draft=True)
    page = main(client, "/su-kien/")
    assert page.index(sooner.title) < page.index(later.title)
    assert "Hội thảo đã qua" not in page and "Bản nháp chưa duyệt" not in page


def test_the_past_list_shows_events_that_are_over(client):
    EventFactory(title="Hội thảo đã qua", past=True)
    EventFactory(title="Hội thảo sắp tới")
    page = main(client, "/su-kien/da-dien-ra/")
    assert "Hội thảo đã qua" in page and "Hội thảo sắp tới" not in page


def test_the_lists_are_paginated(client):
    EventFactory.create_batch(12)
    assert "Trang 1/2 trang" in client.get("/su-kien/").content.decode()
    assert client.get("/su-kien/?page=2").status_code == 200


def test_the_event_page_shows_time_place_organiser_documents_and_links(client):
    group = OrganizationGroup.objects.create(name="Hội chuyên ngành")
    organization = Organization.objects.create(name="Hội Tin học tỉnh Lâm Đồng", group=group)
    document = Document.objects.create(
        number="12/KH-LHH",
        issued_on=date(2026, 6, 1),
        summary="Kế hoạch tổ chức hội thảo",
        type=DocumentType.objects.create(name="Kế hoạch"),
        issuer=Issuer.objects.create(name="Liên hiệp Hội"),
        status="published",
    )
    hidden = Document.objects.create(
        number="13/KH-LHH",
        issued_on=date(2026, 6, 1),
        summary="Văn bản chưa đăng",
        type=document.type,
        issuer=document.issuer,
    )
    event = EventFactory(
        starts_at=local(date.today() + timedelta(days=30), 8),
        ends_at=local(date.today() + timedelta(days=30), 11, 30),
        place="Hội trường A",
        map_url="https://www.openstreetmap.org/?mlat=11.94&mlon=108.44",
        organization=organization,
        organiser_name="Sở Khoa học và Công nghệ (phối hợp)",
        registration_url="https://forms.example.com/dang-ky",
    )
    event.documents.set([document, hidden])
    page = client.get(event.get_absolute_url()).content.decode()
    assert event.when_in_words in page
    assert "08:00 – 11:30" in page
    assert (
        "Hội trường A" in page
        and "https://www.openstreetmap.org/?mlat=11.94&amp;mlon=108.44" in page
    )
    assert "Hội Tin học tỉnh Lâm Đồng" in page and "Sở Khoa học và Công nghệ (phối hợp)" in page
    assert "12/KH-LHH" in page and "13/KH-LHH" not in page
    assert f'href="/su-kien/{event.slug}.ics"' in page and "Thêm vào lịch" in page
    assert 'href="https://forms.example.com/dang-ky"' in page


def test_a_draft_event_is_not_found_by_visitors(client):
    event = EventFactory(draft=True)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ical_url()).status_code == 404


def test_staff_who_may_edit_events_preview_a_draft(admin_client):
    event = EventFactory(draft=True)
    response = admin_client.get(event.get_absolute_url())
    assert "Bản xem trước" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


# The month calendar ----------------------------------------------------------


def test_the_calendar_shows_the_events_of_the_month_on_their_days(client):
    EventFactory(title="Hội thảo tháng Bảy", starts_at=local(date(2026, 7, 14), 8),
                 ends_at=local(date(2026, 7, 14), 11))  # fmt: skip
    EventFactory(title="Hội thảo tháng Chín", starts_at=local(date(2026, 9, 14), 8),
                 ends_at=local(date(2026, 9, 14), 11))  # fmt: skip
    page = main(client, "/su-kien/lich/2026/7/")
    assert "LỊCH SỰ KIỆN THÁNG 7/2026" in page
    assert "Hội thảo tháng Bảy" in page and "Hội thảo tháng Chín" not in page
    assert "08:00" in page
    assert 'href="/su-kien/lich/2026/6/"' in page and 'href="/su-kien/lich/2026/8/"' in page


def test_the_calendar_without_a_month_is_this_month(client):
    today = timezone.localdate()
    page = main(client, "/su-kien/lich/")
    assert f"LỊCH SỰ KIỆN THÁNG {today.month}/{today.year}" in page
    assert "(hôm nay)" in page


def test_an_event_spanning_two_months_shows_in_both(client):
    EventFactory(title="Tập huấn chuyển tháng", is_all_day=True,
                 starts_at=local(date(2026, 7, 30)), ends_at=local(date(2026, 8, 2)))  # fmt: skip
    for month in (7, 8):
        page = main(client, f"/su-kien/lich/2026/{month}/")
        assert "Tập huấn chuyển tháng" in page
    # 30, 31 July and 1, 2 August: once a day in the grid of July, which
    # shows the first days of August too.
    assert main(client, "/su-kien/lich/2026/7/").count("Tập huấn chuyển tháng") == 4


def test_the_calendar_keeps_events_at_the_month_bounds(client):
    EventFactory(title="Sự kiện ngày đầu tháng", starts_at=local(date(2026, 7, 1), 0, 0),
                 ends_at=local(date(2026, 7, 1), 1))  # fmt: skip
    EventFactory(title="Sự kiện đêm cuối tháng", starts_at=local(date(2026, 7, 31), 23, 30),
                 ends_at=local(date(2026, 7, 31), 23, 59))  # fmt: skip
    EventFactory(title="Sự kiện tháng trước", starts_at=local(date(2026, 6, 10), 23),
                 ends_at=local(date(2026, 6, 10), 23, 59))  # fmt: skip
    page = main(client, "/su-kien/lich/2026/7/")
    assert "Sự kiện ngày đầu tháng" in page and "Sự kiện đêm cuối tháng" in page
    assert "Sự kiện tháng trước" not in page


def test_the_calendar_leaves_out_drafts(client):
    EventFactory(title="Bản nháp trong lịch", draft=True, starts_at=local(date(2026, 7, 14), 8),
                 ends_at=local(date(2026, 7, 14), 9))  # fmt: skip
    assert "Bản nháp trong lịch" not in main(client, "/su-kien/lich/2026/7/")


@pytest.mark.parametrize(
    "url",
    [
        "/su-kien/lich/2026/13/",
        "/su-kien/lich/2026/0/",
        "/su-kien/lich/99999/1/",
        "/su-kien/lich/1/1/",
        "/su-kien/lich/2026/99999999999999999999999/",
        "/su-kien/lich/nam/7/",
        "/su-kien/khong-co-su-kien-nay/",
        "/su-kien/khong-co-su-kien-nay.ics",
        "/su-kien/%E2%80%AE.ics",
        "/su-kien/?page=abc",
    ],
)
def test_forged_addresses_answer_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["?thang=13&nam=99999", "?page=%00", "?month=abc"])
def test_any_query_string_on_the_calendar_is_harmless(client, query):
    assert client.get(f"/su-kien/lich/2026/7/{query}").status_code == 200


def test_the_calendar_has_no_link_beyond_the_last_year(client):
    page = main(client, "/su-kien/lich/2100/12/")
    assert "/su-kien/lich/2101/" not in page


# The sidebar block -----------------------------------------------------------


def test_the_sidebar_lists_upcoming_events_soonest_first(client):
    later = EventFactory(
        title="Đại hội đại biểu lần thứ VI", starts_at=timezone.now() + timedelta(days=40)
    )
    sooner = EventFactory(title="Tập huấn kỹ năng", starts_at=timezone.now() + timedelta(days=5))
    EventFactory(title="Sự kiện đã qua trong khối", past=True)
    EventFactory(title="Nháp trong khối", draft=True)
    page = client.get("/").content.decode()
    block = page[page.index("SỰ KIỆN SẮP DIỄN RA") :]
    assert block.index(sooner.title) < block.index(later.title)
    assert "Sự kiện đã qua trong khối" not in page and "Nháp trong khối" not in page


def test_a_new_event_shows_in_the_sidebar_at_once(client):
    client.get("/")
    EventFactory(title="Hội thảo vừa đăng")
    assert "Hội thảo vừa đăng" in client.get("/").content.decode()


def test_an_event_with_an_online_form_links_to_it_until_it_closes(client):
    from registrations.models import RegistrationForm

    form = RegistrationForm.objects.create(
        title="Đăng ký tham dự hội thảo", closes_at=timezone.now() + timedelta(days=3)
    )
    event = EventFactory(slug="co-dang-ky", registration_form=form)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{form.get_absolute_url()}"' in html and "Đăng ký trực tuyến" in html
    form.closes_at = timezone.now() - timedelta(minutes=1)
    form.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{form.get_absolute_url()}"' not in html
    assert "Đăng ký trực tuyến đã đóng." in html
