import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gallery.models import Album, Photo

from .factories import AlbumFactory, PhotoFactory
from .images import (
    decompression_bomb,
    good_jpeg,
    good_png,
    html_named_jpg,
    svg,
    truncated_jpeg,
)

pytestmark = pytest.mark.django_db


def change_url(album):
    return reverse("admin:gallery_album_change", args=[album.pk])


def form_data(album, photos=(), **extra):
    """The change form as the browser posts it, with the inline photos."""
    published_at = timezone.localtime(album.published_at)
    data = {
        "title": album.title,
        "slug": album.slug,
        "event_on": "",
        "description": album.description,
        "cover": album.cover_id or "",
        "status": album.status,
        "published_at_0": published_at.strftime("%d/%m/%Y"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "photos-TOTAL_FORMS": len(photos),
        "photos-INITIAL_FORMS": len(photos),
        "photos-MIN_NUM_FORMS": 0,
        "photos-MAX_NUM_FORMS": 1000,
        "_save": "Lưu lại",
    }
    for index, photo in enumerate(photos):
        data[f"photos-{index}-id"] = photo.pk
        data[f"photos-{index}-album"] = album.pk
        data[f"photos-{index}-caption"] = photo.caption
        data[f"photos-{index}-order"] = photo.order
    data.update(extra)
    return data


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_bulk_upload_adds_every_good_photo(admin_client):
    album = AlbumFactory()
    response = admin_client.post(
        change_url(album), form_data(album, new_photos=[good_jpeg("a.jpg"), good_png("b.png")])
    )
    assert response.status_code == 302
    assert album.photos.count() == 2
    assert "Đã thêm 2 ảnh vào album. Hãy điền chú thích cho từng ảnh." in messages_of(response)


@pytest.mark.parametrize(
    "bad_file",
    [svg, html_named_jpg, truncated_jpeg, decompression_bomb],
    ids=["svg", "html-renamed-jpg", "truncated-jpeg", "decompression-bomb"],
)
def test_bulk_upload_refuses_a_bad_file_by_name_and_keeps_the_good_ones(admin_client, bad_file):
    album = AlbumFactory()
    bad = bad_file()
    response = admin_client.post(
        change_url(album),
        form_data(album, new_photos=[good_jpeg("tot-1.jpg"), bad, good_png("tot-2.png")]),
    )
    kept = sorted(name.rsplit(".", 1)[-1] for name in album.photos.values_list("image", flat=True))
    assert kept == ["jpg", "png"]
    errors = [m for m in messages_of(response) if bad.name in m]
    assert len(errors) == 1


def test_bulk_upload_refuses_a_photo_with_too_many_pixels(admin_client, settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    album = AlbumFactory()
    response = admin_client.post(
        change_url(album),
        form_data(
            album, new_photos=[good_jpeg("nho.jpg", (80, 60)), good_jpeg("to.jpg", (400, 300))]
        ),
    )
    assert [(p.width, p.height) for p in album.photos.all()] == [(80, 60)]
    assert "Ảnh “to.jpg” có quá nhiều điểm ảnh (400×300)." in messages_of(response)


def test_bulk_upload_refuses_an_oversized_file(admin_client, settings):
    settings.IMAGE_MAX_UPLOAD_SIZE = 2000
    album = AlbumFactory()
    big = good_jpeg("rat-lon.png", (600, 400))
    big.name = "rat-lon.jpg"
    assert big.size > 2000
    response = admin_client.post(
        change_url(album), form_data(album, new_photos=[good_jpeg("nho.jpg", (20, 20)), big])
    )
    assert album.photos.count() == 1
    assert any("“rat-lon.jpg” quá lớn" in m for m in messages_of(response))


def test_new_photos_are_ordered_after_the_existing_ones(admin_client):
    album = AlbumFactory()
    existing = PhotoFactory(album=album, order=7)
    admin_client.post(
        change_url(album),
        form_data(album, [existing], new_photos=[good_jpeg("a.jpg"), good_jpeg("b.jpg")]),
    )
    orders = list(album.photos.exclude(pk=existing.pk).values_list("order", flat=True))
    assert orders == [8, 9]


def test_after_an_upload_staff_stay_on_the_form_to_write_captions(admin_client):
    album = AlbumFactory()
    response = admin_client.post(change_url(album), form_data(album, new_photos=[good_jpeg()]))
    assert response["Location"] == change_url(album)


def test_new_album_can_be_created_with_its_photos(admin_client):
    album = Album(title="Hội thảo khoa học", published_at=timezone.now())
    data = form_data(album, new_photos=[good_jpeg("a.jpg"), svg("b.svg")])
    response = admin_client.post(reverse("admin:gallery_album_add"), data)
    created = Album.objects.get(title="Hội thảo khoa học")
    assert response.status_code == 302
    assert created.photos.count() == 1


def test_captions_and_order_are_edited_inline(admin_client):
    album = AlbumFactory()
    photo = PhotoFactory(album=album, caption="", order=1)
    photo.caption = "Toàn cảnh hội nghị"
    photo.order = 3
    admin_client.post(change_url(album), form_data(album, [photo]))
    photo.refresh_from_db()
    assert (photo.caption, photo.order) == ("Toàn cảnh hội nghị", 3)


def test_cover_is_chosen_among_the_album_photos(admin_client):
    album = AlbumFactory()
    photo = PhotoFactory(album=album)
    admin_client.post(change_url(album), form_data(album, [photo], cover=photo.pk))
    album.refresh_from_db()
    assert album.cover == photo


def test_cover_from_another_album_is_refused_in_the_form(admin_client):
    album = AlbumFactory()
    stranger = PhotoFactory()
    response = admin_client.post(change_url(album), form_data(album, cover=stranger.pk))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["cover"]
    album.refresh_from_db()
    assert album.cover is None


def test_change_form_shows_thumbnails_and_warns_about_missing_captions(admin_client):
    album = AlbumFactory()
    photo = PhotoFactory(album=album, caption="")
    PhotoFactory(album=album, caption="Có chú thích")
    response = admin_client.get(change_url(album))
    content = response.content.decode()
    assert photo.thumbnail.url in content
    assert "1 ảnh chưa có chú thích" in content


def test_album_list_counts_photos_and_missing_captions(admin_client):
    album = AlbumFactory(title="Album đếm ảnh")
    PhotoFactory(album=album, caption="")
    PhotoFactory(album=album)
    response = admin_client.get(reverse("admin:gallery_album_changelist"))
    assert response.context["cl"].result_list[0].missing_captions == 1
    assert response.context["cl"].result_list[0].photo_total == 2


def test_bad_album_id_in_the_admin_is_not_an_error(admin_client):
    response = admin_client.get("/admin/gallery/album/khong-phai-so/change/")
    assert response.status_code == 302
    assert Photo.objects.count() == 0


def test_change_form_queries_do_not_grow_with_photos(admin_client, django_assert_max_num_queries):
    album = AlbumFactory()
    PhotoFactory.create_batch(2, album=album)
    admin_client.get(change_url(album))
    with CaptureQueriesContext(connection) as few:
        admin_client.get(change_url(album))
    PhotoFactory.create_batch(10, album=album)
    with django_assert_max_num_queries(len(few)):
        admin_client.get(change_url(album))


@pytest.fixture
def editor_client(client, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("bientap", is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["admin_client", "editor_client"])
def test_cover_is_picked_from_thumbnails_with_captions(request, who):
    client = request.getfixturevalue(who)
    album = AlbumFactory()
    first = PhotoFactory(album=album, caption="Toàn cảnh hội nghị")
    second = PhotoFactory(album=album, caption="Trao giải thưởng")
    PhotoFactory(caption="Ảnh của album khác")
    response = client.get(change_url(album))
    cover = str(response.context["adminform"].form["cover"])
    for photo in (first, second):
        assert f'type="radio" name="cover" value="{photo.pk}"' in cover
        assert f'<img src="{photo.thumbnail.url}"' in cover
        assert photo.caption in cover
    assert "Ảnh của album khác" not in cover
    assert "Không chọn (dùng ảnh đầu tiên của album)" in cover
    assert "css/gallery-admin.css" in response.content.decode()
    client.post(change_url(album), form_data(album, [first, second], cover=second.pk))
    album.refresh_from_db()
    assert album.cover == second


def test_numbers_typed_in_the_photo_inline_reorder_the_album(admin_client):
    # What staff without JavaScript do; a drag fills in the same numbers.
    album = AlbumFactory()
    photos = [PhotoFactory(album=album, order=n) for n in (1, 2, 3)]
    for photo, order in zip(photos, (2, 3, 1), strict=True):
        photo.order = order
    response = admin_client.post(change_url(album), form_data(album, photos))
    assert response.status_code == 302
    assert list(album.photos.all()) == [photos[2], photos[0], photos[1]]


def test_the_photo_inline_shows_the_order_as_a_number_to_drag_by(admin_client):
    album = AlbumFactory()
    PhotoFactory(album=album, order=4)
    html = admin_client.get(change_url(album)).content.decode()
    assert 'class="module sortable' in html
    # Visible, and marked for the library's script, which renumbers on a drop.
    assert 'type="number" name="photos-0-order" value="4" class="vIntegerField _reorder_"' in html


def test_the_photo_inline_speaks_vietnamese(admin_client):
    # django-admin-sortable2 has no Vietnamese; lhh/locale gives its words.
    album = AlbumFactory()
    PhotoFactory(album=album)
    html = admin_client.get(change_url(album)).content.decode()
    assert 'aria-label="Chuyển lên đầu"' in html
    assert 'aria-label="Chuyển xuống cuối"' in html
