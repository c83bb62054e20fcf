"""Old addresses as one comparable key.

The old portals run on IIS, where paths and query parameter names are
case-insensitive (`/newsdetail.aspx?ID=9036` is `/NewsDetail.aspx?Id=9036`)
and parameters come in any order, so a key lower-cases the path and the
parameter names and sorts the parameters; values keep their case.
"""

from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

# Longer keys are not addresses anyone links to; they are not looked up.
MAX_KEY_LENGTH = 1000


def address_key(path, query=""):
    """'/NewsDetail.aspx', 'Id=9036' → '/newsdetail.aspx?id=9036'."""
    path = unquote(path or "/", errors="replace")
    if not path.startswith("/"):
        path = "/" + path
    pairs = sorted(
        (name.lower(), value)
        for name, value in parse_qsl(query or "", keep_blank_values=True, errors="replace")
    )
    key = quote(path.lower(), safe="/:@!$&'()*+,;=-._~")
    if pairs:
        key += "?" + urlencode(pairs)
    return key


def key_of_address(address):
    """The key of '/NewsDetail.aspx?Id=9036' (an address as staff type it)."""
    parts = urlsplit((address or "").strip())
    return address_key(parts.path, parts.query)


def shown_address(path, query=""):
    """The address as the old site wrote it: path and query string."""
    return f"{path}?{query}" if query else path


class OldSite:
    """The old site's host names, to tell its own links from others'."""

    def __init__(self, hosts):
        self.hosts = {host.lower() for host in hosts}
        self.base = f"http://{next(iter(sorted(self.hosts)), 'old.invalid')}"

    def resolve(self, href, page_address):
        """(path, query) of a link on the page at `page_address`, or None
        for a link elsewhere (another host, mailto:, javascript:…)."""
        href = (href or "").strip()
        if not href or href.startswith("#"):
            return None
        try:
            parts = urlsplit(urljoin(self.base + page_address, href))
        except ValueError:
            return None
        if parts.scheme not in ("http", "https"):
            return None
        if parts.hostname and parts.hostname.lower() not in self.hosts:
            return None
        return parts.path or "/", parts.query
