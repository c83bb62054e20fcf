"""Where the old site's pages and files come from.

A source lists the old site's page addresses (`pages()`) and reads any
address it holds (`fetch()`). Two sources read an old site: a folder saved
with `wget --mirror` (MirrorSource), and the live site itself, crawled
politely (CrawlSource). A third, FileSource, only fetches files, for a
WordPress export whose pictures are still online or in a folder.
"""

import os
import time
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .addresses import OldSite, address_key, shown_address

# wget --restrict-file-names=windows writes "?" as "@"; --adjust-extension
# adds ".html" to pages served as HTML whose name does not end so.
SCRIPT_SUFFIXES = (".aspx", ".asp", ".php", ".jsp", ".cfm")
# An old page larger than this is not a page anyone wrote by hand.
PAGE_LIMIT = 5 * 1024 * 1024
USER_AGENT = "LHH-import/1.0 (chuyen trang cu sang Cong thong tin LHH)"


class SourceError(Exception):
    """A source that cannot be read; the message is for the IT person."""


def open_source(source, mapping, *, delay=1.0, max_pages=1000, timeout=15.0):
    """A mirror folder, or a live site when `source` is an http(s) address."""
    if source.startswith(("http://", "https://")):
        return CrawlSource(
            source,
            mapping.hosts,
            follow=mapping.follow,
            claims=lambda address: mapping.kind_of(address) is not None,
            delay=delay,
            max_pages=max_pages,
            timeout=timeout,
        )
    return MirrorSource(source, mapping.hosts)


def open_files(source, default_url, *, delay=1.0, timeout=15.0):
    """Where a WordPress export's files are: a folder, else an address (the
    site's own, by default)."""
    source = source or default_url
    if not source:
        raise SourceError("Hãy chỉ nơi lấy tệp đính kèm bằng --files <thư mục hoặc địa chỉ>.")
    if source.startswith(("http://", "https://")):
        return FileSource(HttpClient(source, delay=delay, timeout=timeout))
    return MirrorSource(source, [urlsplit(default_url or "").hostname or ""])


def address_of_file(relative):
    """'NewsDetail.aspx?Id=9036.html' → ('/NewsDetail.aspx', 'Id=9036')."""
    name = "/" + relative.replace(os.sep, "/")
    if "?" not in name:
        head, at, tail = name.rpartition("@")
        if at and head.lower().endswith(SCRIPT_SUFFIXES):
            name = f"{head}?{tail}"
    path, _, query = name.partition("?")
    if name.lower().endswith(".html") and (query or path.lower()[:-5].endswith(SCRIPT_SUFFIXES)):
        if query:
            query = query[:-5]
        else:
            path = path[:-5]
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path, query


class MirrorSource:
    missing = "Không có tệp này trong bản sao của trang cũ."
    # Asking it for an address costs no request to anyone.
    is_local = True

    def __init__(self, folder, hosts):
        root = Path(folder)
        if not root.is_dir():
            raise SourceError(f"Không tìm thấy thư mục bản sao “{folder}”.")
        # wget saves into a folder named after the host; either may be given.
        for host in hosts:
            if host and (root / host).is_dir():
                root = root / host
                break
        self.root = root
        self.failures = []
        self.files = {}
        for directory, _, names in os.walk(root):
            for name in names:
                full = Path(directory) / name
                path, query = address_of_file(str(full.relative_to(root)))
                self.files.setdefault(address_key(path, query), (path, query, full))

    def pages(self):
        """(path, query) of every file, in a stable order."""
        return sorted((path, query) for path, query, _ in self.files.values())

    def fetch(self, path, query="", limit=PAGE_LIMIT):
        """The bytes at an address, at most limit + 1 of them (more means
        too large), or None when the mirror does not hold it."""
        found = self.files.get(address_key(path, query))
        if found is None:
            return None
        with found[2].open("rb") as handle:
            return handle.read(limit + 1)


class Response:
    def __init__(self, status, content_type, body, address):
        self.status = status
        self.content_type = content_type
        self.body = body
        self.address = address

    @property
    def is_html(self):
        return self.content_type in ("text/html", "application/xhtml+xml", "")


class SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only within the host being read."""

    def __init__(self, host):
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urlsplit(urllib.request.urljoin(req.full_url, newurl))
        if target.netloc.lower() != self.host:
            return None  # answered as the redirect itself: not followed
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class HttpClient:
    """GETs to one host, politely: what its robots.txt forbids is not asked
    for, requests are at least `delay` seconds apart (or the Crawl-delay
    robots.txt asks, if longer), each waits at most `timeout` seconds, and
    nothing is read past its size limit. urllib, not a library: one host,
    one request at a time, no session or cookies needed."""

    def __init__(self, base, *, delay=1.0, timeout=15.0, user_agent=USER_AGENT):
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError(f"Địa chỉ “{base}” không phải địa chỉ web (http:// hoặc https://).")
        self.scheme = parts.scheme
        self.netloc = parts.netloc.lower()
        self.host = parts.hostname.lower()
        self.start = shown_address(parts.path or "/", parts.query)
        self.delay = max(float(delay), 0.0)
        self.timeout = timeout
        self.user_agent = user_agent
        self.opener = urllib.request.build_opener(SameHostRedirects(self.netloc))
        self.last_request = None
        self.requests = 0
        self.robots = None

    def url(self, path, query=""):
        return f"{self.scheme}://{self.netloc}{shown_address(path, query)}"

    def allowed(self, path, query=""):
        if self.robots is None:
            self.robots = self.read_robots()
        return self.robots.can_fetch(self.user_agent, self.url(path, query))

    def read_robots(self):
        """robots.txt as urllib.robotparser reads it: 401 and 403 forbid
        everything, any other failure allows everything."""
        parser = urllib.robotparser.RobotFileParser(self.url("/robots.txt"))
        try:
            response = self.request("/robots.txt", "", 512 * 1024)
        except SourceError:
            response = None
        if response is None or response.status in (404, 410) or response.status >= 500:
            parser.allow_all = True
        elif response.status in (401, 403):
            parser.disallow_all = True
        else:
            parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            crawl_delay = parser.crawl_delay(self.user_agent)
            if crawl_delay:
                self.delay = max(self.delay, float(crawl_delay))
        return parser

    def get(self, path, query="", limit=PAGE_LIMIT):
        """The answer at an address (status 200), None when the site has
        nothing there; SourceError when robots.txt forbids it or the site
        does not answer."""
        if not self.allowed(path, query):
            raise SourceError("robots.txt của trang cũ không cho tải địa chỉ này.")
        response = self.request(path, query, limit)
        return response if response.status == 200 else None

    def request(self, path, query, limit):
        self.wait()
        request = urllib.request.Request(
            self.url(path, query), headers={"User-Agent": self.user_agent}
        )
        self.requests += 1
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                final = urlsplit(answer.geturl())
                content_type = answer.headers.get_content_type() if answer.headers else ""
                body = answer.read(limit + 1)
                return Response(
                    answer.status, content_type, body, shown_address(final.path, final.query)
                )
        except urllib.error.HTTPError as exc:
            exc.close()
            return Response(exc.code, "", b"", shown_address(path, query))
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceError(f"Trang cũ không trả lời ({reason}).") from exc
        except (ValueError, OSError) as exc:
            raise SourceError(f"Không tải được ({exc}).") from exc
        finally:
            self.last_request = time.monotonic()

    def wait(self):
        if self.last_request is not None and self.delay:
            pause = self.last_request + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)


class FileSource:
    """Files of a live site, fetched when an import needs them."""

    def __init__(self, client):
        self.client = client
        self.failures = []
        self.missing = "Trang cũ không có tệp này."

    def pages(self):
        return []

    def fetch(self, path, query="", limit=PAGE_LIMIT):
        response = self.client.get(path, query, limit)
        return response.body if response is not None else None


class CrawlSource(FileSource):
    """A live old site, read by following its links from a start address.

    Only pages on the start address's host are read, and only those some
    section of the mapping claims (or `follow` lets through: the menus and
    lists that lead to them), at most `max_pages` of them; pictures and
    files are fetched later, only those an import needs. A page that fails
    is reported with its address. The pages read are kept in memory for the
    run (`max_pages` bounds them: a thousand old pages are some tens of MB).
    """

    def __init__(
        self, base, hosts, *, follow=(), claims=None, delay=1.0, max_pages=1000, timeout=15.0
    ):
        super().__init__(HttpClient(base, delay=delay, timeout=timeout))
        self.site = OldSite([*hosts, self.client.host])
        self.follow = list(follow)
        self.claims = claims or (lambda address: True)
        self.max_pages = max_pages
        self.progress = None
        self.stored = None
        self.refused = []

    def pages(self):
        if self.stored is None:
            self.stored = {}
            self.crawl()
        return sorted((path, query) for path, query, _ in self.stored.values())

    def fetch(self, path, query="", limit=PAGE_LIMIT):
        found = (self.stored or {}).get(address_key(path, query))
        if found is not None:
            return found[2]
        return super().fetch(path, query, limit)

    def crawl(self):
        start = urlsplit(self.client.start)
        queue = [(start.path or "/", start.query)]
        seen = {address_key(*queue[0])}
        bar = self.progress() if self.progress else None
        while queue and len(self.stored) < self.max_pages:
            path, query = queue.pop(0)
            address = shown_address(path, query)
            try:
                response = self.client.get(path, query)
            except SourceError as exc:
                self.failures.append((address, str(exc)))
                continue
            if bar is not None:
                bar.update(1)
            if response is None:
                self.failures.append((address, "Trang cũ trả lời lỗi hoặc không có trang này."))
                continue
            if not response.is_html or len(response.body) > PAGE_LIMIT:
                continue
            final = urlsplit(response.address)
            final_key = address_key(final.path, final.query)
            if final_key in self.stored:
                continue
            self.stored[final_key] = (final.path, final.query, response.body)
            for link in self.links(response.body, response.address):
                key = address_key(*link)
                if key not in seen and self.is_wanted(shown_address(*link)):
                    seen.add(key)
                    queue.append(link)
        if bar is not None:
            bar.close()
        if queue:
            self.refused.append(
                f"Dừng ở giới hạn {self.max_pages} trang; còn {len(queue)} địa chỉ chưa tải "
                "(tăng --max-pages để tải tiếp)."
            )

    def is_wanted(self, address):
        return self.claims(address) or any(pattern.search(address) for pattern in self.follow)

    def links(self, body, address):
        try:
            tree = lxml.html.document_fromstring(body)
        except (etree.ParserError, ValueError):
            return []
        found = []
        for element in tree.iter("a", "area", "frame", "iframe"):
            href = element.get("href") or element.get("src")
            target = self.site.resolve(href, address)
            if target is not None:
                found.append(target)
        return found
