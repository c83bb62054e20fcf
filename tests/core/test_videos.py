"""Videos in rich text: the sanitizer's allow-list (core.sanitize, core.videos)."""

import re

import pytest

from core.sanitize import sanitize_html
from core.videos import FRAME_ORIGINS, video_of
from tests.news.factories import ArticleFactory

YOUTUBE_ID = "M7lc1UVf-VE"


def media(url):
    """What CKEditor 5's MediaEmbed stores for a pasted address."""
    return f'<figure class="media"><oembed url="{url}"></oembed></figure>'


def frames(html):
    return re.findall(r"<iframe\b[^>]*>", html)


@pytest.mark.parametrize(
    "address",
    [
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com/watch?feature=share&amp;v={YOUTUBE_ID}",
        f"https://m.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}?si=abcdef",
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        f"https://www.youtube.com/embed/{YOUTUBE_ID}",
        f"http://www.youtube.com/watch?v={YOUTUBE_ID}",
    ],
)
def test_a_youtube_address_becomes_a_no_cookie_player(address):
    html = sanitize_html(media(address))
    [frame] = frames(html)
    assert f'src="https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"' in frame
    assert 'loading="lazy"' in frame
    assert 'title="Video YouTube"' in frame
    assert "allowfullscreen" in frame
    assert "youtube.com/" not in frame


def test_the_start_time_is_kept():
    html = sanitize_html(media(f"https://youtu.be/{YOUTUBE_ID}?t=42"))
    assert f"youtube-nocookie.com/embed/{YOUTUBE_ID}?start=42" in html


@pytest.mark.parametrize(
    "address, href",
    [
        (
            "https://www.facebook.com/vtv24/videos/1234567890/",
            "https%3A%2F%2Fwww.facebook.com%2Fvtv24%2Fvideos%2F1234567890%2F",
        ),
        (
            "https://m.facebook.com/watch/?v=1234567890",
            "https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890",
        ),
    ],
)
def test_a_facebook_video_becomes_its_player(address, href):
    [frame] = frames(sanitize_html(media(address)))
    assert (
        f'src="https://www.facebook.com/plugins/video.php?href={href}&amp;show_text=false"' in frame
    )
    assert 'title="Video Facebook"' in frame and 'loading="lazy"' in frame


def test_a_pasted_youtube_frame_is_rebuilt_on_the_no_cookie_host():
    pasted = (
        f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{YOUTUBE_ID}" '
        'onload="alert(1)" style="position:fixed" allow="autoplay; camera"></iframe>'
    )
    [frame] = frames(sanitize_html(pasted))
    assert f"youtube-nocookie.com/embed/{YOUTUBE_ID}" in frame
    assert "onload" not in frame and "style" not in frame and "camera" not in frame


@pytest.mark.parametrize(
    "other",
    [
        '<iframe src="https://evil.example/player"></iframe>',
        '<iframe src="https://vimeo.com/76979871"></iframe>',
        '<iframe src="https://www.facebook.com/plugins/like.php?href=x"></iframe>',
        '<iframe src="https://www.youtube-nocookie.com.evil.example/embed/M7lc1UVf-VE"></iframe>',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        "<iframe src=\"javascript:alert('XSS')\"></iframe>",
        '<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    ],
)
def test_another_frame_is_dropped(other):
    html = sanitize_html(f"<p>Trước</p>{other}<p>Sau</p>")
    assert frames(html) == []
    assert html == "<p>Trước</p><p>Sau</p>"


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", "data:text/html,x", "vbscript:x"],
)
def test_a_script_address_is_dropped(address):
    html = sanitize_html(f"<p>Trước</p>{media(address)}")
    assert html == "<p>Trước</p>"


def test_a_stored_player_with_a_script_address_is_dropped():
    forged = (
        '<div class="video" data-oembed-url="javascript:alert(1)">'
        f'<iframe src="https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"></iframe></div>'
    )
    assert sanitize_html(forged) == ""


@pytest.mark.parametrize(
    "address",
    [
        "https://vimeo.com/76979871",
        "https://www.dailymotion.com/video/x7tgad0",
        "https://www.facebook.com/somepage/posts/123",
        "https://youtube.com.evil.example/watch?v=M7lc1UVf-VE",
        "https://www.youtube.com/watch?v=too-short",
    ],
)
def test_another_host_stays_a_plain_link(address):
    html = sanitize_html(media(address))
    assert frames(html) == []
    assert f'<a href="{address}" rel="noopener noreferrer">{address}</a>' in html


def test_sanitizing_a_stored_player_again_changes_nothing():
    once = sanitize_html(
        media(f"https://youtu.be/{YOUTUBE_ID}")
        + media("https://www.facebook.com/vtv24/videos/1234567890/")
        + media("https://vimeo.com/1")
    )
    assert sanitize_html(once) == once


def test_the_stored_player_keeps_the_address_ckeditor_reloads():
    html = sanitize_html(media(f"https://www.youtube.com/watch?v={YOUTUBE_ID}"))
    assert f'<div class="video" data-oembed-url="https://youtu.be/{YOUTUBE_ID}">' in html
    assert video_of(f"https://youtu.be/{YOUTUBE_ID}").url == f"https://youtu.be/{YOUTUBE_ID}"


def test_two_videos_have_titles_of_their_own():
    html = sanitize_html(media(f"https://youtu.be/{YOUTUBE_ID}") * 2)
    assert 'title="Video YouTube"' in html and 'title="Video YouTube thứ 2"' in html


def test_the_policy_names_exactly_the_player_origins(settings):
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert sorted(frame_src) == sorted(FRAME_ORIGINS)


@pytest.mark.django_db
def test_an_article_shows_the_video_as_a_player(client):
    article = ArticleFactory(
        body=f"<p>Xem video:</p>{media(f'https://www.youtube.com/watch?v={YOUTUBE_ID}')}"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"' in html
    assert '<figure class="media"><div class="video"' in html
