"""Videos in rich text: the allow-list of hosts a player may come from.

An editor pastes a YouTube or Facebook video address into CKEditor 5
(its MediaEmbed plugin stores `<figure class="media"><oembed url="…">`);
the sanitizer (core.sanitize) turns an address this module accepts into
the player's frame and any other into a plain link. Only two frame origins
exist, the ones the Content-Security-Policy's frame-src names
(lhh.settings): YouTube through its no-cookie domain, and Facebook's video
plugin.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
FACEBOOK_EMBED = "https://www.facebook.com/plugins/video.php"
# The frame-src of the Content-Security-Policy: these origins, nothing else.
FRAME_ORIGINS = ("https://www.youtube-nocookie.com", "https://www.facebook.com")

YOUTUBE_HOSTS = {
    "youtube.com", "www.youtube.com", "m.youtube.com",
    "youtube-nocookie.com", "www.youtube-nocookie.com",
}  # fmt: skip
FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_PATH = re.compile(r"/(?:embed|shorts|live|v)/([A-Za-z0-9_-]{11})/?")
FACEBOOK_VIDEO_PATH = re.compile(
    r"/(?:[\w.\-]+/videos/(?:[\w.\-]+/)?\d+|watch|reel/\d+|video\.php)/?", re.ASCII
)
FACEBOOK_VIDEO_ID = re.compile(r"\d+")


@dataclass(frozen=True)
class Video:
    # The address the editor pasted, made canonical: what CKEditor reloads.
    url: str
    # The frame's address, on one of FRAME_ORIGINS.
    embed_url: str
    host: str


def video_of(address):
    """The Video an address (a page or a player's frame) shows, or None
    when it is not a YouTube or Facebook video address."""
    try:
        parts = urlsplit((address or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.username or parts.password:
        return None
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(host, parts)
    if host in FACEBOOK_HOSTS:
        return _facebook(parts)
    return None


def _youtube(host, parts):
    query = parse_qs(parts.query)
    if host == "youtu.be":
        video_id = parts.path.strip("/")
    elif parts.path.rstrip("/") == "/watch":
        video_id = (query.get("v") or [""])[0]
    else:
        match = YOUTUBE_PATH.fullmatch(parts.path)
        video_id = match[1] if match else ""
    if not YOUTUBE_ID.fullmatch(video_id):
        return None
    start = (query.get("t") or query.get("start") or [""])[0].rstrip("s")
    start = start if start.isdigit() else ""
    return Video(
        url=f"https://youtu.be/{video_id}" + (f"?t={start}" if start else ""),
        embed_url=f"{YOUTUBE_EMBED}{video_id}" + (f"?start={start}" if start else ""),
        host="YouTube",
    )


def _facebook(parts):
    query = parse_qs(parts.query)
    if parts.path == "/plugins/video.php":
        # A pasted player: the video is the address it was given.
        inner = video_of((query.get("href") or [""])[0])
        return inner if inner and inner.host == "Facebook" else None
    if not FACEBOOK_VIDEO_PATH.fullmatch(parts.path):
        return None
    path = parts.path.rstrip("/")
    if path in ("/watch", "/video.php"):
        video_id = (query.get("v") or [""])[0]
        if not FACEBOOK_VIDEO_ID.fullmatch(video_id):
            return None
        url = f"https://www.facebook.com/watch/?v={video_id}"
    else:
        url = f"https://www.facebook.com{path}/"
    return Video(
        url=url,
        embed_url=f"{FACEBOOK_EMBED}?href={quote(url, safe='')}&show_text=false",
        host="Facebook",
    )
