"""The PDF's text is read by the worker after the upload is committed; until
then the page says so and search does not know the text."""

import pytest

from .factories import IssueFactory, pdf_upload

pytestmark = pytest.mark.django_db(transaction=True)

PENDING = "Tệp PDF đang xử lý"


@pytest.fixture
def uploaded(queue):
    """An issue just uploaded, its text not read yet (the worker has not run)."""
    return IssueFactory(
        pdf=pdf_upload(lines=["Mo hinh nha kinh thong minh tai Don Duong"]),
        cover="",
        worker=False,
    )


def test_the_upload_is_saved_without_reading_its_text(uploaded, queue):
    uploaded.refresh_from_db()
    assert uploaded.is_text_pending is True
    assert uploaded.pdf_text == ""
    assert queue.huey.pending_count() == 1


def test_the_page_says_the_pdf_is_being_processed(client, uploaded):
    html = client.get(uploaded.get_absolute_url()).content.decode()
    assert PENDING in html
    assert (
        uploaded.get_absolute_url()
        not in client.get("/tim-kiem/", {"q": "nha kinh"}).content.decode()
    )


def test_the_worker_reads_the_text_into_the_page_and_search(client, uploaded, queue):
    url = uploaded.get_absolute_url()
    client.get(url)  # the page as cached before the worker ran
    assert queue.run() == 1
    uploaded.refresh_from_db()
    assert uploaded.is_text_pending is False
    assert "nha kinh thong minh" in uploaded.pdf_text.lower()
    assert PENDING not in client.get(url).content.decode()
    # Found with or without diacritics, as every search is.
    for query in ("nhà kính thông minh", "nha kinh Don Duong"):
        results = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert url in results, query
