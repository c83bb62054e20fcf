"""The contests' public pages: the list, a programme's page with its
timeline, rules, forms, registration button and results."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from contests.models import Programme, ProgrammeFile, ProgrammeKind
from core.models import Status
from documents.demo import make_pdf
from registrations.models import RegistrationForm
from search import registry

from ..qa.conftest import queries_for  # noqa: F401

pytestmark = pytest.mark.django_db

LIST = "/cuoc-thi/"


def make_programme(n=0, **fields):
    values = {
        "title": f"Hội thi Sáng tạo kỹ thuật lần thứ {n + 1}",
        "kind": ProgrammeKind.CONTEST,
        "year": 2020 + n % 7,
        "summary": "Phát hiện và tôn vinh các giải pháp kỹ thuật mới.",
        "rules": "<p>Thể lệ: giải pháp có <strong>tính mới</strong>.</p><script>x()</script>",
        "opens_on": date(2026, 1, 1),
        "deadline_on": date(2026, 6, 30),
        "judging_on": date(2026, 8, 1),
        "ceremony_on": date(2026, 9, 2),
        "status": Status.PUBLISHED,
        **fields,
    }
    return Programme.objects.create(**values)


def add_file(programme, title="Phiếu đăng ký dự thi"):
    stored = ProgrammeFile(
        programme=programme,
        title=title,
        file=ContentFile(make_pdf(["Phieu dang ky"]), name="phieu.pdf"),
    )
    stored.save()
    return stored


def test_the_list_shows_published_programmes_only(client):
    make_programme(0, title="Hội thi đã đăng")
    make_programme(1, title="Hội thi còn nháp", status=Status.DRAFT)
    html = client.get(LIST).content.decode()
    assert "Hội thi đã đăng" in html
    assert "Hội thi còn nháp" not in html


def test_a_draft_is_404_for_visitors(client):
    draft = make_programme(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_the_page_shows_timeline_rules_files_and_the_register_button(client):
    form = RegistrationForm.objects.create(
        title="Đăng ký dự thi", closes_at=timezone.now() + timedelta(days=10)
    )
    programme = make_programme(registration_form=form)
    add_file(programme)
    html = client.get(programme.get_absolute_url()).content.decode()
    for text in ("Phát động", "01/01/2026", "Hạn nộp hồ sơ", "30/06/2026", "Trao giải"):
        assert text in html
    assert "<strong>tính mới</strong>" in html
    assert "<script>" not in Programme.objects.get().rules
    assert "Phiếu đăng ký dự thi" in html
    assert f'href="{form.get_absolute_url()}">Đăng ký trực tuyến</a>' in html


def test_a_closed_form_shows_no_register_button(client):
    form = RegistrationForm.objects.create(
        title="Đăng ký dự thi", closes_at=timezone.now() - timedelta(days=1)
    )
    html = client.get(make_programme(registration_form=form).get_absolute_url()).content.decode()
    assert "Đăng ký trực tuyến đã đóng." in html
    assert ">Đăng ký trực tuyến</a>" not in html


def test_results_wait_for_publication_or_the_ceremony(client):
    future = timezone.localdate() + timedelta(days=30)
    programme = make_programme(results="<p>Giải Nhất: Máy sấy.</p>", ceremony_on=future)
    html = client.get(programme.get_absolute_url()).content.decode()
    assert "Giải Nhất" not in html
    assert "Kết quả sẽ được công bố sau lễ trao giải" in html
    programme.is_results_published = True
    programme.save()
    assert "Giải Nhất" in client.get(programme.get_absolute_url()).content.decode()
    past = make_programme(1, results="<p>Giải Ba: Bơm.</p>", ceremony_on=date(2025, 1, 1))
    assert "Giải Ba" in client.get(past.get_absolute_url()).content.decode()


def test_a_file_downloads_under_its_own_name(client):
    stored = add_file(make_programme())
    response = client.get(stored.get_absolute_url())
    assert response.status_code == 200
    assert "phieu.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"


def test_a_draft_programmes_files_are_not_served(client):
    stored = add_file(make_programme(status=Status.DRAFT))
    assert client.get(stored.get_absolute_url()).status_code == 404
    assert client.get(stored.file.url).status_code == 404


def test_a_timeline_out_of_order_cannot_be_saved():
    from django.core.exceptions import ValidationError

    programme = make_programme()
    programme.ceremony_on = date(2025, 1, 1)
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "theo thứ tự" in str(error.value)


@pytest.mark.parametrize(
    "url",
    [
        "/cuoc-thi/khong-co/",
        "/cuoc-thi/?page=abc",
        "/cuoc-thi/?page=99999",
        "/cuoc-thi/khong-co/tai-ve/1/",
        "/cuoc-thi/khong-co/tai-ve/99999999999999999999/",
    ],
)
def test_forged_addresses_never_answer_500(client, url):
    make_programme()
    assert client.get(url).status_code in (200, 404)


def test_programmes_are_found_by_search(client):
    programme = make_programme(title="Giải thưởng Sáng tạo Khoa học và Công nghệ")
    assert Programme in registry.models()
    html = client.get("/tim-kiem/", {"q": "giai thuong sang tao"}).content.decode()
    assert f'href="{programme.get_absolute_url()}"' in html


def test_the_sitemap_lists_published_programmes(client):
    published = make_programme()
    draft = make_programme(1, status=Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_the_menu_and_site_map_link_the_contests(client):
    html = client.get("/so-do-trang/").content.decode()
    assert 'href="/cuoc-thi/"' in html


def test_the_list_runs_the_same_queries_at_two_sizes(queries_for):  # noqa: F811
    # With a query string: past the page cache, so the view's own queries.
    make_programme()
    few = queries_for(LIST, {"page": "1"})
    assert few > 0
    for n in range(1, 25):
        make_programme(n)
    assert queries_for(LIST, {"page": "1"}) == few
    assert queries_for(LIST, {"page": "2"}) == few


def test_the_page_runs_the_same_queries_at_two_sizes(queries_for):  # noqa: F811
    form = RegistrationForm.objects.create(
        title="Đăng ký dự thi", closes_at=timezone.now() + timedelta(days=10)
    )
    programme = make_programme(registration_form=form)
    add_file(programme)
    url = programme.get_absolute_url()
    few = queries_for(url, {"v": "1"})
    assert few > 0
    for n in range(8):
        add_file(programme, title=f"Mẫu số {n}")
        make_programme(n + 1)
    assert queries_for(url, {"v": "1"}) == few
