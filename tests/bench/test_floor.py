import pytest

pytestmark = pytest.mark.django_db


def test_floor_view_does_not_exist_under_the_site_settings(client):
    assert client.get("/bench/floor/").status_code == 404


def test_floor_view_answers_under_the_benchmark_urls(client, settings):
    settings.ROOT_URLCONF = "bench.urls"
    response = client.get("/bench/floor/")
    assert response.status_code == 200
    assert response.content == b"ok"
