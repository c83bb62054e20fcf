"""Where the old site's pages and files come from.

A source lists the old site's page addresses and opens any address it
holds. Today that is a folder saved with `wget --mirror`; a crawler of a
live address is another class with the same two methods.
"""

import os
from pathlib import Path

from .addresses import address_key

# wget --restrict-file-names=windows writes "?" as "@"; --adjust-extension
# adds ".html" to pages served as HTML whose name does not end so.
SCRIPT_SUFFIXES = (".aspx", ".asp", ".php", ".jsp", ".cfm")


class SourceError(Exception):
    """A source that cannot be read; the message is for the IT person."""


def open_source(source, hosts):
    if source.startswith(("http://", "https://")):
        raise SourceError(
            "Chưa hỗ trợ đọc trực tiếp từ địa chỉ web; hãy tải trang cũ về bằng "
            "“wget --mirror” rồi chỉ đường dẫn tới thư mục đó."
        )
    return MirrorSource(source, hosts)


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
    def __init__(self, folder, hosts):
        root = Path(folder)
        if not root.is_dir():
            raise SourceError(f"Không tìm thấy thư mục bản sao “{folder}”.")
        # wget saves into a folder named after the host; either may be given.
        for host in hosts:
            if (root / host).is_dir():
                root = root / host
                break
        self.root = root
        self.files = {}
        for directory, _, names in os.walk(root):
            for name in names:
                full = Path(directory) / name
                path, query = address_of_file(str(full.relative_to(root)))
                self.files.setdefault(address_key(path, query), (path, query, full))

    def pages(self):
        """(path, query) of every file, in a stable order."""
        return sorted((path, query) for path, query, _ in self.files.values())

    def locate(self, path, query=""):
        """The file holding an address, or None."""
        found = self.files.get(address_key(path, query))
        return found[2] if found else None

    def read(self, path, query=""):
        found = self.locate(path, query)
        return found.read_bytes() if found else None
