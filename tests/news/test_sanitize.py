# ruff: noqa: E501  (the payloads are data, kept verbatim)
"""Rich-text bodies: OWASP filter-evasion payloads are neutralised in what
is stored and in what the article page shows; ordinary formatting stays."""

import re
from html.parser import HTMLParser

import pytest

from core.sanitize import ALLOWED_TAGS

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;">bấm</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">bấm</a>',
    "<a href=\"jav\tascript:alert('XSS');\">tab</a>",
    "<a href=\"jav&#x0A;ascript:alert('XSS');\">newline</a>",
    "<a href=\" &#14;  javascript:alert('XSS');\">space</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<a href=\"vbscript:msgbox('XSS')\">vb</a>",
    "<BODY ONLOAD=alert('XSS')>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<iframe src=\"javascript:alert('XSS');\"></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">div</DIV>",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">div</DIV>",
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">lớp phủ</p>',
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<FORM action="javascript:alert(1)"><button formaction="javascript:alert(2)">Gửi</button></FORM>',
    '<input type="image" src="x" onerror="alert(1)">',
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">ô</TD></TABLE>",
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    '<video><source onerror="alert(1)"></video>',
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    '<a href="http://example.com" target="_blank" onclick="alert(1)">liên kết</a>',
    '<xss class="image" onpointerenter="alert(1)">custom</xss>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="javas&#99;ript:alert(1)">entity in the middle</a>',
]

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# A URL's scheme as a browser reads it: controls and spaces are skipped.
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "background",
    "data",
    "srcset",
    "xlink:href",
}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def tags_of(html):
    parser = TagCollector()
    parser.feed(html)
    parser.close()
    return parser.tags


def dangers(html):
    """What a browser could run in `html`: tags, handlers, styles, bad URLs."""
    found = []
    for tag, attrs in tags_of(html):
        if tag not in ALLOWED_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                found.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES:
                url = "".join(ch for ch in (value or "") if ch > " ").lower()
                scheme = SCHEME.match(url)
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    found.append(f"{tag}[{name}={value!r}]")
    return found


def test_there_are_at_least_thirty_payloads():
    assert len(XSS_PAYLOADS) >= 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised_in_the_stored_body(payload):
    article = ArticleFactory(body=f"<p>Trước</p>{payload}<p>Sau</p>")
    article.refresh_from_db()
    assert dangers(article.body) == []
    assert "<p>Trước</p>" in article.body


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised_in_the_rendered_article(client, payload):
    article = ArticleFactory(body=payload)
    html = client.get(article.get_absolute_url()).content.decode()
    body = html[html.index('<div class="article__body rich-text">') :]
    body = body[: body.index('<div class="news-tools')]
    assert dangers(body) == []
    scripts = [dict(attrs).get("src", "") for tag, attrs in tags_of(html) if tag == "script"]
    assert all(src.startswith("/static/js/") for src in scripts)


FORMATTED = (
    "<h2>Tiêu đề mục</h2>"
    "<p><strong>đậm</strong>, <i>nghiêng</i>, <u>gạch chân</u> và "
    '<a href="https://vusta.vn/" target="_blank">liên kết</a>.</p>'
    "<ul><li>một</li><li>hai</li></ul>"
    '<ol start="3"><li>ba</li></ol>'
    "<blockquote><p>Trích dẫn.</p></blockquote>"
    '<figure class="table"><table><thead><tr><th>Cột</th></tr></thead>'
    "<tbody><tr><td>Ô</td></tr></tbody></table></figure>"
    '<figure class="image image-style-align-left"><img src="/media/editor/2026/11/a.png" alt="Ảnh">'
    "<figcaption>Chú thích ảnh</figcaption></figure>"
)


@pytest.mark.parametrize(
    "kept",
    [
        "<h2>Tiêu đề mục</h2>",
        "<strong>đậm</strong>",
        "<i>nghiêng</i>",
        "<u>gạch chân</u>",
        '<a href="https://vusta.vn/" target="_blank" rel="noopener noreferrer">liên kết</a>',
        "<ul><li>một</li><li>hai</li></ul>",
        '<ol start="3"><li>ba</li></ol>',
        "<blockquote><p>Trích dẫn.</p></blockquote>",
        '<figure class="table"><table><thead><tr><th>Cột</th></tr></thead>',
        '<figure class="image image-style-align-left">',
        '<img src="/media/editor/2026/11/a.png" alt="Ảnh">',
        "<figcaption>Chú thích ảnh</figcaption>",
    ],
)
def test_ordinary_formatting_survives(client, kept):
    article = ArticleFactory(body=FORMATTED)
    article.refresh_from_db()
    assert kept in article.body
    assert kept in client.get(article.get_absolute_url()).content.decode()
